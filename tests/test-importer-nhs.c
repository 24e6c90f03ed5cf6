/* test-importer-nhs.c: data as the NHS and ONS publish it: the ONS
 * population projection CSV unchanged, area groups standing for the sum of
 * their places, the kind of a file from its header, funding by today's
 * names, and the record of where each import came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pc-error.h"
#include "pc-importer.h"
#include "pc-test-util.h"

typedef struct
{
  char      *dir;
  PcProject *project;
} Fixture;

static const char areas_csv[] = "code,name\nE09000016,Havering\nE09000002,Barking and Dagenham\n";

/* As ONS publishes it: quoted header, single years of age, "90 and over",
 * "All ages", a region's rows and a "persons" row to skip, three decimals.
 * Havering females 2022, band 0-4: 1.5 + 2 + 3 + 4 + 5.25 = 15.75;
 * 2023: 10 × 5 = 50; 90+: 7.125 and 8. */
static const char ons_csv[] =
  "\"AREA_CODE\",\"AREA_NAME\",\"COMPONENT\",\"SEX\",\"AGE_GROUP\",\"2022\",\"2023\"\n"
  "E12000007,London,Population,females,0,100.000,100.000\n"
  "E09000016,Havering,Population,females,0,1.500,10.000\n"
  "E09000016,Havering,Population,females,1,2.000,10.000\n"
  "E09000016,Havering,Population,females,2,3.000,10.000\n"
  "E09000016,Havering,Population,females,3,4.000,10.000\n"
  "E09000016,Havering,Population,females,4,5.250,10.000\n"
  "E09000016,Havering,Population,females,90 and over,7.125,8.000\n"
  "E09000016,Havering,Population,females,All ages,22.875,58.000\n"
  "E09000016,Havering,Population,persons,0,3.000,20.000\n"
  "E09000016,Havering,Births,females,0,99.000,99.000\n";

static char *
import_file (Fixture *fixture, const char *kind_name, const char *file, const char *csv,
             const char *source, PcImportResult *result, GError **error)
{
  char *path = pc_test_write_file (fixture->dir, file, csv);
  PcImportOptions options = { PC_IMPORT_DEFAULT, source, NULL, NULL };
  PcImportKind kind;

  if (strcmp (kind_name, "auto") == 0)
    g_assert_true (pc_import_detect_kind (path, &kind, NULL));
  else
    g_assert_true (pc_import_kind_from_string (kind_name, &kind));
  pc_import_run (fixture->project, kind, path, &options, result, error);
  return path;
}

static void
import_ok (Fixture *fixture, const char *kind_name, const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (kind_name, ".csv", NULL);
  g_autofree char *path = import_file (fixture, kind_name, file, csv, NULL, NULL, &error);

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
  import_ok (fixture, "areas", areas_csv);
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

static void
assert_query (Fixture *fixture, const char *sql, const char *expected)
{
  g_autofree char *text = query_text (fixture, sql);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_population_ons (Fixture *fixture, gconstpointer data)
{
  PcImportResult result = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = import_file (fixture, "population_ons", "2022 SNPP Population females.csv",
                                       ons_csv, "ONS 2022-based SNPP, June 2025", &result, &error);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ons_csv, -1);
  g_autoptr(GPtrArray) sources = NULL;
  const PcSource *record;

  g_assert_no_error (error);
  assert_query (fixture, "SELECT count FROM population WHERE area = 'E09000016' AND year = 2022 "
                         "AND sex = 'F' AND age_band = '0-4'", "15.75");
  assert_query (fixture, "SELECT count FROM population WHERE area = 'E09000016' AND year = 2023 "
                         "AND sex = 'F' AND age_band = '0-4'", "50.0");
  assert_query (fixture, "SELECT count FROM population WHERE year = 2022 AND age_band = '90+'",
                "7.125");
  /* Only Havering's females: no region, no persons, no births. */
  assert_query (fixture, "SELECT count (*) || ' ' || count (DISTINCT area) || ' ' || "
                         "group_concat (DISTINCT sex) FROM population", "4 1 F");
  g_assert_cmpuint (result.notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result.notes, 0),
                            "1 rows for 1 place not in the project"));

  sources = pc_project_list_sources (fixture->project, &error);
  g_assert_no_error (error);
  record = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (record->kind, ==, "population_ons");
  g_assert_cmpstr (record->table, ==, "population");
  g_assert_cmpstr (record->file_name, ==, "2022 SNPP Population females.csv");
  g_assert_cmpstr (record->sha256, ==, sha256);
  g_assert_cmpstr (record->source, ==, "ONS 2022-based SNPP, June 2025");
  g_assert_cmpuint (record->rows, ==, 10);
  pc_import_result_clear (&result);
}

/* A bad count names its file, line, column and year; nothing changes. */
static void
test_population_ons_refused (Fixture *fixture, gconstpointer data)
{
  static const char bad[] =
    "AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,2022,2023\n"
    "E09000016,Havering,Population,females,0,1,2\n"
    "E09000016,Havering,Population,females,1,1,many\n"
    "E09000016,Havering,Population,other,2,1,2\n"
    "E09000016,Havering,Population,females,0,1,2\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = import_file (fixture, "population_ons", "ons.csv", bad, NULL, NULL, &error);

  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "/ons.csv:3:7: 2023: 'many' is not a count of "
                                           "people for 2023"));
  g_assert_nonnull (strstr (error->message, "(and 2 more problems)"));
  assert_query (fixture, "SELECT count (*) FROM population", "0");
  assert_query (fixture, "SELECT count (*) FROM imports WHERE kind = 'population_ons'", "0");
}

/* A group stands for the sum of its places wherever an area is chosen;
 * a code cannot be both a group and an area. */
static void
test_area_groups (Fixture *fixture, gconstpointer data)
{
  static const char * const group[] = { "QMF", NULL };
  static const char * const both[] = { "E09000016", "QMF", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) once = NULL;
  g_autofree char *path = NULL;
  g_autofree char *area_path = NULL;
  g_autofree char *described = NULL;

  import_ok (fixture, "area_groups", "group,name,area\nQMF,NHS North East London ICB,E09000016\n"
                                     "QMF,NHS North East London ICB,E09000002\n");
  members = pc_project_expand_areas (fixture->project, group, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (members, ((const char * const []) { "E09000002", "E09000016", NULL }));
  once = pc_project_expand_areas (fixture->project, both, &error);
  g_assert_cmpuint (g_strv_length (once), ==, 2);
  described = pc_project_describe_areas (fixture->project, group);
  g_assert_cmpstr (described, ==, "NHS North East London ICB (QMF)");

  path = import_file (fixture, "area_groups", "groups.csv",
                      "group,name,area\nE09000002,Barking group,E09000016\n", NULL, NULL, &error);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "/groups.csv:2:1: group: 'E09000002' is an area "
                                           "code: a group needs a code of its own"));
  g_clear_error (&error);
  area_path = import_file (fixture, "areas", "areas.csv", "code,name\nQMF,Not a place\n", NULL,
                           NULL, &error);
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "'QMF' is the code of an area group"));
  assert_query (fixture, "SELECT count (*) || ' ' || group_concat (DISTINCT code) FROM area_groups",
                "2 QMF");
  assert_query (fixture, "SELECT count (*) FROM areas", "2");
}

/* The kind from the header: the kind that names the most of its required
 * columns (a providers file also holds an areas file's). */
static void
test_auto_kind (Fixture *fixture, gconstpointer data)
{
  g_autofree char *providers = pc_test_write_file (fixture->dir, "list.csv", "name,mff,code\nR,1.1,RF4\n");
  g_autofree char *ons = pc_test_write_file (fixture->dir, "snpp.csv", ons_csv);
  g_autofree char *odd = pc_test_write_file (fixture->dir, "odd.csv", "colour,size\nred,2\n");
  g_autoptr(GError) error = NULL;
  PcImportKind kind;

  g_assert_true (pc_import_detect_kind (providers, &kind, &error));
  g_assert_cmpint (kind, ==, PC_IMPORT_PROVIDERS);
  g_assert_true (pc_import_detect_kind (ons, &kind, &error));
  g_assert_cmpint (kind, ==, PC_IMPORT_POPULATION_ONS);
  g_assert_false (pc_import_detect_kind (odd, &kind, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "/odd.csv:1: the header fits no kind"));
  g_assert_nonnull (strstr (error->message, "providers (code, name, mff)"));
}

/* "ccg" is read as "icb", and the import says so once. */
static void
test_funding_ccg (Fixture *fixture, gconstpointer data)
{
  PcImportResult result = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  import_ok (fixture, "sites", "code,name,icd10,trend\nbreast,Breast,C50,0\n");
  path = import_file (fixture, "pathway_steps", "steps.csv",
                      "pathway,site,kind,phase,year_offset,basis,step,activity,local_unit_cost,"
                      "quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding\n"
                      "p,breast,best_practice,treatment,0,patient,A,other,10,1,1,1,1,1,1,ccg\n"
                      "p,breast,best_practice,treatment,0,patient,B,other,10,1,1,1,1,1,1,CCG\n"
                      "p,breast,best_practice,treatment,0,patient,C,other,10,1,1,1,1,1,1,specialised\n",
                      NULL, &result, &error);
  g_assert_no_error (error);
  assert_query (fixture, "SELECT group_concat (funding) FROM pathway_steps", "icb,icb,specialised");
  g_assert_cmpuint (result.notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result.notes, 0), "'ccg' is read as 'icb'"));
  pc_import_result_clear (&result);
}

/* A table filled before sources were kept says so. */
static void
test_source_not_recorded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  gboolean tariffs_unrecorded = FALSE;

  pc_test_exec_sql (fixture->project, "INSERT INTO tariffs VALUES ('X', 'x', 'spell', 1, 2019)");
  sources = pc_project_list_sources (fixture->project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sources->len; i++)
    {
      const PcSource *source = g_ptr_array_index (sources, i);

      if (strcmp (source->kind, "tariffs") == 0)
        tariffs_unrecorded = source->file_name == NULL && source->source == NULL;
      /* areas came through an import: recorded, with no source given */
      if (strcmp (source->kind, "areas") == 0)
        g_assert_nonnull (source->file_name);
    }
  g_assert_true (tariffs_unrecorded);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/importer-nhs/population-ons", Fixture, NULL, fixture_set_up, test_population_ons, fixture_tear_down);
  g_test_add ("/importer-nhs/population-ons-refused", Fixture, NULL, fixture_set_up, test_population_ons_refused, fixture_tear_down);
  g_test_add ("/importer-nhs/area-groups", Fixture, NULL, fixture_set_up, test_area_groups, fixture_tear_down);
  g_test_add ("/importer-nhs/auto-kind", Fixture, NULL, fixture_set_up, test_auto_kind, fixture_tear_down);
  g_test_add ("/importer-nhs/funding-ccg", Fixture, NULL, fixture_set_up, test_funding_ccg, fixture_tear_down);
  g_test_add ("/importer-nhs/source-not-recorded", Fixture, NULL, fixture_set_up, test_source_not_recorded, fixture_tear_down);
  return g_test_run ();
}
