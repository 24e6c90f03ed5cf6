/* pc-format.h: figures as a finance team reads them, independent of the
 * user's locale: £1,234,567.89 and financial years as 2026/27.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pc_format_money           (double value);
char *pc_format_number          (double value,
                                 guint  decimals);
char *pc_format_financial_year  (int    year);
/* The financial year today's date falls in: 2026 from April 2026 to
 * March 2027. */
int   pc_current_financial_year (void);

G_END_DECLS
