/* pc-chart-paint.h: paints a stacked bar chart, laid out by
 * pc-chart-layout, on any cairo context: the screen and the files alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-chart-layout.h"

G_BEGIN_DECLS

/* Text and lines in @fg; the segment of @hover_series in @hover_category
 * (-1 for none) is outlined. */
void pc_chart_paint (cairo_t             *cr,
                     PangoContext        *context,
                     const PcChartData   *data,
                     const PcChartLayout *layout,
                     const GdkRGBA       *fg,
                     int                  hover_series,
                     int                  hover_category);

/* For the business charts (compare, tornado, fan): the series colours,
 * text drawn with its left (@align 0), centre (0.5) or right (1) at @x and
 * its top at @y (returns its height), a value axis with gridlines along
 * the left of @plot or (@horizontal) under it, and a legend swatch at *@x,
 * which moves past it. */
void pc_chart_series_colour    (guint                  series,
                                GdkRGBA               *colour);
int  pc_chart_paint_text       (cairo_t               *cr,
                                PangoContext          *context,
                                const char            *text,
                                PcChartTextStyle       style,
                                double                 max_width,
                                double                 x,
                                double                 y,
                                double                 align,
                                const GdkRGBA         *fg);
void pc_chart_text_size        (PangoContext          *context,
                                const char            *text,
                                PcChartTextStyle       style,
                                int                   *width,
                                int                   *height);
int  pc_chart_tick_label_width (PangoContext          *context,
                                double                 min,
                                double                 max,
                                double                 step,
                                PcAxisUnit             unit);
void pc_chart_paint_value_grid (cairo_t               *cr,
                                PangoContext          *context,
                                const graphene_rect_t *plot,
                                double                 min,
                                double                 max,
                                double                 step,
                                PcAxisUnit             unit,
                                gboolean               horizontal,
                                const GdkRGBA         *fg);
void pc_chart_paint_swatch     (cairo_t               *cr,
                                PangoContext          *context,
                                const GdkRGBA         *colour,
                                const char            *text,
                                double                *x,
                                double                 y,
                                const GdkRGBA         *fg);

/* The title at the top left, wrapped to @width; returns its height. */
int  pc_chart_paint_title      (cairo_t               *cr,
                                PangoContext          *context,
                                const char            *text,
                                double                 width,
                                const GdkRGBA         *fg);

G_END_DECLS
