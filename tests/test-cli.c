/* test-cli.c: pathcost-cli end to end: new, import, set and report on a
 * project small enough to cost on paper (the arithmetic is that of
 * test-projection.c), the JSON a script reads, and one-line failures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pc-project.h"
#include "pc-test-util.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static const struct
{
  const char *kind;
  const char *csv;
} tiny_project[] = {
  { "tariffs", "code,description,unit,price,year\nT1,Surgery,spell,\"£1,000.00\",2019\n" },
  { "providers", "code,name,mff\nP1,Trust,1.25\n" },
  { "areas", "code,name\nA1,Area one\n" },
  /* 10 000 women aged 40-44 at 1 000 per 100 000: 100 cases a year */
  { "population", "area,year,sex,age_band,count\nA1,2026,F,40-44,10000\n" },
  { "sites", "code,name,icd10,trend\nlung,Lung,C34,0\n" },
  { "incidence", "site,sex,age_band,rate_per_100k\nlung,F,40-44,1000\n" },
  { "stages", "site,stage,share\nlung,1,0.4\nlung,2,0.3\nlung,3,0\nlung,4,0.3\nlung,unknown,0\n" },
  { "survival", "site,stage,year,surviving\n"
                "lung,1,1,1\nlung,1,2,1\nlung,1,3,1\nlung,1,4,1\nlung,1,5,1\n"
                "lung,2,1,0.9\nlung,2,2,0.9\nlung,2,3,0.9\nlung,2,4,0.9\nlung,2,5,0.9\n"
                "lung,4,1,0.5\nlung,4,2,0.25\nlung,4,3,0.25\nlung,4,4,0.25\nlung,4,5,0.25\n"
                "lung,unknown,1,0.5\n" },
  { "pathway_steps",
    "pathway,site,kind,provider,phase,year_offset,basis,step,activity,tariff_code,"
    "local_unit_cost,quantity,stage_1,stage_2,stage_3,stage_4,stage_unknown,funding,"
    "provider_unit_cost\n"
    "tiny,lung,best_practice,,treatment,0,patient,A,elective,T1,,1,1,1,0,0,0,ccg,\n"
    "tiny,lung,best_practice,,follow_up,1,patient,B,outpatient,,100,2,0.5,0.5,0.5,0.5,0.5,ccg,\n"
    "tiny,lung,best_practice,,end_of_life,0,death,C,other,,500,1,0,0,0,1,0,public_health,\n"
    "tiny_p1,lung,current,P1,treatment,0,patient,A,elective,T1,,1,1,1,0,0,0,ccg,1400\n" },
};

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = pc_test_make_tmp_dir ();
  fixture->project = g_build_filename (fixture->dir, "tiny.pathcost", NULL);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "new", fixture->project, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tiny_project); i++)
    {
      g_autofree char *name = g_strconcat (tiny_project[i].kind, ".csv", NULL);
      g_autofree char *csv = pc_test_write_file (fixture->dir, name, tiny_project[i].csv);
      g_autofree char *err = NULL;

      if (pc_test_run_cli (NULL, &err, "import", fixture->project, tiny_project[i].kind, csv, NULL) != 0)
        g_error ("import %s: %s", tiny_project[i].kind, err);
    }
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "inflation", "0.1", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "discount_rate", "0.05", NULL), ==, 0);
  /* Base years fixed, so the figures do not depend on today's date. */
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "incidence_year", "2026", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "price_year", "2026", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_free (fixture->dir);
  g_free (fixture->project);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Runs a projecting command over A1, 2026 and 2027, with --json. */
static JsonObject *
command_json (Fixture *fixture, const char *command, const char *pathway, const char *extra,
              const char *extra_value, char **err)
{
  g_autofree char *out = NULL;
  int status = pc_test_run_cli (&out, err, command, fixture->project, "--area", "A1",
                                "--pathway", pathway, "--from", "2026", "--years", "2",
                                "--json", extra, extra_value, NULL);

  g_assert_cmpint (status, ==, 0);
  return parse_object (out);
}

static JsonObject *
report_json (Fixture *fixture, const char *pathway, char **err)
{
  return command_json (fixture, "report", pathway, NULL, NULL, err);
}

static double
member_double (JsonObject *object, const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      node = json_object_get_member (object, parts[i]);
      if (node == NULL)
        g_error ("the JSON has no member '%s' of '%s'", parts[i], path);
      if (parts[i + 1] != NULL)
        object = json_node_get_object (node);
    }
  return json_node_get_double (node);
}

/* The figures of test-projection.c's hand calculation: 85,700 and 94,270
 * (10% inflation), total 179,970, NPV 85,700 + 94,270 / 1.05. */
static void
test_report_json (Fixture *fixture, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) report = report_json (fixture, "tiny", &err);
  JsonArray *years = json_object_get_array_member (report, "years");
  JsonObject *y2026 = json_array_get_object_element (years, 0);
  JsonObject *y2027 = json_array_get_object_element (years, 1);
  JsonObject *pathway = json_object_get_object_member (report, "pathway");
  JsonArray *stage4_death;

  g_assert_cmpuint (json_array_get_length (years), ==, 2);
  g_assert_cmpint (json_object_get_int_member (y2026, "year"), ==, 2026);
  g_assert_cmpstr (json_object_get_string_member (y2026, "label"), ==, "2026/27");
  pc_assert_close (member_double (y2026, "cost"), 85700.0);
  pc_assert_close (member_double (y2027, "cost"), 94270.0);
  pc_assert_close (member_double (report, "total_cost"), 179970.0);
  pc_assert_close (member_double (report, "npv"), 85700.0 + 94270.0 / 1.05);
  pc_assert_close (member_double (y2026, "incident.1"), 40.0);
  pc_assert_close (member_double (y2026, "incident.unknown"), 0.0);
  pc_assert_close (member_double (y2026, "incident.total"), 100.0);
  pc_assert_close (member_double (y2026, "cost_by_phase.follow_up"), 8200.0);
  pc_assert_close (member_double (y2027, "cost_by_phase.end_of_life"), 8250.0);
  pc_assert_close (member_double (y2026, "cost_by_funding.icb"), 78200.0);
  pc_assert_close (member_double (y2026, "cost_by_funding.public_health"), 7500.0);
  pc_assert_close (member_double (y2026, "activity.outpatient"), 82.0);
  pc_assert_close (member_double (y2026, "activity.radiotherapy"), 0.0);

  g_assert_cmpstr (json_object_get_string_member (report, "area"), ==, "A1");
  g_assert_true (json_object_get_null_member (report, "scenario"));
  g_assert_cmpstr (json_object_get_string_member (pathway, "kind"), ==, "best_practice");
  g_assert_true (json_object_get_null_member (pathway, "provider"));
  stage4_death = json_object_get_array_member (
    json_object_get_object_member (json_object_get_object_member (pathway, "cost_per_patient"), "4"),
    "death");
  g_assert_cmpuint (json_array_get_length (stage4_death), ==, 6);
  pc_assert_close (json_array_get_double_element (stage4_death, 0), 500.0);

  /* Population ends in 2026: 2027 uses it, and the report says so. */
  g_assert_nonnull (strstr (err, "warning: area 'A1' has population up to 2026"));
}

/* The headline (docs/MODEL.md, "Expected cost per patient"):
 *   E(1) = 1,000 + S(1) 1 × 100 = 1,100;  E(2) = 1,000 + 0.9 × 100 = 1,090
 *   E(3) = 100 (no survival rows);  E(4) = 0.5 × 100 + (1 − 0.5) × 500 = 300
 *   E(unknown) = 0.5 × 100 = 50
 *   all stages: 0.4 × 1,100 + 0.3 × 1,090 + 0.3 × 300 = 857
 * and the report names its base years; moving the price year back to
 * 2025 inflates 2026 once: 85,700 × 1.1 = 94,270. */
static void
test_report_expected_cost (Fixture *fixture, gconstpointer data)
{
  g_autoptr(JsonObject) report = report_json (fixture, "tiny", NULL);
  g_autoptr(JsonObject) earlier_prices = NULL;
  g_autofree char *table = NULL;

  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.1"), 1100.0);
  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.2"), 1090.0);
  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.3"), 100.0);
  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.4"), 300.0);
  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.unknown"), 50.0);
  pc_assert_close (member_double (report, "pathway.expected_cost_per_patient.all"), 857.0);
  g_assert_cmpint (json_object_get_int_member (report, "incidence_year"), ==, 2026);
  g_assert_cmpint (json_object_get_int_member (report, "price_year"), ==, 2026);

  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "price_year", "2025", NULL), ==, 0);
  earlier_prices = report_json (fixture, "tiny", NULL);
  g_assert_cmpint (json_object_get_int_member (earlier_prices, "price_year"), ==, 2025);
  pc_assert_close (member_double (json_array_get_object_element (
                     json_object_get_array_member (earlier_prices, "years"), 0), "cost"), 94270.0);

  g_assert_cmpint (pc_test_run_cli (&table, NULL, "report", fixture->project, "--area", "A1",
                                    "--pathway", "tiny", "--from", "2026", "--years", "2", NULL), ==, 0);
  g_assert_nonnull (strstr (table, "prices of 2025/26"));
  g_assert_nonnull (strstr (table, "incidence rates of 2026/27"));
  g_assert_nonnull (strstr (table, "£857.00"));
  g_assert_nonnull (strstr (table, "Cost per death"));
}

/* The sample's scenarios: trastuzumab at home saves from its first year,
 * so it pays back in it; earlier lung diagnosis touches nothing of the
 * breast pathway, and both the JSON and stderr say so. */
static void
test_sample_scenarios (void)
{
  const char *sample = g_getenv ("PATHCOST_SAMPLE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) home = NULL;
  g_autoptr(JsonObject) lung = NULL;
  JsonArray *warnings;

  g_assert_cmpint (pc_test_run_cli (&out, &err, "compare", sample, "--scenario", "trastuzumab_at_home",
                                    "--area", "QMF", "--pathway", "breast_current_RF4", "--from",
                                    "2026", "--years", "5", "--json", NULL), ==, 0);
  home = parse_object (out);
  g_assert_cmpfloat (member_double (json_array_get_object_element (
                       json_object_get_array_member (home, "cumulative"), 0), "cost"), <, 0.0);
  g_assert_cmpint (json_object_get_int_member (home, "payback_year"), ==, 2026);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (home, "warnings")), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli (&out, &err, "compare", sample, "--scenario", "earlier_lung_diagnosis",
                                    "--area", "QMF", "--pathway", "breast_best_practice", "--from",
                                    "2026", "--years", "5", "--json", NULL), ==, 0);
  lung = parse_object (out);
  warnings = json_object_get_array_member (lung, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (warnings, 0),
                            "scenario 'earlier_lung_diagnosis' changes nothing in pathway "
                            "'breast_best_practice'"));
  g_assert_nonnull (strstr (err, "warning: scenario 'earlier_lung_diagnosis' changes nothing"));
  /* The lung health checks are for lung: no £350,000 a year on breast. */
  pc_assert_close (member_double (json_array_get_object_element (
                     json_object_get_array_member (lung, "difference"), 0), "cost"), 0.0);
}

/* An area group is the sum of its places: a second area with the same
 * population, grouped with A1, doubles 2026's 85,700; the group's report
 * equals --area A1,A2; `sources --json` lists each import with its
 * source text and the file's SHA-256. */
static void
test_area_group (Fixture *fixture, gconstpointer data)
{
  static const char population[] = "area,year,sex,age_band,count\nA2,2026,F,40-44,10000\n";
  g_autofree char *areas = pc_test_write_file (fixture->dir, "more-areas.csv", "code,name\nA2,Area two\n");
  g_autofree char *groups = pc_test_write_file (fixture->dir, "groups.csv",
                                                "group,name,area\nG1,Both areas,A1\nG1,Both areas,A2\n");
  g_autofree char *pop = pc_test_write_file (fixture->dir, "more-population.csv", population);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, population, -1);
  g_autofree char *group_out = NULL;
  g_autofree char *areas_out = NULL;
  g_autofree char *sources_out = NULL;
  g_autoptr(JsonObject) group_report = NULL;
  g_autoptr(JsonObject) sources = NULL;
  JsonObject *newest;

  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", fixture->project, "auto", areas, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", fixture->project, "area_groups", groups, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", fixture->project, "population", pop,
                                    "--source", "Census 2021, ONS", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (&group_out, NULL, "report", fixture->project, "--area", "G1",
                                    "--pathway", "tiny", "--from", "2026", "--years", "2", "--json",
                                    NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (&areas_out, NULL, "report", fixture->project, "--area", "A1,A2",
                                    "--pathway", "tiny", "--from", "2026", "--years", "2", "--json",
                                    NULL), ==, 0);
  group_report = parse_object (group_out);
  pc_assert_close (member_double (json_array_get_object_element (
                     json_object_get_array_member (group_report, "years"), 0), "cost"), 2 * 85700.0);
  /* the same figures, but for the area's label */
  g_assert_nonnull (strstr (areas_out, "\"A1+A2\""));
  g_assert_nonnull (strstr (group_out, "\"G1\""));
  g_assert_cmpint (strlen (group_out) - strlen ("G1"), ==, strlen (areas_out) - strlen ("A1+A2"));

  g_assert_cmpint (pc_test_run_cli (&sources_out, NULL, "sources", fixture->project, "--json", NULL), ==, 0);
  sources = parse_object (sources_out);
  newest = json_array_get_object_element (json_object_get_array_member (sources, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "kind"), ==, "population");
  g_assert_cmpstr (json_object_get_string_member (newest, "file"), ==, "more-population.csv");
  g_assert_cmpstr (json_object_get_string_member (newest, "sha256"), ==, sha256);
  g_assert_cmpstr (json_object_get_string_member (newest, "source"), ==, "Census 2021, ONS");
  g_assert_cmpint (json_object_get_int_member (newest, "rows"), ==, 1);
}

/* The provider's pathway: the tariff's £1,000 × MFF 1.25 = £1,250. */
static void
test_report_provider_mff (Fixture *fixture, gconstpointer data)
{
  g_autoptr(JsonObject) report = report_json (fixture, "tiny_p1", NULL);
  JsonObject *pathway = json_object_get_object_member (report, "pathway");
  JsonArray *stage1 = json_object_get_array_member (
    json_object_get_object_member (json_object_get_object_member (pathway, "cost_per_patient"), "1"),
    "patient");

  g_assert_cmpstr (json_object_get_string_member (pathway, "provider"), ==, "P1");
  pc_assert_close (json_array_get_double_element (stage1, 0), 1250.0);
  /* 2026: 70 patients at stages 1-2 × £1,250 */
  pc_assert_close (member_double (json_array_get_object_element (
                     json_object_get_array_member (report, "years"), 0), "cost"), 87500.0);
}

static void
test_report_table (Fixture *fixture, gconstpointer data)
{
  g_autofree char *out = NULL;
  int status = pc_test_run_cli (&out, NULL, "report", fixture->project, "--area", "A1",
                                "--pathway", "tiny", "--from", "2026", "--years", "2", NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "2026/27"));
  g_assert_nonnull (strstr (out, "2027/28"));
  g_assert_nonnull (strstr (out, "£85,700.00"));
  g_assert_nonnull (strstr (out, "£94,270.00"));
  g_assert_nonnull (strstr (out, "£179,970.00"));
  g_assert_nonnull (strstr (out, "£175,480.95"));
}

/* The scenario of test-scenario.c's hand calculation, saved through the
 * engine call the window uses: stage 2 up to 40%, stage 4 down to 20%, and
 * £10,000 of investment in 2026. */
static void
save_earlier_diagnosis (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open (fixture->project, &error);
  g_autoptr(PcScenario) scenario = pc_scenario_new ("earlier");

  g_assert_no_error (error);
  pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_2, 0.4);
  pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_4, 0.2);
  pc_scenario_add_investment (scenario, "Rapid diagnosis", 2026, 2026, 10000, "public_health", NULL, NULL);
  pc_project_save_scenario (project, scenario, &error);
  g_assert_no_error (error);
}

/* 2026: 103,600 against 85,700 (+17,900); 2027: 102,960 against 94,270
 * (+8,690); cumulative 26,590; no payback; 10 more surgical spells a year. */
static void
test_compare (Fixture *fixture, gconstpointer data)
{
  g_autoptr(JsonObject) scenario_report = NULL;
  g_autoptr(JsonObject) compare = NULL;
  JsonArray *difference, *cumulative, *activity;
  JsonObject *scenario;

  save_earlier_diagnosis (fixture);
  scenario_report = command_json (fixture, "report", "tiny", "--scenario", "earlier", NULL);
  g_assert_cmpstr (json_object_get_string_member (scenario_report, "scenario"), ==, "earlier");
  pc_assert_close (member_double (json_array_get_object_element (
                     json_object_get_array_member (scenario_report, "years"), 0),
                     "cost_by_phase.investment"), 10000.0);

  compare = command_json (fixture, "compare", "tiny", "--scenario", "earlier", NULL);
  difference = json_object_get_array_member (compare, "difference");
  cumulative = json_object_get_array_member (compare, "cumulative");
  activity = json_object_get_array_member (compare, "activity_difference");
  scenario = json_object_get_object_member (compare, "scenario");
  pc_assert_close (member_double (json_array_get_object_element (difference, 0), "cost"), 17900.0);
  pc_assert_close (member_double (json_array_get_object_element (difference, 1), "cost"), 8690.0);
  pc_assert_close (member_double (json_array_get_object_element (cumulative, 1), "cost"), 26590.0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (cumulative, 1), "year"), ==, 2027);
  pc_assert_close (member_double (compare, "npv_difference"), 17900.0 + 8690.0 / 1.05);
  g_assert_true (json_object_get_null_member (compare, "payback_year"));
  pc_assert_close (member_double (scenario, "total_cost"), 103600.0 + 102960.0);
  pc_assert_close (member_double (json_object_get_object_member (compare, "baseline"), "total_cost"), 179970.0);
  pc_assert_close (member_double (json_array_get_object_element (activity, 0), "activity.elective"), 10.0);
}

static char *
run_sensitivity (Fixture *fixture, const char *iterations, const char *seed)
{
  char *out = NULL;
  int status = pc_test_run_cli (&out, NULL, "sensitivity", fixture->project, "--area", "A1",
                                "--pathway", "tiny", "--from", "2026", "--years", "2", "--json",
                                "--psa", iterations, "--seed", seed, NULL);

  g_assert_cmpint (status, ==, 0);
  return out;
}

/* One-way: unit_cost:A has the largest swing (150,570 to 209,370); a range
 * of its own, set with `set range:…`, narrows it.  PSA: same seed, same
 * figures; another seed, others. */
static void
test_sensitivity (Fixture *fixture, gconstpointer data)
{
  g_autoptr(JsonObject) one_way = command_json (fixture, "sensitivity", "tiny", "--oneway", NULL, NULL);
  g_autoptr(JsonObject) narrowed = NULL;
  g_autoptr(JsonObject) psa = NULL;
  g_autofree char *first = run_sensitivity (fixture, "3000", "11");
  g_autofree char *again = run_sensitivity (fixture, "3000", "11");
  g_autofree char *other = run_sensitivity (fixture, "3000", "12");
  g_autofree char *table = NULL;
  JsonObject *top = json_array_get_object_element (json_object_get_array_member (one_way, "parameters"), 0);

  pc_assert_close (member_double (one_way, "base_total"), 179970.0);
  g_assert_cmpstr (json_object_get_string_member (top, "parameter"), ==, "unit_cost:A");
  pc_assert_close (member_double (top, "total_low"), 150570.0);
  pc_assert_close (member_double (top, "total_high"), 209370.0);

  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->project, "range:unit_cost:A",
                                    "950,1050", NULL), ==, 0);
  narrowed = command_json (fixture, "sensitivity", "tiny", "--oneway", NULL, NULL);
  top = json_array_get_object_element (json_object_get_array_member (narrowed, "parameters"), 0);
  g_assert_cmpstr (json_object_get_string_member (top, "parameter"), !=, "unit_cost:A");

  /* the tables, read by a person */
  g_assert_cmpint (pc_test_run_cli (&table, NULL, "sensitivity", fixture->project, "--area", "A1",
                                    "--pathway", "tiny", "--from", "2026", "--years", "2",
                                    "--oneway", NULL), ==, 0);
  g_assert_nonnull (strstr (table, "£179,970.00"));
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other);
  psa = parse_object (first);
  g_assert_cmpint (json_object_get_int_member (psa, "iterations"), ==, 3000);
  g_assert_cmpfloat (fabs (member_double (psa, "total.mean") - 179970.0) / 179970.0, <, 0.02);
  g_assert_cmpfloat (member_double (psa, "total.low"), <, member_double (psa, "total.high"));
}

/* Each failure: non-zero status, exactly one line on stderr that names the
 * problem, and the project file unchanged. */
static void
assert_fails (Fixture *fixture, const char *words, const char * const *args)
{
  g_autoptr(GBytes) before = pc_test_read_bytes (fixture->project);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) args);
  int status = pc_test_run_cli_argv (NULL, &err, args);

  if (status == 0 || strstr (err, words) == NULL)
    g_error ("'%s' gave status %d and '%s', expected a failure saying '%s'",
             command, status, err, words);
  g_assert_true (g_str_has_prefix (err, "pathcost-cli: "));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  after = pc_test_read_bytes (fixture->project);
  g_assert_true (g_bytes_equal (before, after));
}

#define ARGS(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
test_failures (Fixture *fixture, gconstpointer data)
{
  const char *p = fixture->project;
  g_autofree char *bad = pc_test_write_file (fixture->dir, "bad.csv",
                                             "code,name,mff\nP2,Other,1.1\nP3,Broken,-1\n");
  g_autofree char *junk = pc_test_write_file (fixture->dir, "junk.pathcost", "not a project\n");

  assert_fails (fixture, "unknown command 'frobnicate'", ARGS ("frobnicate", p));
  assert_fails (fixture, "no pathway named 'breast'", ARGS ("report", p, "--area", "A1", "--pathway", "breast"));
  assert_fails (fixture, "area 'ZZ' is not in the project", ARGS ("report", p, "--area", "ZZ", "--pathway", "tiny"));
  assert_fails (fixture, "--years", ARGS ("report", p, "--area", "A1", "--pathway", "tiny", "--years", "21"));
  assert_fails (fixture, "--pathway", ARGS ("report", p, "--area", "A1"));
  assert_fails (fixture, "discount_rate", ARGS ("set", p, "discount_rate", "abc"));
  assert_fails (fixture, "unknown setting 'vat'", ARGS ("set", p, "vat", "0.2"));
  assert_fails (fixture, "incidence_year: '2026.5' is not valid", ARGS ("set", p, "incidence_year", "2026.5"));
  assert_fails (fixture, "price_year: 'last year' is not valid", ARGS ("set", p, "price_year", "last year"));
  assert_fails (fixture, "unknown kind 'patients'", ARGS ("import", p, "patients", bad));
  assert_fails (fixture, "bad.csv:3", ARGS ("import", p, "providers", bad));
  assert_fails (fixture, "not a Pathcost project", ARGS ("report", junk, "--area", "A1", "--pathway", "tiny"));
  assert_fails (fixture, "already exists", ARGS ("new", p));
  assert_fails (fixture, "no scenario named 'later'", ARGS ("report", p, "--area", "A1", "--pathway", "tiny", "--scenario", "later"));
  assert_fails (fixture, "--scenario", ARGS ("compare", p, "--area", "A1", "--pathway", "tiny"));
  assert_fails (fixture, "--oneway", ARGS ("sensitivity", p, "--area", "A1", "--pathway", "tiny"));
  assert_fails (fixture, "range:unit_cost:A", ARGS ("set", p, "range:unit_cost:A", "5,1"));
  assert_fails (fixture, "--output", ARGS ("export", p, "--area", "A1", "--pathway", "tiny"));
  assert_fails (fixture, "cannot write the workbook to /nonexistent/out.xlsx",
                ARGS ("export", p, "--area", "A1", "--pathway", "tiny", "--output", "/nonexistent/out.xlsx"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/report-json", Fixture, NULL, fixture_set_up, test_report_json, fixture_tear_down);
  g_test_add ("/cli/report-expected-cost", Fixture, NULL, fixture_set_up, test_report_expected_cost, fixture_tear_down);
  g_test_add_func ("/cli/sample-scenarios", test_sample_scenarios);
  g_test_add ("/cli/area-group", Fixture, NULL, fixture_set_up, test_area_group, fixture_tear_down);
  g_test_add ("/cli/report-provider-mff", Fixture, NULL, fixture_set_up, test_report_provider_mff, fixture_tear_down);
  g_test_add ("/cli/report-table", Fixture, NULL, fixture_set_up, test_report_table, fixture_tear_down);
  g_test_add ("/cli/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/cli/sensitivity", Fixture, NULL, fixture_set_up, test_sensitivity, fixture_tear_down);
  g_test_add ("/cli/failures", Fixture, NULL, fixture_set_up, test_failures, fixture_tear_down);
  return g_test_run ();
}
