/* test-activity-view.c: the Activity page as a user meets it: import the
 * sample extract in the window (replacing the project's activity), open
 * each view and find in it the figures pathcost-cli gives for the saved
 * file; a cancelled import leaves the file byte-identical; Apply unit
 * costs is undone by Undo; a risk's notes typed in the view are saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-test-window.h"
#include "pc-window.h"

typedef PcTestWindow Fixture;

static char *
sample_extract (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "sample", "activity.csv", NULL);
}

static JsonArray *
member_array (JsonNode *root, const char *name)
{
  return json_object_get_array_member (json_node_get_object (root), name);
}

static void
activate (Fixture *fixture, const char *action)
{
  g_autofree char *name = g_strconcat ("win.", action, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), name, NULL));
}

static PcActivityView *
activity_view (Fixture *fixture)
{
  return pc_window_get_activity_view (fixture->window);
}

/* Shows a page of the Activity view through the window's action, as the
 * switcher does, and lets it draw. */
static void
show (Fixture *fixture, const char *page)
{
  g_autofree char *target = g_strconcat ("activity/", page, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", target));
  g_assert_cmpstr (pc_activity_view_get_shown (activity_view (fixture)), ==, page);
  pc_test_wait_idle (10);
}

/* Import */

static gboolean
import_toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return pc_window_get_import_toast (fixture->window) != NULL;
}

static guint64
count_lines (const char *path)
{
  g_autofree char *text = NULL;
  guint64 lines = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *c = text; *c != '\0'; c++)
    lines += *c == '\n';
  return lines;
}

/* The sample extract, as a user imports it: the file, then the question
 * (the project holds activity: add or replace), Replace. */
static void
import_sample_replacing (Fixture *fixture)
{
  g_autofree char *extract = sample_extract ();
  g_autofree char *rows = pc_format_number ((double) (count_lines (extract) - 1), 0);
  g_autofree char *expected = g_strdup_printf ("%s activity rows replaced the project’s", rows);
  AdwMessageDialog *dialog;

  pc_window_import_file (fixture->window, extract);
  pc_test_wait_until (pc_test_window_dialog_shown, fixture, 5, "the question of append or replace");
  dialog = pc_test_window_dialog (fixture);
  g_assert_true (adw_message_dialog_has_response (dialog, "append"));
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  /* What the Replace button does: answer, then close. */
  adw_message_dialog_response (dialog, "replace");
  gtk_window_close (GTK_WINDOW (dialog));
  pc_test_wait_until (import_toast_shown, fixture, 60, "the import's toast");
  g_assert_cmpstr (adw_toast_get_title (pc_window_get_import_toast (fixture->window)), ==, expected);
}

/* Flows */

static const char *
heading_text (GtkGrid *grid, int column)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, 0);

  if (GTK_IS_BUTTON (cell))
    cell = gtk_button_get_child (GTK_BUTTON (cell));
  return GTK_IS_LABEL (cell) ? gtk_label_get_text (GTK_LABEL (cell)) : NULL;
}

/* Every cell of the flows matrix, and its totals, against --flows. */
static void
assert_flows (Fixture *fixture, PcProject *project, JsonArray *flows, gboolean money)
{
  GtkGrid *grid = pc_flows_view_get_grid (pc_activity_view_get_flows (activity_view (fixture)));
  g_autoptr(GHashTable) providers = pc_project_load_provider_names (project, NULL);
  int n_columns = 0, n_rows = 0;
  double total = 0;
  guint checked = 0;

  while (heading_text (grid, n_columns + 1) != NULL)
    n_columns++;
  while (pc_grid_table_get_text (grid, n_rows + 1, 0) != NULL)
    n_rows++;
  g_assert_cmpint (n_columns, ==, 4);   /* three providers and the total */
  for (guint i = 0; i < json_array_get_length (flows); i++)
    {
      JsonObject *flow = json_array_get_object_element (flows, i);
      g_autofree char *area = pc_project_get_area_name (project, json_object_get_string_member (flow, "area"));
      const char *provider = g_hash_table_lookup (providers, json_object_get_string_member (flow, "provider"));
      double value = money ? json_object_get_double_member (flow, "cost")
                           : (double) json_object_get_int_member (flow, "patients");
      g_autofree char *text = money ? pc_format_money (value) : pc_format_number (value, 0);
      int row = 1, column = 1;

      while (g_strcmp0 (pc_grid_table_get_text (grid, row, 0), area) != 0)
        g_assert_cmpint (++row, <=, n_rows);
      while (g_strcmp0 (heading_text (grid, column), provider) != 0)
        g_assert_cmpint (++column, <=, n_columns);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, column), ==, text);
      total += value;
      checked++;
    }
  g_assert_cmpuint (checked, ==, 9);
  {
    g_autofree char *text = money ? pc_format_money (total) : pc_format_number (total, 0);

    g_assert_cmpstr (pc_grid_table_get_text (grid, n_rows, 0), ==, "Total");
    g_assert_cmpstr (pc_grid_table_get_text (grid, n_rows, n_columns), ==, text);
  }
}

static void
test_flows (Fixture *fixture, PcProject *project)
{
  g_autoptr(JsonNode) flows = pc_test_cli_json ("activity", fixture->path, "--flows", "--json", NULL);
  PcFlowsView *view = pc_activity_view_get_flows (activity_view (fixture));
  GtkGrid *grid = pc_flows_view_get_grid (view);
  g_autofree char *first = NULL;

  show (fixture, "flows");
  assert_flows (fixture, project, member_array (flows, "flows"), FALSE);
  pc_flows_view_set_measure (view, PC_FLOWS_COST);
  assert_flows (fixture, project, member_array (flows, "flows"), TRUE);
  /* Sorting by the total puts the largest row first: the headings sort. */
  gtk_widget_activate (gtk_grid_get_child_at (grid, 4, 0));
  first = g_strdup (pc_grid_table_get_text (grid, 1, 4));
  for (int row = 2; g_strcmp0 (pc_grid_table_get_text (grid, row + 1, 0), NULL) != 0; row++)
    g_assert_cmpint (strlen (pc_grid_table_get_text (grid, row, 4)), <=, strlen (first));
  assert_flows (fixture, project, member_array (flows, "flows"), TRUE);
}

/* Actual cost per patient */

static void
test_costs (Fixture *fixture)
{
  g_autoptr(JsonNode) costs = pc_test_cli_json ("activity", fixture->path, "--costs", "--json", NULL);
  g_autoptr(JsonNode) report = pc_test_cli_json ("report", fixture->path, "--area", "QMF", "--pathway",
                                                 "breast_best_practice", "--from", "2026", "--years", "1", "--json",
                                                 NULL);
  JsonObject *expected = json_object_get_object_member (json_object_get_object_member (json_node_get_object (report), "pathway"),
                                                        "expected_cost_per_patient");
  PcActualCostView *view = pc_activity_view_get_costs (activity_view (fixture));
  GtkGrid *grid = pc_actual_cost_view_get_grid (view);
  JsonArray *rows = member_array (costs, "costs");
  int row = 1;

  show (fixture, "costs");
  g_assert_true (pc_actual_cost_view_choose (view, "breast", NULL));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *cost = json_array_get_object_element (rows, i);
      const char *stage = json_object_get_string_member (cost, "stage");
      g_autofree char *patients = pc_format_number (json_object_get_int_member (cost, "patients"), 0);
      g_autofree char *mean = pc_format_money (json_object_get_double_member (cost, "mean"));
      g_autofree char *q1 = pc_format_money (json_object_get_double_member (cost, "q1"));
      g_autofree char *median = pc_format_money (json_object_get_double_member (cost, "median"));
      g_autofree char *q3 = pc_format_money (json_object_get_double_member (cost, "q3"));
      g_autofree char *e = pc_format_money (json_object_get_double_member (expected, stage));
      PcStage s;

      if (g_strcmp0 (json_object_get_string_member (cost, "site"), "breast") != 0)
        continue;
      g_assert_true (pc_stage_from_string (stage, &s));
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 1), ==, pc_stage_label (s));
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 2), ==, patients);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 3), ==, mean);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 4), ==, q1);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 5), ==, median);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 6), ==, q3);
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 7), ==, e);
      row++;
    }
  g_assert_cmpint (row, >, 10);
  g_assert_null (pc_grid_table_get_text (grid, row, 0));
  g_assert_cmpuint (pc_box_plot_get_n_items (pc_actual_cost_view_get_plot (view)), ==, (guint) row - 1);
  {
    g_autofree char *described = pc_box_plot_describe (pc_actual_cost_view_get_plot (view));

    g_assert_nonnull (strstr (described, "Barts Health NHS Trust, Stage 1: "));
  }
}

/* Compliance */

static int
find_row (GtkGrid *grid, const char *first_cell)
{
  for (int row = 1; pc_grid_table_get_text (grid, row, 0) != NULL; row++)
    if (g_strcmp0 (pc_grid_table_get_text (grid, row, 0), first_cell) == 0)
      return row;
  g_error ("no row “%s”", first_cell);
}

static void
test_compliance (Fixture *fixture)
{
  g_autoptr(JsonNode) compliance = pc_test_cli_json ("activity", fixture->path, "--compliance",
                                                     "breast_best_practice", "--provider", "RF4", "--json", NULL);
  PcComplianceView *view = pc_activity_view_get_compliance (activity_view (fixture));
  GtkGrid *grid = pc_compliance_view_get_grid (view);
  JsonArray *steps = member_array (compliance, "steps");
  guint not_measurable = 0, shortfalls = 0;

  show (fixture, "compliance");
  g_assert_true (pc_compliance_view_choose (view, "breast_best_practice", "RF4"));
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);
      int offset = (int) json_object_get_int_member (step, "offset");
      double expected = json_object_get_double_member (step, "expected_share");
      g_autofree char *title = offset > 0 ? g_strdup_printf ("%s (year %d)", json_object_get_string_member (step, "step"), offset + 1)
                                          : g_strdup (json_object_get_string_member (step, "step"));
      PcStage stage;
      const char *shown;

      if (expected == 0 && json_object_get_int_member (step, "patients") == 0)
        continue;
      g_assert_true (pc_stage_from_string (json_object_get_string_member (step, "stage"), &stage));
      shown = pc_grid_table_get_text (grid, find_row (grid, title), (int) stage + 1);
      if (!json_object_get_boolean_member (step, "measurable"))
        {
          g_assert_cmpstr (shown, ==, "not measurable");
          not_measurable++;
        }
      else if (!json_object_get_null_member (step, "actual_share"))
        {
          double actual = json_object_get_double_member (step, "actual_share");
          g_autofree char *text = fabs (expected * 100 - round (expected * 100)) < 1e-9
                                  ? g_strdup_printf ("%.1f%% of %.0f%%", actual * 100, expected * 100)
                                  : g_strdup_printf ("%.1f%% of %.1f%%", actual * 100, expected * 100);

          g_assert_nonnull (strstr (shown, text));
          /* The sample's tolerance: 10 percentage points. */
          g_assert_cmpint (g_str_has_prefix (shown, "⚠"), ==, actual < expected - 0.10);
          shortfalls += actual < expected - 0.10;
        }
    }
  g_assert_cmpuint (not_measurable, >, 0);
  g_assert_cmpuint (shortfalls, >, 0);
}

/* Unit costs and Apply */

static char *
provider_costs_in_file (const char *path)
{
  g_autoptr(PcProject) project = pc_test_open_project (path, TRUE);

  return pc_test_query_text (project, "SELECT group_concat (coalesce (provider_unit_cost, 'none'), ';') FROM "
                                      "(SELECT provider_unit_cost FROM pathway_steps "
                                      " WHERE pathway = 'breast_current_RF4' ORDER BY position)");
}

static void
test_unit_costs (Fixture *fixture)
{
  g_autoptr(JsonNode) costs = pc_test_cli_json ("activity", fixture->path, "--unit-costs", "--provider", "RF4",
                                                "--json", NULL);
  PcUnitCostView *view = pc_activity_view_get_unit_costs (activity_view (fixture));
  GtkGrid *grid = pc_unit_cost_view_get_grid (view);
  JsonArray *rows = member_array (costs, "unit_costs");
  g_autofree char *before = provider_costs_in_file (fixture->path);
  g_autoptr(GPtrArray) now_before = g_ptr_array_new_with_free_func (g_free);
  int n_rows = 0;
  guint compared = 0;

  show (fixture, "unit-costs");
  g_assert_true (pc_unit_cost_view_choose (view, "RF4", "breast_current_RF4"));
  while (pc_grid_table_get_text (grid, n_rows + 1, 0) != NULL)
    {
      n_rows++;
      g_ptr_array_add (now_before, g_strdup (pc_grid_table_get_text (grid, n_rows, 7)));
    }
  g_assert_cmpint (n_rows, >, 5);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *cost = json_array_get_object_element (rows, i);
      g_autofree char *mean = pc_format_money (json_object_get_double_member (cost, "mean_unit_cost"));
      g_autofree char *records = pc_format_number (json_object_get_int_member (cost, "records"), 0);

      for (int row = 1; row <= n_rows; row++)
        if (g_strcmp0 (pc_grid_table_get_text (grid, row, 1), json_object_get_string_member (cost, "hrg")) == 0)
          {
            g_assert_cmpstr (pc_grid_table_get_text (grid, row, 2), ==, records);
            g_assert_cmpstr (pc_grid_table_get_text (grid, row, 4), ==, mean);
            compared++;
          }
    }
  g_assert_cmpuint (compared, >, 5);

  /* Apply: each step with a mean cost now holds it; Undo takes all back. */
  g_assert_true (pc_unit_cost_view_apply (view));
  pc_test_wait_idle (10);
  for (int row = 1; row <= n_rows; row++)
    if (g_strcmp0 (pc_grid_table_get_text (grid, row, 4), "—") != 0)
      g_assert_cmpstr (pc_grid_table_get_text (grid, row, 7), ==, pc_grid_table_get_text (grid, row, 4));
  activate (fixture, "save");
  {
    g_autofree char *applied = provider_costs_in_file (fixture->path);

    g_assert_cmpstr (applied, !=, before);
  }
  activate (fixture, "undo");
  pc_test_wait_idle (10);
  for (int row = 1; row <= n_rows; row++)
    g_assert_cmpstr (pc_grid_table_get_text (grid, row, 7), ==, g_ptr_array_index (now_before, row - 1));
  activate (fixture, "save");
  {
    g_autofree char *undone = provider_costs_in_file (fixture->path);

    g_assert_cmpstr (undone, ==, before);
  }
}

/* The risk register */

static void
type_into (Fixture *fixture, GtkWidget *field, const char *text)
{
  g_assert_true (gtk_widget_grab_focus (field));
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_BackSpace, 0);
  pc_test_type (GTK_WINDOW (fixture->window), text);
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_Return, 0);
  pc_test_wait_idle (10);
}

static JsonObject *
cli_first_risk (Fixture *fixture, JsonNode **keep)
{
  *keep = pc_test_cli_json ("activity", fixture->path, "--risks", "--json", NULL);
  return json_array_get_object_element (member_array (*keep, "risks"), 0);
}

static void
test_risks (Fixture *fixture)
{
  g_autoptr(JsonNode) risks = pc_test_cli_json ("activity", fixture->path, "--risks", "--json", NULL);
  PcRiskView *view = pc_activity_view_get_risks (activity_view (fixture));
  g_autoptr(JsonNode) saved = NULL, undone = NULL;
  JsonObject *first = json_array_get_object_element (member_array (risks, "risks"), 0);
  g_autofree char *provider = g_strdup (json_object_get_string_member (first, "provider"));
  JsonObject *entry;
  guint of_provider = 0;

  show (fixture, "risks");
  g_assert_cmpuint (pc_risk_view_get_n_shown (view), ==, json_array_get_length (member_array (risks, "risks")));
  g_assert_nonnull (strstr (pc_risk_view_get_reason (view, 0), json_object_get_string_member (first, "step")));

  type_into (fixture, pc_risk_view_get_field (view, 0, PC_RISK_NOTE_OWNER), "Jane Smith");
  type_into (fixture, pc_risk_view_get_field (view, 0, PC_RISK_NOTE_ACTION), "Audit the referrals");
  type_into (fixture, pc_risk_view_get_field (view, 0, PC_RISK_NOTE_DUE), "2027-02-30");
  g_assert_nonnull (pc_risk_view_get_error (view));
  g_assert_nonnull (strstr (pc_risk_view_get_error (view), "due"));
  type_into (fixture, pc_risk_view_get_field (view, 0, PC_RISK_NOTE_DUE), "2027-01-31");
  g_assert_null (pc_risk_view_get_error (view));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pc_risk_view_get_field (view, 0, PC_RISK_NOTE_STATUS)), 1);
  activate (fixture, "save");
  entry = cli_first_risk (fixture, &saved);
  g_assert_cmpstr (json_object_get_string_member (entry, "owner"), ==, "Jane Smith");
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "Audit the referrals");
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "in progress");
  g_assert_cmpstr (json_object_get_string_member (entry, "due"), ==, "2027-01-31");

  /* The filters: "in progress" holds the one entry; a provider its own. */
  pc_risk_view_filter (view, "in progress", NULL, NULL);
  g_assert_cmpuint (pc_risk_view_get_n_shown (view), ==, 1);
  pc_risk_view_filter (view, NULL, provider, NULL);
  for (guint i = 0; i < json_array_get_length (member_array (risks, "risks")); i++)
    of_provider += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (member_array (risks, "risks"), i),
                                                             "provider"), provider) == 0;
  g_assert_cmpuint (pc_risk_view_get_n_shown (view), ==, of_provider);
  pc_risk_view_filter (view, NULL, NULL, "cost");
  for (guint i = 0; i < pc_risk_view_get_n_shown (view); i++)
    g_assert_nonnull (strstr (pc_risk_view_get_reason (view, i), "a unit against tariff × MFF"));
  pc_risk_view_filter (view, NULL, NULL, NULL);

  /* Undo takes the status back, in the view and in the file. */
  activate (fixture, "undo");
  pc_test_wait_idle (10);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (
                     GTK_DROP_DOWN (pc_risk_view_get_field (view, 0, PC_RISK_NOTE_STATUS)))), ==, "open");
  activate (fixture, "save");
  entry = cli_first_risk (fixture, &undone);
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (entry, "owner"), ==, "Jane Smith");
}

static void
test_import_and_views (Fixture *fixture, gconstpointer data)
{
  g_autoptr(PcProject) project = NULL;

  show (fixture, "flows");
  g_assert_false (pc_activity_view_is_empty (activity_view (fixture)));
  import_sample_replacing (fixture);
  activate (fixture, "save");
  project = pc_test_open_project (fixture->path, TRUE);
  test_flows (fixture, project);
  test_costs (fixture);
  test_compliance (fixture);
  test_unit_costs (fixture);
  test_risks (fixture);
}

/* A project without activity offers the import; after one, the views. */
static void
test_empty_state (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *extract = sample_extract ();

  fixture.dir = pc_test_make_tmp_dir ();
  fixture.path = pc_test_copy_sample (fixture.dir);
  {
    /* An extract of no rows replaces the sample's: no activity. */
    g_autofree char *none = pc_test_write_file (fixture.dir, "activity.csv",
                                                "patient,provider,area,site,stage,date,hrg,activity,quantity,cost,tariff_paid\n");

    g_assert_cmpint (pc_test_run_cli (NULL, NULL, "import", fixture.path, "activity", none, "--replace", NULL), ==, 0);
  }
  pc_test_window_open (&fixture, PC_TEST_DESKTOP_WIDTH, PC_TEST_SCREEN_HEIGHT);
  show (&fixture, "flows");
  g_assert_true (pc_activity_view_is_empty (activity_view (&fixture)));
  pc_window_import_with_flags (fixture.window, PC_IMPORT_ACTIVITY, extract, NULL, PC_IMPORT_DEFAULT,
                               pc_test_on_job_done, &result);
  pc_test_wait_until (pc_test_job_done, &result, 60, "the import to finish");
  g_assert_true (pc_window_job_finish (fixture.window, result, &error));
  g_assert_no_error (error);
  pc_test_wait_idle (10);
  g_assert_false (pc_activity_view_is_empty (activity_view (&fixture)));
  /* The task holds the window. */
  g_clear_object (&result);
  pc_test_window_tear_down (&fixture, NULL);
}

/* The sample extract @copies times over, each copy's patients their own:
 * an import long enough to be watched and cancelled half way. */
static char *
write_long_extract (const char *dir,
                    guint       copies)
{
  g_autofree char *sample = sample_extract ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char *path = g_build_filename (dir, "activity-long.csv", NULL);

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_string_append_printf (out, "%s\n", lines[0]);
  for (guint c = 0; c < copies; c++)
    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
      g_string_append_printf (out, "C%u%s\n", c, lines[i]);
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  return path;
}

static gboolean
rows_read_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PC_TYPE_WINDOW,
                                                             "progress_label"));
  const char *text = gtk_label_get_text (label);

  return strstr (text, " rows read, ") != NULL && strstr (text, "about 0 rows") == NULL;
}

/* While it runs, the import says how many rows it has read and how long
 * it has left; Cancel then leaves the project as it was: the file and the
 * working copy the window edits, byte for byte, and nothing to undo. */
static void
test_cancel (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = pc_window_get_document (fixture->window);
  const char *working = pc_project_get_path (pc_document_get_project (document));
  g_autoptr(GBytes) file_before = pc_test_read_bytes (fixture->path);
  g_autoptr(GBytes) working_before = pc_test_read_bytes (working);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *extract = write_long_extract (fixture->dir, 12);
  g_autoptr(GBytes) file_after = NULL, working_after = NULL;
  GtkWidget *cancel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PC_TYPE_WINDOW,
                                                                "progress_cancel_button"));

  g_assert_cmpstr (working, !=, fixture->path);
  show (fixture, "flows");
  g_assert_false (gtk_widget_get_visible (cancel));
  pc_window_import_with_flags (fixture->window, PC_IMPORT_ACTIVITY, extract, NULL, PC_IMPORT_REPLACE,
                               pc_test_on_job_done, &result);
  g_assert_true (gtk_widget_get_visible (cancel));
  pc_test_wait_until (rows_read_shown, fixture, 120, "the rows read");
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                     PC_TYPE_WINDOW, "progress_label"))));
  /* The button's action, as a click gives it. */
  g_assert_true (gtk_widget_activate_action (cancel, "win.cancel-job", NULL));
  pc_test_wait_until (pc_test_job_done, &result, 120, "the import to stop");
  g_assert_false (pc_window_job_finish (fixture->window, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gtk_widget_get_visible (cancel));
  g_assert_null (pc_test_window_dialog (fixture));
  g_assert_false (pc_document_get_dirty (document));
  g_assert_false (pc_activity_view_is_empty (activity_view (fixture)));
  file_after = pc_test_read_bytes (fixture->path);
  working_after = pc_test_read_bytes (working);
  g_assert_true (g_bytes_equal (file_before, file_after));
  g_assert_true (g_bytes_equal (working_before, working_after));
  {
    gboolean can_undo = TRUE;

    g_object_get (pc_document_get_history (document), "can-undo", &can_undo, NULL);
    g_assert_false (can_undo);
  }
}

/* A bad extract is refused with the problems listed as every import
 * lists them, file, line and column, and changes nothing. */
static void
test_bad_extract (Fixture *fixture, gconstpointer data)
{
  PcDocument *document = pc_window_get_document (fixture->window);
  const char *working = pc_project_get_path (pc_document_get_project (document));
  g_autoptr(GBytes) before = pc_test_read_bytes (working);
  g_autofree char *bad = pc_test_write_file (fixture->dir, "activity-q3.csv",
                                             "patient,provider,area,site,stage,date,hrg,activity,quantity,cost,tariff_paid\n"
                                             "B1,RQX,E09000026,breast,2,2024-04-09,WF02B,outpatient,1,387.63,346.92\n"
                                             "B2,RQX,E09000026,breast,2,2024-02-30,WF02B,outpatient,1,387.63,346.92\n");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  GStrv problems;

  pc_window_import_with_flags (fixture->window, PC_IMPORT_ACTIVITY, bad, NULL, PC_IMPORT_DEFAULT,
                               pc_test_on_job_done, &result);
  pc_test_wait_until (pc_test_job_done, &result, 60, "the import to fail");
  g_assert_false (pc_window_job_finish (fixture->window, result, &error));
  problems = pc_window_get_import_problems (fixture->window);
  g_assert_nonnull (problems);
  g_assert_nonnull (problems[0]);
  g_assert_nonnull (strstr (problems[0], "activity-q3.csv, line 3, column 6 (date)"));
  pc_test_wait_until (pc_test_window_dialog_shown, fixture, 5, "the problems");
  gtk_window_close (GTK_WINDOW (pc_test_window_dialog (fixture)));
  after = pc_test_read_bytes (working);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (pc_document_get_dirty (document));
}

static gboolean
is_unit_costs_note (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), "Activity ▸ Unit Costs") != NULL;
}

/* The Costing view's note on provider costs leads to where they are
 * applied: its link opens the Activity page's unit costs. */
static void
test_costing_note (Fixture *fixture, gconstpointer data)
{
  GtkWidget *costing = GTK_WIDGET (pc_window_get_costing_view (fixture->window));
  GtkWidget *note;
  gboolean handled = FALSE;

  pc_window_show_view (fixture->window, "costing");
  pc_test_wait_idle (10);
  note = pc_test_find_widget (costing, is_unit_costs_note, NULL);
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_focusable (note));
  g_signal_emit_by_name (note, "activate-link", "unit-costs", &handled);
  g_assert_true (handled);
  pc_test_wait_idle (10);
  g_assert_cmpstr (pc_activity_view_get_shown (activity_view (fixture)), ==, "unit-costs");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pc_activity_view_get_unit_costs (activity_view (fixture)))));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/activity-view/import-and-views", Fixture, NULL, pc_test_window_set_up_desktop, test_import_and_views,
              pc_test_window_tear_down);
  g_test_add ("/activity-view/cancel", Fixture, NULL, pc_test_window_set_up_desktop, test_cancel,
              pc_test_window_tear_down);
  g_test_add ("/activity-view/bad-extract", Fixture, NULL, pc_test_window_set_up_desktop, test_bad_extract,
              pc_test_window_tear_down);
  g_test_add_func ("/activity-view/empty-state", test_empty_state);
  g_test_add ("/activity-view/costing-note", Fixture, NULL, pc_test_window_set_up_desktop, test_costing_note,
              pc_test_window_tear_down);
  return g_test_run ();
}
