/* test-importer.c: CSV import of every kind: what lands in the project,
 * replacement by key, and for each rule a message naming file, line, column
 * and field, with the project left exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pc-error.h"
#include "pc-importer.h"
#include "pc-schema.h"
#include "pc-test-util.h"

typedef struct
{
  char      *dir;
  PcProject *project;
} Fixture;

static const char reference_data[][2][400] = {
  { "tariffs", "code,description,unit,price,year\nJA07A,Mastectomy,spell,\"£4,120.50\",2019\n"
               "SB12Z,Chemotherapy,attendance,174.40,2019\n" },
  { "providers", "code,name,mff\nRAL,Royal Free,1.18\n" },
  { "areas", "code,name\n08F,Havering\n" },
  { "population", "area,year,sex,age_band,count\n08F,2026,F,50-54,9000\n08F,2026,M,90+,400\n" },
  { "sites", "code,name,icd10,trend\nbreast,Breast,C50,0.003\n" },
  { "incidence", "site,sex,age_band,rate_per_100k\nbreast,F,50-54,285\n" },
  { "stages", "site,stage,share\nbreast,1,0.4\nbreast,2,0.35\nbreast,3,0.1\nbreast,4,0.05\nbreast,unknown,0.1\n" },
  { "survival", "site,stage,year,surviving\nbreast,4,1,0.66\nbreast,4,2,0.5\nbreast,4,5,0.28\n" },
  { "pathway_steps",
    "pathway,site,kind,provider,phase,year_offset,basis,step,activity,tariff_code,local_unit_cost,"
    "quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding,provider_unit_cost\n"
    "bc,breast,current,RAL,treatment,0,patient,Mastectomy,elective,JA07A,,1,0.3,0.4,0.6,,0.3,ccg,4500\n"
    "bc,breast,current,RAL,diagnosis,0,patient,MDT,other,,£415,1,1,1,1,1,1,ccg,\n" },
};

static void
import_ok (Fixture *fixture, const char *kind_name, const char *csv)
{
  g_autofree char *name = g_strconcat (kind_name, ".csv", NULL);
  g_autofree char *path = pc_test_write_file (fixture->dir, name, csv);
  g_autoptr(GError) error = NULL;
  PcImportKind kind;

  g_assert_true (pc_import_kind_from_string (kind_name, &kind));
  pc_import_csv (fixture->project, kind, path, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = pc_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "p.pathcost", NULL);
  fixture->project = pc_project_create (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (reference_data); i++)
    import_ok (fixture, reference_data[i][0], reference_data[i][1]);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->project);
  g_free (fixture->dir);
}

static char *
query_text (Fixture *fixture, const char *sql)
{
  return pc_test_query_text (fixture->project, sql);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every table's rows, sorted: equal dumps mean an unchanged project. */
static char *
dump (Fixture *fixture)
{
  const char * const *tables = _pc_schema_tables ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (fixture->project), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (row, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      g_string_append_printf (out, "[%s]", tables[t]);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, r));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_good_imports (Fixture *fixture, gconstpointer data)
{
  g_autofree char *price = query_text (fixture, "SELECT price FROM tariffs WHERE code = 'JA07A'");
  g_autofree char *mff = query_text (fixture, "SELECT mff FROM providers WHERE code = 'RAL'");
  g_autofree char *share = query_text (fixture, "SELECT stage_4 FROM pathway_steps WHERE step = 'Mastectomy'");
  g_autofree char *local = query_text (fixture, "SELECT local_unit_cost FROM pathway_steps WHERE step = 'MDT'");
  g_autofree char *provider_cost = query_text (fixture, "SELECT quote (provider_unit_cost) FROM pathway_steps WHERE step = 'MDT'");
  g_autofree char *kind = query_text (fixture, "SELECT kind || '/' || provider FROM pathways");
  g_autofree char *positions = query_text (fixture, "SELECT group_concat (step, ',') FROM "
                                                    "(SELECT step FROM pathway_steps ORDER BY position)");

  g_assert_cmpstr (price, ==, "4120.5");
  g_assert_cmpstr (mff, ==, "1.18");
  g_assert_cmpstr (share, ==, "0.0");
  g_assert_cmpstr (local, ==, "415.0");
  g_assert_cmpstr (provider_cost, ==, "NULL");
  g_assert_cmpstr (kind, ==, "current/RAL");
  g_assert_cmpstr (positions, ==, "Mastectomy,MDT");
}

/* A new price for an existing code replaces it; other rows stay. */
static void
test_replace_by_key (Fixture *fixture, gconstpointer data)
{
  g_autofree char *price = NULL;
  g_autofree char *count = NULL;
  g_autofree char *steps = NULL;

  import_ok (fixture, "tariffs", "year,price,unit,description,code,extra\n2020,4200,spell,Mastectomy,JA07A,x\n");
  price = query_text (fixture, "SELECT price || ' ' || year FROM tariffs WHERE code = 'JA07A'");
  count = query_text (fixture, "SELECT count (*) FROM tariffs");
  g_assert_cmpstr (price, ==, "4200.0 2020");
  g_assert_cmpstr (count, ==, "2");

  /* a pathway_steps file replaces the pathways it names, whole */
  import_ok (fixture, "pathway_steps",
             "pathway,site,kind,phase,year_offset,basis,step,activity,tariff_code,quantity,"
             "stage_1,stage_2,stage_3,stage_4,stage_unknown,funding\n"
             "bc,breast,best_practice,treatment,0,patient,Chemo,chemotherapy,SB12Z,6,0,0.2,0.8,0.5,0.3,specialised\n");
  steps = query_text (fixture, "SELECT group_concat (step) || ' ' || (SELECT kind || quote (provider) FROM pathways) "
                               "FROM pathway_steps");
  g_assert_cmpstr (steps, ==, "Chemo best_practiceNULL");
}

/* Imports @csv as @kind and expects it to fail with @words in the message,
 * the project unchanged. */
static void
import_fails (Fixture *fixture, const char *kind_name, const char *csv, const char *words)
{
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *name = g_strconcat (kind_name, ".csv", NULL);
  g_autofree char *path = pc_test_write_file (fixture->dir, name, csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PcImportKind kind;

  g_assert_true (pc_import_kind_from_string (kind_name, &kind));
  g_assert_false (pc_import_csv (fixture->project, kind, path, NULL, &problems, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("'%s' does not say '%s'", error->message, words);
  g_assert_null (strchr (error->message, '\n'));
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_values (Fixture *fixture, gconstpointer data)
{
  import_fails (fixture, "population", "area,year,sex,age_band,count\n08F,2027,F,50-54,100\n08F,2027,F,55-59,-2\n",
                "population.csv:3:5: count: -2 is negative");
  import_fails (fixture, "population", "area,year,sex,age_band,count\nE99,2027,F,50-54,100\n",
                "population.csv:2:1: area: unknown area 'E99' (import areas first)");
  import_fails (fixture, "population", "area,year,sex,age_band,count\n08F,2027,X,50-54,1\n",
                "population.csv:2:3: sex: 'X' is not a sex (F or M)");
  import_fails (fixture, "population", "area,year,sex,age_band,count\n08F,2027,F,50-55,1\n",
                "population.csv:2:4: age_band: '50-55' is not an age band");
  import_fails (fixture, "population", "area,year,sex,age_band,count\n08F,twenty,F,50-54,1\n",
                "population.csv:2:2: year: 'twenty' is not a whole number");
  import_fails (fixture, "population", "area,year,sex,age_band,count\n08F,2027,F,50-54,1\n08F,2027,F,50-54,2\n",
                "population.csv:3:1: area: duplicate key '08F/2027/F/50-54' (also on line 2)");
  import_fails (fixture, "population", "area,year,sex,age_band\n08F,2027,F,50-54\n",
                "population.csv:1: missing column 'count'");
  import_fails (fixture, "providers", "code,name,mff\nRX1,New,0\n", "providers.csv:2:3: mff: 0 must be more than 0");
  import_fails (fixture, "providers", "code,name,mff\nRX1,New,nan\n", "'nan' is not a number");
  import_fails (fixture, "tariffs", "code,description,unit,price,year\nX,d,u,\"1,23.0\",2019\n",
                "tariffs.csv:2:4: price: '1,23.0' has misplaced thousands separators");
  import_fails (fixture, "tariffs", "code,description,unit,price,year\n,d,u,1,2019\n",
                "tariffs.csv:2:1: code: a value is required");
  import_fails (fixture, "incidence", "site,sex,age_band,rate_per_100k\nlung,F,50-54,10\n",
                "incidence.csv:2:1: site: unknown site 'lung' (import sites first)");
  import_fails (fixture, "sites", "code,name,icd10,trend\nlung,Lung,C34,-1.5\n", "trend: -1.5 is not an annual change above -1");
  import_fails (fixture, "areas", "", "areas.csv: the file is empty");
}

static void
test_rules_across_rows (Fixture *fixture, gconstpointer data)
{
  import_fails (fixture, "stages", "site,stage,share\nbreast,4,0.15\n",
                "stages.csv:2:3: share: the stage shares of site 'breast' sum to 1.1000, not 1");
  import_fails (fixture, "stages", "site,stage,share\nbreast,5,0.15\n", "'5' is not a stage");
  import_fails (fixture, "survival", "site,stage,year,surviving\nbreast,4,3,0.6\n",
                "survival of site 'breast' stage 4 rises from 0.5 in year 2 to 0.6 in year 3");
  import_fails (fixture, "survival", "site,stage,year,surviving\nbreast,4,6,0.2\n",
                "survival.csv:2:3: year: '6' is not a whole number from 1 to 5");
}

static const char steps_header[] =
  "pathway,site,kind,provider,phase,year_offset,basis,step,activity,tariff_code,local_unit_cost,"
  "quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding,provider_unit_cost\n";

static void
steps_fail (Fixture *fixture, const char *rows, const char *words)
{
  g_autofree char *csv = g_strconcat (steps_header, rows, NULL);

  import_fails (fixture, "pathway_steps", csv, words);
}

static void
test_bad_steps (Fixture *fixture, gconstpointer data)
{
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,XX99Z,,1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:2:10: tariff_code: step 'S': unknown tariff code 'XX99Z' (import tariffs first)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,,,1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:2:11: local_unit_cost: step 'S' needs a tariff_code or a local_unit_cost");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,JA07A,,1,1.2,1,1,1,1,ccg,\n",
              "pathway_steps.csv:2:13: stage_1: step 'S': stage_1 must be between 0 and 1 (it is 1.2)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,6,patient,S,elective,JA07A,,1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:2:6: year_offset: step 'S': year_offset must be between 0 and 5 (it is 6)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,alive,S,elective,JA07A,,1,1,1,1,1,1,ccg,\n",
              "basis: 'alive' is not a basis (patient or death)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,surgery,JA07A,,1,1,1,1,1,1,ccg,\n",
              "activity: 'surgery' is not an activity");
  steps_fail (fixture, "p,breast,current,RXX,treatment,0,patient,S,elective,JA07A,,1,1,1,1,1,1,ccg,\n",
              "provider: unknown provider 'RXX' (import providers first)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,JA07A,,1,1,1,1,1,1,ccg,\n"
                       "p,breast,current,RAL,treatment,0,patient,T,elective,JA07A,,1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:3:3: kind: pathway 'p' is best_practice on line 2");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,JA07A,,1,1,1,1,1,1,ccg,\n"
                       "p,breast,best_practice,,follow_up,0,patient,S,outpatient,JA07A,,1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:3:8: step: duplicate key 'p/S/0/patient' (also on line 2)");
  steps_fail (fixture, "p,breast,best_practice,,treatment,0,patient,S,elective,JA07A,,-1,1,1,1,1,1,ccg,\n",
              "pathway_steps.csv:2:12: quantity: step 'S': quantity must not be negative (it is -1)");
}

/* A bad row at the end of a long file still leaves nothing behind. */
static void
test_bad_last_row (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("area,year,sex,age_band,count\n");

  for (int year = 2000; year < 2100; year++)
    for (guint band = 0; band < 19; band++)
      g_string_append_printf (csv, "08F,%d,F,%s,%d\n", year, pc_age_band_to_string (band), 100 + year);
  g_string_append (csv, "08F,2100,F,0-4,1e\n");
  import_fails (fixture, "population", csv->str, "population.csv:1902:5: count: '1e' is not a number");
}

/* A malformed line deep in the file undoes the rows before it, even when
 * the caller asks for no GError. */
static void
test_malformed_without_error (Fixture *fixture, gconstpointer data)
{
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *path = pc_test_write_file (fixture->dir, "areas.csv",
                                              "code,name\nB1,One\nB2,Two\nB3,x\"y\n");

  g_assert_false (pc_import_csv (fixture->project, PC_IMPORT_AREAS, path, NULL, NULL, NULL));
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
count_progress (guint64 done, guint64 total, gpointer user_data)
{
  guint *n_calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*n_calls)++;
}

/* Bad rows stop at 100 problems, the message counts the rest, and progress
 * is not called for each bad row. */
static void
test_many_problems (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("area,year,sex,age_band,count\n");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_calls = 0;

  for (int year = 2000; year < 2150; year++)
    g_string_append_printf (csv, "08F,%d,F,0-4,-1\n", year);
  path = pc_test_write_file (fixture->dir, "population.csv", csv->str);
  g_assert_false (pc_import_csv_full (fixture->project, PC_IMPORT_POPULATION, path, PC_IMPORT_DEFAULT,
                                      count_progress, &n_calls, NULL, &problems, &error));
  g_assert_nonnull (strstr (error->message, "population.csv:2:5: count: -1 is negative (and 99 more problems)"));
  g_assert_cmpuint (problems->len, ==, 100);
  g_assert_cmpuint (n_calls, ==, 0);
}

static void
test_header_only (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = pc_test_write_file (fixture->dir, "areas.csv", "\xEF\xBB\xBF name , code \r\n");
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 1;

  g_assert_true (pc_import_csv (fixture->project, PC_IMPORT_AREAS, path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 0);
}

static void
test_scenarios (Fixture *fixture, gconstpointer data)
{
  g_autofree char *count = NULL;
  const char *header = "scenario,parameter,site,pathway,step,stage,value\n";
  g_autofree char *good = g_strconcat (header, "early,stage_share,breast,,,1,0.45\n"
                                               "early,stage_share,breast,,,4,0\n"
                                               "early,step_quantity,,bc,MDT,,2\n"
                                               "early,inflation,,,,,0.02\n", NULL);
  g_autofree char *bad_mix = g_strconcat (header, "late,stage_share,breast,,,4,0.5\n", NULL);
  g_autofree char *bad_step = g_strconcat (header, "x,step_share,,bc,Lumpectomy,1,0.5\n", NULL);
  g_autofree char *extra = g_strconcat (header, "x,trend,breast,bc,,,0.01\n", NULL);
  g_autofree char *share = g_strconcat (header, "x,step_share,,bc,MDT,2,1.5\n", NULL);

  import_ok (fixture, "scenario_changes", good);
  import_ok (fixture, "scenario_investments", "scenario,name,first_year,last_year,cost_per_year,funding\n"
                                              "early,Rapid diagnosis,2026,2028,\"£250,000\",ccg\n");
  count = query_text (fixture, "SELECT count (*) || ' ' || (SELECT cost_per_year FROM scenario_investments) "
                               "FROM scenario_changes");
  g_assert_cmpstr (count, ==, "4 250000.0");

  import_fails (fixture, "scenario_changes", bad_mix,
                "scenario_changes.csv:2:7: value: scenario 'late': the stage shares of site 'breast' sum to 1.4500, not 1");
  import_fails (fixture, "scenario_changes", bad_step,
                "scenario_changes.csv:2:5: step: step_share: pathway 'bc' has no step 'Lumpectomy'");
  import_fails (fixture, "scenario_changes", extra,
                "scenario_changes.csv:2:4: pathway: trend does not use this column; leave it empty");
  import_fails (fixture, "scenario_changes", share,
                "scenario_changes.csv:2:7: value: step_share: 1.5 is not a share between 0 and 1");
  import_fails (fixture, "scenario_investments", "scenario,name,first_year,last_year,cost_per_year,funding\n"
                                                 "x,y,2028,2026,10,ccg\n",
                "scenario_investments.csv:2:4: last_year: last_year 2026 is before first_year 2028");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/importer/good", Fixture, NULL, fixture_set_up, test_good_imports, fixture_tear_down);
  g_test_add ("/importer/replace-by-key", Fixture, NULL, fixture_set_up, test_replace_by_key, fixture_tear_down);
  g_test_add ("/importer/bad-values", Fixture, NULL, fixture_set_up, test_bad_values, fixture_tear_down);
  g_test_add ("/importer/rules-across-rows", Fixture, NULL, fixture_set_up, test_rules_across_rows, fixture_tear_down);
  g_test_add ("/importer/bad-steps", Fixture, NULL, fixture_set_up, test_bad_steps, fixture_tear_down);
  g_test_add ("/importer/bad-last-row", Fixture, NULL, fixture_set_up, test_bad_last_row, fixture_tear_down);
  g_test_add ("/importer/malformed-without-error", Fixture, NULL, fixture_set_up, test_malformed_without_error, fixture_tear_down);
  g_test_add ("/importer/many-problems", Fixture, NULL, fixture_set_up, test_many_problems, fixture_tear_down);
  g_test_add ("/importer/header-only", Fixture, NULL, fixture_set_up, test_header_only, fixture_tear_down);
  g_test_add ("/importer/scenarios", Fixture, NULL, fixture_set_up, test_scenarios, fixture_tear_down);
  return g_test_run ();
}
