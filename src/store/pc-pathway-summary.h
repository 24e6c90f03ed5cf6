/* pc-pathway-summary.h: what a list of pathways shows of each one (its
 * name, site, kind, provider, number of steps and a title a person reads),
 * all of them read in one query, without loading their steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-project.h"

G_BEGIN_DECLS

#define PC_TYPE_PATHWAY_SUMMARY (pc_pathway_summary_get_type ())
G_DECLARE_FINAL_TYPE (PcPathwaySummary, pc_pathway_summary, PC, PATHWAY_SUMMARY, GObject)

const char    *pc_pathway_summary_get_name     (PcPathwaySummary *self);
const char    *pc_pathway_summary_get_site     (PcPathwaySummary *self);
PcPathwayKind  pc_pathway_summary_get_kind     (PcPathwaySummary *self);
/* NULL for a pathway that is not one provider's. */
const char    *pc_pathway_summary_get_provider (PcPathwaySummary *self);
guint          pc_pathway_summary_get_n_steps  (PcPathwaySummary *self);
/* As pc_project_describe_pathway: "Breast, current: Name (RF4)". */
const char    *pc_pathway_summary_get_title    (PcPathwaySummary *self);

/* Every pathway of @self by site, best practice first, as
 * PcPathwaySummary items; NULL and @error when the file cannot be read. */
GListStore    *pc_project_list_pathway_summaries (PcProject  *self,
                                                  GError    **error);

G_END_DECLS
