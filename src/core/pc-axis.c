/* pc-axis.c: a chart's value axis and its numbers (see pc-axis.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pc-axis.h"
#include "pc-format.h"

/* The fewest decimals (up to @max) that show @value exactly enough. */
static guint
decimals_needed (double value,
                 guint  max)
{
  double scale = 1.0;

  for (guint d = 0; d < max; d++, scale *= 10.0)
    {
      double scaled = value * scale;

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        return d;
    }
  return max;
}

static char *
format_count (double value)
{
  return pc_format_number (value, decimals_needed (value, 2));
}

char *
pc_axis_format_tick (double     value,
                     PcAxisUnit unit)
{
  double magnitude;
  double scaled;
  const char *suffix;
  g_autofree char *digits = NULL;

  /* Ticks are sums of steps: a zero may arrive as -1e-12. */
  if (fabs (value) < 1e-9)
    value = 0.0;
  if (unit == PC_AXIS_COUNT)
    return format_count (value);

  magnitude = fabs (value);
  if (magnitude >= 1e9)
    scaled = magnitude / 1e9, suffix = "bn";
  else if (magnitude >= 1e6)
    scaled = magnitude / 1e6, suffix = "m";
  else if (magnitude >= 1e3)
    scaled = magnitude / 1e3, suffix = "k";
  else
    scaled = magnitude, suffix = "";
  digits = pc_format_number (scaled, decimals_needed (scaled, 2));
  return g_strdup_printf ("%s£%s%s", value < 0 ? "-" : "", digits, suffix);
}

char *
pc_axis_format_short (double     value,
                      PcAxisUnit unit)
{
  static const struct { double unit; const char *suffix; } units[] = {
    { 1e3, "k" }, { 1e6, "m" }, { 1e9, "bn" },
  };
  double magnitude = fabs (value);
  guint u = 0;
  double scaled;
  double rounded;
  guint decimals;
  g_autofree char *digits = NULL;

  if (unit == PC_AXIS_COUNT)
    return format_count (value);
  if (!isfinite (value) || magnitude < 1e3)
    return pc_format_money (value);

  while (u + 1 < G_N_ELEMENTS (units) && magnitude >= units[u + 1].unit)
    u++;
  for (;;)
    {
      double scale;

      scaled = magnitude / units[u].unit;
      decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
      scale = pow (10.0, decimals);
      rounded = round (scaled * scale) / scale;
      /* 999,999 rounds to "1000k": say "£1m" instead. */
      if (rounded < 1000 || u + 1 == G_N_ELEMENTS (units))
        break;
      u++;
    }
  digits = pc_format_number (rounded, decimals_needed (rounded, decimals));
  return g_strdup_printf ("%s£%s%s", value < 0 ? "-" : "", digits, units[u].suffix);
}

char *
pc_axis_format_exact (double     value,
                      PcAxisUnit unit)
{
  return unit == PC_AXIS_MONEY ? pc_format_money (value) : format_count (value);
}

void
pc_axis_nice (double  min,
              double  max,
              guint   target_ticks,
              double  min_step,
              double *axis_min,
              double *axis_max,
              double *step)
{
  static const double multiples[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double span;
  double raw;
  double magnitude;
  double best = 0.0;

  if (!isfinite (min) || !isfinite (max))
    min = max = 0.0;
  /* Bars grow from zero, so zero is always on the axis. */
  min = MIN (min, 0.0);
  max = MAX (max, 0.0);
  span = max - min;
  if (span <= 0.0)
    {
      max = MAX (min_step, 1.0);
      span = max;
    }

  if (!isfinite (span))
    {
      /* Sums past the largest double: an axis is meaningless, keep one. */
      min = 0.0;
      max = span = 1.0;
    }

  raw = span / MAX (target_ticks, 1);
  magnitude = pow (10.0, floor (log10 (raw)));
  for (guint m = 0, tries = 0; best == 0.0 && tries < 64; m++, tries++)
    {
      double candidate;

      if (m == G_N_ELEMENTS (multiples))
        {
          m = 0;
          magnitude *= 10.0;
        }
      candidate = multiples[m] * magnitude;
      /* Counts step in whole numbers: no 2.5 patients. */
      if (min_step > 0 && fabs (candidate / min_step - round (candidate / min_step)) > 1e-9)
        continue;
      if (candidate < raw * (1 - 1e-9))
        continue;
      best = candidate;
    }
  /* A @min_step no nice step is a multiple of: whole multiples of it. */
  if (best == 0.0)
    best = ceil (raw / min_step) * min_step;
  best = MAX (best, min_step);

  *step = best;
  *axis_min = floor (min / best + 1e-9) * best;
  *axis_max = ceil (max / best - 1e-9) * best;
  if (*axis_max <= *axis_min)
    *axis_max = *axis_min + best;
}

GStrv
pc_axis_year_labels (int   first,
                     guint n_years)
{
  GStrv labels = g_new0 (char *, n_years + 1);

  for (guint i = 0; i < n_years; i++)
    labels[i] = pc_format_financial_year (first + (int) i);
  return labels;
}
