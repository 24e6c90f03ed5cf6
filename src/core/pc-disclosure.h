/* pc-disclosure.h: small numbers stay inside (docs/MODEL.md, "Disclosure
 * control"): patient counts that leave the commissioner are shown as "*"
 * below a threshold, rounded to 5 otherwise, and no mean or quartile is
 * given for fewer patients than the threshold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The project setting disclosure_threshold when unset; 0 turns it off. */
#define PC_DISCLOSURE_DEFAULT_THRESHOLD 8
/* Counts at or above the threshold are rounded to a multiple of this. */
#define PC_DISCLOSURE_ROUNDING 5

/* How a count of patients may be published under @threshold: FALSE when
 * it must be suppressed (1 … threshold − 1, shown "*"); otherwise TRUE
 * with @shown the count to publish: 0 as it is, others rounded to the
 * nearest multiple of 5 (halves up), or raw when @threshold is 0.  A total
 * is published as a count of its own only when none of its parts is
 * suppressed (@parts_suppressed FALSE): one hidden part could be recovered
 * from the total and the others. */
gboolean pc_disclosure_count (guint64   count,
                              gboolean  parts_suppressed,
                              guint     threshold,
                              guint64  *shown);
/* Whether a mean or quartile over @patients may be published. */
gboolean pc_disclosure_allows_statistics (guint64 patients,
                                          guint   threshold);
/* "*" or the published count, for text (a CLI table, a label). */
char    *pc_disclosure_format_count (guint64   count,
                                     gboolean  parts_suppressed,
                                     guint     threshold);

G_END_DECLS
