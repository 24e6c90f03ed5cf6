/* pc-project-check.c: the values of a project file, checked on open as an
 * import checks them.  SQLite's type affinity lets a REAL column hold 'abc'
 * and reads it back as 0.0, so a file edited elsewhere could be reported
 * as figures that are wrong without a word; instead, a value no import
 * could have written marks the file as damaged, naming table and row.
 *
 * The checks are data: what each column may hold is described once, in
 * pc-tables.c, and checked here by one query per table (a single pass,
 * stopping at the first bad row).  Columns not listed are not checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <float.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"
#include "pc-tables.h"

/* The size past which a read-only open spares the large tables' rows
 * (pc-project.c spares their quick_check past the same size). */
#define LARGE_FILE_SIZE (64 * 1024 * 1024)

/* An SQL expression, true exactly when @check holds for its column; never
 * NULL, so NOT of it is true for a bad value. */
static void
append_condition (GString           *sql,
                  const PcColumnInfo *check)
{
  char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

  if (check->flags & PC_VALUE_NULLABLE)
    g_string_append_printf (sql, "\"%s\" IS NULL OR ", check->name);
  if (check->type == PC_VALUE_TEXT)
    g_string_append_printf (sql, "typeof (\"%s\") = 'text'", check->name);
  else if (check->type == PC_VALUE_DATE)
    /* julianday () counts 2026-02-30 as 2026-03-02 and gives NULL for
     * what is no date at all: only a real calendar date comes back
     * unchanged through date (). */
    g_string_append_printf (sql, "(typeof (\"%s\") = 'text' AND \"%s\" >= '0001-01-01' "
                            "AND coalesce (\"%s\" = date (julianday (\"%s\")), 0))",
                            check->name, check->name, check->name, check->name);
  else
    /* Finite bounds also refuse an infinity (SQLite stores no NaN). */
    g_string_append_printf (sql, "(typeof (\"%s\") IN (%s) AND \"%s\" %s %s AND \"%s\" <= %s)",
                            check->name,
                            check->type == PC_VALUE_INTEGER ? "'integer'" : "'integer', 'real'",
                            check->name, (check->flags & PC_VALUE_LOW_EXCLUDED) ? ">" : ">=",
                            g_ascii_formatd (low, sizeof low, "%.17g", check->low),
                            check->name,
                            g_ascii_formatd (high, sizeof high, "%.17g", check->high));
}

/* Text from the file as a message may quote it: valid UTF-8, on one line,
 * its first 40 characters. */
static char *
shown_text (const char *text)
{
  char *shown;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("?");
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 40);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (text);
  for (char *p = shown; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  return shown;
}

/* "key 'A', year 2026": the row as its key names it, each value cut short. */
static char *
describe_row (sqlite3_stmt *stmt,
              GStrv         key)
{
  GString *row = g_string_new (NULL);

  for (guint k = 0; key[k] != NULL; k++)
    {
      g_autofree char *shown = shown_text ((const char *) sqlite3_column_text (stmt, k));

      g_string_append_printf (row, "%s%s '%s'", k > 0 ? ", " : "", key[k], shown);
    }
  return g_string_free (row, FALSE);
}

static char *
describe_value (sqlite3_stmt *stmt,
                int           column)
{
  /* the type first: reading the text may convert the value */
  int type = sqlite3_column_type (stmt, column);
  g_autofree char *shown = NULL;

  switch (type)
    {
    case SQLITE_NULL:
      return g_strdup ("empty");
    case SQLITE_BLOB:
      return g_strdup ("binary data");
    default:
      shown = shown_text ((const char *) sqlite3_column_text (stmt, column));
      return g_strdup_printf ("'%s'", shown);
    }
}

/* The aggregate check of a large table's numeric columns: TRUE when
 * every value has its type and range.  SQLite orders every number before
 * any text and text before blobs, so the minimum and maximum of a column
 * are numbers only when all its values are; an integer column's reals
 * need typeof. */
static gboolean
aggregate_ok (PcProject         *self,
              const PcTableInfo  *table,
              GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc, column = 0;

  for (const PcColumnInfo *c = table->columns; c->name != NULL; c++)
    if (c->type == PC_VALUE_INTEGER || c->type == PC_VALUE_REAL)
      /* typeof only where min and max cannot tell: a real among integers
       * (typeof of a REAL column holding whole numbers costs a conversion
       * per row, 0.8 s for 3.4 million) */
      {
        g_string_append_printf (sql, "min (\"%s\"), max (\"%s\"), ", c->name, c->name);
        if (c->type == PC_VALUE_INTEGER)
          g_string_append_printf (sql, "max (typeof (\"%s\") <> 'integer'), ", c->name);
        else
          g_string_append (sql, "0, ");
      }
  g_string_truncate (sql, sql->len - 2);
  g_string_append_printf (sql, " FROM \"%s\"", table->name);
  rc = sqlite3_prepare_v2 (pc_project_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return _pc_project_sqlite_error (self, rc, "check it", error);
    }
  for (const PcColumnInfo *c = table->columns; c->name != NULL && ok; c++)
    {
      int min_type, max_type;
      double low, high;

      if (c->type != PC_VALUE_INTEGER && c->type != PC_VALUE_REAL)
        continue;
      min_type = sqlite3_column_type (stmt, column);
      max_type = sqlite3_column_type (stmt, column + 1);
      low = sqlite3_column_double (stmt, column);
      high = sqlite3_column_double (stmt, column + 1);
      if (min_type == SQLITE_NULL && max_type == SQLITE_NULL)
        ok = (c->flags & PC_VALUE_NULLABLE) || sqlite3_column_int (stmt, column + 2) == 0;
      else
        ok = (min_type == SQLITE_INTEGER || min_type == SQLITE_FLOAT)
             && (max_type == SQLITE_INTEGER || max_type == SQLITE_FLOAT)
             && sqlite3_column_int (stmt, column + 2) == 0
             && ((c->flags & PC_VALUE_LOW_EXCLUDED) ? low > c->low : low >= c->low)
             && high <= c->high;
      column += 3;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_table (PcProject         *self,
             const PcTableInfo  *table,
             GError           **error)
{
  g_auto(GStrv) key = g_strsplit (table->key, ", ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_key = g_strv_length (key), n_columns = 0;
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint k = 0; k < n_key; k++)
    g_string_append_printf (sql, "\"%s\", ", key[k]);
  for (const PcColumnInfo *c = table->columns; c->name != NULL; c++, n_columns++)
    {
      g_autoptr(GString) condition = g_string_new (NULL);

      append_condition (condition, c);
      g_string_append_printf (sql, "\"%s\", (%s), ", c->name, condition->str);
      g_string_append_printf (all, "%s(%s)", all->len > 0 ? " AND " : "", condition->str);
    }
  g_string_truncate (sql, sql->len - 2);
  g_string_append_printf (sql, " FROM \"%s\" WHERE NOT (%s) LIMIT 1", table->name, all->str);

  rc = sqlite3_prepare_v2 (pc_project_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _pc_project_sqlite_error (self, rc, "check it", error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          int value_column = n_key + 2 * c;
          g_autofree char *row = NULL;
          g_autofree char *value = NULL;

          if (sqlite3_column_int (stmt, value_column + 1) != 0)
            continue;
          row = describe_row (stmt, key);
          value = describe_value (stmt, value_column);
          g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                       "%s is damaged: in table %s, row %s: %s is %s, not %s "
                       "(the file was changed outside Pathcost)",
                       pc_project_get_display_name (self), table->name, row,
                       table->columns[c].name, value, table->columns[c].meaning);
          break;
        }
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "check it", error);
  return TRUE;
}

/* As pc-project.c decides when to spare a quick_check of the activity. */
static gboolean
is_large_read_only (PcProject *self)
{
  GStatBuf info;

  return sqlite3_db_readonly (pc_project_get_db (self), "main") == 1
         && g_stat (pc_project_get_path (self), &info) == 0
         && info.st_size > LARGE_FILE_SIZE;
}

char *
_pc_project_shown_text (const char *text)
{
  return shown_text (text);
}

gboolean
_pc_project_check_values (PcProject  *self,
                          GError    **error)
{
  guint n_tables;
  const PcTableInfo *tables = pc_tables_get_all (&n_tables);
  gboolean large_read_only = is_large_read_only (self);

  for (guint t = 0; t < n_tables; t++)
    {
      GError *aggregate_error = NULL;

      /* Read-only, nothing reads a large table's rows: the analyses read
       * its summaries, checked here like any table.  The rows are checked
       * when the file is opened for a change, which may read them. */
      if (tables[t].large && large_read_only)
        continue;
      /* a large table that passes is done; one that fails is looked at
       * row by row, for a message naming the row */
      if (tables[t].large && aggregate_ok (self, &tables[t], &aggregate_error))
        continue;
      if (aggregate_error != NULL)
        {
          g_propagate_error (error, aggregate_error);
          return FALSE;
        }
      if (!check_table (self, &tables[t], error))
        return FALSE;
    }
  return _pc_project_check_settings (self, error);
}
