/* pc-chart.h: a stacked bar chart widget for costs and patient counts, the
 * same drawing on screen and in PNG, SVG and PDF files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-axis.h"

G_BEGIN_DECLS

typedef enum
{
  PC_CHART_MONEY = PC_AXIS_MONEY,
  PC_CHART_COUNT = PC_AXIS_COUNT,
} PcChartValueKind;

#define PC_TYPE_CHART_VALUE_KIND (pc_chart_value_kind_get_type ())
GType pc_chart_value_kind_get_type (void);

#define PC_TYPE_CHART (pc_chart_get_type ())

G_DECLARE_FINAL_TYPE (PcChart, pc_chart, PC, CHART, GtkWidget)

GtkWidget *pc_chart_new               (void);
/* Also the accessible label. */
void       pc_chart_set_title         (PcChart            *self,
                                       const char         *title);
const char *pc_chart_get_title        (PcChart            *self);
void       pc_chart_set_axis_labels   (PcChart            *self,
                                       const char         *x_label,
                                       const char         *y_label);
void       pc_chart_set_value_kind    (PcChart            *self,
                                       PcChartValueKind    kind);
PcChartValueKind pc_chart_get_value_kind (PcChart         *self);
/* values[s * n_categories + c]; copies everything; queues a redraw and
 * updates the accessible description. */
void       pc_chart_set_data          (PcChart            *self,
                                       const char * const *categories,
                                       guint               n_categories,
                                       const char * const *series,
                                       guint               n_series,
                                       const double       *values);
guint      pc_chart_get_n_categories  (PcChart            *self);
guint      pc_chart_get_n_series      (PcChart            *self);
double     pc_chart_get_value         (PcChart            *self,
                                       guint               series,
                                       guint               category);
/* How many times the widget has been drawn on screen: tests and benchmarks
 * wait on it. */
guint64    pc_chart_get_draw_count    (PcChart            *self);
/* Draws the chart as the screen shows it: theme colours on a transparent
 * background (pc_chart_save() paints the same layout black on white). */
void       pc_chart_draw              (PcChart            *self,
                                       cairo_t            *cr,
                                       int                 width,
                                       int                 height);
/* Writes the chart to @path as PNG, SVG or PDF, chosen by the extension
 * (case-insensitive).  Writes a temporary file beside @path, then renames
 * it, so a failure leaves nothing behind. */
gboolean   pc_chart_save              (PcChart            *self,
                                       const char         *path,
                                       int                 width,
                                       int                 height,
                                       GError            **error);
/* "Series — Category: £1,234.56 (bar total £9,999.00)" for the segment under
 * (@x, @y) in widget coordinates, NULL when there is none. */
char      *pc_chart_describe_point    (PcChart            *self,
                                       double              x,
                                       double              y);
/* A one-paragraph summary: the accessible description. */
char      *pc_chart_describe          (PcChart            *self);

G_END_DECLS
