/* test-row-list.c: a reference table as a lazy list model: counts and order
 * as SQL gives them, cells as a finance user reads them, pages beyond the
 * first, the cache letting go of rows, and one exact items-changed on reload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-project.h"
#include "pc-row-list.h"
#include "pc-test-util.h"

static guint
query_count (PcProject  *project,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static PcRowList *
new_list (PcProject  *project,
          const char *table)
{
  g_autoptr(GError) error = NULL;
  PcRowList *list = pc_row_list_new (project, table, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static PcRow *
get_row (PcRowList *list,
         guint      position)
{
  PcRow *row = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (row);
  g_assert_true (PC_IS_ROW (row));
  return row;
}

static void
test_counts (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  const char * const *tables = pc_row_list_get_tables ();

  g_assert_cmpuint (g_strv_length ((GStrv) tables), ==, 9);   /* the eight reference tables and the area groups */
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(PcRowList) list = new_list (project, tables[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      guint expected = query_count (project, sql);

      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PC_TYPE_ROW);
      g_assert_cmpstr (pc_row_list_get_table (list), ==, tables[i]);
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), expected));
    }
}

static void
test_columns (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(PcRowList) tariffs = new_list (project, "tariffs");
  g_autoptr(PcRowList) providers = new_list (project, "providers");
  g_autoptr(PcRowList) incidence = new_list (project, "incidence");
  const char *titles[] = { "Code", "Description", "Unit", "Price", "Year" };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE, TRUE };

  g_assert_cmpuint (pc_row_list_get_n_columns (tariffs), ==, G_N_ELEMENTS (titles));
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      g_assert_cmpstr (pc_row_list_get_column_title (tariffs, c), ==, titles[c]);
      g_assert_cmpint (pc_row_list_column_is_numeric (tariffs, c), ==, numeric[c]);
    }
  g_assert_cmpstr (pc_row_list_get_column_title (providers, 2), ==, "Market forces factor");
  g_assert_cmpstr (pc_row_list_get_column_title (incidence, 3), ==, "Rate per 100,000");
  g_assert_true (pc_row_list_column_is_numeric (incidence, 3));
  g_assert_false (pc_row_list_column_is_numeric (incidence, 0));

  g_test_expect_message ("pc-row-list", G_LOG_LEVEL_CRITICAL, "*column < *");
  g_assert_null (pc_row_list_get_column_title (tariffs, 5));
  g_test_assert_expected_messages ();
}

/* The row whose first cell is @key, or NULL. */
static PcRow *
find_row (PcRowList  *list,
          const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcRow) row = get_row (list, i);

      if (g_strcmp0 (pc_row_get_text (row, 0), key) == 0)
        return g_steal_pointer (&row);
    }
  return NULL;
}

static void
test_tariff_texts (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(PcRowList) list = new_list (project, "tariffs");
  g_autoptr(PcRow) row = find_row (list, "JA07B");
  g_autoptr(PcRow) first = get_row (list, 0);
  g_autoptr(PcRow) again = get_row (list, 0);

  g_assert_nonnull (row);
  g_assert_cmpuint (pc_row_get_n_columns (row), ==, 5);
  g_assert_cmpstr (pc_row_get_text (row, 1), ==, "Major Breast Procedures with CC Score 0-1");
  g_assert_cmpstr (pc_row_get_text (row, 2), ==, "spell");
  g_assert_cmpstr (pc_row_get_text (row, 3), ==, "£5,472.00");
  /* A year is a label, not a quantity: no thousands separator. */
  g_assert_cmpstr (pc_row_get_text (row, 4), ==, "2025");
  /* Ordered by the primary key, not as imported (WF01B came first). */
  g_assert_cmpstr (pc_row_get_text (first, 0), <, "JA07B");
  g_assert_true (first == again);

  g_test_expect_message ("pc-row", G_LOG_LEVEL_CRITICAL, "*column < *");
  g_assert_null (pc_row_get_text (row, 5));
  g_test_assert_expected_messages ();
}

/* Cells of the other tables, as a finance user reads them. */
static void
test_formats (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(PcRowList) providers = new_list (project, "providers");
  g_autoptr(PcRowList) stages = new_list (project, "stages");
  g_autoptr(PcRowList) incidence = new_list (project, "incidence");
  g_autoptr(PcRowList) sites = new_list (project, "sites");
  g_autoptr(PcRow) barts = find_row (providers, "R1H");
  g_autoptr(PcRow) breast_1 = get_row (stages, 0);
  g_autoptr(PcRow) rate = get_row (incidence, 0);
  g_autoptr(PcRow) site = find_row (sites, "lung");

  g_assert_nonnull (barts);
  g_assert_cmpstr (pc_row_get_text (barts, 2), ==, "1.20");
  g_assert_cmpstr (pc_row_get_text (breast_1, 0), ==, "breast");
  g_assert_cmpstr (pc_row_get_text (breast_1, 1), ==, "1");
  g_assert_cmpstr (pc_row_get_text (breast_1, 2), ==, "40.10%");
  g_assert_cmpstr (pc_row_get_text (rate, 0), ==, "breast");
  g_assert_nonnull (strchr (pc_row_get_text (rate, 3), '.'));
  g_assert_nonnull (site);
  g_assert_cmpstr (pc_row_get_text (site, 2), ==, "C33-C34");
  g_assert_cmpstr (pc_row_get_text (site, 3), ==, "-0.70%");

  /* survival.csv: breast stage 1 keeps 1.0000, then 0.9950, 0.9899: one
   * column lines up at two decimals of a percent. */
  {
    g_autoptr(PcRowList) survival = new_list (project, "survival");
    g_autoptr(PcRow) year_1 = get_row (survival, 0);
    g_autoptr(PcRow) year_2 = get_row (survival, 1);

    g_assert_cmpstr (pc_row_get_text (year_1, 2), ==, "1");
    g_assert_cmpstr (pc_row_get_text (year_1, 3), ==, "100.00%");
    g_assert_cmpstr (pc_row_get_text (year_2, 3), ==, "99.50%");
  }
}

/* A figure SQLite stored as text (it accepts anything) is shown as written. */
static void
test_text_in_figure (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(PcRowList) list = NULL;
  g_autoptr(PcRow) row = NULL;

  pc_test_exec_sql (project, "UPDATE tariffs SET price = 'n/a' WHERE code = 'JA07B'");
  list = new_list (project, "tariffs");
  row = find_row (list, "JA07B");
  g_assert_nonnull (row);
  g_assert_cmpstr (pc_row_get_text (row, 3), ==, "n/a");
}

/* The store sorts and filters: by a column either way, then the table's
 * order; by text anywhere in a row, LIKE's % and _ taken as written. */
static void
test_order_and_filter (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(PcRowList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint all;
  int column = 0;

  pc_test_exec_sql (project, "UPDATE tariffs SET description = '100% fee' WHERE code = 'JA07B'");
  list = new_list (project, "tariffs");
  all = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_true (pc_row_list_set_order (list, 3, TRUE, &error));
  g_assert_no_error (error);
  g_object_get (list, "sort-column", &column, NULL);
  g_assert_cmpint (column, ==, 3);
  {
    g_autoptr(PcRow) first = get_row (list, 0);

    g_assert_cmpstr (pc_row_get_text (first, 0), ==, "DZ02H");
  }
  g_assert_true (pc_row_list_set_order (list, -1, FALSE, &error));
  {
    g_autoptr(PcRow) first = get_row (list, 0);

    g_assert_cmpstr (pc_row_get_text (first, 0), ==, "DAPF");
  }

  g_assert_true (pc_row_list_set_filter (list, "BRONCH", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (pc_row_list_set_filter (list, "0%", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (pc_row_list_set_filter (list, "_", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (pc_row_list_set_filter (list, "", &error));
  g_assert_null (pc_row_list_get_filter (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all);
}

/* Checks the row at @position against what SQL gives for that position. */
static void
assert_population_row (PcProject *project,
                       PcRowList *list,
                       guint      position)
{
  g_autoptr(PcRow) row = get_row (list, position);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *count = NULL;
  g_autofree char *year = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project),
                                       "SELECT area, year, sex, age_band, count FROM population"
                                       " ORDER BY area, year, sex, CAST (age_band AS INTEGER),"
                                       " age_band LIMIT 1 OFFSET ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, (int) position);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  year = g_strdup_printf ("%d", sqlite3_column_int (stmt, 1));
  value = sqlite3_column_double (stmt, 4);
  /* Whole people as whole numbers; a fractional estimate (ONS writes
   * three decimals) keeps up to two, trailing zeros trimmed. */
  count = pc_format_number (value, 2);
  if (strchr (count, '.') != NULL)
    {
      gsize end = strlen (count);

      while (count[end - 1] == '0')
        count[--end] = '\0';
      if (count[end - 1] == '.')
        count[end - 1] = '\0';
    }
  g_assert_cmpstr (pc_row_get_text (row, 0), ==, (const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpstr (pc_row_get_text (row, 1), ==, year);
  g_assert_cmpstr (pc_row_get_text (row, 2), ==, (const char *) sqlite3_column_text (stmt, 2));
  g_assert_cmpstr (pc_row_get_text (row, 3), ==, (const char *) sqlite3_column_text (stmt, 3));
  g_assert_cmpstr (pc_row_get_text (row, 4), ==, count);
  sqlite3_finalize (stmt);
}

/* Age bands in the order people read them, not as text (5-9 before 10-14). */
static void
test_age_order (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(PcRowList) population = new_list (project, "population");
  g_autoptr(PcRowList) incidence = new_list (project, "incidence");
  const char *bands[] = { "0-4", "5-9", "10-14", "15-19" };

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_autoptr(PcRow) person = get_row (population, i);
      g_autoptr(PcRow) rate = get_row (incidence, i);

      g_assert_cmpstr (pc_row_get_text (person, 3), ==, bands[i]);
      g_assert_cmpstr (pc_row_get_text (rate, 2), ==, bands[i]);
    }
}

static void
test_beyond_first_page (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(PcRowList) list = new_list (project, "population");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  const guint positions[] = { 300, 0, 255, 256, 511, 512, 777 };

  g_assert_cmpuint (n, >, 777);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    assert_population_row (project, list, positions[i]);
  assert_population_row (project, list, n - 1);
}

/* The sample copy with 200,000 more population rows (5 areas' worth of
 * pages, far more than the cache holds). */
static PcProject *
open_large_copy (void)
{
  PcProject *project = pc_test_open_sample_copy ();

  pc_test_exec_sql (project,
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)"
            " INSERT INTO population (area, year, sex, age_band, count)"
            " SELECT printf('Z%05d', i / 40), 2030 + i % 20, CASE WHEN i % 40 < 20 THEN 'F' ELSE 'M' END,"
            "        '0-4', i * 1.5 FROM n");
  return project;
}

/* A larger table than the sample's: a far row, and pages scrolled past are
 * let go, so the list never holds the table. */
static void
test_large_table (void)
{
  g_autoptr(PcProject) project = open_large_copy ();
  g_autoptr(PcRowList) list = new_list (project, "population");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  PcRow *first = get_row (list, 0);
  g_autoptr(PcRow) reread = NULL;
  g_autofree char *area = g_strdup (pc_row_get_text (first, 0));

  g_assert_cmpuint (n, ==, query_count (project, "SELECT count(*) FROM population"));
  g_assert_cmpuint (n, >, 200000);
  assert_population_row (project, list, n - 1);
  assert_population_row (project, list, n / 2 + 3);
  /* A fractional count keeps its decimals: 1.5 people per row here. */
  assert_population_row (project, list, n - 2);

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_object_unref (first);
  g_assert_nonnull (first);  /* still cached */
  for (guint page = 1; page <= 16 && first != NULL; page++)
    {
      g_autoptr(PcRow) row = get_row (list, page * 256 * 10);
    }
  g_assert_null (first);

  reread = get_row (list, 0);
  g_assert_cmpstr (pc_row_get_text (reread, 0), ==, area);
}

static void
test_unknown_table (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcRowList) list = pc_row_list_new (project, "pathways", &error);

  g_assert_null (list);
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pathways"));
  g_clear_error (&error);

  list = pc_row_list_new (project, "tariffs; DROP TABLE tariffs", &error);
  g_assert_null (list);
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tariffs; DROP TABLE tariffs"));
}

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
record_changes (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Changes    *changes)
{
  changes->n_calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  /* The model must already be in its new state when it says so. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, added);
}

static void
test_reload (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(PcRowList) list = new_list (project, "population");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcRow) stale = get_row (list, 0);
  g_autoptr(PcRow) fresh = NULL;
  Changes changes = { 0 };
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint new_n;

  g_signal_connect (list, "items-changed", G_CALLBACK (record_changes), &changes);

  pc_test_exec_sql (project, "DELETE FROM population WHERE sex = 'M';"
                     "UPDATE population SET count = 1234567 WHERE rowid ="
                     " (SELECT rowid FROM population"
                     "  ORDER BY area, year, sex, CAST (age_band AS INTEGER) LIMIT 1)");
  new_n = query_count (project, "SELECT count(*) FROM population");
  g_assert_cmpuint (new_n, <, old_n);
  g_assert_cmpuint (changes.n_calls, ==, 0);  /* nothing until asked */

  g_assert_true (pc_row_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, old_n);
  g_assert_cmpuint (changes.added, ==, new_n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, new_n);

  /* The cache went with the old rows. */
  fresh = get_row (list, 0);
  g_assert_true (fresh != stale);
  g_assert_cmpstr (pc_row_get_text (fresh, 4), ==, "1,234,567");
  assert_population_row (project, list, new_n - 1);

  /* Emptied: one signal removing everything. */
  changes.n_calls = 0;
  pc_test_exec_sql (project, "DELETE FROM population");
  g_assert_true (pc_row_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, new_n);
  g_assert_cmpuint (changes.added, ==, 0);

  /* Empty before and after: nothing to say. */
  changes.n_calls = 0;
  g_assert_true (pc_row_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 0);
}

/* A failed reload leaves the list as it was and says why. */
static void
test_reload_failure (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(PcRowList) list = new_list (project, "areas");
  g_autoptr(GError) error = NULL;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (record_changes), &changes);
  pc_test_exec_sql (project, "ALTER TABLE areas RENAME TO areas_gone");
  g_assert_false (pc_row_list_reload (list, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == PC_ERROR);
  g_assert_cmpuint (changes.n_calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, old_n);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A page that cannot be read gives rows of empty cells (a list model must
 * answer for every position) and an error the view can show. */
static void
test_read_error (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(PcRowList) list = new_list (project, "population");
  g_autoptr(PcRow) first = get_row (list, 0);
  g_autoptr(PcRow) far = NULL;
  g_autoptr(PcRow) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) from_property = NULL;
  guint n_notify = 0;

  g_signal_connect (list, "notify::read-error", G_CALLBACK (count_notify), &n_notify);
  g_assert_null (pc_row_list_get_read_error (list));

  pc_test_exec_sql (project, "ALTER TABLE population RENAME TO population_elsewhere");
  far = get_row (list, 700);  /* page 2: not read yet */
  g_assert_cmpuint (pc_row_get_n_columns (far), ==, 5);
  g_assert_cmpstr (pc_row_get_text (far, 0), ==, "");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_nonnull (pc_row_list_get_read_error (list));
  g_assert_true (pc_row_list_get_read_error (list)->domain == PC_ERROR);
  g_assert_nonnull (strstr (pc_row_list_get_read_error (list)->message, "population"));
  g_object_get (list, "read-error", &from_property, NULL);
  g_assert_nonnull (from_property);
  g_assert_cmpstr (from_property->message, ==, pc_row_list_get_read_error (list)->message);

  /* Announced once; the page already read still shows its rows. */
  again = get_row (list, 300);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpstr (pc_row_get_text (first, 0), !=, "");

  pc_test_exec_sql (project, "ALTER TABLE population_elsewhere RENAME TO population");
  g_assert_true (pc_row_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_null (pc_row_list_get_read_error (list));
  g_assert_cmpuint (n_notify, ==, 2);
  assert_population_row (project, list, 700);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-list/counts", test_counts);
  g_test_add_func ("/row-list/columns", test_columns);
  g_test_add_func ("/row-list/tariff-texts", test_tariff_texts);
  g_test_add_func ("/row-list/formats", test_formats);
  g_test_add_func ("/row-list/text-in-figure", test_text_in_figure);
  g_test_add_func ("/row-list/age-order", test_age_order);
  g_test_add_func ("/row-list/beyond-first-page", test_beyond_first_page);
  g_test_add_func ("/row-list/large-table", test_large_table);
  g_test_add_func ("/row-list/unknown-table", test_unknown_table);
  g_test_add_func ("/row-list/reload", test_reload);
  g_test_add_func ("/row-list/reload-failure", test_reload_failure);
  g_test_add_func ("/row-list/read-error", test_read_error);
  g_test_add_func ("/row-list/order-and-filter", test_order_and_filter);

  return g_test_run ();
}
