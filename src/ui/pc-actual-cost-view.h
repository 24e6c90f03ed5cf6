/* pc-actual-cost-view.h: actual cost per patient of a site by provider and
 * stage, as box plots of the quartiles beside the expected cost per
 * patient of the site's best-practice pathway, and as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-box-plot.h"
#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_ACTUAL_COST_VIEW (pc_actual_cost_view_get_type ())
G_DECLARE_FINAL_TYPE (PcActualCostView, pc_actual_cost_view, PC, ACTUAL_COST_VIEW, GtkWidget)

void       pc_actual_cost_view_set_document (PcActualCostView *self,
                                             PcDocument       *document);
void       pc_actual_cost_view_refresh      (PcActualCostView *self);
/* Chooses the site (a code) and the provider (NULL for all). */
gboolean   pc_actual_cost_view_choose       (PcActualCostView *self,
                                             const char       *site,
                                             const char       *provider);
/* Row 0 the headings: Provider, Stage, Patients, Mean, Q1, Median, Q3,
 * Expected. */
GtkGrid   *pc_actual_cost_view_get_grid     (PcActualCostView *self);
PcBoxPlot *pc_actual_cost_view_get_plot     (PcActualCostView *self);

G_END_DECLS
