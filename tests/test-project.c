/* test-project.c: the project file: creation, refusal of foreign, newer,
 * damaged and tampered files (never modifying them), migrations, the "in
 * use" message, settings, and reading pathways and reference data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-project.h"
#include "pc-schema.h"
#include "pc-test-util.h"

static char *
new_project_path (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "p.pathcost", NULL);

  project = pc_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return path;
}

static void
exec_raw (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Opening @path must fail with @code and a message containing @words, and
 * leave every byte of the file as it was. */
static void
assert_refused (const char *path, int code, const char *words)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GBytes) before = pc_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, PC_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("'%s' does not say '%s'", error->message, words);
  g_assert_null (strchr (error->message, '\n'));
  after = pc_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_create (void)
{
  g_autofree char *path = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);
  g_autoptr(PcProject) again = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = pc_project_get_db (project);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, PC_PROJECT_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, PC_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"),
                   ==, g_strv_length ((GStrv) _pc_schema_tables ()));
  pc_assert_close (pc_project_get_discount_rate (project), 0.035);
  pc_assert_close (pc_project_get_inflation (project), 0.0);
  /* A new project's base years are the financial year it was made in. */
  g_assert_cmpint (pc_project_get_incidence_year (project), ==, pc_current_financial_year ());
  g_assert_cmpint (pc_project_get_price_year (project), ==, pc_current_financial_year ());
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM settings WHERE key IN "
                                  "('incidence_year', 'price_year')"), ==, 2);

  again = pc_project_create (path, &error);
  g_assert_null (again);
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
}

static void
test_refuse_missing_and_foreign (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "nothing.pathcost", NULL);
  g_autofree char *empty = pc_test_write_file (dir, "empty.pathcost", "");
  g_autofree char *text = pc_test_write_file (dir, "text.pathcost", "area,name\nE1,Somewhere\n");
  g_autofree char *other = g_build_filename (dir, "other.pathcost", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (missing, &error);

  g_assert_null (project);
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  assert_refused (empty, PC_ERROR_NOT_PROJECT, "not a Pathcost project");
  assert_refused (text, PC_ERROR_NOT_PROJECT, "not a Pathcost project");
  exec_raw (other, "CREATE TABLE t (x PRIMARY KEY); INSERT INTO t VALUES (1);");
  assert_refused (other, PC_ERROR_NOT_PROJECT, "another program");
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = new_project_path ();

  exec_raw (path, "PRAGMA user_version = 99");
  assert_refused (path, PC_ERROR_NEWER_VERSION, "newer version");
}

/* Overwrites @length bytes at @offset without SQLite knowing. */
static void
scribble (const char *path, goffset offset, gsize length)
{
  FILE *file = g_fopen (path, "r+b");
  g_autofree guint8 *junk = g_malloc (length);

  memset (junk, 0xA5, length);
  g_assert_nonnull (file);
  fseek (file, offset, SEEK_SET);
  g_assert_cmpuint (fwrite (junk, 1, length, file), ==, length);
  fclose (file);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = new_project_path ();
  g_autofree char *truncated = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;

  /* Page 2 onwards holds the tables; page size is 4096. */
  scribble (path, 4096 + 10, 3000);
  assert_refused (path, PC_ERROR_DAMAGED, "damaged");

  g_free (path);
  path = new_project_path ();
  bytes = pc_test_read_bytes (path);
  dir = g_path_get_dirname (path);
  truncated = g_build_filename (dir, "truncated.pathcost", NULL);
  g_file_set_contents (truncated, g_bytes_get_data (bytes, NULL), 4096 + 100, NULL);
  assert_refused (truncated, PC_ERROR_DAMAGED, "damaged");
}

/* A file that carries a trigger, a view or a table of its own was not
 * written by Pathcost: it must not get to run anything. */
static void
test_refuse_tampered (void)
{
  g_autofree char *trigger = new_project_path ();
  g_autofree char *view = new_project_path ();
  g_autofree char *dropped = new_project_path ();
  g_autofree char *altered = new_project_path ();
  g_autofree char *named = new_project_path ();

  exec_raw (trigger, "CREATE TRIGGER t AFTER INSERT ON areas BEGIN DELETE FROM tariffs; END;");
  assert_refused (trigger, PC_ERROR_DAMAGED, "unexpected trigger 't'");
  exec_raw (view, "CREATE VIEW v AS SELECT * FROM areas;");
  assert_refused (view, PC_ERROR_DAMAGED, "unexpected view 'v'");
  exec_raw (dropped, "DROP TABLE survival;");
  assert_refused (dropped, PC_ERROR_DAMAGED, "missing");
  exec_raw (altered, "ALTER TABLE areas ADD COLUMN payload;");
  assert_refused (altered, PC_ERROR_DAMAGED, "unexpected table 'areas'");
  /* a name from the file is quoted on one line */
  exec_raw (named, "CREATE TABLE \"two\nlines\" (x);");
  assert_refused (named, PC_ERROR_DAMAGED, "unexpected table 'two lines'");
}

/* The runner steps one version at a time, each in its own transaction: a
 * failing step leaves the file at the version before it, data intact. */
static void
test_migrations (void)
{
  const PcMigration steps[] = {
    { 1, "CREATE TABLE a (x INTEGER PRIMARY KEY); INSERT INTO a VALUES (7);" },
    { 2, "ALTER TABLE a ADD COLUMN y TEXT DEFAULT 'two';" },
    { 3, "UPDATE a SET x = 8; THIS IS NOT SQL;" },
  };
  const PcMigration fixed[] = {
    steps[0], steps[1],
    { 3, "UPDATE a SET x = 9;" },
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_false (_pc_schema_migrate (db, steps, G_N_ELEMENTS (steps), &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "version 3"));
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT x FROM a"), ==, 7);
  g_assert_cmpint (query_int (db, "SELECT y = 'two' FROM a"), ==, 1);
  g_clear_error (&error);

  g_assert_true (_pc_schema_migrate (db, fixed, G_N_ELEMENTS (fixed), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT x FROM a"), ==, 9);
  /* Already at the last version: nothing runs again. */
  g_assert_true (_pc_schema_migrate (db, fixed, G_N_ELEMENTS (fixed), &error));
  g_assert_cmpint (query_int (db, "SELECT x FROM a"), ==, 9);
  sqlite3_close (db);
}

/* A project saved by the first version (schema 1) opens, is upgraded to the
 * current schema in place, and keeps its data. */
static void
test_upgrade_from_version_1 (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.pathcost", NULL);
  guint n_migrations;
  const PcMigration *migrations = _pc_schema_migrations (&n_migrations);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_auto(GStrv) scenarios = NULL;
  sqlite3 *db = NULL;

  g_autoptr(PcProject) reader = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_cmpuint (n_migrations, >=, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_pc_schema_migrate (db, migrations, 1, &error));
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 1);
  sqlite3_exec (db, "INSERT INTO areas VALUES ('A1', 'Kept');", NULL, NULL, NULL);
  sqlite3_close (db);

  /* Read-only, the upgrade happens in memory and the file stays as it was. */
  before = pc_test_read_bytes (path);
  reader = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (pc_project_get_db (reader), "SELECT count(*) FROM scenario_changes"), ==, 0);
  g_assert_cmpint (query_int (pc_project_get_db (reader), "SELECT count(*) FROM areas"), ==, 1);
  g_clear_object (&reader);
  after = pc_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  project = pc_project_open (path, &error);
  g_assert_no_error (error);
  db = pc_project_get_db (project);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, PC_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM areas WHERE name = 'Kept'"), ==, 1);
  /* Version 4 gives an older file the financial year of its upgrade as its
   * base years (stated in docs/MODEL.md, "Base years"). */
  g_assert_cmpint (query_int (db, "SELECT value FROM settings WHERE key = 'incidence_year'"),
                   ==, pc_current_financial_year ());
  g_assert_cmpint (query_int (db, "SELECT value FROM settings WHERE key = 'price_year'"),
                   ==, pc_current_financial_year ());
  scenarios = pc_project_list_scenarios (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (scenarios), ==, 0);
}

/* While this process holds a write transaction, a second process trying to
 * change the project is told it is in use, and changes nothing. */
static void
test_in_use (void)
{
  g_autofree char *path = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  g_assert_true (pc_project_begin (project, &error));
  status = pc_test_run_cli (NULL, &err, "set", path, "discount_rate", "0.05", NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "in use by another program"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  pc_project_rollback (project);
  pc_assert_close (pc_project_get_discount_rate (project), 0.035);
}

static void
test_settings (void)
{
  g_autofree char *path = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (path, &error);

  g_assert_true (pc_project_set_setting (project, "discount_rate", "0.015", &error));
  g_assert_true (pc_project_set_setting (project, "inflation", " 0.021 ", &error));
  g_assert_no_error (error);
  pc_assert_close (pc_project_get_discount_rate (project), 0.015);
  pc_assert_close (pc_project_get_inflation (project), 0.021);

  g_assert_false (pc_project_set_setting (project, "discount_rate", "3.5%", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "discount_rate"));
  g_clear_error (&error);
  g_assert_false (pc_project_set_setting (project, "discount_rate", "-0.01", &error));
  g_clear_error (&error);
  g_assert_false (pc_project_set_setting (project, "inflation", "nan", &error));
  g_clear_error (&error);
  g_assert_false (pc_project_set_setting (project, "vat", "0.2", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  pc_assert_close (pc_project_get_discount_rate (project), 0.015);
}

static void
fill_reference_data (const char *path)
{
  exec_raw (path,
            "INSERT INTO areas VALUES ('A1', 'Area one'), ('A2', 'Area two');"
            "INSERT INTO providers VALUES ('P1', 'Trust', 1.2);"
            "INSERT INTO tariffs VALUES ('T1', 'Surgery', 'spell', 2500, 2019);"
            "INSERT INTO sites VALUES ('lung', 'Lung', 'C34', 0.0);"
            "INSERT INTO incidence VALUES ('lung', 'F', '40-44', 1000), ('lung', 'M', '90+', 500);"
            "INSERT INTO stages VALUES ('lung', '1', 0.6), ('lung', '4', 0.4);"
            "INSERT INTO survival VALUES ('lung', '1', 1, 0.9), ('lung', '1', 3, 0.8),"
            "  ('lung', '4', 1, 0.3);"
            /* A1: 2025 and 2027 (2026 missing), A2: 2026 only. */
            "INSERT INTO population VALUES ('A1', 2025, 'F', '40-44', 10000),"
            "  ('A1', 2025, 'M', '90+', 2000), ('A1', 2027, 'F', '40-44', 20000),"
            "  ('A2', 2026, 'F', '40-44', 5000);"
            "INSERT INTO pathways VALUES ('lung_current', 'lung', 'current', 'P1');"
            "INSERT INTO pathway_steps VALUES ('lung_current', 0, 'treatment', 0, 'patient',"
            "  'Lobectomy', 'elective', 'T1', NULL, 1, 1, 1, 0, 0, 0, 'specialised', 2900),"
            "  ('lung_current', 1, 'diagnosis', 0, 'patient', 'MDT', 'other', NULL, 415, 1,"
            "  1, 1, 1, 1, 1, 'ccg', NULL);");
}

static void
test_load_pathway (void)
{
  g_autofree char *path = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(PcPathway) missing = NULL;
  g_auto(GStrv) names = NULL;
  const PcStep *step;

  fill_reference_data (path);
  project = pc_project_open (path, &error);
  pathway = pc_project_load_pathway (project, "lung_current", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pathway->provider, ==, "P1");
  pc_assert_close (pathway->mff, 1.2);
  g_assert_cmpuint (pathway->steps->len, ==, 2);
  step = g_ptr_array_index (pathway->steps, 0);
  g_assert_cmpstr (step->name, ==, "Lobectomy");
  pc_assert_close (step->tariff_price, 2500);
  g_assert_true (step->has_provider_unit_cost);
  pc_assert_close (step->provider_unit_cost, 2900);
  step = g_ptr_array_index (pathway->steps, 1);
  g_assert_null (step->tariff_code);
  g_assert_false (step->has_provider_unit_cost);

  missing = pc_project_load_pathway (project, "breast", &error);
  g_assert_null (missing);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lung_current"));

  names = pc_project_list_pathways (project, NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "lung_current", NULL }));
  g_clear_pointer (&names, g_strfreev);
  names = pc_project_list_areas (project, NULL);
  g_assert_cmpstrv (names, ((const char *[]) { "A1", "A2", NULL }));
}

/* crude(year) = Σ pop × rate / 100 000:
 *   A1 2025: 10 000 × 1 000 / 1e5 + 2 000 × 500 / 1e5 = 100 + 10 = 110
 *   A1 2027: 20 000 × 1 000 / 1e5 = 200;  A2 2026: 5 000 × 1 000 / 1e5 = 50
 * Projection from 2026 for 2 years over A1 + A2 (years 2021…2027):
 *   A1: 2021…2024 use 2025 (110), 2026 is a gap → 2025's 110, 2027 → 200
 *   A2: every year uses 2026 (50); 2027 is after its last year → warning */
static void
test_load_projection_input (void)
{
  g_autofree char *path = new_project_path ();
  const char * const areas[] = { "A1", "A2", NULL };
  const char * const unknown[] = { "A9", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  g_autoptr(PcProjectionInput) none = NULL;

  fill_reference_data (path);
  project = pc_project_open (path, &error);
  input = pc_project_load_projection_input (project, "lung", areas, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (input->first_year, ==, 2021);
  g_assert_cmpuint (input->n_years, ==, 7);
  pc_assert_close (input->crude_incidence[0], 160.0);
  pc_assert_close (input->crude_incidence[5], 160.0);
  pc_assert_close (input->crude_incidence[6], 250.0);
  pc_assert_close (input->stage_share[PC_STAGE_1], 0.6);
  pc_assert_close (input->stage_share[PC_STAGE_2], 0.0);
  /* stage 1: S(1) 0.9, S(2) carries 0.9, S(3) 0.8, then 0.8 to S(6) */
  pc_assert_close (input->survival[PC_STAGE_1][2], 0.9);
  pc_assert_close (input->survival[PC_STAGE_1][6], 0.8);
  pc_assert_close (input->survival[PC_STAGE_4][5], 0.3);
  g_assert_cmpuint (input->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (input->warnings, 0), "'A2'"));

  none = pc_project_load_projection_input (project, "lung", unknown, 2026, 2, &error);
  g_assert_null (none);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "A9"));
  g_clear_error (&error);
  none = pc_project_load_projection_input (project, "lung", areas, 2026, 21, &error);
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
}

static void
test_scenarios (void)
{
  g_autofree char *path = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcScenario) shift = pc_scenario_new ("earlier diagnosis");
  g_autoptr(PcScenario) bad_mix = pc_scenario_new ("bad mix");
  g_autoptr(PcScenario) bad_step = pc_scenario_new ("bad step");
  g_autoptr(PcScenario) loaded = NULL;
  g_auto(GStrv) names = NULL;
  const PcOverride *first;

  fill_reference_data (path);
  project = pc_project_open (path, &error);
  /* lung is 0.6 / 0.4 at stages 1 and 4: moving 0.1 to stage 2 keeps 1 */
  pc_scenario_add_override (shift, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_4, 0.3);
  pc_scenario_add_override (shift, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_2, 0.1);
  pc_scenario_add_override (shift, PC_PARAMETER_STEP_QUANTITY, NULL, "lung_current", "MDT", -1, 2);
  pc_scenario_add_investment (shift, "Rapid diagnosis", 2026, 2028, 250000, "ccg", NULL, NULL);
  pc_project_save_scenario (project, shift, &error);
  g_assert_no_error (error);

  loaded = pc_project_load_scenario (project, "earlier diagnosis", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->overrides->len, ==, 3);
  g_assert_cmpuint (loaded->investments->len, ==, 1);
  first = g_ptr_array_index (loaded->overrides, 0);
  g_assert_cmpint (first->parameter, ==, PC_PARAMETER_STAGE_SHARE);
  g_assert_cmpint (first->stage, ==, PC_STAGE_2);
  pc_assert_close (first->value, 0.1);
  pc_assert_close (((PcInvestment *) g_ptr_array_index (loaded->investments, 0))->cost_per_year, 250000);

  pc_scenario_add_override (bad_mix, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_2, 0.2);
  g_assert_false (pc_project_save_scenario (project, bad_mix, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sum to 1.2000"));
  g_clear_error (&error);

  pc_scenario_add_override (bad_step, PC_PARAMETER_STEP_SHARE, NULL, "lung_current", "Surgery", PC_STAGE_1, 0.5);
  g_assert_false (pc_project_save_scenario (project, bad_step, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no step 'Surgery'"));
  g_clear_error (&error);

  names = pc_project_list_scenarios (project, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "earlier diagnosis", NULL }));
  g_assert_true (pc_project_delete_scenario (project, "earlier diagnosis", &error));
  g_assert_null (pc_project_load_scenario (project, "earlier diagnosis", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
}

/* Values no import could have written mark a file changed elsewhere:
 * refused on open, naming table and row, never read as 0 or printed as
 * "inf" (SQLite's affinity keeps 'abc' in a REAL column, and
 * sqlite3_column_double reads it as 0.0). */
static void
test_refuse_impossible_values (void)
{
  static const struct
  {
    const char *sql;
    const char *words;
  } cases[] = {
    { "UPDATE tariffs SET price = 'abc'", "table tariffs, row code 'T1': price is 'abc', not a number of 0 or more" },
    /* quoted on one line, cut short: the message is one line whatever the file holds */
    { "UPDATE tariffs SET price = 'a' || char (10) || printf ('%.100c', 'b')",
      "price is 'a bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…', not" },
    { "UPDATE stages SET share = 'x' WHERE stage = '1'", "table stages, row site 'lung', stage '1': share is 'x', not a share from 0 to 1" },
    { "UPDATE stages SET share = 1.5 WHERE stage = '1'", "share is '1.5', not a share from 0 to 1" },
    { "UPDATE population SET count = 'many' WHERE year = 2025", "table population, row area 'A1', year '2025', sex 'F', age_band '40-44': count is 'many'" },
    { "UPDATE population SET count = -3 WHERE year = 2025", "count is '-3.0', not a number of 0 or more" },
    { "UPDATE population SET count = 1e999 WHERE area = 'A1'", "count is 'Inf', not a number of 0 or more" },
    { "UPDATE population SET year = '2025x' WHERE year = 2025", "year is '2025x', not a year from 1900 to 2200" },
    { "UPDATE providers SET mff = 0", "table providers, row code 'P1': mff is '0.0', not a number more than 0" },
    { "UPDATE areas SET name = x'00ff'", "table areas, row code 'A1': name is binary data, not text" },
    { "UPDATE survival SET surviving = -1e999 WHERE year = 3", "surviving is '-Inf'" },
    { "UPDATE settings SET value = 'abc' WHERE key = 'discount_rate'", "table settings, row key 'discount_rate': value is 'abc'" },
    { "UPDATE settings SET value = 'inf' WHERE key = 'discount_rate'", "value is 'inf'" },
    { "UPDATE settings SET value = '-1' WHERE key = 'discount_rate'", "value is '-1'" },
    { "UPDATE settings SET value = 'nan' WHERE key = 'discount_rate'", "value is 'nan'" },
    /* activity, millions of rows, is checked by one aggregate */
    { "INSERT INTO activity VALUES (7, 'p', 'P1', 'A1', 'lung', '1', 738000, 'X', 'other', 1, 'abc', 0)",
      "table activity, row id '7': cost is 'abc', not a number of 0 or more" },
    { "INSERT INTO activity VALUES (7, 'p', 'P1', 'A1', 'lung', '1', 738000.5, 'X', 'other', 1, 2, 0)",
      "table activity, row id '7': day is '738000.5'" },
    { "INSERT INTO activity VALUES (7, 'p', 'P1', 'A1', 'lung', '1', 738000, 'X', 'other', -1, 2, 0)",
      "table activity, row id '7': quantity is '-1.0'" },
    { "INSERT INTO settings VALUES ('range:incidence', '2,1')", "row key 'range:incidence': value is '2,1'" },
    { "INSERT INTO settings VALUES ('se:trend', '-0.1')", "row key 'se:trend': value is '-0.1'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = new_project_path ();
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PcProject) reader = NULL;

      fill_reference_data (path);
      exec_raw (path, cases[i].sql);
      assert_refused (path, PC_ERROR_DAMAGED, cases[i].words);
      /* read-only as well: what report and export open */
      before = pc_test_read_bytes (path);
      reader = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
      g_assert_null (reader);
      g_assert_error (error, PC_ERROR, PC_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

/* An older file that would be refused after its upgrade is refused before
 * it, byte for byte as it was: an upgrade writes. */
static void
test_refuse_before_upgrade (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.pathcost", NULL);
  guint n_migrations;
  const PcMigration *migrations = _pc_schema_migrations (&n_migrations);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (_pc_schema_migrate (db, migrations, 1, NULL));
  sqlite3_exec (db, "CREATE TABLE extra (x PRIMARY KEY);", NULL, NULL, NULL);
  sqlite3_close (db);
  assert_refused (path, PC_ERROR_DAMAGED, "unexpected table 'extra'");
}

/* A folder, or a link, is named for what it is. */
static void
test_refuse_folder_and_link (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.pathcost", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pathcost", NULL);
  g_autofree char *target = new_project_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  project = pc_project_open (folder, &error);
  g_assert_null (project);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_PROJECT);
  g_assert_nonnull (strstr (error->message, "folder.pathcost is a folder, not a Pathcost project"));
  g_clear_error (&error);

  g_assert_cmpint (symlink (target, link), ==, 0);
  project = pc_project_open_full (link, PC_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_null (project);
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "link.pathcost is a symbolic link to "));
  g_assert_nonnull (strstr (error->message, "open the file it points to"));
}

static char *
read_area_name (PcProject *project)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  sqlite3_prepare_v2 (pc_project_get_db (project), "SELECT name || ' ' || "
                      "(SELECT count(*) FROM areas) FROM areas WHERE code = 'A1'", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}

/* After a crash, a read-only open (report, export, the window's Open) rolls
 * the interrupted change back and says so once, instead of failing with
 * "attempt to write a readonly database"; so does a read-write open. */
static void
test_hot_journal (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;

  for (guint read_only = 0; read_only <= 1; read_only++)
    {
      g_autofree char *path = pc_test_make_crashed_project (dir, read_only ? "ro.pathcost" : "rw.pathcost");
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autoptr(PcProject) project = NULL;
      g_autoptr(PcProject) again = NULL;
      g_autofree char *name = NULL;

      g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
      project = pc_project_open_full (path, read_only ? PC_PROJECT_OPEN_READ_ONLY
                                                      : PC_PROJECT_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pc_project_get_notice (project));
      g_assert_nonnull (strstr (pc_project_get_notice (project),
                                "a change that was interrupted (by a crash, a kill or a full disk) was undone"));
      name = read_area_name (project);
      g_assert_cmpstr (name, ==, "Before 1");
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      /* told once: the next open has nothing to say */
      again = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_null (pc_project_get_notice (again));
    }
}

/* A journal that belongs to another database is never played into the
 * project: it is set aside, the project's bytes unchanged. */
static void
test_foreign_journal (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *crashed = pc_test_make_crashed_project (dir, "crashed.pathcost");
  g_autofree char *crashed_journal = g_strconcat (crashed, "-journal", NULL);
  g_autofree char *path = new_project_path ();
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *entry;
  guint n_aside = 0;
  gsize length;

  fill_reference_data (path);
  g_assert_true (g_file_get_contents (crashed_journal, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (journal, contents, length, NULL));
  before = pc_test_read_bytes (path);
  project = pc_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pc_project_get_notice (project));
  g_assert_nonnull (strstr (pc_project_get_notice (project), "p.pathcost-journal beside it is a "
                            "journal of another database; it was set aside as p.pathcost-journal.set-aside-"));
  g_clear_object (&project);
  after = pc_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  listing = g_dir_open (folder, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    n_aside += g_str_has_prefix (entry, "p.pathcost-journal.set-aside-");
  g_assert_cmpuint (n_aside, ==, 1);

}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project/create", test_create);
  g_test_add_func ("/project/refuse-missing-and-foreign", test_refuse_missing_and_foreign);
  g_test_add_func ("/project/refuse-newer", test_refuse_newer);
  g_test_add_func ("/project/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/project/refuse-tampered", test_refuse_tampered);
  g_test_add_func ("/project/migrations", test_migrations);
  g_test_add_func ("/project/upgrade-from-version-1", test_upgrade_from_version_1);
  g_test_add_func ("/project/in-use", test_in_use);
  g_test_add_func ("/project/scenarios", test_scenarios);
  g_test_add_func ("/project/refuse-impossible-values", test_refuse_impossible_values);
  g_test_add_func ("/project/refuse-before-upgrade", test_refuse_before_upgrade);
  g_test_add_func ("/project/refuse-folder-and-link", test_refuse_folder_and_link);
  g_test_add_func ("/project/hot-journal", test_hot_journal);
  g_test_add_func ("/project/foreign-journal", test_foreign_journal);
  g_test_add_func ("/project/settings", test_settings);
  g_test_add_func ("/project/load-pathway", test_load_pathway);
  g_test_add_func ("/project/load-projection-input", test_load_projection_input);
  return g_test_run ();
}
