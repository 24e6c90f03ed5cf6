/* pc-flows-view.h: the flows of patients from areas (or area groups) to
 * providers as a shaded matrix of patients, cost or tariff paid, with
 * totals, sortable by any column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_FLOWS_VIEW (pc_flows_view_get_type ())
G_DECLARE_FINAL_TYPE (PcFlowsView, pc_flows_view, PC, FLOWS_VIEW, GtkWidget)

typedef enum
{
  PC_FLOWS_PATIENTS,
  PC_FLOWS_COST,
  PC_FLOWS_TARIFF_PAID,
} PcFlowsMeasure;

void      pc_flows_view_set_document (PcFlowsView    *self,
                                      PcDocument     *document);
/* Reads the flows again (after an import or an undo). */
void      pc_flows_view_refresh      (PcFlowsView    *self);
void      pc_flows_view_set_measure  (PcFlowsView    *self,
                                      PcFlowsMeasure  measure);
void      pc_flows_view_set_by_group (PcFlowsView    *self,
                                      gboolean        by_group);
/* The matrix: row 0 the headings, column 0 the row names, the last row
 * and column the totals. */
GtkGrid  *pc_flows_view_get_grid     (PcFlowsView    *self);

G_END_DECLS
