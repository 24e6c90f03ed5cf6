/* pc-disclosure.c: the disclosure rule for patient counts (docs/MODEL.md,
 * "Disclosure control"), after NHS England's small-number suppression
 * practice for published activity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-disclosure"

#include "config.h"

#include "pc-disclosure.h"

gboolean
pc_disclosure_count (guint64   count,
                     gboolean  parts_suppressed,
                     guint     threshold,
                     guint64  *shown)
{
  guint64 rounded;

  if (threshold == 0)
    {
      *shown = count;
      return TRUE;
    }
  if (parts_suppressed || (count > 0 && count < threshold))
    {
      *shown = 0;
      return FALSE;
    }
  rounded = (count + PC_DISCLOSURE_ROUNDING / 2) / PC_DISCLOSURE_ROUNDING * PC_DISCLOSURE_ROUNDING;
  *shown = rounded;
  return TRUE;
}

gboolean
pc_disclosure_allows_statistics (guint64 patients,
                                 guint   threshold)
{
  return threshold == 0 || patients >= threshold;
}

char *
pc_disclosure_format_count (guint64   count,
                            gboolean  parts_suppressed,
                            guint     threshold)
{
  guint64 shown;

  if (!pc_disclosure_count (count, parts_suppressed, threshold, &shown))
    return g_strdup ("*");
  return g_strdup_printf ("%" G_GUINT64_FORMAT, shown);
}
