/* test-axis.c: a chart's value axis and its numbers, worked by hand:
 * where the gridlines fall, how ticks and totals read, and the financial
 * years along the bottom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pc-axis.h"

static void
test_ticks (void)
{
  static const struct { double value; PcAxisUnit unit; const char *text; } cases[] = {
    { 0.0,        PC_AXIS_MONEY, "£0" },
    { -1e-12,     PC_AXIS_MONEY, "£0" },
    { 500.0,      PC_AXIS_MONEY, "£500" },
    { 2500.0,     PC_AXIS_MONEY, "£2.5k" },
    { 250000.0,   PC_AXIS_MONEY, "£250k" },
    { 1500000.0,  PC_AXIS_MONEY, "£1.5m" },
    { 2000000.0,  PC_AXIS_MONEY, "£2m" },
    { -250000.0,  PC_AXIS_MONEY, "-£250k" },
    { 3e9,        PC_AXIS_MONEY, "£3bn" },
    { 0.0,        PC_AXIS_COUNT, "0" },
    { 12500.0,    PC_AXIS_COUNT, "12,500" },
    { 2000000.0,  PC_AXIS_COUNT, "2,000,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pc_axis_format_tick (cases[i].value, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_nice_axis (void)
{
  double lo;
  double hi;
  double step;

  /* 1,234,567 / 5 ≈ 246,913: the next nice step is 250k, so 0 … £1.25m. */
  pc_axis_nice (0, 1234567, 5, 0, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 250000);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 1250000);

  /* Refunds below zero: -300 … 1,000 over 4 steps is 325 a step, so 500s. */
  pc_axis_nice (-300, 1000, 4, 0, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 500);
  g_assert_cmpfloat (lo, ==, -500);
  g_assert_cmpfloat (hi, ==, 1000);

  /* Three patients never get a 0.5 or 2.5 gridline. */
  pc_axis_nice (0, 3, 5, 1, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (hi, ==, 3);
  pc_axis_nice (0, 9, 4, 1, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (hi, ==, 10);

  /* A step no nice number is a multiple of still ends, in whole steps. */
  pc_axis_nice (0, 10, 5, 3, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 3);
  g_assert_cmpfloat (hi, ==, 12);

  /* Figures too large to add up still give a finite axis. */
  pc_axis_nice (-G_MAXDOUBLE, G_MAXDOUBLE, 5, 0, &lo, &hi, &step);
  g_assert_true (isfinite (lo) && isfinite (hi) && isfinite (step) && step > 0);

  /* All zero still gives an axis. */
  pc_axis_nice (0, 0, 5, 0, &lo, &hi, &step);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, >, 0);
}

/* What a screen reader says: three figures, the unit moved up when
 * rounding reaches a thousand of it. */
static void
test_short (void)
{
  static const struct { double value; PcAxisUnit unit; const char *text; } cases[] = {
    { 1234567.0,  PC_AXIS_MONEY, "£1.23m" },   /* 1.234567 to 2 decimals */
    { 10500000.0, PC_AXIS_MONEY, "£10.5m" },   /* 10.5 to 1 */
    { 250000.0,   PC_AXIS_MONEY, "£250k" },    /* 250 to 0 */
    { 9050.75,    PC_AXIS_MONEY, "£9.05k" },   /* 9.05075 to 2 */
    { 999999.0,   PC_AXIS_MONEY, "£1m" },      /* 999.999k rounds to 1000k */
    { -2500.0,    PC_AXIS_MONEY, "-£2.5k" },
    { 999.5,      PC_AXIS_MONEY, "£999.50" },  /* under £1,000: exact pence */
    { 12500.0,    PC_AXIS_COUNT, "12,500" },   /* counts are never shortened */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pc_axis_format_short (cases[i].value, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_exact (void)
{
  g_autofree char *money = pc_axis_format_exact (1234.56, PC_AXIS_MONEY);
  g_autofree char *whole = pc_axis_format_exact (3.0, PC_AXIS_COUNT);
  g_autofree char *half = pc_axis_format_exact (12.5, PC_AXIS_COUNT);

  g_assert_cmpstr (money, ==, "£1,234.56");
  g_assert_cmpstr (whole, ==, "3");
  g_assert_cmpstr (half, ==, "12.5");
}

static void
test_year_labels (void)
{
  g_auto(GStrv) labels = pc_axis_year_labels (2026, 3);
  g_auto(GStrv) century = pc_axis_year_labels (2099, 2);
  g_auto(GStrv) none = pc_axis_year_labels (2026, 0);

  g_assert_cmpuint (g_strv_length (labels), ==, 3);
  g_assert_cmpstr (labels[0], ==, "2026/27");
  g_assert_cmpstr (labels[2], ==, "2028/29");
  g_assert_cmpstr (century[1], ==, "2100/01");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axis/ticks", test_ticks);
  g_test_add_func ("/axis/nice", test_nice_axis);
  g_test_add_func ("/axis/short", test_short);
  g_test_add_func ("/axis/exact", test_exact);
  g_test_add_func ("/axis/year-labels", test_year_labels);
  return g_test_run ();
}
