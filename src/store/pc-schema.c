/* pc-schema.c: the project file's schema and the migration runner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-schema"

#include "config.h"

#include <errno.h>

#include "pc-error.h"
#include "pc-project.h"
#include "pc-project-private.h"
#include "pc-schema.h"
#include "pc-tables.h"

/* Every table has an explicit PRIMARY KEY so that SQLite's session extension
 * (undo and redo in the window) can track it. */
static const char schema_v1[] =
  "PRAGMA application_id = " G_STRINGIFY (PC_PROJECT_APPLICATION_ID) ";"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE tariffs ("
  "  code TEXT PRIMARY KEY NOT NULL,"
  "  description TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  price REAL NOT NULL,"
  "  year INTEGER NOT NULL);"
  "CREATE TABLE providers ("
  "  code TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  mff REAL NOT NULL);"
  "CREATE TABLE areas ("
  "  code TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE population ("
  "  area TEXT NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  sex TEXT NOT NULL,"
  "  age_band TEXT NOT NULL,"
  "  count REAL NOT NULL,"
  "  PRIMARY KEY (area, year, sex, age_band));"
  "CREATE TABLE sites ("
  "  code TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  icd10 TEXT NOT NULL,"
  "  trend REAL NOT NULL);"
  "CREATE TABLE incidence ("
  "  site TEXT NOT NULL,"
  "  sex TEXT NOT NULL,"
  "  age_band TEXT NOT NULL,"
  "  rate_per_100k REAL NOT NULL,"
  "  PRIMARY KEY (site, sex, age_band));"
  "CREATE TABLE stages ("
  "  site TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  share REAL NOT NULL,"
  "  PRIMARY KEY (site, stage));"
  "CREATE TABLE survival ("
  "  site TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  surviving REAL NOT NULL,"
  "  PRIMARY KEY (site, stage, year));"
  "CREATE TABLE pathways ("
  "  name TEXT PRIMARY KEY NOT NULL,"
  "  site TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  provider TEXT);"
  /* position keeps the order the user gave the steps in. */
  "CREATE TABLE pathway_steps ("
  "  pathway TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  phase TEXT NOT NULL,"
  "  year_offset INTEGER NOT NULL,"
  "  basis TEXT NOT NULL,"
  "  step TEXT NOT NULL,"
  "  activity TEXT NOT NULL,"
  "  tariff_code TEXT,"
  "  local_unit_cost REAL,"
  "  quantity REAL NOT NULL,"
  "  stage_1 REAL NOT NULL,"
  "  stage_2 REAL NOT NULL,"
  "  stage_3 REAL NOT NULL,"
  "  stage_4 REAL NOT NULL,"
  "  stage_unknown REAL NOT NULL,"
  "  funding TEXT NOT NULL,"
  "  provider_unit_cost REAL,"
  "  PRIMARY KEY (pathway, position));"
  "INSERT INTO settings (key, value) VALUES ('discount_rate', '0.035'), ('inflation', '0');";

/* Version 2: scenarios.  Columns a change does not use hold '' rather than
 * NULL, so that the primary key identifies a change and a re-import
 * replaces it. */
static const char schema_v2[] =
  "CREATE TABLE scenario_changes ("
  "  scenario TEXT NOT NULL,"
  "  parameter TEXT NOT NULL,"
  "  site TEXT NOT NULL,"
  "  pathway TEXT NOT NULL,"
  "  step TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  PRIMARY KEY (scenario, parameter, site, pathway, step, stage));"
  "CREATE TABLE scenario_investments ("
  "  scenario TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  first_year INTEGER NOT NULL,"
  "  last_year INTEGER NOT NULL,"
  "  cost_per_year REAL NOT NULL,"
  "  funding TEXT NOT NULL,"
  "  PRIMARY KEY (scenario, name));";

/* Version 3: patient-level activity and the pathway risk register.  A
 * record's date is its Julian day number (1 = 0001-01-01), so offsets are
 * a subtraction; a blank stage is stored as 'unknown'.  The register keeps
 * only what the user wrote: its entries are derived from the activity. */
static const char schema_v3[] =
  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  patient TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  area TEXT NOT NULL,"
  "  site TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  day INTEGER NOT NULL,"
  "  hrg TEXT NOT NULL,"
  "  activity TEXT NOT NULL,"
  "  quantity REAL NOT NULL,"
  "  cost REAL NOT NULL,"
  "  tariff_paid REAL NOT NULL);"
  "CREATE TABLE risk_register ("
  "  pathway TEXT NOT NULL,"
  "  step TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  owner TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  PRIMARY KEY (pathway, step, provider, stage, kind));";

/* Version 4: the base years (docs/MODEL.md, "Base years") and investment
 * lines scoped to a site or a pathway ('' for none, as in version 2).
 * incidence_year and price_year start as the financial year in which the
 * project is created or upgraded: the calendar year of the date three
 * months earlier (2026/27 runs from April 2026 to March 2027). */
static const char schema_v4[] =
  "ALTER TABLE scenario_investments ADD COLUMN site TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE scenario_investments ADD COLUMN pathway TEXT NOT NULL DEFAULT '';"
  "INSERT OR IGNORE INTO settings (key, value)"
  "  SELECT 'incidence_year', strftime ('%Y', 'now', 'localtime', '-3 months')"
  "  UNION ALL SELECT 'price_year', strftime ('%Y', 'now', 'localtime', '-3 months');";

/* Version 5: area groups (an ICB, a Cancer Alliance: a code standing for
 * the sum of its member areas) and where each import came from.  A
 * group's name repeats on each member's row, as in its CSV. */
static const char schema_v5[] =
  "CREATE TABLE area_groups ("
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  area TEXT NOT NULL,"
  "  PRIMARY KEY (code, area));"
  "CREATE TABLE imports ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  rows INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  source TEXT NOT NULL);";

/* Version 6: a due date on each risk register entry, YYYY-MM-DD or NULL
 * for none, kept with the owner, action and status. */
static const char schema_v6[] =
  "ALTER TABLE risk_register ADD COLUMN due TEXT;";

/* Version 7: the activity analyses' summaries, computed from the activity
 * in the same transaction as every change of it (an import, appended or
 * replacing), so that they always agree with its rows; the analyses read
 * them instead of millions of records.  provider '' stands for every
 * patient of the site, hrg '' for the patients at the stage whatever they
 * received.  The activity a file already holds is summarised by the
 * migration itself. */
static const char schema_v7[] =
  "CREATE TABLE activity_flows ("
  "  area TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  patients INTEGER NOT NULL,"
  "  cost REAL NOT NULL,"
  "  tariff_paid REAL NOT NULL,"
  "  PRIMARY KEY (area, provider));"
  "CREATE TABLE activity_costs ("
  "  site TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  patients INTEGER NOT NULL,"
  "  mean REAL NOT NULL,"
  "  q1 REAL NOT NULL,"
  "  median REAL NOT NULL,"
  "  q3 REAL NOT NULL,"
  "  outpatient REAL NOT NULL,"
  "  imaging REAL NOT NULL,"
  "  elective REAL NOT NULL,"
  "  daycase REAL NOT NULL,"
  "  bed_day REAL NOT NULL,"
  "  chemotherapy REAL NOT NULL,"
  "  radiotherapy REAL NOT NULL,"
  "  drug REAL NOT NULL,"
  "  community REAL NOT NULL,"
  "  other REAL NOT NULL,"
  "  PRIMARY KEY (site, provider, stage));"
  "CREATE TABLE activity_unit_costs ("
  "  provider TEXT NOT NULL,"
  "  hrg TEXT NOT NULL,"
  "  records INTEGER NOT NULL,"
  "  quantity REAL NOT NULL,"
  "  cost REAL NOT NULL,"
  "  PRIMARY KEY (provider, hrg));"
  "CREATE TABLE activity_reach ("
  "  site TEXT NOT NULL,"
  "  provider TEXT NOT NULL,"
  "  stage TEXT NOT NULL,"
  "  hrg TEXT NOT NULL,"
  "  year_offset INTEGER NOT NULL,"
  "  patients INTEGER NOT NULL,"
  "  PRIMARY KEY (site, provider, stage, hrg, year_offset));";

static const PcMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, schema_v5 },
  { 6, schema_v6 },
  { 7, schema_v7, _pc_activity_summarise },
};


const PcMigration *
_pc_schema_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

/* The tables pc-tables.c describes, by name. */
const char * const *
_pc_schema_tables (void)
{
  static GStrv names;

  if (g_once_init_enter (&names))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint n_tables;
      const PcTableInfo *tables = pc_tables_get_all (&n_tables);

      for (guint i = 0; i < n_tables; i++)
        g_strv_builder_add (builder, tables[i].name);
      g_once_init_leave (&names, g_strv_builder_end (builder));
    }
  return (const char * const *) names;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_migration (sqlite3            *db,
                 const PcMigration  *migration,
                 GError            **error)
{
  g_autofree char *set_version = NULL;
  int rc;

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_IN_USE,
                           "the project is in use by another program");
      return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->to_version);
  if (rc != SQLITE_OK
      || sqlite3_exec (db, migration->sql, NULL, NULL, NULL) != SQLITE_OK
      || (migration->then != NULL && !migration->then (db, NULL))
      || sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* A write past the end of the disk, or of the file-size limit, is
       * SQLITE_FULL or an I/O error with ENOSPC/EFBIG: the user can act on
       * "the disk is full", not on "disk I/O error". */
      int saved_errno = errno;
      int system_errno = sqlite3_system_errno (db) != 0 ? sqlite3_system_errno (db) : saved_errno;

      if ((sqlite3_errcode (db) & 0xff) == SQLITE_FULL
          || ((sqlite3_errcode (db) & 0xff) == SQLITE_IOERR
              && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT)))
        g_set_error (error, PC_ERROR, PC_ERROR_IO,
                     "could not upgrade the project to version %d: the disk is full",
                     migration->to_version);
      else
        g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                     "could not upgrade the project to version %d: %s",
                     migration->to_version, sqlite3_errmsg (db));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
_pc_schema_migrate (sqlite3            *db,
                    const PcMigration  *steps,
                    guint               n_steps,
                    GError            **error)
{
  int version = read_user_version (db);

  g_return_val_if_fail (db != NULL, FALSE);

  if (version < 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "could not read the project's version: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].to_version <= version)
        continue;
      /* Steps must follow one another: a gap would skip part of the schema. */
      g_assert (steps[i].to_version == version + 1);
      if (!apply_migration (db, &steps[i], error))
        return FALSE;
      version = steps[i].to_version;
    }
  return TRUE;
}
