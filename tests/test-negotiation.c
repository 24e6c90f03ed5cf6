/* test-negotiation.c: the negotiation pack (docs/CLI.md#export,
 * docs/MODEL.md "The negotiation pack") as pathcost-cli writes it and real
 * spreadsheet software reads it: each provider sheet's expected cost per
 * patient of its current pathway is `report --json`'s; gnumeric and
 * LibreOffice recalculate every cell to the value Pathcost cached (to
 * half a penny); patient counts follow the disclosure threshold (3 → "*",
 * 12 → 10, raw with the threshold at 0); text that looks like a formula
 * stays text; `providers --json` gives the figures the pack shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pc-test-util.h"
#include "pc-test-xlsx.h"

#define HALF_PENNY 0.005
#define AREA "QMF"
#define SITE "breast"
/* The Providers sheet: the header on row 6, a provider a row after it;
 * columns as pc-workbook-negotiation.c writes them. */
#define PV_FIRST_ROW 6
#define PV_CODE_COL 1
#define PV_TARIFF_COL 5
#define PV_OWN_COL 6
#define PV_GAP_COL 7
#define PV_PATIENTS_COL 9
/* A provider sheet's totals: all stages in column G. */
#define ALL_COL 6

typedef PcTestSheet Sheet;

/* Every sheet as gnumeric reads it (pc_test_read_sheets), more than one. */
static GPtrArray *
read_sheets (const char *xlsx,
             gboolean    recalculate)
{
  GPtrArray *sheets = pc_test_read_sheets (xlsx, recalculate);

  g_assert_cmpuint (sheets->len, >, 1);
  return sheets;
}

/* The sheets @names of @xlsx as LibreOffice recalculates them (with a
 * profile that always recalculates on load): numbers unformatted but
 * percentages with "%". */
static GPtrArray *
read_sheets_libreoffice (const char         *xlsx,
                         const char * const *names)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *profile = g_build_filename (dir, "profile", "user", NULL);
  g_autofree char *profile_url = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  const char *argv[] = {
    "soffice", profile_url, "--headless", "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    "--outdir", out, xlsx, NULL,
  };
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_assert_cmpint (g_mkdir_with_parents (profile, 0700), ==, 0);
  g_free (pc_test_write_file (profile, "registrymodifications.xcu",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop "
    "oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
    "</oor:items>\n"));
  pc_test_run_program (argv);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%s.csv", names[i]);
      g_autofree char *path = g_build_filename (out, name, NULL);

      g_ptr_array_add (sheets, pc_test_read_csv (path));
    }
  return sheets;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;
  gsize length = strlen (text);

  if (*text == '\0' || g_ascii_isalpha (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  if (end == text + length - 1 && *end == '%')
    {
      *value /= 100.0;
      return TRUE;
    }
  return *end == '\0';
}

/* The same text, or numbers within half a penny; counts the numbers. */
static void
assert_same_cell (const char *where,
                  guint       row,
                  guint       col,
                  const char *cached,
                  const char *recalculated,
                  guint      *n_numbers)
{
  double a = 0.0, b = 0.0;
  gboolean a_number = parse_number (cached, &a), b_number = parse_number (recalculated, &b);

  if (a_number && b_number && fabs (a - b) <= HALF_PENNY)
    {
      (*n_numbers)++;
      return;
    }
  if (!a_number && !b_number && strcmp (cached, recalculated) == 0)
    return;
  g_error ("%s row %u column %u: cached '%s', recalculated '%s'", where, row + 1, col + 1,
           cached, recalculated);
}

static const char *
field_or_empty (Sheet *sheet,
                guint  row,
                guint  col)
{
  GStrv fields = row < sheet->len ? g_ptr_array_index (sheet, row) : NULL;

  return fields != NULL && col < g_strv_length (fields) ? fields[col] : "";
}

/* Cell by cell; a row or column one reader leaves out is empty in the
 * other (LibreOffice drops empty rows and columns at the end). */
static guint
assert_same_sheet (const char *where,
                   Sheet      *a,
                   Sheet      *b)
{
  guint n_numbers = 0;

  for (guint r = 0; r < MAX (a->len, b->len); r++)
    {
      guint n_a = r < a->len ? g_strv_length (g_ptr_array_index (a, r)) : 0;
      guint n_b = r < b->len ? g_strv_length (g_ptr_array_index (b, r)) : 0;

      for (guint c = 0; c < MAX (n_a, n_b); c++)
        assert_same_cell (where, r, c, field_or_empty (a, r, c), field_or_empty (b, r, c),
                          &n_numbers);
    }
  return n_numbers;
}

static const char *
cell (GPtrArray *sheets,
      guint      sheet,
      guint      row,
      guint      col)
{
  Sheet *rows = g_ptr_array_index (sheets, sheet);
  GStrv fields;

  g_assert_cmpuint (row, <, rows->len);
  fields = g_ptr_array_index (rows, row);
  g_assert_cmpuint (col, <, g_strv_length (fields));
  return fields[col];
}

static double
number_at (GPtrArray *sheets,
           guint      sheet,
           guint      row,
           guint      col)
{
  double value = NAN;

  if (!parse_number (cell (sheets, sheet, row, col), &value))
    g_error ("sheet %u row %u column %u: '%s' is not a number", sheet, row + 1, col + 1,
             cell (sheets, sheet, row, col));
  return value;
}

/* The row of @sheet whose first cell begins with @label. */
static guint
find_row (GPtrArray  *sheets,
          guint       sheet,
          const char *label)
{
  Sheet *rows = g_ptr_array_index (sheets, sheet);

  for (guint r = 0; r < rows->len; r++)
    if (g_str_has_prefix (((GStrv) g_ptr_array_index (rows, r))[0], label))
      return r;
  g_error ("sheet %u has no row '%s'", sheet, label);
}

/* The Providers sheet's row of provider @code. */
static guint
provider_row (GPtrArray  *sheets,
              const char *code)
{
  Sheet *rows = g_ptr_array_index (sheets, 0);

  for (guint r = PV_FIRST_ROW; r < rows->len; r++)
    if (g_strcmp0 (cell (sheets, 0, r, PV_CODE_COL), code) == 0)
      return r;
  g_error ("the Providers sheet has no row for %s", code);
}

static char *
export_pack (const char *project,
             const char *area,
             const char *dir)
{
  g_autofree char *err = NULL;
  char *xlsx = g_build_filename (dir, "pack.xlsx", NULL);

  g_assert_cmpint (pc_test_run_cli (NULL, &err, "export", project, "--output", xlsx,
                                    "--negotiation", "--site", SITE, "--area", area,
                                    "--from", "2026", "--years", "10", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return xlsx;
}

static JsonNode *
cli_json (const char * const *args)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (pc_test_run_cli_argv (&out, &err, args), ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static double
report_expected_cost (const char *project,
                      const char *pathway)
{
  const char *args[] = { "report", project, "--area", AREA, "--pathway", pathway, "--from",
                         "2026", "--years", "10", "--json", NULL };
  g_autoptr(JsonNode) node = cli_json (args);
  JsonObject *root = json_node_get_object (node);

  return json_object_get_double_member (
    json_object_get_object_member (json_object_get_object_member (root, "pathway"),
                                   "expected_cost_per_patient"), "all");
}

/* The provider with a current pathway (the sample's RF4): its sheet's
 * expected cost per patient at tariff × MFF, and the Providers sheet's
 * link to it, are `report --json`'s for that pathway, to the digit cached. */
static void
test_pack_matches_report (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  const char *sample = g_getenv ("PATHCOST_SAMPLE");
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  double expected = report_expected_cost (sample, "breast_current_RF4");
  guint rf4_sheet = 2;      /* Providers, R1H, RF4, RQX */
  guint row;

  if (!pc_test_have_program ("ssconvert"))
    return;
  xlsx = export_pack (sample, AREA, dir);
  sheets = read_sheets (xlsx, FALSE);
  g_assert_cmpuint (sheets->len, ==, 4);
  g_assert_cmpstr (cell (sheets, rf4_sheet, 0, 0), ==,
                   "Barking, Havering and Redbridge University Hospitals NHS Trust (RF4)");
  row = find_row (sheets, rf4_sheet, "At tariff × MFF (as pathcost-cli report gives it)");
  pc_assert_close (number_at (sheets, rf4_sheet, row, ALL_COL), expected);
  row = provider_row (sheets, "RF4");
  pc_assert_close (number_at (sheets, 0, row, PV_TARIFF_COL), expected);
  /* The gap's sign (docs/MODEL.md#provider-gap): own − tariff × MFF. */
  pc_assert_close (number_at (sheets, 0, row, PV_GAP_COL),
                   number_at (sheets, 0, row, PV_OWN_COL) - expected);
  /* The project as its user knows it. */
  g_assert_nonnull (strstr (cell (sheets, 0, 1, 0), "Project: sample.pathcost."));
}

/* `providers --json` gives each provider's figures as the pack shows them. */
static void
test_pack_matches_providers_json (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  const char *sample = g_getenv ("PATHCOST_SAMPLE");
  const char *args[] = { "providers", sample, "--site", SITE, "--area", AREA, "--json", NULL };
  g_autoptr(JsonNode) node = cli_json (args);
  JsonArray *providers = json_object_get_array_member (json_node_get_object (node), "providers");
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) sheets = NULL;

  if (!pc_test_have_program ("ssconvert"))
    return;
  xlsx = export_pack (sample, AREA, dir);
  sheets = read_sheets (xlsx, FALSE);
  g_assert_cmpuint (json_array_get_length (providers), ==, 3);
  for (guint i = 0; i < json_array_get_length (providers); i++)
    {
      JsonObject *p = json_array_get_object_element (providers, i);
      guint row = provider_row (sheets, json_object_get_string_member (p, "code"));
      JsonObject *tariff = json_object_get_object_member (p, "at_tariff");
      JsonObject *own = json_object_get_object_member (p, "at_own_cost");

      g_assert_cmpstr (cell (sheets, 0, row, 0), ==, json_object_get_string_member (p, "name"));
      pc_assert_close (number_at (sheets, 0, row, PV_TARIFF_COL),
                       json_object_get_double_member (tariff, "all"));
      pc_assert_close (number_at (sheets, 0, row, PV_OWN_COL),
                       json_object_get_double_member (own, "all"));
    }
}

/* gnumeric's and LibreOffice's recalculation keep every cached value. */
static void
test_recalculation_keeps_values (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) recalculated = NULL;
  guint n_numbers = 0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  xlsx = export_pack (g_getenv ("PATHCOST_SAMPLE"), AREA, dir);
  cached = read_sheets (xlsx, FALSE);
  recalculated = read_sheets (xlsx, TRUE);
  g_assert_cmpuint (cached->len, ==, recalculated->len);
  for (guint s = 0; s < cached->len; s++)
    n_numbers += assert_same_sheet ("gnumeric", g_ptr_array_index (cached, s),
                                    g_ptr_array_index (recalculated, s));
  /* Three provider sheets of some 60 steps, each with its figures. */
  g_assert_cmpuint (n_numbers, >, 3000);
}

static void
test_libreoffice_keeps_values (void)
{
  static const char * const names[] = { "Providers", "R1H", "RF4", "RQX", NULL };
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  g_autoptr(GPtrArray) recalculated = NULL;
  guint n_numbers = 0;

  if (!pc_test_have_program ("ssconvert") || !pc_test_have_program ("soffice"))
    return;
  xlsx = export_pack (g_getenv ("PATHCOST_SAMPLE"), AREA, dir);
  cached = read_sheets (xlsx, FALSE);
  recalculated = read_sheets_libreoffice (xlsx, names);
  g_assert_cmpuint (cached->len, ==, recalculated->len);
  for (guint s = 0; s < cached->len; s++)
    n_numbers += assert_same_sheet (names[s], g_ptr_array_index (cached, s),
                                    g_ptr_array_index (recalculated, s));
  g_assert_cmpuint (n_numbers, >, 3000);
}

/* A copy of the sample whose only activity is 3 breast patients of
 * Havering at R1H and 12 at RQX, and whose R1H is called "=1+2". */
static char *
make_small_numbers_project (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("patient,provider,area,site,stage,date,hrg,activity,"
                                         "quantity,cost,tariff_paid\n");
  g_autofree char *project = pc_test_copy_sample (dir);
  g_autofree char *activity = NULL;
  g_autofree char *providers = NULL;

  for (guint i = 0; i < 15; i++)
    g_string_append_printf (csv, "P%u,%s,E09000016,breast,1,2025-05-0%u,JA08B,elective,1,"
                            "4000,3900\n", i, i < 3 ? "R1H" : "RQX", 1 + i % 9);
  activity = pc_test_write_file (dir, "activity.csv", csv->str);
  providers = pc_test_write_file (dir, "providers.csv", "code,name,mff\nR1H,=1+2,1.2\n");
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", project, "activity", activity,
                                    "--replace", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", project, "providers", providers,
                                    NULL), ==, 0);
  return g_steal_pointer (&project);
}

/* Counts of 1 to 7 are "*" with their costs, 12 is published as 10, and
 * with the threshold at 0 the counts are exact (docs/MODEL.md,
 * "Disclosure control"); the name "=1+2" stays text after gnumeric
 * recalculates. */
static void
test_disclosure (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *project = make_small_numbers_project (dir);
  g_autofree char *xlsx = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) recalculated = NULL;
  g_autofree char *off_dir = g_build_filename (dir, "off", NULL);
  guint r1h, rqx, flows;

  if (!pc_test_have_program ("ssconvert"))
    return;
  xlsx = export_pack (project, "E09000016", dir);
  sheets = read_sheets (xlsx, FALSE);
  r1h = provider_row (sheets, "R1H");
  rqx = provider_row (sheets, "RQX");
  g_assert_cmpstr (cell (sheets, 0, r1h, PV_PATIENTS_COL), ==, "*");
  g_assert_cmpstr (cell (sheets, 0, rqx, PV_PATIENTS_COL), ==, "10");
  g_assert_nonnull (strstr (cell (sheets, 0, 2, 0), "1 to 7 are shown as \"*\""));
  /* R1H's sheet (the second): its flow from Havering, count and money hidden. */
  flows = find_row (sheets, 1, "Havering (E09000016)");
  g_assert_cmpstr (cell (sheets, 1, flows, 1), ==, "*");
  g_assert_cmpstr (cell (sheets, 1, flows, 2), ==, "*");
  /* Formula-looking text stays text, before and after recalculation. */
  g_assert_cmpstr (cell (sheets, 0, r1h, 0), ==, "=1+2");
  recalculated = read_sheets (xlsx, TRUE);
  g_assert_cmpstr (cell (recalculated, 0, r1h, 0), ==, "=1+2");
  g_clear_pointer (&sheets, g_ptr_array_unref);

  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", project, "disclosure_threshold", "0", NULL),
                   ==, 0);
  g_assert_cmpint (g_mkdir (off_dir, 0700), ==, 0);
  g_free (xlsx);
  xlsx = export_pack (project, "E09000016", off_dir);
  sheets = read_sheets (xlsx, FALSE);
  g_assert_cmpstr (cell (sheets, 0, provider_row (sheets, "R1H"), PV_PATIENTS_COL), ==, "3");
  g_assert_cmpstr (cell (sheets, 0, provider_row (sheets, "RQX"), PV_PATIENTS_COL), ==, "12");
  g_assert_nonnull (strstr (cell (sheets, 0, 2, 0), "Disclosure control is off"));
}

/* The CLI's usage and a site that is not there: one line, non-zero. */
static void
test_cli_errors (void)
{
  const char *sample = g_getenv ("PATHCOST_SAMPLE");
  g_autofree char *err = NULL;
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "none.xlsx", NULL);
  char *copy = NULL;

  g_assert_cmpint (pc_test_run_cli (NULL, &err, "export", sample, "--output", xlsx,
                                    "--negotiation", "--site", "colon", "--area", AREA, NULL),
                   !=, 0);
  g_assert_nonnull (strstr (err, "no site 'colon'"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "providers", sample, "--area", AREA, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--site"));
  g_clear_pointer (&err, g_free);
  g_free (copy);
  copy = pc_test_copy_sample (dir);
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "set", copy, "disclosure_threshold", "7.5",
                                    NULL), !=, 0);
  g_assert_nonnull (strstr (err, "whole number"));
  g_free (copy);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/negotiation/matches-report", test_pack_matches_report);
  g_test_add_func ("/negotiation/matches-providers-json", test_pack_matches_providers_json);
  g_test_add_func ("/negotiation/recalculation-keeps-values", test_recalculation_keeps_values);
  g_test_add_func ("/negotiation/libreoffice-keeps-values", test_libreoffice_keeps_values);
  g_test_add_func ("/negotiation/disclosure", test_disclosure);
  g_test_add_func ("/negotiation/cli-errors", test_cli_errors);
  return g_test_run ();
}
