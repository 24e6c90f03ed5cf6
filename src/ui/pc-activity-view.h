/* pc-activity-view.h: the Activity page: what the project's patient-level
 * activity says, in five views under one switcher (flows, actual cost per
 * patient, compliance, unit costs, the risk register), or, while the
 * project holds no activity, an invitation to import an extract.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-actual-cost-view.h"
#include "pc-compliance-view.h"
#include "pc-document.h"
#include "pc-flows-view.h"
#include "pc-risk-view.h"
#include "pc-unit-cost-view.h"

G_BEGIN_DECLS

#define PC_TYPE_ACTIVITY_VIEW (pc_activity_view_get_type ())
G_DECLARE_FINAL_TYPE (PcActivityView, pc_activity_view, PC, ACTIVITY_VIEW, GtkWidget)

void              pc_activity_view_set_document    (PcActivityView *self,
                                                    PcDocument     *document);
/* "flows", "costs", "compliance", "unit-costs" or "risks". */
void              pc_activity_view_show            (PcActivityView *self,
                                                    const char     *name);
const char       *pc_activity_view_get_shown       (PcActivityView *self);
/* Whether the empty state (no activity: import one) is shown. */
gboolean          pc_activity_view_is_empty        (PcActivityView *self);
PcFlowsView      *pc_activity_view_get_flows       (PcActivityView *self);
PcActualCostView *pc_activity_view_get_costs       (PcActivityView *self);
PcComplianceView *pc_activity_view_get_compliance  (PcActivityView *self);
PcUnitCostView   *pc_activity_view_get_unit_costs  (PcActivityView *self);
PcRiskView       *pc_activity_view_get_risks       (PcActivityView *self);

G_END_DECLS
