/* test-export.c: the negotiation workbook, checked with real spreadsheet
 * software: gnumeric recalculates it and every number keeps the value
 * Pathcost cached (to half a penny); the projection equals the engine's;
 * an input changed in the workbook moves the projection as the engine says;
 * text stays text; decimal-comma locales and unwritable paths; the
 * headline, base years, payback, provider gap and scenario scope equal
 * pathcost-cli's (docs/MODEL.md); the Sources sheet lists what
 * pathcost-cli sources lists (docs/CLI.md#sources); pathways, areas,
 * phases and funding streams appear by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-labels.h"
#include "pc-project.h"
#include "pc-test-util.h"
#include "pc-test-xlsx.h"
#include "pc-workbook.h"

#define HALF_PENNY 0.005
#define FROM 2026
#define YEARS 10
/* Sheets as ssconvert -S numbers them (the workbook's order). */
#define SHEET_SUMMARY 0
#define SHEET_PATHWAY 3
#define SHEET_COSTS 4
#define SHEET_PROJECTION 6
#define SHEET_SCENARIO 7     /* with a scenario */
#define SHEET_PROVIDER 7     /* without one */
/* The sample's integrated care board: the sum of its three boroughs. */
#define AREA "QMF"
/* 8, Flows, Compliance and Risk register (the sample has activity), and
 * Sources, always last. */
#define N_SHEETS 12

typedef PcTestSheet Sheet;

typedef struct
{
  guint  n_years;
  double cost[PC_MAX_HORIZON];
  double total;
  double npv;
} Figures;

/* The sample's place: the only area group, standing for its boroughs. */
static char *
only_area (PcProject *project)
{
  sqlite3_stmt *stmt = NULL;
  char *code;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project),
                                       "SELECT DISTINCT code FROM area_groups", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return code;
}

static char *
export (PcProject          *project,
        const char         *pathway,
        const char * const *areas,
        const char         *dir,
        const char         *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (pc_workbook_export (project, pathway, areas, FROM, YEARS, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
export_sample (PcProject  *project,
               const char *pathway,
               const char *dir,
               const char *name)
{
  g_autofree char *area = only_area (project);
  const char *areas[] = { area, NULL };

  return export (project, pathway, areas, dir, name);
}

/* A scenario adds its sheet. */
static guint n_expected_sheets = N_SHEETS;

/* Every sheet of @xlsx (pc_test_read_sheets), as many as expected. */
static GPtrArray *
read_sheets (const char *xlsx,
             gboolean    recalculate)
{
  GPtrArray *sheets = pc_test_read_sheets (xlsx, recalculate);

  g_assert_cmpuint (sheets->len, ==, n_expected_sheets);
  return sheets;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (*text == '\0' || g_ascii_isalpha (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0';
}

static void
assert_same_cell (guint       sheet,
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
  g_error ("sheet %u row %u column %u: cached '%s', recalculated '%s'", sheet, row + 1, col + 1,
           cached, recalculated);
}

/* Every cell of every sheet: the same text, or numbers within half a penny.
 * Returns how many numbers were compared. */
static guint
assert_recalculation_keeps_values (const char *xlsx)
{
  g_autoptr(GPtrArray) cached = read_sheets (xlsx, FALSE);
  g_autoptr(GPtrArray) recalculated = read_sheets (xlsx, TRUE);
  guint n_numbers = 0;

  for (guint s = 0; s < cached->len; s++)
    {
      Sheet *a = g_ptr_array_index (cached, s), *b = g_ptr_array_index (recalculated, s);

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint r = 0; r < a->len; r++)
        {
          GStrv ra = g_ptr_array_index (a, r), rb = g_ptr_array_index (b, r);

          g_assert_cmpuint (g_strv_length (ra), ==, g_strv_length (rb));
          for (guint c = 0; ra[c] != NULL; c++)
            assert_same_cell (s, r, c, ra[c], rb[c], &n_numbers);
        }
    }
  return n_numbers;
}

static int
find_column (GStrv       row,
             const char *label)
{
  for (guint c = 0; row[c] != NULL; c++)
    if (strcmp (row[c], label) == 0)
      return (int) c;
  g_error ("no column '%s'", label);
}

static double
number_at (GStrv row,
           int   col)
{
  double value = 0.0;

  g_assert_cmpint (col, <, (int) g_strv_length (row));
  if (!parse_number (row[col], &value))
    g_error ("'%s' is not a number", row[col]);
  return value;
}

/* The Projection sheet's yearly total cost, horizon total and NPV. */
static void
projection_figures (GPtrArray *sheets,
                    Figures   *figures)
{
  Sheet *rows = g_ptr_array_index (sheets, SHEET_PROJECTION);
  int total_col = -1, npv_col = -1;
  double year;

  memset (figures, 0, sizeof *figures);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (rows, 0))[0], ==, "Projection");
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      if (strcmp (row[0], "Year") == 0)
        {
          total_col = find_column (row, "Total cost");
          npv_col = find_column (row, "Discounted cost");
        }
      else if (total_col >= 0 && parse_number (row[0], &year) && year >= 1900)
        figures->cost[figures->n_years++] = number_at (row, total_col);
      else if (total_col >= 0 && strcmp (row[0], "Total") == 0)
        {
          figures->total = number_at (row, total_col);
          figures->npv = number_at (row, npv_col);
        }
    }
}

static void
assert_close (double actual,
              double expected)
{
  if (!(fabs (actual - expected) <= 1e-6 * fabs (expected)
        && fabs (actual - expected) <= HALF_PENNY))
    g_error ("workbook %.10f, engine %.10f", actual, expected);
}

static void
assert_figures_match (const Figures      *figures,
                      const PcProjection *projection)
{
  g_assert_cmpuint (figures->n_years, ==, projection->n_years);
  for (guint t = 0; t < projection->n_years; t++)
    assert_close (figures->cost[t], projection->years[t].cost);
  assert_close (figures->total, projection->total_cost);
  assert_close (figures->npv, projection->npv);
}

static PcProjection *
engine_projection (PcProject          *project,
                   PcPathway          *pathway,
                   const char * const *areas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProjectionInput) input =
    pc_project_load_projection_input (project, pathway->site, areas, FROM, YEARS, &error);

  g_assert_no_error (error);
  return pc_projection_compute (pathway, input);
}

static void
assert_workbook_matches_engine (const char         *xlsx,
                                PcProject          *project,
                                const char         *pathway_name,
                                const char * const *areas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, pathway_name, &error);
  g_autoptr(PcProjection) projection = NULL;
  g_autoptr(GPtrArray) sheets = read_sheets (xlsx, TRUE);
  Figures figures;

  g_assert_no_error (error);
  projection = engine_projection (project, pathway, areas);
  projection_figures (sheets, &figures);
  assert_figures_match (&figures, projection);
}

/* (a) Every numeric cell of every sheet keeps its cached value when
 * gnumeric recalculates: the best-practice pathway (no provider) and a
 * provider's current pathway (MFF, provider costs). */
static void
test_recalculation_keeps_values (void)
{
  static const char * const pathways[] = { "breast_best_practice", "breast_current_RF4" };
  g_autoptr(PcProject) project = NULL;
  g_autofree char *dir = NULL;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (pathways); i++)
    {
      g_autofree char *xlsx = export_sample (project, pathways[i], dir, "sample.xlsx");

      g_assert_cmpuint (assert_recalculation_keeps_values (xlsx), >, 2000);
    }
}

/* (b) The Projection's yearly costs, total and NPV, cached and
 * recalculated, are pc_projection_compute's. */
static void
test_projection_equals_engine (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL, *area = NULL;
  g_autoptr(GPtrArray) cached = NULL;
  Figures figures;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  area = only_area (project);
  xlsx = export_sample (project, "breast_best_practice", dir, "sample.xlsx");
  assert_workbook_matches_engine (xlsx, project, "breast_best_practice",
                                  (const char *[]) { area, NULL });
  cached = read_sheets (xlsx, FALSE);
  projection_figures (cached, &figures);
  g_assert_cmpuint (figures.n_years, ==, YEARS);
  g_assert_cmpfloat (figures.npv, <, figures.total);
}

/* Unpacks @xlsx into a new folder with Python's zipfile (unzip may be
 * missing); NULL, the test skipped, without python3. */
static char *
unpack (const char *xlsx)
{
  char *dir;

  if (!pc_test_have_program ("python3"))
    return NULL;
  dir = pc_test_make_tmp_dir ();
  pc_test_run_program ((const char *[]) { "python3", "-m", "zipfile", "-e", xlsx, dir, NULL });
  return dir;
}

static char *
read_part (const char *dir,
           const char *part)
{
  g_autofree char *path = g_build_filename (dir, part, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Counts @needle over the sheets; asserts what every sheet must have. */
static guint
count_in_sheets (const char *dir,
                 const char *needle)
{
  guint n = 0;

  for (guint i = 1; i <= N_SHEETS; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *xml = read_part (dir, part);

      g_assert_nonnull (strstr (xml, "<sheetProtection "));
      g_assert_nonnull (strstr (xml, "orientation=\"landscape\""));
      g_assert_nonnull (strstr (xml, "<pane "));
      g_assert_null (strstr (xml, "<v>NAN"));
      g_assert_null (strstr (xml, "<v>INF"));
      g_assert_null (strstr (xml, "_xlfn"));
      n += count (xml, needle);
    }
  return n;
}

/* (c) Hundreds of formulas, validated input cells, native charts, defined
 * names and document properties. */
static void
test_structure (void)
{
  static const char * const names[] = {
    "FirstYear", "IncidenceYear", "PriceYear", "DiscountRate", "Inflation", "IncidenceTrend", "MarketForcesFactor", "StageShare_1",
    "IncidenceRates", "Population_2026", "Tariff_JA07B", "TotalCost", "NetPresentValue",
  };
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = export_sample (project, "breast_best_practice", dir, "sample.xlsx");
  g_autofree char *files = unpack (xlsx);
  g_autofree char *workbook = NULL, *core = NULL;

  if (files == NULL)
    return;
  g_assert_cmpuint (count_in_sheets (files, "<f>"), >=, 500);
  g_assert_cmpuint (count_in_sheets (files, "<dataValidation "), >=, 8);
  g_assert_cmpuint (count_in_sheets (files, "<drawing "), ==, 2);
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/charts/chart%u.xml", i);
      g_autofree char *chart = read_part (files, part);

      g_assert_nonnull (strstr (chart, "<c:barChart>"));
      g_assert_nonnull (strstr (chart, "<c:f>Projection!$"));
    }
  workbook = read_part (files, "xl/workbook.xml");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *defined = g_strdup_printf ("<definedName name=\"%s\">", names[i]);

      g_assert_nonnull (strstr (workbook, defined));
    }
  core = read_part (files, "docProps/core.xml");
  g_assert_nonnull (strstr (core, "<dc:title>Pathcost: breast_best_practice</dc:title>"));
}

/* Step names, a phase and a funding stream that look like formulas. */
static const char * const formula_like[] = { "=SUM(A1)", "+44 phone", "@risk", "-5 days" };

static void
rename_to_formula_like (PcProject *project)
{
  for (guint i = 0; i < G_N_ELEMENTS (formula_like); i++)
    {
      char *sql = sqlite3_mprintf (
        "UPDATE pathway_steps SET step = %Q WHERE pathway = 'breast_best_practice' AND "
        "position = (SELECT MIN(position) + %u FROM pathway_steps "
        "WHERE pathway = 'breast_best_practice')", formula_like[i], i);

      pc_test_exec_sql (project, sql);
      sqlite3_free (sql);
    }
  pc_test_exec_sql (project, "UPDATE pathway_steps SET funding = '=icb' WHERE funding = 'icb'");
  pc_test_exec_sql (project, "UPDATE pathway_steps SET phase = '+diagnosis' WHERE phase = 'diagnosis'");
}

static void
assert_step_names_are_text (const char *xlsx)
{
  g_autoptr(GPtrArray) sheets = read_sheets (xlsx, TRUE);
  Sheet *pathway = g_ptr_array_index (sheets, SHEET_PATHWAY);
  g_autofree char *files = unpack (xlsx);
  g_autofree char *strings = NULL, *xml = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formula_like); i++)
    g_assert_cmpstr (((GStrv) g_ptr_array_index (pathway, 4 + i))[3], ==, formula_like[i]);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (pathway, 4))[0], ==, "+diagnosis");
  if (files == NULL)
    return;
  strings = read_part (files, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "<t>=SUM(A1)</t>"));
  g_assert_nonnull (strstr (strings, "<t>=icb</t>"));
  xml = read_part (files, "xl/worksheets/sheet4.xml");
  g_assert_null (strstr (xml, "<f>SUM(A1)"));
}

/* (d) Text from the project is written as text, even when it starts with
 * = + - @; the figures still match the engine. */
static void
test_formula_like_text (void)
{
  g_autofree char *dir = NULL, *path = NULL, *xlsx = NULL, *area = NULL;
  g_autoptr(PcProject) project = NULL;

  if (!pc_test_have_program ("ssconvert"))
    return;
  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  project = pc_test_open_project (path, FALSE);
  rename_to_formula_like (project);
  area = only_area (project);
  xlsx = export_sample (project, "breast_best_practice", dir, "text.xlsx");
  assert_step_names_are_text (xlsx);
  assert_recalculation_keeps_values (xlsx);
  assert_workbook_matches_engine (xlsx, project, "breast_best_practice",
                                  (const char *[]) { area, NULL });
}

static void
assert_same_part (const char *a,
                  const char *b,
                  const char *part)
{
  g_autofree char *x = read_part (a, part);
  g_autofree char *y = read_part (b, part);

  if (strcmp (x, y) != 0)
    g_error ("%s differs between the exports", part);
}

/* (e) Under a decimal-comma locale the file is the same as under C, the
 * locale is restored afterwards, and the figures recalculate. */
static void
test_decimal_comma_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *german = NULL, *c = NULL, *a = NULL, *b = NULL, *area = only_area (project);

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (make deps generates it)");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  german = export_sample (project, "breast_current_RF4", dir, "de.xlsx");
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  setlocale (LC_ALL, saved);
  c = export_sample (project, "breast_current_RF4", dir, "c.xlsx");
  a = unpack (german);
  b = unpack (c);
  if (a == NULL || b == NULL || !pc_test_have_program ("ssconvert"))
    return;
  for (guint i = 1; i <= N_SHEETS; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);

      assert_same_part (a, b, part);
    }
  assert_same_part (a, b, "xl/workbook.xml");
  assert_same_part (a, b, "xl/styles.xml");
  assert_same_part (a, b, "xl/charts/chart1.xml");
  assert_recalculation_keeps_values (german);
  assert_workbook_matches_engine (german, project, "breast_current_RF4",
                                  (const char *[]) { area, NULL });
}

typedef enum
{
  CHANGE_DISCOUNT_RATE,
  CHANGE_MFF,
  CHANGE_TARIFF,
  CHANGE_INFLATION,
  CHANGE_STAGE_SHARE,
} ChangeKind;

static const struct
{
  ChangeKind  kind;
  const char *cell;       /* the defined name of the input cell */
  double      value;
} changes[] = {
  { CHANGE_DISCOUNT_RATE, "DiscountRate", 0.05 },
  { CHANGE_MFF, "MarketForcesFactor", 1.15 },
  { CHANGE_TARIFF, "Tariff_JA07B", 5000 },
  { CHANGE_INFLATION, "Inflation", 0.02 },
  { CHANGE_STAGE_SHARE, "StageShare_1", 0.5 },
};

/* The engine's projection with change @i made: the discount rate through
 * the project's settings (on a copy), the others on the loaded inputs. */
static PcProjection *
changed_projection (guint       i,
                    const char *dir,
                    const char *area)
{
  g_autofree char *path = pc_test_copy_sample (dir);
  g_autoptr(PcProject) project = pc_test_open_project (path, FALSE);
  const char *areas[] = { area, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  if (changes[i].kind == CHANGE_DISCOUNT_RATE)
    g_assert_true (pc_project_set_setting (project, "discount_rate",
                                           g_ascii_dtostr (value, sizeof value, changes[i].value),
                                           &error));
  pathway = pc_project_load_pathway (project, "breast_best_practice", &error);
  g_assert_no_error (error);
  input = pc_project_load_projection_input (project, pathway->site, areas, FROM, YEARS, &error);
  g_assert_no_error (error);
  if (changes[i].kind == CHANGE_MFF)
    pathway->mff = changes[i].value;
  else if (changes[i].kind == CHANGE_INFLATION)
    input->inflation = changes[i].value;
  else if (changes[i].kind == CHANGE_STAGE_SHARE)
    input->stage_share[PC_STAGE_1] = changes[i].value;
  for (guint s = 0; changes[i].kind == CHANGE_TARIFF && s < pathway->steps->len; s++)
    {
      PcStep *step = g_ptr_array_index (pathway->steps, s);

      if (g_strcmp0 (step->tariff_code, "JA07B") == 0)
        step->tariff_price = changes[i].value;
    }
  return pc_projection_compute (pathway, input);
}

/* (f) An input changed in the workbook (as a user types it; cached values
 * dropped), recalculated by gnumeric, moves the projection exactly as the
 * engine computes it for the same change. */
static void
test_changed_input_follows_engine (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-set-cell.py", NULL);
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(PcProjection) baseline = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL, *area = NULL;

  if (!pc_test_have_program ("ssconvert") || !pc_test_have_program ("python3"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  area = only_area (project);
  xlsx = export_sample (project, "breast_best_practice", dir, "sample.xlsx");
  pathway = pc_project_load_pathway (project, "breast_best_practice", NULL);
  baseline = engine_projection (project, pathway, (const char *[]) { area, NULL });
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *changed = g_build_filename (dir, "changed.xlsx", NULL);
      g_autofree char *assignment = g_strdup_printf ("%s=%.17g", changes[i].cell, changes[i].value);
      g_autoptr(PcProjection) expected = changed_projection (i, dir, area);
      g_autoptr(GPtrArray) sheets = NULL;
      Figures figures;

      pc_test_run_program ((const char *[]) { "python3", script, xlsx, changed, assignment, NULL });
      sheets = read_sheets (changed, TRUE);
      projection_figures (sheets, &figures);
      assert_figures_match (&figures, expected);
      g_assert_cmpfloat (fabs (expected->npv - baseline->npv), >, 1000.0);
    }
}

static void
assert_no_file_but (const char *dir,
                    const char *only)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_strcmp0 (name, only) != 0)
      g_error ("%s left behind in %s", name, dir);
}

static void
assert_export_fails (PcProject  *project,
                     const char *output,
                     int         code)
{
  g_autofree char *area = only_area (project);
  const char *areas[] = { area, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_workbook_export (project, "breast_best_practice", areas, FROM, YEARS,
                                      output, &error));
  g_assert_error (error, PC_ERROR, code);
  if (code == PC_ERROR_IO)
    g_assert_nonnull (strstr (error->message, output));
}

/* (g) An unwritable path fails with a message naming it and leaves nothing
 * behind: a missing folder, a file used as a folder, a folder as the
 * target. */
static void
test_unwritable_path (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", "out.xlsx", NULL);
  g_autofree char *file = pc_test_write_file (dir, "file", "not a folder");
  g_autofree char *under_file = g_build_filename (file, "out.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);

  assert_export_fails (project, missing, PC_ERROR_IO);
  assert_export_fails (project, under_file, PC_ERROR_IO);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_export_fails (project, folder, PC_ERROR_IO);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_remove (folder), ==, 0);
  assert_no_file_but (dir, "file");
}

/* A failed export (here an unknown pathway or area) leaves the file that
 * was there untouched and no temporary file. */
static void
test_failure_keeps_old_file (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *output = pc_test_write_file (dir, "out.xlsx", "the old workbook");
  const char *nowhere[] = { "NOWHERE", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_false (pc_workbook_export (project, "no_such_pathway", nowhere, FROM, YEARS, output,
                                      &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pc_workbook_export (project, "breast_best_practice", nowhere, FROM, YEARS,
                                      output, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_file_get_contents (output, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "the old workbook");
  assert_no_file_but (dir, "out.xlsx");
}

/* Several areas are summed; a second area whose population covers only
 * some years (2023, 2025, 2027) uses the nearest year as the engine does. */
static void
test_several_areas (void)
{
  g_autofree char *dir = NULL, *path = NULL, *xlsx = NULL, *area = NULL;
  g_autoptr(PcProject) project = NULL;
  const char *areas[] = { NULL, "X01", NULL };

  if (!pc_test_have_program ("ssconvert"))
    return;
  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  project = pc_test_open_project (path, FALSE);
  area = only_area (project);
  areas[0] = area;
  pc_test_exec_sql (project, "INSERT INTO areas (code, name) VALUES ('X01', 'Second area');"
                     "INSERT INTO population (area, year, sex, age_band, count) "
                     "SELECT 'X01', year, sex, age_band, count * 0.5 FROM population "
                     "WHERE area = 'E09000016' AND year IN (2023, 2025, 2027)");
  xlsx = export (project, "breast_current_RF4", areas, dir, "areas.xlsx");
  assert_recalculation_keeps_values (xlsx);
  assert_workbook_matches_engine (xlsx, project, "breast_current_RF4", areas);
}

/* What the user wrote about a risk in the window reaches the Risk register
 * sheet, due date included, on the entry's own row. */
static void
test_risk_notes_reach_sheet (void)
{
  g_autofree char *dir = NULL, *path = NULL, *xlsx = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GPtrArray) risks = NULL, sheets = NULL;
  g_autoptr(GError) error = NULL;
  PcRisk *risk;
  Sheet *register_sheet;
  gboolean found = FALSE;

  if (!pc_test_have_program ("ssconvert"))
    return;
  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  project = pc_test_open_project (path, FALSE);
  risks = pc_project_risk_register (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (risks->len, >, 0);
  risk = g_ptr_array_index (risks, risks->len - 1);
  g_free (risk->owner);
  risk->owner = g_strdup ("Cancer lead");
  g_free (risk->due);
  risk->due = g_strdup ("2027-03-31");
  g_assert_true (pc_project_set_risk_notes (project, risk, &error));
  g_assert_no_error (error);
  xlsx = export_sample (project, "breast_best_practice", dir, "risks.xlsx");
  sheets = read_sheets (xlsx, FALSE);
  register_sheet = g_ptr_array_index (sheets, N_SHEETS - 2);
  for (guint r = 0; r < register_sheet->len; r++)
    {
      GStrv row = g_ptr_array_index (register_sheet, r);

      if (g_strv_length (row) > 12 && g_strcmp0 (row[1], risk->step) == 0
          && g_strcmp0 (row[2], risk->provider) == 0 && g_strcmp0 (row[8], "Cancer lead") == 0)
        {
          g_assert_cmpstr (row[12], ==, "2027-03-31");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* The scenario sheets are a later issue: a scenario is refused, clearly. */
/* With a scenario, the workbook gains its sheet: the payback year and NPV
 * of the difference equal the engine's comparison (enhanced recovery at
 * RF4 pays back in 2027/28), and every cell survives recalculation. */
static void
test_scenario_sheet (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *output = g_build_filename (dir, "scenario.xlsx", NULL);
  g_autofree char *area = only_area (project);
  const char *areas[] = { area, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcScenario) scenario = pc_project_load_scenario (project, "enhanced_recovery_breast", &error);
  g_autoptr(PcPathway) baseline_pathway = pc_project_load_pathway (project, "breast_current_RF4", &error);
  g_autoptr(PcPathway) changed_pathway = pc_pathway_copy (baseline_pathway);
  g_autoptr(PcProjectionInput) input = pc_project_load_projection_input (project, "breast", areas, FROM, YEARS, &error);
  g_autoptr(PcProjectionInput) changed_input = pc_projection_input_copy (input);
  g_autoptr(PcProjection) baseline = NULL, changed = NULL;
  g_autoptr(PcComparison) comparison = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  PcWorkbookRequest request = {
    .pathway = "breast_current_RF4", .areas = areas, .from = FROM, .years = YEARS,
    .scenario = scenario, .output_path = output,
  };
  Sheet *sheet;
  double npv = NAN, payback = NAN;

  g_assert_no_error (error);
  g_assert_true (pc_scenario_apply (scenario, changed_pathway, changed_input, &error));
  baseline = pc_projection_compute (baseline_pathway, input);
  changed = pc_projection_compute (changed_pathway, changed_input);
  comparison = pc_comparison_compute (baseline, changed, input->discount_rate);
  g_assert_true (comparison->has_payback);

  g_assert_true (pc_workbook_export_full (project, &request, NULL, &error));
  g_assert_no_error (error);
  if (!pc_test_have_program ("ssconvert"))
    {
      g_test_skip ("ssconvert is not installed");
      return;
    }
  n_expected_sheets = N_SHEETS + 1;
  g_assert_cmpuint (assert_recalculation_keeps_values (output), >, 100);
  sheets = read_sheets (output, TRUE);
  n_expected_sheets = N_SHEETS;
  sheet = g_ptr_array_index (sheets, SHEET_PROJECTION + 1);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (sheet, 0))[0], ==, "Scenario: enhanced_recovery_breast");
  g_assert_true (parse_number (((GStrv) g_ptr_array_index (sheet, 3))[2], &npv));
  g_assert_true (parse_number (((GStrv) g_ptr_array_index (sheet, 4))[2], &payback));
  assert_close (npv, comparison->npv_difference);
  g_assert_cmpfloat (payback, ==, comparison->payback_year);
}

/* pathcost-cli's JSON answer to @args. */
static JsonObject *
cli_json (const char * const *args)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (pc_test_run_cli_argv (&out, &err, args) != 0)
    g_error ("pathcost-cli %s failed: %s", args[0], err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
cli_report (const char *project)
{
  return cli_json ((const char *[]) { "report", project, "--area", AREA, "--pathway",
                                      "breast_current_RF4", "--from", G_STRINGIFY (FROM),
                                      "--years", G_STRINGIFY (YEARS), "--json", NULL });
}

static void
cli_set (const char *project,
         const char *key,
         const char *value)
{
  g_autofree char *err = NULL;

  if (pc_test_run_cli (NULL, &err, "set", project, key, value, NULL) != 0)
    g_error ("pathcost-cli set %s %s failed: %s", key, value, err);
}

/* The first row from @from whose first cell is @label. */
static GStrv
row_labelled (Sheet      *sheet,
              const char *label,
              guint      *from)
{
  for (guint r = *from; r < sheet->len; r++)
    {
      GStrv row = g_ptr_array_index (sheet, r);

      if (row[0] != NULL && strcmp (row[0], label) == 0)
        {
          *from = r;
          return row;
        }
    }
  g_error ("no row '%s'", label);
}

static GStrv
row_at (Sheet *sheet,
        guint  r)
{
  g_assert_cmpuint (r, <, sheet->len);
  return g_ptr_array_index (sheet, r);
}

static void
assert_penny (double actual,
              double expected)
{
  if (!(fabs (actual - expected) <= HALF_PENNY))
    g_error ("workbook %.6f, pathcost-cli %.6f", actual, expected);
}

static const char * const stage_keys[PC_N_STAGES] = { "1", "2", "3", "4", "unknown" };

/* The expected cost per patient diagnosed, by stage and over all stages, on
 * the Summary, the Cost per patient sheet and the Pathway sheet. */
static void
assert_headline_is (GPtrArray  *sheets,
                    JsonObject *expected)
{
  Sheet *summary = g_ptr_array_index (sheets, SHEET_SUMMARY);
  Sheet *costs = g_ptr_array_index (sheets, SHEET_COSTS);
  Sheet *pathway = g_ptr_array_index (sheets, SHEET_PATHWAY);
  double all = json_object_get_double_member (expected, "all");
  guint s_row = 0, c_row = 0, p_row = 0, r = 0;
  int p_col = find_column (row_at (pathway, 3), "Cost per patient reached, stage 1");

  row_labelled (summary, "Stage at diagnosis", &s_row);
  row_labelled (costs, "Stage", &c_row);
  row_labelled (pathway, "All steps", &p_row);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      double e = json_object_get_double_member (expected, stage_keys[s]);

      assert_penny (number_at (row_at (summary, s_row + 1 + s), 2), e);
      assert_penny (number_at (row_at (costs, c_row + 1 + s), 1), e);
      assert_penny (number_at (row_at (pathway, p_row), p_col + (int) s), e);
    }
  assert_penny (number_at (row_labelled (summary, "All stages (at the stage mix)", &r), 2), all);
  r = 0;
  assert_penny (number_at (row_labelled (summary, "Expected cost per patient diagnosed, all "
                                         "stages", &r), 1), all);
  assert_penny (number_at (row_at (costs, c_row + 1 + PC_N_STAGES), 1), all);
}

/* The headline is DESIGN's E, survival-weighted, as pathcost-cli reports
 * it, before and after recalculation; not the sum over the years of
 * patient and death costs (for RF4's stage 1, £1,840 of end-of-life care
 * in each of years 0-4: that sum would charge every patient five deaths). */
static void
test_expected_cost_equals_cli (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL;
  g_autoptr(GPtrArray) cached = NULL, recalculated = NULL;
  JsonObject *pathway, *expected, *stage_1;
  double unweighted = 0.0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  xlsx = export_sample (project, "breast_current_RF4", dir, "sample.xlsx");
  report = cli_report (g_getenv ("PATHCOST_SAMPLE"));
  pathway = json_object_get_object_member (report, "pathway");
  expected = json_object_get_object_member (pathway, "expected_cost_per_patient");
  stage_1 = json_object_get_object_member (json_object_get_object_member (pathway,
                                                                          "cost_per_patient"), "1");
  for (guint b = 0; b < 2; b++)
    {
      JsonArray *years = json_object_get_array_member (stage_1, b == 0 ? "patient" : "death");

      for (guint k = 0; k < json_array_get_length (years); k++)
        unweighted += json_array_get_double_element (years, k);
    }
  g_assert_cmpfloat (unweighted - json_object_get_double_member (expected, "1"), >, 1000.0);
  cached = read_sheets (xlsx, FALSE);
  assert_headline_is (cached, expected);
  recalculated = read_sheets (xlsx, TRUE);
  assert_headline_is (recalculated, expected);
}

/* The Projection sheet's years against pathcost-cli's report. */
static void
assert_figures_equal_report (const Figures *figures,
                             JsonObject    *report)
{
  JsonArray *years = json_object_get_array_member (report, "years");

  g_assert_cmpuint (figures->n_years, ==, json_array_get_length (years));
  for (guint t = 0; t < figures->n_years; t++)
    assert_close (figures->cost[t],
                  json_object_get_double_member (json_array_get_object_element (years, t),
                                                 "cost"));
  assert_close (figures->total, json_object_get_double_member (report, "total_cost"));
  assert_close (figures->npv, json_object_get_double_member (report, "npv"));
}

/* The incidence and price years typed into the workbook move its
 * projection as `pathcost-cli set` moves the report (docs/MODEL.md,
 * base years): trend from the incidence year, inflation from the price
 * year, discounting still from the first year. */
static void
test_base_years_follow_cli (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-set-cell.py", NULL);
  g_autoptr(PcProject) project = NULL;
  g_autoptr(JsonObject) before = NULL, after = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL, *copy = NULL, *xlsx = NULL, *changed = NULL;
  Figures figures;

  if (!pc_test_have_program ("ssconvert") || !pc_test_have_program ("python3"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  copy = pc_test_copy_sample (dir);
  xlsx = export_sample (project, "breast_current_RF4", dir, "sample.xlsx");
  changed = g_build_filename (dir, "changed.xlsx", NULL);
  pc_test_run_program ((const char *[]) { "python3", script, xlsx, changed, "IncidenceYear=2021",
                                          "PriceYear=2023", "Inflation=0.03", NULL });
  before = cli_report (copy);
  cli_set (copy, "incidence_year", "2021");
  cli_set (copy, "price_year", "2023");
  cli_set (copy, "inflation", "0.03");
  after = cli_report (copy);
  g_assert_cmpint (json_object_get_int_member (after, "incidence_year"), ==, 2021);
  g_assert_cmpint (json_object_get_int_member (after, "price_year"), ==, 2023);
  sheets = read_sheets (changed, TRUE);
  projection_figures (sheets, &figures);
  assert_figures_equal_report (&figures, after);
  g_assert_cmpfloat (fabs (json_object_get_double_member (after, "npv")
                           - json_object_get_double_member (before, "npv")), >, 1000.0);
}

/* A year's cost is the same whichever first year the workbook starts
 * from: 2029/30 from 2026 and from 2028, recalculated. */
static void
test_overlapping_windows_agree (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autofree char *dir = NULL, *first = NULL, *output = NULL;
  g_autoptr(GPtrArray) early = NULL, late = NULL;
  g_autoptr(GError) error = NULL;
  const char *areas[] = { AREA, NULL };
  PcWorkbookRequest request = {
    .pathway = "breast_current_RF4", .areas = areas, .from = FROM + 2, .years = YEARS,
  };
  Figures a, b;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  first = export_sample (project, "breast_current_RF4", dir, "2026.xlsx");
  early = read_sheets (first, TRUE);
  output = g_build_filename (dir, "2028.xlsx", NULL);
  request.output_path = output;
  g_assert_true (pc_workbook_export_full (project, &request, NULL, &error));
  g_assert_no_error (error);
  late = read_sheets (output, TRUE);
  projection_figures (early, &a);
  projection_figures (late, &b);
  for (guint t = 2; t < YEARS; t++)
    assert_close (b.cost[t - 2], a.cost[t]);
}

/* The workbook of breast_current_RF4 with @scenario, read as recalculated. */
static GPtrArray *
scenario_sheets (PcProject  *project,
                 const char *scenario_name,
                 const char *dir)
{
  g_autofree char *output = g_build_filename (dir, "scenario.xlsx", NULL);
  const char *areas[] = { AREA, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcScenario) scenario = pc_project_load_scenario (project, scenario_name, &error);
  PcWorkbookRequest request = {
    .pathway = "breast_current_RF4", .areas = areas, .from = FROM, .years = YEARS,
    .scenario = scenario, .output_path = output,
  };
  GPtrArray *sheets;

  g_assert_no_error (error);
  g_assert_true (pc_workbook_export_full (project, &request, NULL, &error));
  g_assert_no_error (error);
  n_expected_sheets = N_SHEETS + 1;
  g_assert_cmpuint (assert_recalculation_keeps_values (output), >, 100);
  sheets = read_sheets (output, TRUE);
  n_expected_sheets = N_SHEETS;
  return sheets;
}

static JsonObject *
cli_compare (const char *scenario)
{
  return cli_json ((const char *[]) { "compare", g_getenv ("PATHCOST_SAMPLE"), "--scenario",
                                      scenario, "--area", AREA, "--pathway",
                                      "breast_current_RF4", "--from", G_STRINGIFY (FROM),
                                      "--years", G_STRINGIFY (YEARS), "--json", NULL });
}

/* The Summary's cell right of @label in its scenario column (D). */
static double
summary_scenario_figure (GPtrArray  *sheets,
                         const char *label)
{
  Sheet *summary = g_ptr_array_index (sheets, SHEET_SUMMARY);

  for (guint r = 0; r < summary->len; r++)
    {
      GStrv row = g_ptr_array_index (summary, r);

      if (g_strv_length (row) > 4 && strcmp (row[3], label) == 0)
        return number_at (row, 4);
    }
  g_error ("no scenario figure '%s' on the Summary", label);
}

/* Home trastuzumab at RF4 saves from its first year, so it pays back in
 * its first year (docs/MODEL.md#payback-year), as pathcost-cli says. */
static void
test_payback_equals_cli (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(JsonObject) comparison = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL;
  Sheet *scenario;
  JsonNode *payback;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  sheets = scenario_sheets (project, "trastuzumab_at_home", dir);
  comparison = cli_compare ("trastuzumab_at_home");
  payback = json_object_get_member (comparison, "payback_year");
  g_assert_false (JSON_NODE_HOLDS_NULL (payback));
  g_assert_cmpint (json_node_get_int (payback), ==, FROM);
  scenario = g_ptr_array_index (sheets, SHEET_SCENARIO);
  g_assert_cmpstr (row_at (scenario, 4)[0], ==, "Payback year");
  g_assert_cmpfloat (number_at (row_at (scenario, 4), 2), ==, json_node_get_int (payback));
  g_assert_cmpfloat (summary_scenario_figure (sheets, "Payback year"), ==,
                     json_node_get_int (payback));
}

/* A scenario whose changes are all for the lung (earlier_lung_diagnosis's
 * health checks, £350,000 a year) changes nothing in the breast pathway:
 * the Scenario sheet and the Summary say so in pathcost-cli's words, its
 * investment line is left out, and the scenario costs what the baseline
 * does (docs/MODEL.md#investment-lines). */
static void
test_untouched_scenario_warns (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(JsonObject) comparison = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL;
  JsonArray *warnings;
  Sheet *scenario;
  const char *warning;
  guint r = 0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  sheets = scenario_sheets (project, "earlier_lung_diagnosis", dir);
  comparison = cli_compare ("earlier_lung_diagnosis");
  warnings = json_object_get_array_member (comparison, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  warning = json_array_get_string_element (warnings, 0);
  g_assert_nonnull (strstr (warning, "changes nothing in pathway 'breast_current_RF4'"));
  scenario = g_ptr_array_index (sheets, SHEET_SCENARIO);
  g_assert_cmpstr (row_at (scenario, 2)[0], ==, warning);
  row_labelled (g_ptr_array_index (sheets, SHEET_SUMMARY), warning, &r);
  for (guint t = 0; t < YEARS; t++)
    g_assert_cmpfloat (number_at (row_at (scenario, 7 + t), 4), ==, 0.0);
  r = 0;
  row_labelled (scenario, "Investment line", &r);
  g_assert_true (g_str_has_prefix (row_at (scenario, r + 1)[0],
                                   "1 investment line of this scenario is for another site"));
}

/* Gap = provider's unit cost − tariff × MFF (docs/MODEL.md#provider-gap):
 * a step whose provider cost exceeds what the tariff pays shows a
 * positive gap, one below it a negative one, and the sheet says which
 * way is good for whom. */
static void
test_provider_gap_sign (void)
{
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL;
  guint n_above = 0, n_below = 0;
  Sheet *provider;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  xlsx = export_sample (project, "breast_current_RF4", dir, "sample.xlsx");
  pathway = pc_project_load_pathway (project, "breast_current_RF4", NULL);
  sheets = read_sheets (xlsx, TRUE);
  provider = g_ptr_array_index (sheets, SHEET_PROVIDER);
  g_assert_cmpstr (row_at (provider, 0)[0], ==, "Provider comparison");
  g_assert_true (g_str_has_prefix (row_at (provider, 2)[0],
                                   "Gap = provider's unit cost − tariff × MFF: positive means "
                                   "the provider's cost is above what the tariff pays"));
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      double paid = step->tariff_price * pathway->mff, gap;
      guint r = 0;

      if (!step->has_provider_unit_cost || step->tariff_code == NULL
          || step->has_unit_cost_override)
        continue;
      gap = number_at (row_labelled (provider, step->name, &r), 5);
      assert_penny (gap, step->provider_unit_cost - paid);
      if (step->provider_unit_cost > paid + 0.01)
        n_above += gap > 0;
      else if (step->provider_unit_cost < paid - 0.01)
        n_below += gap < 0;
    }
  g_assert_cmpuint (n_above, >, 0);
  g_assert_cmpuint (n_below, >, 0);
}

/* The Sources sheet, the workbook's last. */
static Sheet *
sources_sheet (GPtrArray *sheets)
{
  Sheet *sources = g_ptr_array_index (sheets, sheets->len - 1);

  g_assert_cmpstr (row_at (sources, 0)[0], ==, "Sources");
  return sources;
}

/* The Sources sheet's row of @table's import of @kind (its first column is
 * the table, its second the kind). */
static GStrv
source_row (Sheet      *sources,
            const char *table,
            const char *kind)
{
  for (guint r = 0; r < sources->len; r++)
    {
      GStrv row = g_ptr_array_index (sources, r);

      if (g_strv_length (row) > 6 && strcmp (row[0], table) == 0 && strcmp (row[1], kind) == 0)
        return row;
    }
  g_error ("no Sources row for %s (%s)", table, kind);
}

/* pathcost-cli sources --json's record of @kind. */
static JsonObject *
cli_source (JsonObject *listed,
            const char *kind)
{
  JsonArray *sources = json_object_get_array_member (listed, "sources");

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (strcmp (json_object_get_string_member (source, "kind"), kind) == 0)
        return source;
    }
  g_error ("pathcost-cli sources lists no %s import", kind);
}

/* The Sources sheet lists the sample's population_ons import with the
 * source text and SHA-256 that pathcost-cli sources gives, names the
 * project's file (not its folders) at the top, and the Summary points to
 * it. */
static void
test_sources_sheet (void)
{
  const char *sample = g_getenv ("PATHCOST_SAMPLE");
  g_autoptr(PcProject) project = NULL;
  g_autoptr(JsonObject) listed = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL, *about = NULL;
  JsonObject *ons;
  Sheet *sources;
  GStrv row;
  guint r = 0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  xlsx = export_sample (project, "breast_current_RF4", dir, "sample.xlsx");
  listed = cli_json ((const char *[]) { "sources", sample, "--json", NULL });
  ons = cli_source (listed, "population_ons");
  sheets = read_sheets (xlsx, FALSE);
  sources = sources_sheet (sheets);
  about = g_strdup_printf ("Where the figures in %s came from", "sample.pathcost");
  g_assert_cmpstr (row_at (sources, 1)[0], ==, about);
  row = source_row (sources, "population", "population_ons");
  g_assert_cmpstr (row[2], ==, json_object_get_string_member (ons, "source"));
  g_assert_cmpstr (row[3], ==, json_object_get_string_member (ons, "file"));
  g_assert_cmpfloat (number_at (row, 4), ==, json_object_get_int_member (ons, "rows"));
  g_assert_cmpstr (row[6], ==, json_object_get_string_member (ons, "sha256"));
  g_assert_cmpuint (strlen (row[6]), ==, 64);
  row = row_labelled (g_ptr_array_index (sheets, SHEET_SUMMARY), "Sources", &r);
  g_assert_true (g_str_has_suffix (row[1], "the Sources sheet"));
}

/* A table whose rows no import record accounts for (filled by SQL, as
 * before Pathcost kept records) reads "source not recorded"; an import
 * given no --source, "source not given". */
static void
test_source_not_recorded (void)
{
  g_autofree char *dir = NULL, *path = NULL, *xlsx = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  Sheet *sources;

  if (!pc_test_have_program ("ssconvert"))
    return;
  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  project = pc_test_open_project (path, FALSE);
  pc_test_exec_sql (project, "DELETE FROM imports WHERE kind = 'tariffs'");
  pc_test_exec_sql (project, "UPDATE tariffs SET price = price * 1.01");
  pc_test_exec_sql (project, "UPDATE imports SET source = '' WHERE kind = 'survival'");
  pc_test_exec_sql (project, "UPDATE imports SET source = '=HYPERLINK(\"x\")' "
                             "WHERE kind = 'stages'");
  xlsx = export_sample (project, "breast_current_RF4", dir, "unrecorded.xlsx");
  sheets = read_sheets (xlsx, FALSE);
  sources = sources_sheet (sheets);
  g_assert_cmpstr (source_row (sources, "tariffs", "tariffs")[2], ==, "source not recorded");
  g_assert_cmpstr (source_row (sources, "survival", "survival")[2], ==, "source not given");
  g_assert_cmpstr (source_row (sources, "stages", "stages")[2], ==, "=HYPERLINK(\"x\")");
}

/* The window exports from a working copy with a hashed name: the request
 * names the user's file, and the workbook shows that name, without its
 * folders. */
static void
test_request_names_project (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = g_build_filename (dir, "named.xlsx", NULL);
  g_autofree char *area = only_area (project);
  const char *areas[] = { area, NULL };
  PcWorkbookRequest request = {
    .pathway = "breast_current_RF4", .areas = areas, .from = FROM, .years = YEARS,
    .output_path = xlsx, .project_name = "/home/someone/Board paper March.pathcost",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  guint r = 0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  g_assert_true (pc_workbook_export_full (project, &request, NULL, &error));
  g_assert_no_error (error);
  sheets = read_sheets (xlsx, FALSE);
  g_assert_cmpstr (row_labelled (g_ptr_array_index (sheets, SHEET_SUMMARY), "Project", &r)[1],
                   ==, "Board paper March.pathcost");
  g_assert_cmpstr (row_at (sources_sheet (sheets), 1)[0], ==,
                   "Where the figures in Board paper March.pathcost came from");
}

/* The Summary names the pathway and the area group as a person reads
 * them, keeping the codes; the Pathway sheet shows phases and funding
 * streams by name; and every figure still survives recalculation. */
static void
test_names_not_codes (void)
{
  const char *group[] = { AREA, NULL };
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *dir = NULL, *xlsx = NULL, *described = NULL, *areas = NULL;
  Sheet *summary, *steps;
  guint r = 0, n_named = 0;

  if (!pc_test_have_program ("ssconvert"))
    return;
  project = pc_test_open_sample ();
  dir = pc_test_make_tmp_dir ();
  xlsx = export_sample (project, "breast_current_RF4", dir, "names.xlsx");
  pathway = pc_project_load_pathway (project, "breast_current_RF4", NULL);
  described = pc_project_describe_pathway (project, pathway);
  areas = pc_project_describe_areas (project, group);
  g_assert_nonnull (strstr (areas, "North East London"));
  sheets = read_sheets (xlsx, FALSE);
  summary = g_ptr_array_index (sheets, SHEET_SUMMARY);
  g_assert_cmpstr (row_labelled (summary, "Pathway", &r)[1], ==, described);
  r = 0;
  g_assert_cmpstr (row_labelled (summary, "Pathway code", &r)[1], ==, "breast_current_RF4");
  r = 0;
  g_assert_cmpstr (row_labelled (summary, "Area", &r)[1], ==, areas);
  steps = g_ptr_array_index (sheets, SHEET_PATHWAY);
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      GStrv row = row_at (steps, 4 + i);

      g_assert_cmpstr (row[3], ==, step->name);
      g_assert_cmpstr (row[0], ==, pc_phase_label (step->phase));
      g_assert_cmpstr (row[5], ==, pc_funding_label (step->funding));
      n_named += strcmp (row[0], step->phase) != 0;
    }
  g_assert_cmpuint (n_named, ==, pathway->steps->len);
  /* The totals by phase and funding stream keep the code beside the name. */
  r = 4 + pathway->steps->len;
  g_assert_cmpstr (row_labelled (steps, "Phase", &r)[3], ==, "Diagnosis (diagnosis)");
  r = 4 + pathway->steps->len;
  g_assert_cmpstr (row_labelled (steps, "Funding stream", &r)[3], ==,
                   "Public health (public_health)");
  g_assert_cmpuint (assert_recalculation_keeps_values (xlsx), >, 2000);
}

/* A sheet's manual column breaks (<colBreaks><brk …/>…). */
static guint
count_column_breaks (const char *xml)
{
  const char *breaks = strstr (xml, "<colBreaks");
  const char *end = breaks != NULL ? strstr (breaks, "</colBreaks>") : NULL;
  guint n = 0;

  for (const char *p = breaks; p != NULL && p < end && (p = strstr (p, "<brk ")) != NULL && p < end;
       p++)
    n++;
  return n;
}

/* In a Print_Titles name ("Sheet!$A:$B,Sheet!$1:$5"), the ":$" of its rows. */
static const char *
last_row_range (const char *titles)
{
  const char *end = strstr (titles, "</definedName>");
  const char *found = NULL;

  for (const char *p = titles; (p = strstr (p, ":$")) != NULL && p < end; p++)
    if (g_ascii_isdigit (p[2]))
      found = p;
  return found;
}

/* Workbook polish: every chart's value axis starts at zero (a 10% rise
 * must not look like a tripling); every sheet prints on A4 landscape, fit
 * to the page's width (a wide sheet in parts, a page wide each, its first
 * columns repeated), its titles repeated on every page and its wrapped
 * column header given the height to show its lines (LibreOffice does not
 * grow a row for wrapped text, so the header spilt over the figures). */
static void
test_print_and_charts (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *xlsx = export_sample (project, "breast_best_practice", dir, "polish.xlsx");
  g_autofree char *files = unpack (xlsx);
  g_autofree char *workbook = NULL;

  if (files == NULL)
    return;
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/charts/chart%u.xml", i);
      g_autofree char *chart = read_part (files, part);
      const char *axis = strstr (chart, "<c:valAx>");
      const char *end = axis != NULL ? strstr (axis, "</c:scaling>") : NULL;
      const char *min = axis != NULL ? strstr (axis, "<c:min val=\"0\"/>") : NULL;

      g_assert_nonnull (end);
      g_assert_nonnull (min);
      g_assert_true (min < end);
    }
  workbook = read_part (files, "xl/workbook.xml");
  for (guint i = 1; i <= N_SHEETS; i++)
    {
      g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *xml = read_part (files, part);
      g_autofree char *id = g_strdup_printf ("<definedName name=\"_xlnm.Print_Titles\" "
                                             "localSheetId=\"%u\">", i - 1);
      const char *titles = strstr (workbook, id);
      const char *setup = strstr (xml, "<pageSetup ");
      g_autofree char *tag = NULL;
      g_autofree char *row = NULL;
      g_autofree char *row_tag = NULL;
      const char *range;
      guint64 last;
      guint n_parts;

      g_assert_nonnull (strstr (xml, "<sheetPr><pageSetUpPr fitToPage=\"1\"/>"));
      g_assert_nonnull (setup);
      tag = g_strndup (setup, strchr (setup, '>') - setup);
      g_assert_nonnull (strstr (tag, "paperSize=\"9\""));
      g_assert_nonnull (strstr (tag, "orientation=\"landscape\""));
      g_assert_nonnull (strstr (tag, "fitToHeight=\"0\""));
      /* One page wide (OOXML's default, which libxlsxwriter leaves out),
       * or a page for each part of a wide sheet printed in parts. */
      n_parts = count_column_breaks (xml) + 1;
      /* The Projection's thirty columns: patients, cost by phase, by
       * funding stream, activity, each a part, never one page's width. */
      if (i == SHEET_PROJECTION + 1)
        g_assert_cmpuint (n_parts, >=, 3);
      if (n_parts == 1)
        g_assert_true (strstr (tag, "fitToWidth=") == NULL
                       || strstr (tag, "fitToWidth=\"1\"") != NULL);
      else
        {
          g_autofree char *width = g_strdup_printf ("fitToWidth=\"%u\"", n_parts);

          g_assert_nonnull (strstr (tag, width));
          /* Its first columns repeated on every part. */
          g_assert_nonnull (strstr (titles, "$A:$"));
        }
      g_assert_nonnull (titles);
      /* The rows repeated: the last ":$" before the name ends. */
      range = last_row_range (titles);
      g_assert_nonnull (range);
      last = g_ascii_strtoull (range + 2, NULL, 10);
      g_assert_cmpuint (last, >=, 2);
      if (last > 2)
        {
          row = g_strdup_printf ("<row r=\"%" G_GUINT64_FORMAT "\" ", last);
          range = strstr (xml, row);
          g_assert_nonnull (range);
          row_tag = g_strndup (range, strchr (range, '>') - range);
          range = strstr (row_tag, " ht=\"");
          g_assert_nonnull (range);
          g_assert_cmpfloat (g_ascii_strtod (range + 5, NULL), >=, 45.0);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/recalculation-keeps-values", test_recalculation_keeps_values);
  g_test_add_func ("/export/projection-equals-engine", test_projection_equals_engine);
  g_test_add_func ("/export/structure", test_structure);
  g_test_add_func ("/export/formula-like-text", test_formula_like_text);
  g_test_add_func ("/export/decimal-comma-locale", test_decimal_comma_locale);
  g_test_add_func ("/export/changed-input-follows-engine", test_changed_input_follows_engine);
  g_test_add_func ("/export/unwritable-path", test_unwritable_path);
  g_test_add_func ("/export/failure-keeps-old-file", test_failure_keeps_old_file);
  g_test_add_func ("/export/several-areas", test_several_areas);
  g_test_add_func ("/export/risk-notes-reach-sheet", test_risk_notes_reach_sheet);
  g_test_add_func ("/export/scenario-sheet", test_scenario_sheet);
  g_test_add_func ("/export/expected-cost-equals-cli", test_expected_cost_equals_cli);
  g_test_add_func ("/export/base-years-follow-cli", test_base_years_follow_cli);
  g_test_add_func ("/export/overlapping-windows-agree", test_overlapping_windows_agree);
  g_test_add_func ("/export/payback-equals-cli", test_payback_equals_cli);
  g_test_add_func ("/export/untouched-scenario-warns", test_untouched_scenario_warns);
  g_test_add_func ("/export/provider-gap-sign", test_provider_gap_sign);
  g_test_add_func ("/export/sources-sheet", test_sources_sheet);
  g_test_add_func ("/export/source-not-recorded", test_source_not_recorded);
  g_test_add_func ("/export/names-not-codes", test_names_not_codes);
  g_test_add_func ("/export/request-names-project", test_request_names_project);
  g_test_add_func ("/export/print-and-charts", test_print_and_charts);

  return g_test_run ();
}
