/* pc-csv.h: a streaming, strict RFC 4180 reader that knows the line each
 * record starts on, for error messages a user can act on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PcCsv PcCsv;

/* The longest field, record and header row the reader accepts, in bytes;
 * past one, pc_csv_next fails at once with file:line:column and "too
 * long", so memory stays bounded whatever the input. */
#define PC_CSV_MAX_FIELD  (64 * 1024)
#define PC_CSV_MAX_RECORD (1024 * 1024)
#define PC_CSV_MAX_HEADER (64 * 1024)

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
/* The field's length in bytes, without reading it. */
gsize        pc_csv_get_field_length (PcCsv     *csv,
                                      guint      index);
char        *pc_csv_get_field      (PcCsv       *csv,
                                    guint        index);
/* The line the current record starts on, 1 for the first line of the file. */
guint64      pc_csv_get_line       (PcCsv       *csv);
guint64      pc_csv_get_bytes_read (PcCsv       *csv);
guint64      pc_csv_get_size       (PcCsv       *csv);
/* The SHA-256 of the file's bytes, as hex, once every record has been
 * read (the file is hashed as it is read, not read again); NULL before. */
char        *pc_csv_get_sha256     (PcCsv       *csv);
void         pc_csv_free           (PcCsv       *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcCsv, pc_csv_free)

G_END_DECLS
