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

G_END_DECLS
