/* pc-chart-export.h: writes a stacked bar chart to a PNG, SVG or PDF file
 * through cairo, black on white, laid out as on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "pc-chart-layout.h"

G_BEGIN_DECLS

/* The format follows @path's extension (case-insensitive); @font is the
 * widget's, so the file reads as the screen does.  Writes a temporary
 * file beside @path, then renames it: a failure leaves nothing behind. */
gboolean pc_chart_export (const PcChartData           *data,
                          const PangoFontDescription  *font,
                          const char                  *path,
                          int                          width,
                          int                          height,
                          GError                     **error);

/* Paints a chart of @width × @height on @cr, black on white already
 * painted, its text in @context. */
typedef void (*PcChartPainter) (cairo_t      *cr,
                                PangoContext *context,
                                int           width,
                                int           height,
                                gpointer      user_data);

/* The same file machinery for any chart that paints itself. */
gboolean pc_chart_export_painted (PcChartPainter               paint,
                                  gpointer                     paint_data,
                                  const PangoFontDescription  *font,
                                  const char                  *path,
                                  int                          width,
                                  int                          height,
                                  GError                     **error);

G_END_DECLS
