/* pc-activity-json.h: `activity --json` as docs/CLI.md specifies it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pc-activity.h"

G_BEGIN_DECLS

JsonNode *pc_flows_json_build      (GPtrArray  *flows);
JsonNode *pc_costs_json_build      (GPtrArray  *costs);
JsonNode *pc_compliance_json_build (const char *pathway,
                                    const char *provider,
                                    GPtrArray  *rows);
JsonNode *pc_unit_costs_json_build (GPtrArray  *costs);
JsonNode *pc_risks_json_build      (GPtrArray  *risks);

G_END_DECLS
