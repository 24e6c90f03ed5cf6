/* pc-axis.h: a chart's value axis and its numbers: nice tick steps, ticks
 * as "£250k" or "£1.5m", three-figure totals for screen readers, exact
 * figures for tooltips, and the financial years along the other axis.
 * GTK-free, so the rules are tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PC_AXIS_MONEY,
  PC_AXIS_COUNT,
} PcAxisUnit;

/* An axis from @min to @max in about @target_ticks steps of 1, 2, 2.5 or
 * 5 × 10^n, widened to whole steps and always holding zero; @min_step is
 * the smallest step allowed (1 for counts: no 2.5 patients), 0 for none. */
void    pc_axis_nice          (double      min,
                               double      max,
                               guint       target_ticks,
                               double      min_step,
                               double     *axis_min,
                               double     *axis_max,
                               double     *step);
/* A tick as the value axis shows it: "£0", "£500", "£250k", "£1.5m",
 * "-£250k", "£3bn"; counts as "12,500". */
char   *pc_axis_format_tick   (double      value,
                               PcAxisUnit  unit);
/* Three significant figures, for the summary a screen reader speaks:
 * "£1.23m", "£10.5m", "£250k"; exact pence under £1,000. */
char   *pc_axis_format_short  (double      value,
                               PcAxisUnit  unit);
/* The exact figure, as a tooltip shows it: "£1,234.56"; "12.5". */
char   *pc_axis_format_exact  (double      value,
                               PcAxisUnit  unit);
/* @n_years financial years from @first: "2026/27", "2027/28"… */
GStrv   pc_axis_year_labels   (int         first,
                               guint       n_years);

G_END_DECLS
