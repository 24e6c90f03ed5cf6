/* test-activity.c: the activity analyses on an extract small enough to
 * work out by hand (the arithmetic is beside each check), and bad extracts
 * that must leave the project's previous activity intact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-importer.h"
#include "pc-test-util.h"

typedef struct
{
  char      *dir;
  PcProject *project;
} Fixture;

/* Patients: X (lung, stage 1 on its first record; seen at P1 and P2, and
 * also a breast patient X, a different patient), Y (lung, blank stage),
 * Z (lung, stage 1, area A2; its T2 comes 364 days after its first record,
 * so at offset 0, and a record three years on with no tariff paid). */
static const char extract[] =
  "patient,provider,area,site,stage,date,hrg,activity,quantity,cost,tariff_paid\n"
  "X,P1,A1,lung,1,2024-01-10,T1,outpatient,1,120,100\n"
  "X,P2,A1,lung,2,2024-03-01,T2,elective,1,1500,1200\n"
  "X,P1,A1,lung,1,2025-01-10,T2,elective,1,1100,1000\n"
  "Y,P1,A1,lung,,2024-05-01,T1,outpatient,2,300,200\n"
  "Z,P2,A2,lung,1,2023-06-01,T1,outpatient,1,90,120\n"
  "Z,P2,A2,lung,1,2024-05-30,T2,elective,1,1300,1200\n"
  "Z,P2,A2,lung,1,2026-06-01,T1,outpatient,1,100,\n"
  "X,P1,A1,breast,1,2024-02-01,T1,outpatient,1,50,100\n";

static const char reference[][2][700] = {
  { "tariffs", "code,description,unit,price,year\nT1,Clinic,attendance,100,2019\nT2,Surgery,spell,1000,2019\n" },
  { "providers", "code,name,mff\nP1,One,1.0\nP2,Two,1.2\n" },
  { "areas", "code,name\nA1,Area one\nA2,Area two\n" },
  { "sites", "code,name,icd10,trend\nlung,Lung,C34,0\nbreast,Breast,C50,0\n" },
  { "pathway_steps",
    "pathway,site,kind,provider,phase,year_offset,basis,step,activity,tariff_code,local_unit_cost,"
    "quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding\n"
    "bp,lung,best_practice,,diagnosis,0,patient,S1,outpatient,T1,,1,1,0.5,0.5,0.5,0.5,ccg\n"
    "bp,lung,best_practice,,treatment,1,patient,S2,elective,T2,,1,0.8,0,0,0,0,ccg\n"
    "bp,lung,best_practice,,diagnosis,0,patient,S3,other,,415,1,1,1,1,1,1,ccg\n"
    "cur,lung,current,P2,diagnosis,0,patient,S1,outpatient,T1,,1,1,1,1,1,1,ccg\n"
    "cur,lung,current,P2,treatment,1,patient,S2,elective,T2,,1,1,1,1,1,1,ccg\n" },
  { "activity", "" },
};

static gboolean
import (Fixture *fixture, const char *kind_name, const char *csv, PcImportFlags flags, GError **error)
{
  g_autofree char *name = g_strconcat (kind_name, ".csv", NULL);
  g_autofree char *path = pc_test_write_file (fixture->dir, name, csv);
  PcImportKind kind;

  g_assert_true (pc_import_kind_from_string (kind_name, &kind));
  return pc_import_csv_full (fixture->project, kind, path, flags, NULL, NULL, NULL, NULL, error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = pc_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "a.pathcost", NULL);
  fixture->project = pc_project_create (path, &error);
  for (guint i = 0; i < G_N_ELEMENTS (reference); i++)
    {
      import (fixture, reference[i][0], *reference[i][1] ? reference[i][1] : extract,
              PC_IMPORT_DEFAULT, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->dir);
}

/* A1/P1: patients lung-X, lung-Y and breast-X = 3; cost 120 + 1,100 + 300
 * + 50 = 1,570; tariff 100 + 1,000 + 200 + 100 = 1,400.  A1/P2: lung-X,
 * 1,500 and 1,200.  A2/P2: Z, 90 + 1,300 + 100 = 1,490; 120 + 1,200 + 0. */
static void
test_flows (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flows = pc_project_activity_flows (fixture->project, NULL, &error);
  const PcFlow *f;

  g_assert_no_error (error);
  g_assert_cmpuint (flows->len, ==, 3);
  f = g_ptr_array_index (flows, 0);
  g_assert_cmpstr (f->area, ==, "A1");
  g_assert_cmpstr (f->provider, ==, "P1");
  g_assert_cmpuint (f->patients, ==, 3);
  pc_assert_close (f->cost, 1570.0);
  pc_assert_close (f->tariff_paid, 1400.0);
  f = g_ptr_array_index (flows, 2);
  g_assert_cmpstr (f->area, ==, "A2");
  g_assert_cmpuint (f->patients, ==, 1);
  pc_assert_close (f->cost, 1490.0);
  pc_assert_close (f->tariff_paid, 1320.0);
}

/* lung/P2/stage 1: X spent 1,500 there, Z 1,490: mean 1,495; QUARTILE.INC
 * q1 = 1,490 + 0.25 × 10 = 1,492.5, median 1,495, q3 1,497.5.  X's stage
 * is that of its earliest record (1), not the later "2".  Y is unknown. */
static void
test_costs (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) costs = pc_project_activity_costs (fixture->project, NULL, &error);
  const PcActualCost *c;

  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 4);
  c = g_ptr_array_index (costs, 0);
  g_assert_cmpstr (c->site, ==, "breast");
  pc_assert_close (c->mean, 50.0);
  c = g_ptr_array_index (costs, 1);
  g_assert_cmpstr (c->provider, ==, "P1");
  g_assert_cmpint (c->stage, ==, PC_STAGE_1);
  pc_assert_close (c->mean, 1220.0);
  pc_assert_close (c->mean_by_activity[PC_ACTIVITY_ELECTIVE], 1100.0);
  c = g_ptr_array_index (costs, 2);
  g_assert_cmpint (c->stage, ==, PC_STAGE_UNKNOWN);
  pc_assert_close (c->mean, 300.0);
  c = g_ptr_array_index (costs, 3);
  g_assert_cmpstr (c->provider, ==, "P2");
  g_assert_cmpuint (c->patients, ==, 2);
  pc_assert_close (c->mean, 1495.0);
  pc_assert_close (c->q1, 1492.5);
  pc_assert_close (c->median, 1495.0);
  pc_assert_close (c->q3, 1497.5);
}

static const PcCompliance *
row (GPtrArray *rows, const char *step, PcStage stage)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PcCompliance *r = g_ptr_array_index (rows, i);

      if (strcmp (r->step, step) == 0 && r->stage == stage)
        return r;
    }
  g_error ("no row %s %d", step, stage);
  return NULL;
}

/* All patients: stage 1 is X and Z.  S1 (T1 at offset 0): both → 1.0.
 * S2 (T2 at offset 1): X yes (366 days), Z no (364 days: offset 0) → 0.5
 * against 0.8.  S3 has no tariff code: not measurable.  P2's patients are
 * X and Z too (what X received at P1 counts); P1's stage-1 patient is X. */
static void
test_compliance (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = pc_project_activity_compliance (fixture->project, "bp", NULL, &error);
  g_autoptr(GPtrArray) p1 = pc_project_activity_compliance (fixture->project, "bp", "P1", &error);
  g_autoptr(GPtrArray) p2 = pc_project_activity_compliance (fixture->project, "bp", "P2", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3 * PC_N_STAGES);
  g_assert_cmpuint (row (all, "S1", PC_STAGE_1)->patients, ==, 2);
  pc_assert_close (row (all, "S1", PC_STAGE_1)->actual_share, 1.0);
  pc_assert_close (row (all, "S2", PC_STAGE_1)->actual_share, 0.5);
  pc_assert_close (row (all, "S2", PC_STAGE_1)->expected_share, 0.8);
  g_assert_cmpint (row (all, "S2", PC_STAGE_1)->offset, ==, 1);
  pc_assert_close (row (all, "S1", PC_STAGE_UNKNOWN)->actual_share, 1.0);
  g_assert_false (row (all, "S3", PC_STAGE_1)->measurable);
  g_assert_true (isnan (row (all, "S3", PC_STAGE_1)->actual_share));
  g_assert_true (isnan (row (all, "S1", PC_STAGE_3)->actual_share));

  pc_assert_close (row (p2, "S2", PC_STAGE_1)->actual_share, 0.5);
  g_assert_cmpuint (row (p2, "S1", PC_STAGE_UNKNOWN)->patients, ==, 0);
  g_assert_cmpuint (row (p1, "S2", PC_STAGE_1)->patients, ==, 1);
  pc_assert_close (row (p1, "S2", PC_STAGE_1)->actual_share, 1.0);
}

/* With the 10% defaults: P2's S2 at stage 1 is 0.3 short (compliance);
 * P1 costs T1 at (120 + 300 + 50) / 4 = 117.50 against 100 × 1.0 × 1.1;
 * P1's T2 at 1,100 is exactly 10% over and not flagged; P2 costs T2 at
 * (1,500 + 1,300) / 2 = 1,400 against 1,000 × 1.2 × 1.1 = 1,320. */
static void
test_risk_register (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = pc_project_risk_register (fixture->project, NULL, &error);
  g_autoptr(GPtrArray) again = NULL;
  PcRisk note = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, "J Smith", "Audit referrals", NULL };
  PcRisk close_it = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, NULL, NULL, "closed" };
  const PcRisk *r;

  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, ==, 3);
  r = g_ptr_array_index (risks, 0);
  g_assert_cmpstr (r->step, ==, "S1");
  g_assert_cmpint (r->kind, ==, PC_RISK_COST);
  pc_assert_close (r->actual, 117.5);
  r = g_ptr_array_index (risks, 1);
  g_assert_cmpstr (r->provider, ==, "P2");
  g_assert_cmpint (r->kind, ==, PC_RISK_COMPLIANCE);
  pc_assert_close (r->actual, 0.5);
  g_assert_cmpstr (r->status, ==, "open");
  r = g_ptr_array_index (risks, 2);
  pc_assert_close (r->expected, 1200.0);
  pc_assert_close (r->actual, 1400.0);

  /* The user's notes survive a re-import of the same extract. */
  g_assert_true (pc_project_set_risk_notes (fixture->project, &note, &error));
  g_assert_true (pc_project_set_risk_notes (fixture->project, &close_it, &error));
  g_assert_true (import (fixture, "activity", extract, PC_IMPORT_REPLACE, &error));
  again = pc_project_risk_register (fixture->project, NULL, &error);
  r = g_ptr_array_index (again, 1);
  g_assert_cmpstr (r->owner, ==, "J Smith");
  g_assert_cmpstr (r->action, ==, "Audit referrals");
  g_assert_cmpstr (r->status, ==, "closed");

  /* A tolerance of 0.35 lets the 0.3 shortfall pass. */
  g_assert_true (pc_project_set_setting (fixture->project, "risk_share_tolerance", "0.35", &error));
  g_clear_pointer (&again, g_ptr_array_unref);
  again = pc_project_risk_register (fixture->project, NULL, &error);
  g_assert_cmpuint (again->len, ==, 2);
}

static const PcRisk *
find_compliance_risk (GPtrArray *risks)
{
  for (guint i = 0; i < risks->len; i++)
    {
      const PcRisk *r = g_ptr_array_index (risks, i);

      if (r->kind == PC_RISK_COMPLIANCE && g_str_equal (r->step, "S2"))
        return r;
    }
  g_assert_not_reached ();
}

/* A due date is a real calendar date, kept when left out, cleared by "",
 * kept across a re-import, in the JSON, and checked when a file opens. */
static void
test_risk_due (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.pathcost", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) risks = NULL;
  PcRisk due = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, NULL, NULL, NULL, "2027-03-31" };
  PcRisk owner = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, "J Smith", NULL, NULL, NULL };
  PcRisk bad = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, NULL, NULL, NULL, "2027-02-29" };
  PcRisk clear = { "bp", "S2", "P2", PC_STAGE_1, PC_RISK_COMPLIANCE, 0, 0, NULL, NULL, NULL, "" };

  risks = pc_project_risk_register (fixture->project, NULL, &error);
  g_assert_null (find_compliance_risk (risks)->due);
  g_clear_pointer (&risks, g_ptr_array_unref);

  g_assert_true (pc_project_set_risk_notes (fixture->project, &due, &error));
  g_assert_true (pc_project_set_risk_notes (fixture->project, &owner, &error));
  g_assert_false (pc_project_set_risk_notes (fixture->project, &bad, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "due: '2027-02-29' is not a date"));
  g_clear_error (&error);
  g_assert_true (import (fixture, "activity", extract, PC_IMPORT_REPLACE, &error));
  risks = pc_project_risk_register (fixture->project, NULL, &error);
  g_assert_cmpstr (find_compliance_risk (risks)->due, ==, "2027-03-31");
  g_assert_cmpstr (find_compliance_risk (risks)->owner, ==, "J Smith");
  g_clear_pointer (&risks, g_ptr_array_unref);

  g_assert_true (pc_project_set_risk_notes (fixture->project, &clear, &error));
  risks = pc_project_risk_register (fixture->project, NULL, &error);
  g_assert_null (find_compliance_risk (risks)->due);
  g_assert_cmpstr (find_compliance_risk (risks)->owner, ==, "J Smith");
  g_clear_object (&fixture->project);

  /* The CLI: --due sets it, the JSON shows it, a bad date is refused. */
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "risk", path, "--pathway", "bp", "--step", "S2",
                                    "--provider", "P2", "--kind", "compliance", "--stage", "1",
                                    "--due", "2028-02-29", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "risk", path, "--pathway", "bp", "--step", "S2",
                                    "--provider", "P2", "--kind", "compliance", "--stage", "1",
                                    "--due", "2027-13-01", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "due: '2027-13-01' is not a date"));
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--risks", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"due\" : \"2028-02-29\""));
  g_assert_nonnull (strstr (out, "\"due\" : null"));

  /* A file whose due date no import could have written is damaged. */
  fixture->project = pc_test_open_project (path, PC_PROJECT_OPEN_DEFAULT);
  pc_test_exec_sql (fixture->project, "UPDATE risk_register SET due = '2027-02-30'");
  g_clear_object (&fixture->project);
  g_assert_null (pc_project_open (path, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "due is '2027-02-30'"));
}

/* P2's mean costs per unit go into its current pathway: T1 95, T2 1,400. */
static void
test_unit_costs (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  guint n_steps = 0;

  g_assert_true (pc_project_apply_unit_costs (fixture->project, "cur", &n_steps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_steps, ==, 2);
  pathway = pc_project_load_pathway (fixture->project, "cur", &error);
  pc_assert_close (((PcStep *) g_ptr_array_index (pathway->steps, 0))->provider_unit_cost, 95.0);
  pc_assert_close (((PcStep *) g_ptr_array_index (pathway->steps, 1))->provider_unit_cost, 1400.0);
  g_assert_false (pc_project_apply_unit_costs (fixture->project, "bp", NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
}

static int
count_activity (Fixture *fixture)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  sqlite3_prepare_v2 (pc_project_get_db (fixture->project), "SELECT count (*) FROM activity", -1, &stmt, NULL);
  sqlite3_step (stmt);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_refused (Fixture *fixture, const char *bad_row, PcImportFlags flags, const char *words)
{
  g_autofree char *csv = g_strconcat (extract, bad_row, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (import (fixture, "activity", csv, flags, &error));
  if (error == NULL || strstr (error->message, words) == NULL)
    g_error ("'%s' does not say '%s'", error ? error->message : "", words);
  g_assert_cmpint (count_activity (fixture), ==, 8);
}

static void
test_bad_extracts (Fixture *fixture, gconstpointer data)
{
  assert_refused (fixture, "W,P1,A1,lung,1,2024-02-30,T1,outpatient,1,10,10\n", PC_IMPORT_REPLACE,
                  "activity.csv:10:6: date: '2024-02-30' is not a date (YYYY-MM-DD)");
  assert_refused (fixture, "W,P1,A1,lung,1,2024-02-03,T1,outpatient,-1,10,10\n", PC_IMPORT_DEFAULT,
                  "activity.csv:10:9: quantity: -1 is negative");
  assert_refused (fixture, "W,P9,A1,lung,1,2024-02-03,T1,outpatient,1,10,10\n", PC_IMPORT_REPLACE,
                  "activity.csv:10:2: provider: unknown provider 'P9'");
  assert_refused (fixture, "W,P1,A1,lung,5,2024-02-03,T1,outpatient,1,10,10\n", PC_IMPORT_REPLACE,
                  "activity.csv:10:5: stage: '5' is not a stage");
  assert_refused (fixture, "W,P1,A1,lung,1,2024-02-03,T1,outpatient,1,1\"0,10\n", PC_IMPORT_REPLACE,
                  "activity.csv:10: a quote inside an unquoted field");
}

/* A file of format 6 (before the summaries) holding activity is upgraded
 * with its activity summarised: the same figures as imported. */
static void
test_upgrade (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.pathcost", NULL);
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE activity_flows; DROP TABLE activity_costs; "
                                     "DROP TABLE activity_unit_costs; DROP TABLE activity_reach; "
                                     "PRAGMA user_version = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fixture->project = pc_project_open (path, &error);
  g_assert_no_error (error);
  flows = pc_project_activity_flows (fixture->project, NULL, &error);
  g_assert_cmpuint (flows->len, ==, 3);
  g_assert_cmpuint (((PcFlow *) g_ptr_array_index (flows, 0))->patients, ==, 3);
  pc_assert_close (((PcFlow *) g_ptr_array_index (flows, 2))->cost, 1490.0);
  version = pc_test_query_text (fixture->project, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "7");
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint64       done;
  guint64       total;
} Cancelling;

static void
cancel_at_first_progress (guint64 done, guint64 total, gpointer data)
{
  Cancelling *c = data;

  if (c->calls++ == 0)
    c->done = done, c->total = total;
  g_cancellable_cancel (c->cancellable);
}

/* Cancelled mid-file, an import (here a --replace of 200,000 rows) stops
 * at its next check, says so, and leaves the file byte for byte as it was,
 * with its activity and summaries. */
static void
test_cancel (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.pathcost", NULL);
  g_autoptr(GString) csv = g_string_new ("patient,provider,area,site,stage,date,hrg,activity,"
                                         "quantity,cost,tariff_paid\n");
  g_autofree char *csv_path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Cancelling cancelling = { cancellable, 0, 0, 0 };
  PcImportOptions options = { PC_IMPORT_REPLACE, NULL, cancel_at_first_progress, &cancelling,
                              cancellable };
  g_autoptr(GBytes) before = pc_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flows = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (csv, "Q%u,P1,A1,lung,2,2024-01-%02u,T1,outpatient,1,10,10\n", i / 4, 1 + i % 28);
  csv_path = pc_test_write_file (fixture->dir, "big.csv", csv->str);
  g_assert_false (pc_import_run (fixture->project, PC_IMPORT_ACTIVITY, csv_path, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancelling.calls, ==, 1);
  g_assert_cmpuint (cancelling.done, <, cancelling.total / 2);
  after = pc_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (count_activity (fixture), ==, 8);
  flows = pc_project_activity_flows (fixture->project, NULL, &error);
  g_assert_cmpuint (flows->len, ==, 3);
  g_assert_cmpuint (((PcFlow *) g_ptr_array_index (flows, 0))->patients, ==, 3);
}

/* activity --json has docs/CLI.md's shape: nulls for what cannot be measured. */
static void
test_cli_json (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a.pathcost", NULL);
  g_autofree char *out = NULL;
  g_autofree char *flows_out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *s2;
  JsonArray *steps;

  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--compliance", "bp", "--provider",
                                    "P2", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "pathway"), ==, "bp");
  g_assert_cmpstr (json_object_get_string_member (root, "provider"), ==, "P2");
  steps = json_object_get_array_member (root, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 15);
  s2 = json_array_get_object_element (steps, 5);
  g_assert_cmpstr (json_object_get_string_member (s2, "step"), ==, "S2");
  g_assert_cmpint (json_object_get_int_member (s2, "patients"), ==, 2);
  pc_assert_close (json_object_get_double_member (s2, "actual_share"), 0.5);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (steps, 10), "actual_share"));

  g_assert_cmpint (pc_test_run_cli (&flows_out, NULL, "activity", path, "--flows", "--json", NULL), ==, 0);

  /* The tables a person reads: every analysis, with its figures. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--compliance", "bp", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "not measurable"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--costs", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "£1,492.50"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--flows", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "£1,570.00"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--risks", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "bp | S2 | P2 | stage 1 | compliance: expected 80.0%, actual 50.0%"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pc_test_run_cli (&out, NULL, "activity", path, "--unit-costs", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "£117.50"));
  g_assert_nonnull (strstr (flows_out, "\"tariff_paid\" : 1320"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/activity/flows", Fixture, NULL, fixture_set_up, test_flows, fixture_tear_down);
  g_test_add ("/activity/costs", Fixture, NULL, fixture_set_up, test_costs, fixture_tear_down);
  g_test_add ("/activity/compliance", Fixture, NULL, fixture_set_up, test_compliance, fixture_tear_down);
  g_test_add ("/activity/risk-register", Fixture, NULL, fixture_set_up, test_risk_register, fixture_tear_down);
  g_test_add ("/activity/risk-due", Fixture, NULL, fixture_set_up, test_risk_due, fixture_tear_down);
  g_test_add ("/activity/unit-costs", Fixture, NULL, fixture_set_up, test_unit_costs, fixture_tear_down);
  g_test_add ("/activity/cli-json", Fixture, NULL, fixture_set_up, test_cli_json, fixture_tear_down);
  g_test_add ("/activity/upgrade", Fixture, NULL, fixture_set_up, test_upgrade, fixture_tear_down);
  g_test_add ("/activity/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/activity/bad-extracts", Fixture, NULL, fixture_set_up, test_bad_extracts, fixture_tear_down);
  return g_test_run ();
}
