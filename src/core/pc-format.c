/* pc-format.c: money and numbers with thousands separators.  GLib's ASCII
 * formatter is used so that a decimal-comma locale cannot change the figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-format.h"

/* Groups the integer digits of an unsigned decimal in threes. */
static void
append_grouped (GString    *out,
                const char *digits)
{
  const char *point = strchr (digits, '.');
  gsize n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);

  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
}

static char *
format_grouped (double      value,
                guint       decimals,
                const char *unit)
{
  char format[8];
  char digits[G_ASCII_DTOSTR_BUF_SIZE + 320];
  GString *out = g_string_new (NULL);

  if (!isfinite (value))
    {
      g_string_append (out, "—");
      return g_string_free (out, FALSE);
    }

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (digits, sizeof digits, format, fabs (value));
  /* A value that rounds to zero is shown without a minus sign. */
  if (value < 0 && strspn (digits, "0.") != strlen (digits))
    g_string_append_c (out, '-');
  g_string_append (out, unit);
  append_grouped (out, digits);
  return g_string_free (out, FALSE);
}

char *
pc_format_money (double value)
{
  return format_grouped (value, 2, "£");
}

char *
pc_format_number (double value,
                  guint  decimals)
{
  return format_grouped (value, decimals, "");
}

char *
pc_format_financial_year (int year)
{
  return g_strdup_printf ("%d/%02d", year, ((year + 1) % 100 + 100) % 100);
}

int
pc_current_financial_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 1 : 0);
}
