/* test-format.c: money and years as the reports show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pc-format.h"

static void
assert_money (double value, const char *expected)
{
  g_autofree char *text = pc_format_money (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_money (void)
{
  assert_money (1234567.891, "£1,234,567.89");
  assert_money (0.0, "£0.00");
  assert_money (999.995, "£1,000.00");   /* 999.995 is stored as 999.99500000000000455 */
  assert_money (100.0, "£100.00");
  assert_money (123456.0, "£123,456.00");
  assert_money (-1500.5, "-£1,500.50");
  assert_money (-0.001, "£0.00");
  assert_money (1e12, "£1,000,000,000,000.00");
}

static void
test_numbers (void)
{
  g_autofree char *patients = pc_format_number (12345.678, 1);
  g_autofree char *whole = pc_format_number (999, 0);

  g_assert_cmpstr (patients, ==, "12,345.7");
  g_assert_cmpstr (whole, ==, "999");
}

static void
test_financial_year (void)
{
  g_autofree char *y2026 = pc_format_financial_year (2026);
  g_autofree char *y1999 = pc_format_financial_year (1999);
  g_autofree char *y2009 = pc_format_financial_year (2009);

  g_assert_cmpstr (y2026, ==, "2026/27");
  g_assert_cmpstr (y1999, ==, "1999/00");
  g_assert_cmpstr (y2009, ==, "2009/10");
}

/* A decimal-comma locale must not change a single character. */
static void
test_decimal_comma_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", NULL };
  g_autofree char *text = NULL;
  guint i;

  for (i = 0; locales[i] != NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      break;
  if (locales[i] == NULL)
    {
      g_test_skip ("no decimal-comma locale is installed");
      return;
    }
  text = pc_format_money (1234.5);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (text, ==, "£1,234.50");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/money", test_money);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/financial-year", test_financial_year);
  g_test_add_func ("/format/decimal-comma-locale", test_decimal_comma_locale);
  return g_test_run ();
}
