/* pc-compare-view.h: a scenario beside its baseline: cost by year, the
 * cumulative difference, its NPV and payback year, and the activity moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-compare.h"
#include "pc-compare-chart.h"
#include "pc-compare-selection.h"
#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_COMPARE_VIEW (pc_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (PcCompareView, pc_compare_view, PC, COMPARE_VIEW, GtkWidget)

GtkWidget          *pc_compare_view_new           (void);
void                pc_compare_view_set_document  (PcCompareView *self,
                                                   PcDocument    *document);
PcCompareSelection *pc_compare_view_get_selection (PcCompareView *self);
/* What is shown, NULL when there is no comparison. */
const PcScenarioComparison *pc_compare_view_get_comparison (PcCompareView *self);
PcCompareChart     *pc_compare_view_get_chart     (PcCompareView *self);
/* The chart's title: pathway, area, scenario and price year. */
const char         *pc_compare_view_get_title     (PcCompareView *self);
GtkGrid            *pc_compare_view_get_table     (PcCompareView *self);
GtkGrid            *pc_compare_view_get_activity_table (PcCompareView *self);
const char         *pc_compare_view_get_npv_text  (PcCompareView *self);
const char         *pc_compare_view_get_npv_caption (PcCompareView *self);
const char         *pc_compare_view_get_payback_text (PcCompareView *self);
/* The warnings shown (the scenario's untouched warning among them), NULL for none. */
const char         *pc_compare_view_get_warning   (PcCompareView *self);
/* Runs the sensitivities in a worker thread and writes the business case
 * to @path (A4 PDF). */
void                pc_compare_view_write_business_case        (PcCompareView       *self,
                                                                const char          *path,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean            pc_compare_view_write_business_case_finish (PcCompareView       *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
