/* pc-chart-private.h: PcChart's pure helpers and geometry, for its tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-chart.h"

G_BEGIN_DECLS

/* An axis tick as the y axis shows it: "£0", "£500", "£250k", "£1.5m";
 * counts as "12,500". */
char     *_pc_chart_format_tick        (double            value,
                                        PcChartValueKind  kind);
/* An axis from @min to @max in about @target_ticks steps of 1, 2, 2.5 or
 * 5 × 10^n, widened to whole steps; @min_step is the smallest step allowed. */
void      _pc_chart_nice_axis          (double            min,
                                        double            max,
                                        guint             target_ticks,
                                        double            min_step,
                                        double           *axis_min,
                                        double           *axis_max,
                                        double           *step);
/* Where the segment of @series in @category is drawn for the widget's
 * current size; FALSE when it has no area (a zero value) or does not exist. */
gboolean  _pc_chart_get_segment_area   (PcChart          *self,
                                        guint             series,
                                        guint             category,
                                        graphene_rect_t  *area);
/* Every how many categories a label is shown at @width × @height (1 = all). */
guint     _pc_chart_get_label_step     (PcChart          *self,
                                        int               width,
                                        int               height);

G_END_DECLS
