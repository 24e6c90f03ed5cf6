/* pc-importer.c: the import machinery shared by every kind of CSV: the
 * header, value parsing with a problem at file:line:column for each bad
 * value, duplicate keys, and one transaction that commits only when the
 * whole file is good.  The kinds themselves are in pc-importer-kinds.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "pc-error.h"
#include "pc-importer-private.h"
#include "pc-project-private.h"

#define MAX_PROBLEMS 100
#define PROGRESS_EVERY 65536

void
pc_import_problem_free (PcImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->column_name);
  g_free (problem->message);
  g_free (problem);
}

const char *
pc_import_kind_to_string (PcImportKind kind)
{
  g_return_val_if_fail (kind < PC_N_IMPORT_KINDS, NULL);
  return _pc_import_kind_spec (kind)->name;
}

gboolean
pc_import_kind_from_string (const char   *text,
                            PcImportKind *kind)
{
  for (guint k = 0; text != NULL && k < PC_N_IMPORT_KINDS; k++)
    if (strcmp (_pc_import_kind_spec (k)->name, text) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* A problem quotes the value it is about, which may span lines (a quoted
 * field) or run to 64 KiB: the message stays one line and short, with a
 * long quote cut to its start and an ellipsis. */
static char *
one_line_message (const char *message)
{
  GString *out = g_string_sized_new (strlen (message));
  const char *p = message;

  while (*p != '\0')
    {
      const char *close = *p == '\'' ? strchr (p + 1, '\'') : NULL;

      if (close != NULL && g_utf8_strlen (p + 1, close - p - 1) > 60)
        {
          const char *cut = g_utf8_offset_to_pointer (p + 1, 40);

          g_string_append_len (out, p, cut - p);
          g_string_append (out, "…'");
          p = close + 1;
          continue;
        }
      if (close != NULL)
        {
          g_string_append_len (out, p, close + 1 - p);
          p = close + 1;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  for (gsize i = 0; i < out->len; i++)
    if ((guchar) out->str[i] < 0x20)
      out->str[i] = ' ';
  return g_string_free (out, FALSE);
}

/* Counts a problem of the current row and returns the record to fill in,
 * already kept; NULL once MAX_PROBLEMS are kept. */
static PcImportProblem *
new_problem (PcImport *im)
{
  PcImportProblem *problem;

  im->row_bad = TRUE;
  im->n_problems++;
  if (im->problems->len >= MAX_PROBLEMS)
    return NULL;
  problem = g_new0 (PcImportProblem, 1);
  problem->file = g_strdup (im->file);
  problem->line = im->line;
  g_ptr_array_add (im->problems, problem);
  return problem;
}

void
_pc_import_problem (PcImport   *im,
                    int         column,
                    const char *format,
                    ...)
{
  PcImportProblem *problem = new_problem (im);
  g_autofree char *message = NULL;
  va_list args;

  if (problem == NULL)
    return;
  if (column >= 0)
    {
      problem->column = im->index[column] >= 0 ? (guint) im->index[column] + 1 : 0;
      problem->column_name = g_strdup (im->spec->columns[column].name);
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->message = one_line_message (message);
}

void
_pc_import_problem_at (PcImport   *im,
                       guint       field,
                       const char *format,
                       ...)
{
  PcImportProblem *problem = new_problem (im);
  g_autofree char *message = NULL;
  va_list args;

  if (problem == NULL)
    return;
  problem->column = field + 1;
  if (im->header != NULL && field < g_strv_length (im->header))
    problem->column_name = g_strdup (im->header[field]);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->message = one_line_message (message);
}

void
_pc_import_note (PcImport   *im,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (im->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

void
_pc_import_fail (PcImport   *im,
                 const char *format,
                 ...)
{
  va_list args;

  if (im->fatal != NULL)
    return;
  va_start (args, format);
  im->fatal = g_error_new_valist (PC_ERROR, PC_ERROR_PARSE, format, args);
  va_end (args);
}

/* The trimmed text of a column of the current row; "" when the column is
 * absent from the file or the row is short. */
const char *
_pc_import_text (PcImport *im,
                 int       column)
{
  int index = im->index[column];

  char *text;
  gsize length;

  if (index < 0 || (guint) index >= pc_csv_get_n_fields (im->csv))
    return "";
  text = pc_csv_get_field (im->csv, index);
  length = pc_csv_get_field_length (im->csv, index);
  if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    g_strstrip (text);
  return text;
}

const char *
_pc_import_required (PcImport *im,
                     int       column)
{
  const char *text = _pc_import_text (im, column);

  if (*text == '\0')
    {
      _pc_import_problem (im, column, "a value is required");
      return NULL;
    }
  return text;
}

/* "£1,234.50" → "1234.50" in @buffer; NULL when the grouping is wrong. */
static const char *
strip_money (const char *text,
             char       *buffer,
             gsize       size)
{
  const char *digits = g_str_has_prefix (text, "£") ? text + strlen ("£") : text;
  const char *point = strchr (digits, '.');
  gsize n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  gsize out = 0, group = 0;

  if (strchr (digits, ',') == NULL)
    return digits;
  for (gsize i = 0; i < n_int && out + 1 < size; i++)
    {
      if (digits[i] == ',')
        {
          /* a separator after 1 to 3 digits, then exactly 3 between separators */
          if (group == 0 || group > 3 || (out > group && group != 3))
            return NULL;
          group = 0;
          continue;
        }
      buffer[out++] = digits[i];
      group++;
    }
  if (group != 3)
    return NULL;
  g_strlcpy (buffer + out, point != NULL ? point : "", size - out);
  return buffer;
}

/* Plain decimals of at most 15 significant digits ("1234.50"), most of a
 * large file's numbers: the digits as a whole number, exact in a double,
 * divided by an exact power of ten is one correctly rounded operation, so
 * the value is exactly strtod's, at a fraction of its cost.  FALSE for
 * anything else. */
static gboolean
parse_short_decimal (const char *text,
                     double     *value)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15 };
  const char *p = text + (*text == '-' || *text == '+');
  gboolean negative = *text == '-';
  guint64 whole = 0;
  guint n_digits = 0, n_decimals = 0;
  gboolean point = FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '.' && !point)
        point = TRUE;
      else if (*p >= '0' && *p <= '9')
        {
          whole = whole * 10 + (guint64) (*p - '0');
          n_digits++;
          n_decimals += point;
        }
      else
        return FALSE;
    }
  if (n_digits == 0 || n_digits > 15)
    return FALSE;
  *value = (double) whole / powers[n_decimals];
  if (negative)
    *value = -*value;
  return TRUE;
}

static gboolean
parse_plain_number (const char *text,
                    double     *value)
{
  char *end = NULL;

  if (parse_short_decimal (text, value))
    return TRUE;
  /* Only decimal digits, sign, point and exponent: no hex, inf or nan. */
  if (*text == '\0' || text[strspn (text, "0123456789+-.eE")] != '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

gboolean
_pc_import_number (PcImport    *im,
                   int          column,
                   PcNumberRule rule,
                   double      *value)
{
  const char *text = _pc_import_text (im, column);
  const char *digits = text;
  char buffer[128];

  *value = NAN;
  if (*text == '\0')
    {
      if (rule & PC_NUMBER_OPTIONAL)
        return TRUE;
      _pc_import_problem (im, column, "a number is required");
      return FALSE;
    }
  if ((rule & PC_NUMBER_MONEY) && (digits = strip_money (text, buffer, sizeof buffer)) == NULL)
    {
      _pc_import_problem (im, column, "'%s' has misplaced thousands separators", text);
      return FALSE;
    }
  if (!parse_plain_number (digits, value))
    {
      _pc_import_problem (im, column, "'%s' is not a number", text);
      return FALSE;
    }
  if ((rule & PC_NUMBER_SHARE) && (*value < 0 || *value > 1))
    _pc_import_problem (im, column, "%s is not a share between 0 and 1", text);
  else if ((rule & PC_NUMBER_POSITIVE) && *value <= 0)
    _pc_import_problem (im, column, "%s must be more than 0", text);
  else if ((rule & PC_NUMBER_NOT_NEGATIVE) && *value < 0)
    _pc_import_problem (im, column, "%s is negative", text);
  else
    return TRUE;
  return FALSE;
}

gboolean
_pc_import_integer (PcImport *im,
                    int       column,
                    gint64    low,
                    gint64    high,
                    int      *value)
{
  const char *text = _pc_import_text (im, column);
  gint64 number = 0;

  if (*text == '\0')
    {
      _pc_import_problem (im, column, "a whole number is required");
      return FALSE;
    }
  if (!g_ascii_string_to_signed (text, 10, low, high, &number, NULL))
    {
      _pc_import_problem (im, column, "'%s' is not a whole number from %" G_GINT64_FORMAT
                          " to %" G_GINT64_FORMAT, text, low, high);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

/* A code the row refers to must already be in the project. */
const char *
_pc_import_reference (PcImport   *im,
                      int         column,
                      GHashTable *known,
                      const char *what,
                      const char *import_first)
{
  const char *code = _pc_import_required (im, column);
  gpointer stored;
  guint slot = 0;

  if (code == NULL)
    return NULL;
  /* Rows come grouped (by area, by site): most lookups repeat the last one
   * in the same table. */
  while (slot < G_N_ELEMENTS (im->cache) - 1 && im->cache[slot].known != NULL
         && im->cache[slot].known != known)
    slot++;
  if (im->cache[slot].known == known && strcmp (im->cache[slot].code, code) == 0)
    {
      im->last_value = im->cache[slot].value;
      return code;
    }
  if (!g_hash_table_lookup_extended (known, code, &stored, &im->last_value))
    {
      _pc_import_problem (im, column, "unknown %s '%s' (import %s first)", what, code, import_first);
      return NULL;
    }
  im->cache[slot].known = known;
  im->cache[slot].code = stored;
  im->cache[slot].value = im->last_value;
  return code;
}

/* The same key twice in one file is an error naming both lines. */
gboolean
_pc_import_unique_key (PcImport *im,
                       char     *key,
                       int       column)
{
  gpointer first_line = g_hash_table_lookup (im->keys, key);

  if (first_line != NULL)
    {
      g_autofree char *shown = g_strdelimit (g_strdup (key), "\x1f", '/');

      _pc_import_problem (im, column, "duplicate key '%s' (also on line %" G_GUINT64_FORMAT ")",
                          shown, (guint64) GPOINTER_TO_SIZE (first_line));
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (im->keys, key, GSIZE_TO_POINTER ((gsize) im->line));
  return TRUE;
}

void
_pc_import_remember_packed_key (PcImport *im,
                                guint64   key)
{
  PcPackedKey entry = { key, im->line };

  if (im->packed_keys == NULL)
    im->packed_keys = g_array_sized_new (FALSE, FALSE, sizeof (PcPackedKey), 1 << 16);
  g_array_append_val (im->packed_keys, entry);
}

static int
compare_packed_keys (gconstpointer a,
                     gconstpointer b)
{
  const PcPackedKey *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

/* Files usually come sorted by their key: then no sort is needed. */
static gboolean
packed_keys_sorted (GArray *keys)
{
  for (guint i = 1; i < keys->len; i++)
    if (g_array_index (keys, PcPackedKey, i - 1).key >= g_array_index (keys, PcPackedKey, i).key)
      return FALSE;
  return TRUE;
}

void
_pc_import_check_packed_keys (PcImport          *im,
                              int                column,
                              PcDescribeKeyFunc  describe)
{
  GArray *keys = im->packed_keys;

  if (keys == NULL || packed_keys_sorted (keys))
    return;
  g_array_sort (keys, compare_packed_keys);
  for (guint i = 1; i < keys->len; i++)
    {
      const PcPackedKey *first = &g_array_index (keys, PcPackedKey, i - 1);
      const PcPackedKey *again = &g_array_index (keys, PcPackedKey, i);
      g_autofree char *shown = NULL;

      if (first->key != again->key)
        continue;
      shown = describe (im, again->key);
      im->line = again->line;
      _pc_import_problem (im, column, "duplicate key '%s' (also on line %" G_GUINT64_FORMAT ")",
                          shown, first->line);
    }
}

gboolean
_pc_import_step (PcImport     *im,
                 sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (im->fatal == NULL)
    _pc_project_sqlite_error (im->project, rc, "import the file", &im->fatal);
  return FALSE;
}

sqlite3_stmt *
_pc_import_prepare (PcImport   *im,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (im->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK && im->fatal == NULL)
    _pc_project_sqlite_error (im->project, rc, "prepare the import", &im->fatal);
  if (stmt != NULL)
    g_ptr_array_add (im->statements, stmt);
  return stmt;
}

GHashTable *
_pc_import_load_codes (PcImport   *im,
                       const char *sql)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (im->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_insert (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           GUINT_TO_POINTER (g_hash_table_size (codes) + 1));
  sqlite3_finalize (stmt);
  return codes;
}

static gboolean
map_header (PcImport  *im,
            GError   **error)
{
  const PcKindSpec *spec = im->spec;
  guint n_fields;

  if (!pc_csv_next (im->csv, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s: the file is empty (a header row "
                     "naming the columns is needed)", im->file);
      return FALSE;
    }
  n_fields = pc_csv_get_n_fields (im->csv);
  im->header = g_new0 (char *, n_fields + 1);
  for (guint f = 0; f < n_fields; f++)
    im->header[f] = g_strstrip (g_strdup (pc_csv_get_field (im->csv, f)));
  for (guint c = 0; spec->columns[c].name != NULL; c++)
    {
      im->index[c] = -1;
      for (guint f = 0; f < n_fields; f++)
        if (strcmp (g_strstrip (pc_csv_get_field (im->csv, f)), spec->columns[c].name) == 0)
          {
            if (im->index[c] >= 0)
              {
                g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s:1:%u: column '%s' appears twice",
                             im->file, f + 1, spec->columns[c].name);
                return FALSE;
              }
            im->index[c] = (int) f;
          }
      if (im->index[c] < 0 && spec->columns[c].required)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": missing column "
                       "'%s' (the columns of a %s file are %s)", im->file, pc_csv_get_line (im->csv),
                       spec->columns[c].name, spec->name, spec->header);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
row_is_blank (PcCsv *csv)
{
  for (guint f = 0; f < pc_csv_get_n_fields (csv); f++)
    {
      const char *text = pc_csv_get_field (csv, f);

      if (text[strspn (text, " \t")] != '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (PcImport              *im,
           const PcImportOptions *options,
           GError               **error)
{
  PcImportProgressFunc progress = options->progress;
  gpointer user_data = options->user_data;
  GError *parse_error = NULL;
  guint64 n_read = 0;

  while (im->fatal == NULL && im->problems->len < MAX_PROBLEMS
         && pc_csv_next (im->csv, &parse_error))
    {
      if (row_is_blank (im->csv))
        continue;
      im->line = pc_csv_get_line (im->csv);
      im->row_bad = FALSE;
      im->spec->row (im);
      if (!im->row_bad)
        im->n_rows++;
      /* counted over every row read, so that bad rows do not call it each time */
      if (++n_read % PROGRESS_EVERY != 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (pc_csv_get_bytes_read (im->csv), pc_csv_get_size (im->csv), user_data);
    }
  if (parse_error != NULL)
    {
      /* A malformed file is reported as it is: nothing after it can be read. */
      g_propagate_error (error, parse_error);
      return FALSE;
    }
  return TRUE;
}

static void
set_first_problem (PcImport  *im,
                   GError   **error)
{
  const PcImportProblem *first = g_ptr_array_index (im->problems, 0);
  g_autoptr(GString) message = g_string_new (first->file);

  g_string_append_printf (message, ":%" G_GUINT64_FORMAT, first->line);
  if (first->column > 0)
    g_string_append_printf (message, ":%u", first->column);
  if (first->column_name != NULL)
    g_string_append_printf (message, ": %s", first->column_name);
  g_string_append_printf (message, ": %s", first->message);
  if (im->n_problems > 1)
    g_string_append_printf (message, " (and %u more problem%s)", im->n_problems - 1,
                            im->n_problems > 2 ? "s" : "");
  g_set_error_literal (error, PC_ERROR, PC_ERROR_PARSE, message->str);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
import_clear (PcImport *im)
{
  g_clear_pointer (&im->statements, g_ptr_array_unref);
  g_clear_pointer (&im->csv, pc_csv_free);
  g_clear_pointer (&im->keys, g_hash_table_unref);
  g_clear_pointer (&im->packed_keys, g_array_unref);
  g_clear_pointer (&im->state, im->spec->free_state);
  g_clear_pointer (&im->problems, g_ptr_array_unref);
  g_clear_error (&im->fatal);
  g_clear_pointer (&im->header, g_strfreev);
  g_clear_pointer (&im->notes, g_ptr_array_unref);
  g_free (im->file);
}

/* Where the rows came from, kept in the same transaction as the rows. */
static gboolean
record_import (PcImport    *im,
               const char  *source,
               GError     **error)
{
  g_autofree char *sha256 = pc_csv_get_sha256 (im->csv);
  g_autofree char *name = g_path_get_basename (im->file);

  g_return_val_if_fail (sha256 != NULL, FALSE);
  return pc_project_record_import (im->project, im->spec->name, name, sha256, im->n_rows,
                                   source, error);
}

static gboolean
run_import (PcImport                *im,
            const PcImportOptions   *options,
            GError                 **error)
{
  gboolean read_ok = FALSE;

  if (!map_header (im, error) || !pc_project_begin (im->project, error))
    return FALSE;
  im->state = im->spec->start (im);
  if (im->fatal == NULL)
    read_ok = read_rows (im, options, error);
  if (im->spec->stop != NULL)
    im->spec->stop (im);
  if (read_ok && im->fatal == NULL && im->problems->len == 0)
    {
      im->spec->finish (im);
      /* the last rows, and a summary that may have read them all again */
      read_ok = !g_cancellable_set_error_if_cancelled (options->cancellable, error);
    }

  /* read_ok, not *error: the caller may pass no GError at all */
  if (!read_ok || im->fatal != NULL || im->problems->len > 0)
    {
      pc_project_rollback (im->project);
      if (im->fatal != NULL)
        g_propagate_error (error, g_steal_pointer (&im->fatal));
      else if (im->problems->len > 0 && (error == NULL || *error == NULL))
        set_first_problem (im, error);
      return FALSE;
    }
  if (!record_import (im, options->source, error))
    {
      pc_project_rollback (im->project);
      return FALSE;
    }
  if (options->progress != NULL)
    options->progress (pc_csv_get_size (im->csv), pc_csv_get_size (im->csv), options->user_data);
  return pc_project_commit (im->project, error);
}

void
pc_import_result_clear (PcImportResult *result)
{
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
}

gboolean
pc_import_run (PcProject              *project,
               PcImportKind            kind,
               const char             *path,
               const PcImportOptions  *options,
               PcImportResult         *result,
               GError                **error)
{
  static const PcImportOptions defaults = { 0, };
  PcImport im = { 0, };
  gboolean ok;

  g_return_val_if_fail (PC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (kind < PC_N_IMPORT_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if ((options->flags & PC_IMPORT_REPLACE) && kind != PC_IMPORT_ACTIVITY)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "--replace is for activity only: other "
                   "kinds replace the rows whose key they repeat");
      return FALSE;
    }
  im.project = project;
  im.flags = options->flags;
  im.db = pc_project_get_db (project);
  im.spec = _pc_import_kind_spec (kind);
  im.file = g_filename_display_name (path);
  im.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_import_problem_free);
  im.notes = g_ptr_array_new_with_free_func (g_free);
  im.statements = g_ptr_array_new_with_free_func (finalize_statement);
  im.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.csv = pc_csv_open (path, error);

  ok = im.csv != NULL && run_import (&im, options, error);
  if (result != NULL)
    {
      result->kind = kind;
      result->n_rows = ok ? im.n_rows : 0;
      result->notes = ok ? g_ptr_array_ref (im.notes)
                         : g_ptr_array_new_with_free_func (g_free);
      result->problems = g_ptr_array_ref (im.problems);
    }
  import_clear (&im);
  return ok;
}

gboolean
pc_import_csv_full (PcProject             *project,
                    PcImportKind           kind,
                    const char            *path,
                    PcImportFlags          flags,
                    PcImportProgressFunc   progress,
                    gpointer               user_data,
                    guint64               *n_rows,
                    GPtrArray            **problems,
                    GError               **error)
{
  PcImportOptions options = { flags, NULL, progress, user_data };
  PcImportResult result = { 0, };
  gboolean ok = pc_import_run (project, kind, path, &options, &result, error);

  if (n_rows != NULL)
    *n_rows = result.n_rows;
  if (problems != NULL)
    *problems = g_steal_pointer (&result.problems);
  pc_import_result_clear (&result);
  return ok;
}

/* The kinds whose required columns the header holds, the one that names
 * the most of them first: a providers file (code, name, mff) also holds
 * an areas file's columns. */
static gboolean
header_fits (const PcKindSpec *spec,
             GStrv             header,
             guint            *n_required)
{
  *n_required = 0;
  for (guint c = 0; spec->columns[c].name != NULL; c++)
    {
      if (!spec->columns[c].required)
        continue;
      if (!g_strv_contains ((const char * const *) header, spec->columns[c].name))
        return FALSE;
      (*n_required)++;
    }
  return TRUE;
}

static char *
list_kinds (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < PC_N_IMPORT_KINDS; k++)
    g_string_append_printf (text, "%s%s (%s)", k > 0 ? "; " : "", _pc_import_kind_spec (k)->name,
                            _pc_import_kind_spec (k)->header);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
pc_import_detect_kind (const char    *path,
                       PcImportKind  *kind,
                       GError       **error)
{
  g_autoptr(PcCsv) csv = pc_csv_open (path, error);
  g_auto(GStrv) header = NULL;
  g_autofree char *file = g_filename_display_name (path);
  g_autofree char *kinds = NULL;
  guint best = 0, n_best = 0;

  if (csv == NULL)
    return FALSE;
  if (!pc_csv_next (csv, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s: the file is empty (a header row "
                     "naming the columns is needed)", file);
      return FALSE;
    }
  header = g_new0 (char *, pc_csv_get_n_fields (csv) + 1);
  for (guint f = 0; f < pc_csv_get_n_fields (csv); f++)
    header[f] = g_strstrip (g_strdup (pc_csv_get_field (csv, f)));
  for (guint k = 0; k < PC_N_IMPORT_KINDS; k++)
    {
      guint n_required;

      if (header_fits (_pc_import_kind_spec (k), header, &n_required) && n_required > n_best)
        best = k, n_best = n_required;
    }
  if (n_best > 0)
    {
      *kind = best;
      return TRUE;
    }
  kinds = list_kinds ();
  g_set_error (error, PC_ERROR, PC_ERROR_PARSE, "%s:1: the header fits no kind of file; the "
               "kinds and their columns are: %s", file, kinds);
  return FALSE;
}

gboolean
pc_import_csv (PcProject   *project,
               PcImportKind kind,
               const char  *path,
               guint64     *n_rows,
               GPtrArray  **problems,
               GError     **error)
{
  return pc_import_csv_full (project, kind, path, PC_IMPORT_DEFAULT, NULL, NULL, n_rows,
                             problems, error);
}
