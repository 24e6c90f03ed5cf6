/* pc-chart-frame.h: what the self-painting chart widgets (compare,
 * tornado, fan) share as widgets: the class setup, the snapshot through
 * cairo, the screen-reader text and the file a chart is saved to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-chart-export.h"

G_BEGIN_DECLS

/* Paints @chart on @cr at @width × @height, text and lines in @fg. */
typedef void (*PcChartFramePainter) (gpointer       chart,
                                     cairo_t       *cr,
                                     PangoContext  *context,
                                     int            width,
                                     int            height,
                                     const GdkRGBA *fg);

/* Black, for charts painted on white (files, the business case). */
extern const GdkRGBA pc_chart_frame_black;

/* An image to a screen reader, styled as "chart", drawn by @snapshot and
 * sized by @measure. */
void     pc_chart_frame_class_init      (GtkWidgetClass      *widget_class,
                                         void               (*snapshot) (GtkWidget   *widget,
                                                                         GtkSnapshot *snapshot),
                                         void               (*measure) (GtkWidget      *widget,
                                                                        GtkOrientation  orientation,
                                                                        int             for_size,
                                                                        int            *minimum,
                                                                        int            *natural,
                                                                        int            *minimum_baseline,
                                                                        int            *natural_baseline));

/* The charts' one width (280 at least, 640 wanted) and, for the vertical
 * @orientation, @min_height and @natural_height. */
void     pc_chart_frame_measure         (GtkOrientation       orientation,
                                         int                  min_height,
                                         int                  natural_height,
                                         int                 *minimum,
                                         int                 *natural);

/* Paints @widget with @paint over its allocation in the theme's colour;
 * returns FALSE when it has no size and nothing was painted. */
gboolean pc_chart_frame_snapshot        (GtkWidget           *widget,
                                         GtkSnapshot         *snapshot,
                                         PcChartFramePainter  paint);

/* Keeps a copy of @title in *@title_slot and @description (taken) in
 * *@description_slot, freeing what they held, and gives the screen reader
 * both (@fallback for a chart without a title). */
void     pc_chart_frame_set_text        (GtkWidget           *widget,
                                         char               **title_slot,
                                         char               **description_slot,
                                         const char          *title,
                                         char                *description,
                                         const char          *fallback);

/* Frees the title and description pc_chart_frame_set_text keeps. */
void     pc_chart_frame_clear_text      (char               **title_slot,
                                         char               **description_slot);

/* Writes @widget as pc_chart_export_painted does, in the widget's font. */
gboolean pc_chart_frame_save            (GtkWidget           *widget,
                                         PcChartPainter       paint,
                                         const char          *path,
                                         int                  width,
                                         int                  height,
                                         GError             **error);

G_END_DECLS
