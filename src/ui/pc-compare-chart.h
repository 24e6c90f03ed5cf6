/* pc-compare-chart.h: a scenario beside its baseline by year (paired bars),
 * the cumulative difference as a line and the payback year marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PC_TYPE_COMPARE_CHART (pc_compare_chart_get_type ())
G_DECLARE_FINAL_TYPE (PcCompareChart, pc_compare_chart, PC, COMPARE_CHART, GtkWidget)

GtkWidget  *pc_compare_chart_new      (void);
/* Copies everything; @payback is the index of the payback year, or -1.
 * @n_years 0 clears the chart. */
void        pc_compare_chart_set_data (PcCompareChart      *self,
                                       const char          *title,
                                       const char * const  *years,
                                       guint                n_years,
                                       const double        *baseline,
                                       const double        *scenario,
                                       const double        *cumulative,
                                       int                  payback);
const char *pc_compare_chart_get_title (PcCompareChart     *self);
/* The chart as screen readers get it. */
const char *pc_compare_chart_get_description (PcCompareChart *self);
/* The years shown: baseline, scenario and cumulative difference. */
guint       pc_compare_chart_get_n_years (PcCompareChart   *self);
void        pc_compare_chart_get_year  (PcCompareChart     *self,
                                        guint               index,
                                        double             *baseline,
                                        double             *scenario,
                                        double             *cumulative);
int         pc_compare_chart_get_payback (PcCompareChart   *self);
/* How many times it has been drawn on screen (for make bench). */
guint64     pc_compare_chart_get_draw_count (PcCompareChart *self);
/* Paints it black on white at @width × @height (a file, the business case). */
void        pc_compare_chart_paint    (cairo_t             *cr,
                                       PangoContext        *context,
                                       int                  width,
                                       int                  height,
                                       gpointer             self);
/* PNG, SVG or PDF by @path's extension. */
gboolean    pc_compare_chart_save     (PcCompareChart      *self,
                                       const char          *path,
                                       int                  width,
                                       int                  height,
                                       GError             **error);

G_END_DECLS
