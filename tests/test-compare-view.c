/* test-compare-view.c: the business case in the window.  The Compare view
 * (Alt+7) of the sample's breast pathway under each scenario shows, to the
 * penny, what `pathcost-cli compare --json` gives on the saved file: each
 * year's baseline, scenario, difference and cumulative difference, the NPV
 * with its rate, the payback year and the activity moved; a scenario that
 * changes nothing in the pathway says so.  The Sensitivity view (Alt+8)
 * shows the one-way of `sensitivity --oneway --json` (also after a range
 * typed in, which undoes) and the PSA of `--psa N --seed S` with the same
 * seed; a long PSA is cancelled while the window keeps answering.  The
 * business case PDF holds the NPV and payback the window shows.
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
#include "pc-window.h"

#define PATHWAY "breast_current_RF4"
#define AREA    "QMF"

static char     *dir;
static char     *path;
static PcWindow *window;

static gboolean
view_is (gpointer name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (pc_window_get_compare_view (window)),
                                                                  ADW_TYPE_VIEW_STACK));

  return g_strcmp0 (adw_view_stack_get_visible_child_name (stack), name) == 0;
}

/* Alt+digit, as a user switches views. */
static void
show_view (guint keyval, const char *name)
{
  pc_test_key (GTK_WINDOW (window), keyval, GDK_ALT_MASK);
  pc_test_wait_until (view_is, (gpointer) name, 10, name);
}

static void
choose (PcCompareSelection *selection,
        const char         *scenario)
{
  pc_compare_selection_set_period (selection, 2026, 10);
  g_assert_true (pc_compare_selection_set_area (selection, AREA));
  g_assert_true (pc_compare_selection_set_scenario (selection, scenario));
  pc_test_wait_idle (5);
}

static void
assert_money (const char *shown, double expected)
{
  g_autofree char *text = pc_format_money (expected);

  g_assert_cmpstr (shown, ==, text);
}

static void
assert_comparison (PcCompareView *view, JsonObject *json)
{
  GtkGrid *table = pc_compare_view_get_table (view);
  GtkGrid *activity = pc_compare_view_get_activity_table (view);
  JsonArray *baseline = json_object_get_array_member (json_object_get_object_member (json, "baseline"), "years");
  JsonArray *scenario = json_object_get_array_member (json_object_get_object_member (json, "scenario"), "years");
  JsonArray *difference = json_object_get_array_member (json, "difference");
  JsonArray *cumulative = json_object_get_array_member (json, "cumulative");
  JsonArray *moved = json_object_get_array_member (json, "activity_difference");
  PcCompareChart *chart = pc_compare_view_get_chart (view);
  int column = 1;

  g_assert_cmpuint (json_array_get_length (baseline), ==, 10);
  g_assert_cmpuint (pc_compare_chart_get_n_years (chart), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      JsonObject *b = json_array_get_object_element (baseline, i);
      g_autofree char *year = pc_format_financial_year ((int) json_object_get_int_member (b, "year"));
      double chart_baseline, chart_scenario, chart_cumulative;

      g_assert_cmpstr (pc_grid_table_get_text (table, i + 1, 0), ==, year);
      assert_money (pc_grid_table_get_text (table, i + 1, 1), json_object_get_double_member (b, "cost"));
      assert_money (pc_grid_table_get_text (table, i + 1, 2),
                    json_object_get_double_member (json_array_get_object_element (scenario, i), "cost"));
      assert_money (pc_grid_table_get_text (table, i + 1, 3),
                    json_object_get_double_member (json_array_get_object_element (difference, i), "cost"));
      assert_money (pc_grid_table_get_text (table, i + 1, 4),
                    json_object_get_double_member (json_array_get_object_element (cumulative, i), "cost"));
      pc_compare_chart_get_year (chart, i, &chart_baseline, &chart_scenario, &chart_cumulative);
      pc_assert_close (chart_baseline, json_object_get_double_member (b, "cost"));
      pc_assert_close (chart_cumulative,
                       json_object_get_double_member (json_array_get_object_element (cumulative, i), "cost"));
    }
  assert_money (pc_compare_view_get_npv_text (view), json_object_get_double_member (json, "npv_difference"));
  g_assert_cmpstr (pc_compare_view_get_npv_caption (view), ==, "NPV of the difference at 3.5% a year");
  if (json_object_get_null_member (json, "payback_year"))
    g_assert_cmpstr (pc_compare_view_get_payback_text (view), ==, "None in these years");
  else
    {
      g_autofree char *payback = pc_format_financial_year ((int) json_object_get_int_member (json, "payback_year"));

      g_assert_cmpstr (pc_compare_view_get_payback_text (view), ==, payback);
    }

  /* Every activity the CLI says moves has its column, with each year's units. */
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < 10; i++)
        any = any || json_object_get_double_member (json_object_get_object_member (
                       json_array_get_object_element (moved, i), "activity"), pc_activity_to_string (a)) != 0.0;
      if (!any)
        continue;
      g_assert_cmpstr (pc_grid_table_get_text (activity, 0, column), ==, pc_activity_label (a));
      for (guint i = 0; i < 10; i++)
        {
          double units = json_object_get_double_member (json_object_get_object_member (
                           json_array_get_object_element (moved, i), "activity"), pc_activity_to_string (a));
          g_autofree char *text = pc_format_number (units, 2);

          g_assert_cmpstr (pc_grid_table_get_text (activity, i + 1, column), ==, text);
        }
      column++;
    }
  g_assert_null (pc_grid_table_get_text (activity, 0, column));
}

static void
test_compare (void)
{
  PcCompareView *view = pc_window_get_compare_view (window);
  const char *scenarios[] = { "enhanced_recovery_breast", "trastuzumab_at_home" };

  show_view (GDK_KEY_7, "compare");
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      g_autoptr(JsonNode) json = pc_test_cli_json ("compare", path, "--scenario", scenarios[s], "--area", AREA,
                                                   "--pathway", PATHWAY, "--from", "2026", "--years", "10", "--json",
                                                   NULL);

      choose (pc_compare_view_get_selection (view), scenarios[s]);
      g_test_message ("scenario %s", scenarios[s]);
      g_assert_null (pc_compare_view_get_warning (view));
      assert_comparison (view, json_node_get_object (json));
    }
  /* The enhanced recovery scenario releases bed days: the table says so. */
  choose (pc_compare_view_get_selection (view), "enhanced_recovery_breast");
  g_assert_cmpstr (pc_grid_table_get_text (pc_compare_view_get_activity_table (view), 0, 1), ==,
                   pc_activity_label (PC_ACTIVITY_BED_DAY));
  g_assert_true (g_str_has_prefix (pc_grid_table_get_text (pc_compare_view_get_activity_table (view), 1, 1), "-"));
}

static void
test_untouched (void)
{
  PcCompareView *view = pc_window_get_compare_view (window);
  g_autoptr(JsonNode) json = pc_test_cli_json ("compare", path, "--scenario", "earlier_lung_diagnosis", "--area",
                                               AREA, "--pathway", PATHWAY, "--from", "2026", "--years", "10",
                                               "--json", NULL);
  JsonArray *warnings = json_object_get_array_member (json_node_get_object (json), "warnings");

  choose (pc_compare_view_get_selection (view), "earlier_lung_diagnosis");
  g_assert_cmpuint (json_array_get_length (warnings), >=, 1);
  g_assert_nonnull (pc_compare_view_get_warning (view));
  g_assert_nonnull (strstr (pc_compare_view_get_warning (view), json_array_get_string_element (warnings, 0)));
  g_assert_nonnull (strstr (pc_compare_view_get_warning (view), "changes nothing"));
  assert_comparison (view, json_node_get_object (json));
}

static void
assert_one_way (PcSensitivityView *view, JsonObject *json)
{
  JsonArray *parameters = json_object_get_array_member (json, "parameters");
  const PcOneWay *one_way = pc_sensitivity_view_get_one_way (view);
  PcTornadoChart *tornado = pc_sensitivity_view_get_tornado (view);

  g_assert_nonnull (one_way);
  pc_assert_close (one_way->base_total, json_object_get_double_member (json, "base_total"));
  g_assert_cmpuint (one_way->parameters->len, ==, json_array_get_length (parameters));
  g_assert_cmpuint (pc_tornado_chart_get_n_bars (tornado), ==, MIN (12, one_way->parameters->len));
  for (guint i = 0; i < pc_tornado_chart_get_n_bars (tornado); i++)
    {
      JsonObject *p = json_array_get_object_element (parameters, i);
      const PcOneWayResult *shown = g_ptr_array_index (one_way->parameters, i);
      PcTornadoBar bar;

      pc_tornado_chart_get_bar (tornado, i, &bar);
      g_assert_cmpstr (shown->id, ==, json_object_get_string_member (p, "parameter"));
      pc_assert_close (bar.total_low, json_object_get_double_member (p, "total_low"));
      pc_assert_close (bar.total_high, json_object_get_double_member (p, "total_high"));
    }
}

static double
range_low (PcSensitivityView *view, const char *id)
{
  const PcOneWay *one_way = pc_sensitivity_view_get_one_way (view);

  for (guint i = 0; i < one_way->parameters->len; i++)
    {
      const PcOneWayResult *parameter = g_ptr_array_index (one_way->parameters, i);

      if (g_strcmp0 (parameter->id, id) == 0)
        return parameter->low;
    }
  g_assert_not_reached ();
}

/* The widget or what is inside it (an entry's text) has the keyboard. */
static gboolean
is_focus (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
is_expander (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_EXPANDER (widget);
}

static gboolean
one_way_ready (gpointer view)
{
  return !pc_sensitivity_view_is_computing (view) && pc_sensitivity_view_get_one_way (view) != NULL;
}

static void
test_one_way (void)
{
  PcSensitivityView *view = pc_window_get_sensitivity_view (window);
  PcDocument *document = pc_window_get_document (window);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *low;

  show_view (GDK_KEY_8, "sensitivity");
  choose (pc_sensitivity_view_get_selection (view), "enhanced_recovery_breast");
  pc_test_wait_until (one_way_ready, view, 30, "the one-way is shown");
  before = pc_test_cli_json ("sensitivity", path, "--scenario", "enhanced_recovery_breast", "--area", AREA,
                             "--pathway", PATHWAY, "--from", "2026", "--years", "10", "--oneway", "--json", NULL);
  assert_one_way (view, json_node_get_object (before));

  /* A range typed in: one undoable change, and the CLI on the saved file agrees. */
  low = pc_sensitivity_view_get_range_entry (view, "unit_cost:Mastectomy with axillary surgery", FALSE);
  g_assert_nonnull (low);
  gtk_expander_set_expanded (GTK_EXPANDER (pc_test_find_widget (GTK_WIDGET (view), is_expander, NULL)), TRUE);
  pc_test_wait_idle (5);
  gtk_widget_grab_focus (GTK_WIDGET (low));
  pc_test_wait_until (is_focus, low, 5, "the low entry has the focus");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (GTK_WINDOW (window), "2000");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  pc_test_wait_until (one_way_ready, view, 30, "the one-way is shown again");
  g_assert_cmpfloat (range_low (view, "unit_cost:Mastectomy with axillary surgery"), ==, 2000);
  g_assert_cmpstr (pc_history_get_undo_label (pc_document_get_history (document)), ==,
                   "Change Range of Unit cost of Mastectomy with axillary surgery");
  g_assert_true (pc_document_save (document, &error));
  g_assert_no_error (error);
  after = pc_test_cli_json ("sensitivity", path, "--scenario", "enhanced_recovery_breast", "--area", AREA,
                            "--pathway", PATHWAY, "--from", "2026", "--years", "10", "--oneway", "--json", NULL);
  assert_one_way (view, json_node_get_object (after));
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (after), "base_total"), ==,
                     json_object_get_double_member (json_node_get_object (before), "base_total"));

  /* Undone, the view is as before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pc_test_wait_idle (5);
  pc_test_wait_until (one_way_ready, view, 30, "the one-way is shown after undo");
  assert_one_way (view, json_node_get_object (before));
  g_assert_cmpfloat (range_low (view, "unit_cost:Mastectomy with axillary surgery"), !=, 2000);
}

static gboolean
psa_finished (gpointer view)
{
  return !pc_sensitivity_view_is_running (view);
}

static gboolean
psa_started (gpointer view)
{
  return pc_sensitivity_view_is_running (view);
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_spin_labelled (GtkWidget *widget, gconstpointer data)
{
  GtkWidget *label = gtk_widget_get_prev_sibling (widget);

  return GTK_IS_SPIN_BUTTON (widget) && GTK_IS_LABEL (label)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), data) == 0;
}

static GtkWidget *
find (PcTestWidgetMatch match, const char *label)
{
  GtkWidget *widget = pc_test_find_widget (GTK_WIDGET (pc_window_get_sensitivity_view (window)), match, label);

  g_assert_nonnull (widget);
  return widget;
}

/* Types @value into the spin button labelled @label, as a user does. */
static void
type_into_spin (const char *label, const char *value)
{
  GtkWidget *spin = find (is_spin_labelled, label);

  gtk_widget_grab_focus (spin);
  pc_test_wait_until (is_focus, spin, 5, "the spin has the focus");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (GTK_WINDOW (window), value);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  pc_test_wait_idle (5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, atoi (value));
}

static void
press_button (const char *label)
{
  GtkWidget *button = find (is_button_labelled, label);

  gtk_widget_grab_focus (button);
  pc_test_wait_until (is_focus, button, 5, label);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_space, 0);
}

static void
test_psa (void)
{
  PcSensitivityView *view = pc_window_get_sensitivity_view (window);
  g_autoptr(JsonNode) json = pc_test_cli_json ("sensitivity", path, "--scenario", "enhanced_recovery_breast",
                                               "--area", AREA, "--pathway", PATHWAY, "--from", "2026", "--years",
                                               "10", "--psa", "400", "--seed", "7", "--json", NULL);
  JsonObject *object = json_node_get_object (json);
  JsonArray *years = json_object_get_array_member (object, "years");
  PcFanChart *fan = pc_sensitivity_view_get_fan (view);
  JsonObject *total = json_object_get_object_member (object, "total");
  g_autofree char *mean = pc_format_money (json_object_get_double_member (total, "mean"));

  show_view (GDK_KEY_8, "sensitivity");
  choose (pc_sensitivity_view_get_selection (view), "enhanced_recovery_breast");
  type_into_spin ("R_uns", "400");
  type_into_spin ("S_eed", "7");
  press_button ("Ru_n");
  pc_test_wait_until (psa_finished, view, 60, "the PSA has finished");
  g_assert_nonnull (pc_sensitivity_view_get_psa (view));
  g_assert_cmpuint (pc_fan_chart_get_n_years (fan), ==, json_array_get_length (years));
  for (guint i = 0; i < pc_fan_chart_get_n_years (fan); i++)
    {
      JsonObject *year = json_array_get_object_element (years, i);
      double shown_mean, shown_low, shown_high;

      pc_fan_chart_get_year (fan, i, &shown_mean, &shown_low, &shown_high);
      pc_assert_close (shown_mean, json_object_get_double_member (year, "mean"));
      pc_assert_close (shown_low, json_object_get_double_member (year, "low"));
      pc_assert_close (shown_high, json_object_get_double_member (year, "high"));
    }
  g_assert_nonnull (strstr (pc_sensitivity_view_get_psa_text (view), mean));
  g_assert_nonnull (strstr (pc_sensitivity_view_get_psa_text (view), "400 runs, seed 7"));
}

static gboolean
some_runs_done (gpointer view)
{
  return g_str_has_prefix (pc_sensitivity_view_get_psa_text (view), "Running")
         && pc_sensitivity_view_is_running (view);
}

/* A million runs take many seconds: the window switches views while they
 * run, and Cancel stops them. */
static void
test_cancel (void)
{
  PcSensitivityView *view = pc_window_get_sensitivity_view (window);

  type_into_spin ("R_uns", "1000000");
  press_button ("Ru_n");
  pc_test_wait_until (psa_started, view, 10, "the PSA has started");
  pc_test_wait_until (some_runs_done, view, 10, "the PSA is running");
  show_view (GDK_KEY_7, "compare");
  show_view (GDK_KEY_8, "sensitivity");
  g_assert_true (pc_sensitivity_view_is_running (view));
  /* Run gave the keyboard to Cancel. */
  g_assert_true (is_focus (find (is_button_labelled, "_Cancel")));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_space, 0);
  pc_test_wait_until (psa_finished, view, 30, "the PSA has stopped");
  g_assert_true (g_str_has_prefix (pc_sensitivity_view_get_psa_text (view), "Cancelled after "));
  g_assert_null (pc_sensitivity_view_get_psa (view));
  g_assert_cmpuint (pc_fan_chart_get_n_years (pc_sensitivity_view_get_fan (view)), ==, 0);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} Written;

static void
written (GObject *source, GAsyncResult *result, gpointer data)
{
  Written *state = data;

  pc_compare_view_write_business_case_finish (PC_COMPARE_VIEW (source), result, &state->error);
  state->done = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
test_business_case (void)
{
  PcCompareView *view = pc_window_get_compare_view (window);
  g_autofree char *pdf = g_build_filename (dir, "case.pdf", NULL);
  g_autofree char *text_path = g_build_filename (dir, "case.txt", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *npv = NULL;
  g_autofree char *payback = NULL;
  g_autofree char *npv_line = NULL;
  Written state = { NULL, FALSE };
  const char *pdfinfo[] = { "pdfinfo", pdf, NULL };
  const char *pdftotext[] = { "pdftotext", "-layout", pdf, text_path, NULL };
  int status;

  show_view (GDK_KEY_7, "compare");
  choose (pc_compare_view_get_selection (view), "enhanced_recovery_breast");
  npv = g_strdup (pc_compare_view_get_npv_text (view));
  payback = g_strdup (pc_compare_view_get_payback_text (view));
  pc_compare_view_write_business_case (view, pdf, NULL, written, &state);
  pc_test_wait_until (is_true, &state.done, 60, "the business case is written");
  g_assert_no_error (state.error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL,
                               &status, NULL));
  g_test_message ("%s", info);
  g_assert_true (g_regex_match_simple ("Page size: +595.28 x 841.89 pts \\(A4\\)", info, 0, 0));
  g_assert_true (g_regex_match_simple ("Pages: +[3-6]\\n", info, 0, 0));
  g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  if (g_getenv ("PC_TEST_KEEP_PDF") != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (pdf);
      g_autoptr(GFile) to = g_file_new_for_path (g_getenv ("PC_TEST_KEEP_PDF"));

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  npv_line = g_strdup_printf ("NPV of the difference at 3.5%% a year: %s", npv);
  g_assert_nonnull (strstr (text, npv_line));
  g_assert_nonnull (strstr (text, payback));
  g_assert_nonnull (strstr (text, "Enhanced recovery nurse (0.2 WTE)"));
  g_assert_nonnull (strstr (text, "Sources of the data"));
  g_assert_nonnull (strstr (text, "How sure: everything at once"));
}

/* Each chart as PNG, SVG and PDF, titled with pathway, area, scenario and
 * the price year. */
static void
test_save_charts (void)
{
  PcCompareView *view = pc_window_get_compare_view (window);
  PcSensitivityView *sensitivity = pc_window_get_sensitivity_view (window);
  const char *extensions[] = { "png", "svg", "pdf" };
  const char *title;

  show_view (GDK_KEY_7, "compare");
  choose (pc_compare_view_get_selection (view), "trastuzumab_at_home");
  title = pc_compare_chart_get_title (pc_compare_view_get_chart (view));
  g_assert_nonnull (strstr (title, "Breast, current"));
  g_assert_nonnull (strstr (title, "NHS North East London Integrated Care Board (QMF)"));
  g_assert_nonnull (strstr (title, "trastuzumab_at_home"));
  g_assert_nonnull (strstr (title, "2025/26 prices"));
  g_assert_nonnull (strstr (pc_compare_chart_get_description (pc_compare_view_get_chart (view)),
                            "Pays back in 2026/27."));
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", extensions[i]);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_assert_true (pc_compare_chart_save (pc_compare_view_get_chart (view), file, 1600, 900, &error));
      g_assert_no_error (error);
      g_assert_true (pc_tornado_chart_save (pc_sensitivity_view_get_tornado (sensitivity), file, 1600, 900, &error));
      g_assert_no_error (error);
      bytes = pc_test_read_bytes (file);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    }
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, path);
  g_assert_null (pc_window_get_open_error (window));
  g_assert_true (pc_document_set_pathway_name (pc_window_get_document (window), PATHWAY, NULL));

  g_test_add_func ("/compare/figures", test_compare);
  g_test_add_func ("/compare/untouched", test_untouched);
  g_test_add_func ("/sensitivity/one-way", test_one_way);
  g_test_add_func ("/sensitivity/psa", test_psa);
  g_test_add_func ("/sensitivity/cancel", test_cancel);
  g_test_add_func ("/compare/business-case", test_business_case);
  g_test_add_func ("/compare/save-charts", test_save_charts);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_free (path);
  g_free (dir);
  return status;
}
