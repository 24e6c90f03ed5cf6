/* pc-row.h: one row of a reference table as the user reads it: every cell
 * already formatted, so a list widget only has to show the texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PC_TYPE_ROW (pc_row_get_type ())
G_DECLARE_FINAL_TYPE (PcRow, pc_row, PC, ROW, GObject)

guint        pc_row_get_n_columns (PcRow *self);
/* The cell's text; never NULL for a column below the row's count. */
const char  *pc_row_get_text      (PcRow *self,
                                   guint  column);

G_END_DECLS
