/* pc-report-json.h: the JSON report of docs/CLI.md ("report --json").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pc-model.h"
#include "pc-project.h"
#include "pc-projection.h"
#include "pc-scenario.h"
#include "pc-sensitivity.h"

G_BEGIN_DECLS

/* @area is the area code (several codes joined with "+"); @scenario may be NULL. */
JsonNode *pc_report_json_build     (const PcPathway    *pathway,
                                    const PcProjection *projection,
                                    const char         *area,
                                    const char         *scenario);
/* compare --json: both reports, the difference per year, cumulative, NPV of
 * the difference, payback year, and the activity the scenario moves. */
JsonNode *pc_compare_json_build    (const PcPathway    *baseline_pathway,
                                    const PcProjection *baseline,
                                    const PcPathway    *scenario_pathway,
                                    const PcProjection *scenario,
                                    const PcComparison *comparison,
                                    const char         *area,
                                    const char         *scenario_name);
JsonNode *pc_one_way_json_build    (const PcOneWay     *one_way);
JsonNode *pc_psa_json_build        (const PcPsa        *psa);
char     *pc_report_json_to_string (JsonNode           *node,
                                    gboolean            pretty);

/* `sources --json`: {"sources": [{"kind", "table", "file", "sha256",
 * "rows", "time", "source", "recorded"}]}, newest first. */
JsonNode *pc_sources_json_build  (GPtrArray          *sources);

G_END_DECLS
