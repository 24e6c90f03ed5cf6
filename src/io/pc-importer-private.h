/* pc-importer-private.h: what the import machinery (pc-importer.c) and the
 * kinds of CSV (pc-importer-kinds.c) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-csv.h"
#include "pc-importer.h"

G_BEGIN_DECLS

#define PC_IMPORT_MAX_COLUMNS 20

typedef struct _PcImport PcImport;

typedef struct
{
  guint64 key;
  guint64 line;
} PcPackedKey;

typedef char *(*PcDescribeKeyFunc) (PcImport *im,
                                    guint64   key);

typedef struct
{
  const char *name;
  gboolean    required;
} PcColumnSpec;

typedef struct
{
  const char   *name;                  /* the kind, as the CLI spells it */
  const char   *header;                /* the columns, for messages */
  PcColumnSpec  columns[PC_IMPORT_MAX_COLUMNS];
  gpointer    (*start)      (PcImport *im);    /* prepares statements, loads codes */
  void        (*row)        (PcImport *im);    /* one row: problems or an insert */
  void        (*finish)     (PcImport *im);    /* checks across rows */
  void        (*free_state) (gpointer   state);
  /* ends work the kind left running (a thread) before the transaction
   * goes on: after the last row, whether the import fails or not; NULL
   * for none */
  void        (*stop)       (PcImport *im);
} PcKindSpec;

struct _PcImport
{
  PcProject        *project;
  sqlite3          *db;
  const PcKindSpec *spec;
  PcCsv            *csv;
  char             *file;
  int               index[PC_IMPORT_MAX_COLUMNS];  /* position in the file, or -1 */
  guint64           line;
  gboolean          row_bad;
  guint64           n_rows;
  GPtrArray        *problems;
  guint             n_problems;
  GHashTable       *keys;          /* row key → first line */
  GArray           *packed_keys;   /* of PcPackedKey, checked at the end */
  PcImportFlags     flags;
  struct
  {
    GHashTable     *known;         /* per table of codes, the last code looked up … */
    const char     *code;          /* … as the table holds it … */
    gpointer        value;         /* … and its position in the table */
  }                 cache[4];
  gpointer          last_value;    /* what the last successful lookup gave */
  GPtrArray        *statements;    /* finalized at the end */
  gpointer          state;         /* the kind's own */
  GError           *fatal;         /* a database failure: the import stops */
  GStrv             header;        /* the file's column names, as written */
  GPtrArray        *notes;         /* of char*: what the user should know of a good import */
  gboolean          said_ccg;      /* the note on "ccg" funding is given once */
};

typedef enum
{
  PC_NUMBER_ANY          = 0,
  PC_NUMBER_OPTIONAL     = 1 << 0,
  PC_NUMBER_MONEY        = 1 << 1,   /* "£" and thousands separators accepted */
  PC_NUMBER_NOT_NEGATIVE = 1 << 2,
  PC_NUMBER_POSITIVE     = 1 << 3,
  PC_NUMBER_SHARE        = 1 << 4,   /* 0 to 1 */
} PcNumberRule;

const PcKindSpec *_pc_import_kind_spec  (PcImportKind  kind);

void          _pc_import_problem    (PcImport     *im,
                                     int           column,
                                     const char   *format,
                                     ...) G_GNUC_PRINTF (3, 4);
/* A problem at a column the kind does not name (the file's 0-based
 * @field), such as one of an ONS file's year columns. */
void          _pc_import_problem_at (PcImport     *im,
                                     guint         field,
                                     const char   *format,
                                     ...) G_GNUC_PRINTF (3, 4);
/* Something a user should know of an import that succeeds. */
void          _pc_import_note       (PcImport     *im,
                                     const char   *format,
                                     ...) G_GNUC_PRINTF (2, 3);
/* Stops the import with a message of its own (a file that cannot be read
 * as its kind at all). */
void          _pc_import_fail       (PcImport     *im,
                                     const char   *format,
                                     ...) G_GNUC_PRINTF (2, 3);
const char   *_pc_import_text       (PcImport     *im,
                                     int           column);
const char   *_pc_import_required   (PcImport     *im,
                                     int           column);
gboolean      _pc_import_number     (PcImport     *im,
                                     int           column,
                                     PcNumberRule  rule,
                                     double       *value);
gboolean      _pc_import_integer    (PcImport     *im,
                                     int           column,
                                     gint64        low,
                                     gint64        high,
                                     int          *value);
const char   *_pc_import_reference  (PcImport     *im,
                                     int           column,
                                     GHashTable   *known,
                                     const char   *what,
                                     const char   *import_first);
/* The 1-based position of the code the last _pc_import_reference found. */
#define _pc_import_last_reference(im) GPOINTER_TO_SIZE ((im)->last_value)
/* Takes @key; FALSE (and a problem) when the file had it before. */
gboolean      _pc_import_unique_key (PcImport     *im,
                                     char         *key,
                                     int           column);
/* For a million rows: keys packed into numbers are remembered with their
 * line as they come, and checked for repeats once, at the end, each repeat
 * a problem naming both lines (@describe turns a key back into text). */
void          _pc_import_remember_packed_key (PcImport          *im,
                                              guint64            key);
void          _pc_import_check_packed_keys   (PcImport          *im,
                                              int                column,
                                              PcDescribeKeyFunc  describe);
gboolean      _pc_import_step       (PcImport     *im,
                                     sqlite3_stmt *stmt);
sqlite3_stmt *_pc_import_prepare    (PcImport     *im,
                                     const char   *sql);
/* The codes a query returns, each mapped to its 1-based position. */
GHashTable   *_pc_import_load_codes (PcImport     *im,
                                     const char   *sql);

/* pc-importer-nhs.c: funding streams by today's names ("ccg" read as
 * "icb", said once), area groups, and the ONS population projections. */
const char   *_pc_import_funding    (PcImport     *im,
                                     int           column);
gpointer      _pc_import_start_area_groups     (PcImport *im);
void          _pc_import_row_area_groups       (PcImport *im);
void          _pc_import_free_area_groups      (gpointer  state);
gpointer      _pc_import_start_activity        (PcImport *im);
void          _pc_import_row_activity          (PcImport *im);
void          _pc_import_stop_activity         (PcImport *im);
void          _pc_import_finish_activity       (PcImport *im);
void          _pc_import_free_activity         (gpointer  state);
gpointer      _pc_import_start_population_ons  (PcImport *im);
void          _pc_import_row_population_ons    (PcImport *im);
void          _pc_import_finish_population_ons (PcImport *im);
void          _pc_import_free_population_ons   (gpointer  state);

G_END_DECLS
