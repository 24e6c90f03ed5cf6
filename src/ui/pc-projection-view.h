/* pc-projection-view.h: the projection of a pathway over chosen areas and
 * years, under a chosen scenario: patients and cost by year, in charts and
 * in the table beneath them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-chart.h"
#include "pc-document.h"
#include "pc-lever-panel.h"
#include "pc-workbook.h"

G_BEGIN_DECLS

#define PC_TYPE_PROJECTION_VIEW (pc_projection_view_get_type ())
G_DECLARE_FINAL_TYPE (PcProjectionView, pc_projection_view, PC, PROJECTION_VIEW, GtkWidget)

GtkWidget          *pc_projection_view_new            (void);
void                pc_projection_view_set_document   (PcProjectionView   *self,
                                                       PcDocument         *document);
/* The first financial year (2026 for 2026/27) and the horizon. */
void                pc_projection_view_set_period     (PcProjectionView   *self,
                                                       int                 from,
                                                       int                 years);
/* NULL-terminated area codes; NULL or empty selects every area. */
void                pc_projection_view_set_areas      (PcProjectionView   *self,
                                                       const char * const *areas);
void                pc_projection_view_set_scenario   (PcProjectionView   *self,
                                                       const char         *scenario);
/* What is shown, or NULL with the reason in the view. */
const PcProjection *pc_projection_view_get_projection (PcProjectionView   *self);
/* The export request for what is shown; strings owned by the view. */
gboolean            pc_projection_view_get_request    (PcProjectionView   *self,
                                                       PcWorkbookRequest  *request);
PcChart            *pc_projection_view_get_cost_chart (PcProjectionView   *self);
PcChart            *pc_projection_view_get_patient_chart (PcProjectionView *self);
/* "Changes nothing in this pathway" when it is shown beside the scenario's
 * name (the chosen scenario touches nothing in the shown pathway), else NULL. */
const char         *pc_projection_view_get_scenario_warning (PcProjectionView *self);
/* The caption over the NPV ("NPV at 3.5% a year, to 2035/36"), and the line
 * naming the price and incidence years. */
const char         *pc_projection_view_get_npv_caption (PcProjectionView *self);
const char         *pc_projection_view_get_basis       (PcProjectionView *self);
/* Runs the uncertainty analysis (10,000 runs, seed 1) in a worker thread;
 * its result, or NULL while it runs. */
void                pc_projection_view_run_uncertainty (PcProjectionView *self);
const char         *pc_projection_view_get_uncertainty (PcProjectionView *self);
/* The text of the table's cell (row 0 is the heading). */
const char         *pc_projection_view_get_cell       (PcProjectionView   *self,
                                                       guint               row,
                                                       guint               column);

/* Presentation mode: charts first, the live levers beside them. */
void                pc_projection_view_set_presenting  (PcProjectionView *self,
                                                        gboolean          presenting);
PcLeverPanel       *pc_projection_view_get_lever_panel (PcProjectionView *self);
/* The change from the baseline (@npv: its NPV) as shown while a lever is
 * moved, else NULL; the total cost as shown. */
const char         *pc_projection_view_get_change      (PcProjectionView *self,
                                                        gboolean          npv);
const char         *pc_projection_view_get_total       (PcProjectionView *self);

G_END_DECLS
