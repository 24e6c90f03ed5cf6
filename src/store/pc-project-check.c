/* pc-project-check.c: the values of a project file, checked on open as an
 * import checks them.  SQLite's type affinity lets a REAL column hold 'abc'
 * and reads it back as 0.0, so a file edited elsewhere could be reported
 * as figures that are wrong without a word; instead, a value no import
 * could have written marks the file as damaged, naming table and row.
 *
 * The checks are data: one entry per column below, one query per table
 * (a single pass, stopping at the first bad row), so a new column is one
 * line here.  Columns not listed are not checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <float.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"

typedef enum
{
  CHECK_TEXT,
  CHECK_INTEGER,
  CHECK_REAL,
} CheckType;

typedef enum
{
  CHECK_DEFAULT      = 0,
  CHECK_NULLABLE     = 1 << 0,
  CHECK_LOW_EXCLUDED = 1 << 1,   /* more than low, not equal to it */
} CheckFlags;

typedef struct
{
  const char *column;
  CheckType   type;
  CheckFlags  flags;
  double      low;
  double      high;
  const char *meaning;      /* "is not …" */
} ColumnCheck;

typedef struct
{
  const char        *table;
  const char        *key;       /* the columns that name a row, comma-separated */
  const ColumnCheck *columns;   /* ends with a NULL column */
  /* Millions of rows: its numbers are checked by one aggregate (min, max,
   * and the types of integer columns), about 0.6 s of CPU for 3.4 million
   * rows where the row-by-row conditions take twice that; its text is not
   * checked (no figure comes from it). */
  gboolean           large;
} TableCheck;

#define ANY_LOW  (-DBL_MAX)
#define ANY_HIGH DBL_MAX
/* The last day parse_date accepts, 9999-12-31, as a day number from 0001-01-01 = 1. */
#define LAST_DAY 3652059

#define TEXT(name) { name, CHECK_TEXT, CHECK_DEFAULT, 0, 0, "text" }
#define TEXT_OR_NULL(name) { name, CHECK_TEXT, CHECK_NULLABLE, 0, 0, "text" }
#define YEAR(name) { name, CHECK_INTEGER, CHECK_DEFAULT, 1900, 2200, "a year from 1900 to 2200" }
#define NOT_NEGATIVE(name) { name, CHECK_REAL, CHECK_DEFAULT, 0, ANY_HIGH, "a number of 0 or more" }
#define SHARE(name) { name, CHECK_REAL, CHECK_DEFAULT, 0, 1, "a share from 0 to 1" }
#define END { NULL, 0, 0, 0, 0, NULL }

static const ColumnCheck settings_columns[] = { TEXT ("key"), TEXT ("value"), END };
static const ColumnCheck tariffs_columns[] = {
  TEXT ("code"), TEXT ("description"), TEXT ("unit"), NOT_NEGATIVE ("price"),
  { "year", CHECK_INTEGER, CHECK_DEFAULT, 1948, 2200, "a year from 1948 to 2200" }, END
};
static const ColumnCheck providers_columns[] = {
  TEXT ("code"), TEXT ("name"),
  { "mff", CHECK_REAL, CHECK_LOW_EXCLUDED, 0, ANY_HIGH, "a number more than 0" }, END
};
static const ColumnCheck areas_columns[] = { TEXT ("code"), TEXT ("name"), END };
static const ColumnCheck population_columns[] = {
  TEXT ("area"), YEAR ("year"), TEXT ("sex"), TEXT ("age_band"), NOT_NEGATIVE ("count"), END
};
static const ColumnCheck sites_columns[] = {
  TEXT ("code"), TEXT ("name"), TEXT ("icd10"),
  { "trend", CHECK_REAL, CHECK_LOW_EXCLUDED, -1, ANY_HIGH, "an annual change more than -1" }, END
};
static const ColumnCheck incidence_columns[] = {
  TEXT ("site"), TEXT ("sex"), TEXT ("age_band"), NOT_NEGATIVE ("rate_per_100k"), END
};
static const ColumnCheck stages_columns[] = { TEXT ("site"), TEXT ("stage"), SHARE ("share"), END };
static const ColumnCheck survival_columns[] = {
  TEXT ("site"), TEXT ("stage"),
  { "year", CHECK_INTEGER, CHECK_DEFAULT, 1, PC_MAX_OFFSET, "a year after diagnosis from 1 to 5" },
  SHARE ("surviving"), END
};
static const ColumnCheck pathways_columns[] = {
  TEXT ("name"), TEXT ("site"), TEXT ("kind"), TEXT_OR_NULL ("provider"), END
};
static const ColumnCheck pathway_steps_columns[] = {
  TEXT ("pathway"),
  { "position", CHECK_INTEGER, CHECK_DEFAULT, 0, G_MAXINT32, "a position of 0 or more" },
  TEXT ("phase"),
  { "year_offset", CHECK_INTEGER, CHECK_DEFAULT, 0, PC_MAX_OFFSET, "a year offset from 0 to 5" },
  TEXT ("basis"), TEXT ("step"), TEXT ("activity"), TEXT_OR_NULL ("tariff_code"),
  { "local_unit_cost", CHECK_REAL, CHECK_NULLABLE, 0, ANY_HIGH, "an amount of 0 or more" },
  NOT_NEGATIVE ("quantity"),
  SHARE ("stage_1"), SHARE ("stage_2"), SHARE ("stage_3"), SHARE ("stage_4"),
  SHARE ("stage_unknown"), TEXT ("funding"),
  { "provider_unit_cost", CHECK_REAL, CHECK_NULLABLE, 0, ANY_HIGH, "an amount of 0 or more" },
  END
};
static const ColumnCheck scenario_changes_columns[] = {
  TEXT ("scenario"), TEXT ("parameter"), TEXT ("site"), TEXT ("pathway"), TEXT ("step"),
  TEXT ("stage"), { "value", CHECK_REAL, CHECK_DEFAULT, ANY_LOW, ANY_HIGH, "a number" }, END
};
static const ColumnCheck scenario_investments_columns[] = {
  TEXT ("scenario"), TEXT ("name"), YEAR ("first_year"), YEAR ("last_year"),
  NOT_NEGATIVE ("cost_per_year"), TEXT ("funding"), TEXT ("site"), TEXT ("pathway"), END
};
static const ColumnCheck activity_columns[] = {
  TEXT ("patient"), TEXT ("provider"), TEXT ("area"), TEXT ("site"), TEXT ("stage"),
  { "day", CHECK_INTEGER, CHECK_DEFAULT, 1, LAST_DAY, "a date from 0001-01-01 to 9999-12-31" },
  TEXT ("hrg"), TEXT ("activity"), NOT_NEGATIVE ("quantity"), NOT_NEGATIVE ("cost"),
  NOT_NEGATIVE ("tariff_paid"), END
};
static const ColumnCheck risk_register_columns[] = {
  TEXT ("pathway"), TEXT ("step"), TEXT ("provider"), TEXT ("stage"), TEXT ("kind"),
  TEXT ("owner"), TEXT ("action"), TEXT ("status"), END
};

static const ColumnCheck area_groups_columns[] = {
  TEXT ("code"), TEXT ("name"), TEXT ("area"), END
};
static const ColumnCheck imports_columns[] = {
  TEXT ("kind"), TEXT ("file_name"), TEXT ("sha256"),
  { "rows", CHECK_INTEGER, CHECK_DEFAULT, 0, ANY_HIGH, "a count of 0 or more" },
  TEXT ("imported_at"), TEXT ("source"), END
};

static const TableCheck tables[] = {
  { "settings", "key", settings_columns },
  { "tariffs", "code", tariffs_columns },
  { "providers", "code", providers_columns },
  { "areas", "code", areas_columns },
  { "population", "area, year, sex, age_band", population_columns },
  { "sites", "code", sites_columns },
  { "incidence", "site, sex, age_band", incidence_columns },
  { "stages", "site, stage", stages_columns },
  { "survival", "site, stage, year", survival_columns },
  { "pathways", "name", pathways_columns },
  { "pathway_steps", "pathway, position", pathway_steps_columns },
  { "scenario_changes", "scenario, parameter, site, pathway, step, stage", scenario_changes_columns },
  { "scenario_investments", "scenario, name", scenario_investments_columns },
  { "activity", "id", activity_columns, TRUE },
  { "risk_register", "pathway, step, provider, stage, kind", risk_register_columns },
  { "area_groups", "code, area", area_groups_columns },
  { "imports", "id", imports_columns },
};

/* An SQL expression, true exactly when @check holds for its column; never
 * NULL, so NOT of it is true for a bad value. */
static void
append_condition (GString           *sql,
                  const ColumnCheck *check)
{
  char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

  if (check->flags & CHECK_NULLABLE)
    g_string_append_printf (sql, "\"%s\" IS NULL OR ", check->column);
  if (check->type == CHECK_TEXT)
    g_string_append_printf (sql, "typeof (\"%s\") = 'text'", check->column);
  else
    /* Finite bounds also refuse an infinity (SQLite stores no NaN). */
    g_string_append_printf (sql, "(typeof (\"%s\") IN (%s) AND \"%s\" %s %s AND \"%s\" <= %s)",
                            check->column,
                            check->type == CHECK_INTEGER ? "'integer'" : "'integer', 'real'",
                            check->column, (check->flags & CHECK_LOW_EXCLUDED) ? ">" : ">=",
                            g_ascii_formatd (low, sizeof low, "%.17g", check->low),
                            check->column,
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
              const TableCheck  *table,
              GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc, column = 0;

  for (const ColumnCheck *c = table->columns; c->column != NULL; c++)
    if (c->type != CHECK_TEXT)
      /* typeof only where min and max cannot tell: a real among integers
       * (typeof of a REAL column holding whole numbers costs a conversion
       * per row, 0.8 s for 3.4 million) */
      {
        g_string_append_printf (sql, "min (\"%s\"), max (\"%s\"), ", c->column, c->column);
        if (c->type == CHECK_INTEGER)
          g_string_append_printf (sql, "max (typeof (\"%s\") <> 'integer'), ", c->column);
        else
          g_string_append (sql, "0, ");
      }
  g_string_truncate (sql, sql->len - 2);
  g_string_append_printf (sql, " FROM \"%s\"", table->table);
  rc = sqlite3_prepare_v2 (pc_project_get_db (self), sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return _pc_project_sqlite_error (self, rc, "check it", error);
    }
  for (const ColumnCheck *c = table->columns; c->column != NULL && ok; c++)
    {
      int min_type, max_type;
      double low, high;

      if (c->type == CHECK_TEXT)
        continue;
      min_type = sqlite3_column_type (stmt, column);
      max_type = sqlite3_column_type (stmt, column + 1);
      low = sqlite3_column_double (stmt, column);
      high = sqlite3_column_double (stmt, column + 1);
      if (min_type == SQLITE_NULL && max_type == SQLITE_NULL)
        ok = (c->flags & CHECK_NULLABLE) || sqlite3_column_int (stmt, column + 2) == 0;
      else
        ok = (min_type == SQLITE_INTEGER || min_type == SQLITE_FLOAT)
             && (max_type == SQLITE_INTEGER || max_type == SQLITE_FLOAT)
             && sqlite3_column_int (stmt, column + 2) == 0
             && ((c->flags & CHECK_LOW_EXCLUDED) ? low > c->low : low >= c->low)
             && high <= c->high;
      column += 3;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_table (PcProject         *self,
             const TableCheck  *table,
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
  for (const ColumnCheck *c = table->columns; c->column != NULL; c++, n_columns++)
    {
      g_autoptr(GString) condition = g_string_new (NULL);

      append_condition (condition, c);
      g_string_append_printf (sql, "\"%s\", (%s), ", c->column, condition->str);
      g_string_append_printf (all, "%s(%s)", all->len > 0 ? " AND " : "", condition->str);
    }
  g_string_truncate (sql, sql->len - 2);
  g_string_append_printf (sql, " FROM \"%s\" WHERE NOT (%s) LIMIT 1", table->table, all->str);

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
                       pc_project_get_display_name (self), table->table, row,
                       table->columns[c].column, value, table->columns[c].meaning);
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

char *
_pc_project_shown_text (const char *text)
{
  return shown_text (text);
}

gboolean
_pc_project_check_values (PcProject  *self,
                          GError    **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GError *aggregate_error = NULL;

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
