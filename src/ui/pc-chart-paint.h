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

/* Sets @colour, its alpha scaled by @alpha, as @cr's source. */
void     pc_chart_set_source        (cairo_t               *cr,
                                     const GdkRGBA         *colour,
                                     double                 alpha);

/* The title (when there is one) from the top; sets *@y below it.  When
 * @empty, paints "No data" in the middle and returns FALSE: nothing more
 * to paint. */
gboolean pc_chart_paint_heading     (cairo_t               *cr,
                                     PangoContext          *context,
                                     const char            *title,
                                     gboolean               empty,
                                     int                    width,
                                     int                    height,
                                     const GdkRGBA         *fg,
                                     double                *y);

/* @n swatches of series @colours named @names from the left at @y, in one
 * row or as many as @width needs; returns the legend's height. */
double   pc_chart_paint_legend      (cairo_t               *cr,
                                     PangoContext          *context,
                                     const char    *const  *names,
                                     const guint           *colours,
                                     guint                  n,
                                     int                    width,
                                     double                 y,
                                     const GdkRGBA         *fg);

/* Where @value stands in @plot on an axis from @min (bottom) to @max. */
double   pc_chart_value_to_y        (const graphene_rect_t *plot,
                                     double                 value,
                                     double                 min,
                                     double                 max);

/* The middle of slot @i of @n side by side across @plot (a year, say). */
double   pc_chart_slot_x            (const graphene_rect_t *plot,
                                     guint                  n,
                                     guint                  i);

/* The @n slots' @labels under @plot, skipping some where they would
 * collide (@n > 0). */
void     pc_chart_paint_slot_labels (cairo_t               *cr,
                                     PangoContext          *context,
                                     const char    *const  *labels,
                                     guint                  n,
                                     const graphene_rect_t *plot,
                                     const GdkRGBA         *fg);

/* A line through @values, one a slot, with a dot at each, in @cr's source. */
void     pc_chart_paint_slot_line   (cairo_t               *cr,
                                     const graphene_rect_t *plot,
                                     const double          *values,
                                     guint                  n,
                                     double                 min,
                                     double                 max);

G_END_DECLS
