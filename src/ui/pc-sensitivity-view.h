/* pc-sensitivity-view.h: how sure the figures are: the one-way tornado
 * with its ranges editable, and the probabilistic sensitivity as a fan
 * chart, run in a worker thread with progress and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-compare-selection.h"
#include "pc-document.h"
#include "pc-fan-chart.h"
#include "pc-sensitivity.h"
#include "pc-tornado-chart.h"

G_BEGIN_DECLS

#define PC_TYPE_SENSITIVITY_VIEW (pc_sensitivity_view_get_type ())
G_DECLARE_FINAL_TYPE (PcSensitivityView, pc_sensitivity_view, PC, SENSITIVITY_VIEW, GtkWidget)

GtkWidget          *pc_sensitivity_view_new           (void);
void                pc_sensitivity_view_set_document  (PcSensitivityView *self,
                                                       PcDocument        *document);
PcCompareSelection *pc_sensitivity_view_get_selection (PcSensitivityView *self);
PcTornadoChart     *pc_sensitivity_view_get_tornado   (PcSensitivityView *self);
PcFanChart         *pc_sensitivity_view_get_fan       (PcSensitivityView *self);
/* What is shown: NULL before a run or after a change. */
const PcOneWay     *pc_sensitivity_view_get_one_way   (PcSensitivityView *self);
const PcPsa        *pc_sensitivity_view_get_psa       (PcSensitivityView *self);
/* The one-way is being computed (in a worker thread). */
gboolean            pc_sensitivity_view_is_computing  (PcSensitivityView *self);
gboolean            pc_sensitivity_view_is_running    (PcSensitivityView *self);
const char         *pc_sensitivity_view_get_psa_text  (PcSensitivityView *self);
/* The low and high entries of a parameter's range (NULL when not shown). */
GtkEditable        *pc_sensitivity_view_get_range_entry (PcSensitivityView *self,
                                                         const char        *id,
                                                         gboolean           high);

G_END_DECLS
