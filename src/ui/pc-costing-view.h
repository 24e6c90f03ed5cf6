/* pc-costing-view.h: what the shown pathway costs per patient: by stage and
 * phase, by funding stream, a death's cost, the provider's gap, and step
 * by step against another pathway for the same tumour site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-chart.h"
#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_COSTING_VIEW (pc_costing_view_get_type ())
G_DECLARE_FINAL_TYPE (PcCostingView, pc_costing_view, PC, COSTING_VIEW, GtkWidget)

typedef enum
{
  PC_COSTING_TABLE_PHASE,
  PC_COSTING_TABLE_FUNDING,
  PC_COSTING_TABLE_PROVIDER,
  PC_COSTING_TABLE_COMPARISON,
  PC_COSTING_TABLE_DEATH,
} PcCostingTable;

GtkWidget  *pc_costing_view_new          (void);
void        pc_costing_view_set_document (PcCostingView  *self,
                                          PcDocument     *document);
PcChart    *pc_costing_view_get_chart    (PcCostingView  *self);
/* The text of a table's cell (row 0 is the heading), for tests.  The
 * phase table's last row is the pathway's expected cost per patient
 * diagnosed, by stage and (last column) over all stages. */
const char *pc_costing_view_get_cell     (PcCostingView  *self,
                                          PcCostingTable  table,
                                          guint           row,
                                          guint           column);
/* Compares with @pathway (NULL: the first other pathway of the site). */
void        pc_costing_view_compare_with (PcCostingView  *self,
                                          const char     *pathway,
                                          PcStage         stage);

G_END_DECLS
