/* test-presentation.c: presentation mode as a workshop uses it on a
 * 1024×768 projector: F5 enters it (full screen style, no editing
 * chrome, the projection's chart first with the levers beside it), the
 * stage-shift lever moved with the arrow keys shows the change from the
 * baseline that pathcost-cli compare gives for the same scenario kept in
 * the file, Keep as Scenario is undone by Ctrl+Z, Reset shows the
 * baseline's report again, and Escape leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "pc-format.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-test-window.h"
#include "pc-window.h"

#define PATHWAY "breast_best_practice"

typedef PcTestWindow Fixture;

static gboolean
is_presenting (gpointer window)
{
  return pc_window_get_presenting (window);
}

static gboolean
is_not_presenting (gpointer window)
{
  return !pc_window_get_presenting (window);
}

static gboolean
shows_change (gpointer view)
{
  return pc_projection_view_get_change (view, FALSE) != NULL;
}

static gboolean
shows_no_change (gpointer view)
{
  return pc_projection_view_get_change (view, FALSE) == NULL;
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
press_button (Fixture    *fixture,
              const char *label)
{
  PcLeverPanel *panel = pc_projection_view_get_lever_panel (pc_window_get_projection_view (fixture->window));
  GtkWidget *button = pc_test_find_widget (GTK_WIDGET (panel), is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_space, 0);
}

static gboolean
scenario_kept (gpointer data)
{
  Fixture *fixture = data;
  PcLeverPanel *panel = pc_projection_view_get_lever_panel (pc_window_get_projection_view (fixture->window));

  return pc_lever_panel_get_status (panel) != NULL;
}

static gboolean
has_scenario (PcDocument *document,
              const char *name)
{
  g_auto(GStrv) names = pc_project_list_scenarios (pc_document_get_project (document), NULL);

  return names != NULL && g_strv_contains ((const char * const *) names, name);
}

static gboolean
scenario_gone (gpointer document)
{
  return !has_scenario (document, "Workshop 1");
}

/* Σ of compare's yearly differences, as the window sums them. */
static double
cli_change (JsonObject *compare)
{
  JsonArray *difference = json_object_get_array_member (compare, "difference");
  double change = 0;

  for (guint y = 0; y < json_array_get_length (difference); y++)
    change += json_object_get_double_member (json_array_get_object_element (difference, y), "cost");
  return change;
}

static void
test_present_levers_keep_reset (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  PcLeverPanel *panel = pc_projection_view_get_lever_panel (view);
  PcDocument *document = pc_window_get_document (fixture->window);
  GtkWidget *shift = pc_lever_panel_get_shift_scale (panel);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) compare = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *expected_change = NULL;
  g_autofree char *expected_npv = NULL;
  g_autofree char *expected_total = NULL;
  g_autofree char *shown_change = NULL;
  g_autofree char *shown_npv = NULL;

  /* F5, as a presenter presses it, from the pathway editor. */
  pc_window_show_view (fixture->window, "pathway");
  pc_test_wait_idle (5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)) && gtk_widget_is_drawable (GTK_WIDGET (panel)));
  pc_test_key (window, GDK_KEY_F5, 0);
  pc_test_wait_until (is_presenting, fixture->window, 10, "presentation mode");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "pc-presentation"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_visible (pc_test_window_child (fixture, "save_button")));
  g_assert_false (gtk_widget_get_visible (pc_test_window_child (fixture, "undo_box")));
  g_assert_false (gtk_widget_get_visible (pc_test_window_child (fixture, "export_button")));
  pc_test_wait_idle (5);
  g_assert_true (gtk_widget_is_drawable (shift));
  g_assert_null (pc_projection_view_get_change (view, FALSE));

  /* Four presses of → move 4 × 5% = 20% of stage 3–4 patients. */
  g_assert_true (gtk_widget_grab_focus (shift));
  for (int i = 0; i < 4; i++)
    pc_test_key (window, GDK_KEY_Right, 0);

  pc_test_wait_until (shows_change, view, 10, "the change from the baseline");
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (GTK_RANGE (shift)), 0.20, 1e-9);
  shown_change = g_strdup (pc_projection_view_get_change (view, FALSE));
  shown_npv = g_strdup (pc_projection_view_get_change (view, TRUE));

  /* Kept as a scenario and saved, the CLI compares the same thing. */
  press_button (fixture, "_Keep as Scenario");
  pc_test_wait_until (scenario_kept, fixture, 10, "the scenario to be kept");
  g_assert_true (has_scenario (document, "Workshop 1"));
  g_assert_true (pc_document_save (document, &error));
  g_assert_no_error (error);
  compare = pc_test_cli_json ("compare", fixture->path, "--scenario", "Workshop 1", "--area", "QMF", "--pathway",
                              PATHWAY, "--from", "2026", "--years", "10", "--json", NULL);
  expected_change = pc_format_money (cli_change (json_node_get_object (compare)));
  expected_npv = pc_format_money (json_object_get_double_member (json_node_get_object (compare), "npv_difference"));
  g_test_message ("change shown %s, CLI %s; NPV shown %s, CLI %s", shown_change, expected_change, shown_npv,
                  expected_npv);
  g_assert_cmpstr (shown_change, ==, expected_change);
  g_assert_cmpstr (shown_npv, ==, expected_npv);
  /* Earlier diagnosis changes the cost: a lever that did nothing fails. */
  g_assert_cmpstr (shown_change, !=, "£0.00");

  /* Ctrl+Z takes the kept scenario back. */
  pc_test_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_until (scenario_gone, document, 10, "the kept scenario to be undone");

  /* Reset: the baseline's figures, as report gives them. */
  press_button (fixture, "_Reset");
  pc_test_wait_until (shows_no_change, view, 10, "the baseline");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (shift)), ==, 0.0);
  report = pc_test_cli_json ("report", fixture->path, "--area", "QMF", "--pathway", PATHWAY, "--from", "2026",
                             "--years", "10", "--json", NULL);
  expected_total = pc_format_money (json_object_get_double_member (json_node_get_object (report), "total_cost"));
  g_assert_cmpstr (pc_projection_view_get_total (view), ==, expected_total);

  /* Escape leaves, back to the editor it started from. */
  pc_test_key (window, GDK_KEY_Escape, 0);
  pc_test_wait_until (is_not_presenting, fixture->window, 10, "presentation mode to end");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "pc-presentation"));
  g_assert_true (gtk_widget_get_visible (pc_test_window_child (fixture, "save_button")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pc_window_get_pathway_editor (fixture->window))));
}

/* The header's button enters it too; presenting fits the projector at 1×
 * and 1.5× text; and it leaves no lever behind: leaving resets them, so
 * the projection is the baseline again. */
static void
test_button_and_leaving_resets (Fixture *fixture, gconstpointer data)
{
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  GtkWidget *shift = pc_lever_panel_get_shift_scale (pc_projection_view_get_lever_panel (view));
  GtkWidget *button = pc_test_window_child (fixture, "present_button");

  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  pc_test_wait_until (is_presenting, fixture->window, 10, "presentation mode");

  /* Large type and the levers still fit a 1024-pixel projector, with the
   * desktop's text at 1.5× too. */
  for (int scale = 2; scale <= 3; scale++)
    {
      int minimum;

      g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", scale * 48 * 1024, NULL);
      pc_test_wait_idle (30);
      gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("presenting at %.1fx text: the window's minimum width is %d px", scale / 2.0, minimum);
      g_assert_cmpint (minimum, <=, 1024);
    }
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);

  gtk_range_set_value (GTK_RANGE (shift), 0.5);
  pc_test_wait_until (shows_change, view, 10, "the change from the baseline");
  g_signal_emit_by_name (button, "clicked");
  pc_test_wait_until (is_not_presenting, fixture->window, 10, "presentation mode to end");
  g_assert_null (pc_projection_view_get_change (view, FALSE));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (shift)), ==, 0.0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/presentation/levers-keep-reset", Fixture, NULL, pc_test_window_set_up_projector,
              test_present_levers_keep_reset, pc_test_window_tear_down);
  g_test_add ("/presentation/button-and-leaving", Fixture, NULL, pc_test_window_set_up_projector,
              test_button_and_leaving_resets, pc_test_window_tear_down);
  return g_test_run ();
}
