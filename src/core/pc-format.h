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

G_END_DECLS
