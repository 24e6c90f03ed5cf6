/* pc-unit-cost-view.h: a provider's mean cost per unit of each step's HRG
 * against tariff × MFF, with the gap, and an undoable Apply that writes
 * them into the provider's pathway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_UNIT_COST_VIEW (pc_unit_cost_view_get_type ())
G_DECLARE_FINAL_TYPE (PcUnitCostView, pc_unit_cost_view, PC, UNIT_COST_VIEW, GtkWidget)

void      pc_unit_cost_view_set_document (PcUnitCostView *self,
                                          PcDocument     *document);
void      pc_unit_cost_view_refresh      (PcUnitCostView *self);
/* Chooses the provider and one of its pathways (NULL: its first). */
gboolean  pc_unit_cost_view_choose       (PcUnitCostView *self,
                                          const char     *provider,
                                          const char     *pathway);
/* Row 0 the headings: Step, HRG, Records, Units, Provider's cost per
 * unit, Tariff × MFF, Gap, In the pathway now. */
GtkGrid  *pc_unit_cost_view_get_grid     (PcUnitCostView *self);
/* What the Apply button does; FALSE with the reason shown when refused. */
gboolean  pc_unit_cost_view_apply        (PcUnitCostView *self);

G_END_DECLS
