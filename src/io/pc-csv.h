/* pc-csv.h: a streaming, strict RFC 4180 reader that knows the line each
 * record starts on, for error messages a user can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PcCsv PcCsv;

PcCsv       *pc_csv_open           (const char  *path,
                                    GError     **error);
/* Reads the next record; FALSE at the end of the file (@error unset) or on a
 * malformed record (@error set, naming the file, line and column).  Empty
 * lines are skipped; a UTF-8 byte order mark is accepted. */
gboolean     pc_csv_next           (PcCsv       *csv,
                                    GError     **error);
guint        pc_csv_get_n_fields   (PcCsv       *csv);
/* The field's text, valid until the next call of pc_csv_next; the caller
 * may change it in place (to trim it, say) within that time. */
char        *pc_csv_get_field      (PcCsv       *csv,
                                    guint        index);
/* The line the current record starts on, 1 for the first line of the file. */
guint64      pc_csv_get_line       (PcCsv       *csv);
guint64      pc_csv_get_bytes_read (PcCsv       *csv);
guint64      pc_csv_get_size       (PcCsv       *csv);
void         pc_csv_free           (PcCsv       *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcCsv, pc_csv_free)

G_END_DECLS
