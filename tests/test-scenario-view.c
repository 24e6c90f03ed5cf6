/* test-scenario-view.c: pathways made, renamed and copied as a provider's
 * current one from the pathway list, and a scenario built through the
 * Scenarios page's editor (a stage shift, a step quantity, an investment
 * line), with real key events where the keyboard is the point; the saved
 * file's comparison from pathcost-cli is what the engine computes for
 * the changes entered.  One window serves every case, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "pc-pathway-editor-private.h"
#include "pc-pathway-summary.h"
#include "pc-scenario-choice.h"
#include "pc-scenario-editor-private.h"
#include "pc-scenario-view.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-window-private.h"

#define SCENARIO "earlier_breast"
#define AREA "E09000002"
#define PATHWAY "breast_best_practice"
#define STEP "Breast MRI"

static PcWindow *window;
static char *dir;
static char *path;

static PcDocument *
document (void)
{
  return pc_window_get_document (window);
}

static PcProject *
project (void)
{
  return pc_document_get_project (document ());
}

static gboolean
has_pathway (const char *name)
{
  g_auto(GStrv) names = pc_project_list_pathways (project (), NULL);

  return g_strv_contains ((const char * const *) names, name);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer unused)
{
  AdwMessageDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer unused)
{
  return find_dialog () == NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  pc_test_wait_until (dialog_shown, NULL, 10, "the dialog");
  pc_test_wait_idle (5);
  return find_dialog ();
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find (GtkWidget *root,
      GType      type)
{
  GtkWidget *found = pc_test_find_widget (root, is_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error")
         && gtk_widget_get_visible (widget);
}

/* The reason a dialog shows beside its refused name; NULL when none. */
static const char *
dialog_reason (AdwMessageDialog *dialog)
{
  GtkWidget *label = pc_test_find_widget (GTK_WIDGET (dialog), is_error_label, NULL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Replaces what the focused entry holds by @text, by keyboard. */
static void
retype (const char *text)
{
  GtkWindow *focus_window = GTK_WINDOW (find_dialog () != NULL ? GTK_WINDOW (find_dialog ()) : GTK_WINDOW (window));

  pc_test_key (focus_window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_key (focus_window, GDK_KEY_BackSpace, 0);
  pc_test_type (focus_window, text);
  pc_test_wait_idle (5);
}

static GtkListBoxRow *
pathway_row (const char *name)
{
  PcPathwayEditor *editor = window->pathway_editor;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (editor->pathway_list, i)) != NULL; i++)
    {
      g_autoptr(GObject) summary = g_list_model_get_item (G_LIST_MODEL (editor->pathways), i);

      if (g_strcmp0 (pc_pathway_summary_get_name ((PcPathwaySummary *) summary), name) == 0)
        return row;
    }
  g_error ("no row for pathway %s", name);
}

/* The pathway list's New: a name refused while it is taken, then made
 * with Return; it is the pathway shown. */
static void
test_new_pathway (void)
{
  AdwMessageDialog *dialog;

  pc_test_key (GTK_WINDOW (window), GDK_KEY_1, GDK_ALT_MASK);
  gtk_widget_grab_focus (GTK_WIDGET (pathway_row (PATHWAY)));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (dialog_reason (dialog), ==, "a pathway needs a name");
  retype (PATHWAY);
  g_assert_cmpstr (dialog_reason (dialog), ==, "the project already has a pathway named 'breast_best_practice'");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  retype ("breast_new");
  g_assert_null (dialog_reason (dialog));
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  g_assert_true (has_pathway ("breast_new"));
  g_assert_cmpstr (pc_document_get_pathway_name (document ()), ==, "breast_new");
  g_assert_cmpstr (gtk_label_get_text (window->pathway_editor->title_label), ==, "Breast, best practice · 0 steps");
}

/* F2 on the pathway's row renames it. */
static void
test_rename_pathway (void)
{
  AdwMessageDialog *dialog;

  gtk_widget_grab_focus (GTK_WIDGET (pathway_row ("breast_new")));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_F2, 0);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY))), ==, "breast_new");
  retype ("breast_renamed");
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  g_assert_false (has_pathway ("breast_new"));
  g_assert_true (has_pathway ("breast_renamed"));
  g_assert_cmpstr (pc_document_get_pathway_name (document ()), ==, "breast_renamed");
}

/* The sample's best-practice breast pathway duplicated as Barts Health's
 * current one: kind current, the provider, every step; undone and redone. */
static void
test_copy_as_current (void)
{
  AdwMessageDialog *dialog;
  g_autoptr(PcPathway) source = pc_project_load_pathway (project (), PATHWAY, NULL);
  g_autoptr(PcPathway) copy = NULL;
  GtkDropDown *provider;

  gtk_widget_grab_focus (GTK_WIDGET (pathway_row (PATHWAY)));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (dialog_reason (dialog), ==, "Choose the provider.");
  provider = GTK_DROP_DOWN (find (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_true (pc_choice_drop_down_set (provider, "R1H"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY))), ==,
                   "breast_current_R1H");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "ok"));
  g_assert_true (gtk_widget_grab_focus (find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)));
  pc_test_wait_idle (5);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)));
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");

  copy = pc_project_load_pathway (project (), "breast_current_R1H", NULL);
  g_assert_nonnull (copy);
  g_assert_cmpint (copy->kind, ==, PC_KIND_CURRENT);
  g_assert_cmpstr (copy->provider, ==, "R1H");
  g_assert_cmpstr (copy->site, ==, "breast");
  g_assert_cmpuint (copy->steps->len, ==, source->steps->len);
  g_assert_nonnull (strstr (gtk_label_get_text (window->pathway_editor->title_label),
                            "Breast, current: Barts Health NHS Trust (R1H)"));

  /* From the list: a text field would take Ctrl+Z for its own undo. */
  gtk_widget_grab_focus (GTK_WIDGET (pathway_row (PATHWAY)));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_assert_false (has_pathway ("breast_current_R1H"));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  pc_test_wait_idle (5);
  g_assert_true (has_pathway ("breast_current_R1H"));
  /* The rename before it is undone too, then redone. */
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_assert_true (has_pathway ("breast_new"));
  g_assert_false (has_pathway ("breast_renamed"));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_y, GDK_CONTROL_MASK);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_y, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_assert_true (has_pathway ("breast_renamed"));
  g_assert_true (has_pathway ("breast_current_R1H"));

  /* Return on a row shows its pathway (the undone rename took the shown one). */
  gtk_widget_grab_focus (GTK_WIDGET (pathway_row (PATHWAY)));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  g_assert_cmpstr (pc_document_get_pathway_name (document ()), ==, PATHWAY);
}

static PcScenarioEditor *
scenario_editor (void)
{
  return PC_SCENARIO_EDITOR (find (GTK_WIDGET (window->scenario_view), PC_TYPE_SCENARIO_EDITOR));
}

static guint
n_change_rows (PcScenarioEditor *editor)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (editor->changes)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Alt+6 and Ctrl+Shift+N: a new scenario, listed and selected. */
static void
test_new_scenario (void)
{
  AdwMessageDialog *dialog;

  pc_test_key (GTK_WINDOW (window), GDK_KEY_6, GDK_ALT_MASK);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "scenarios");
  gtk_widget_grab_focus (GTK_WIDGET (window->scenario_view));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_dialog ();
  retype ("trastuzumab_at_home");
  g_assert_cmpstr (dialog_reason (dialog), ==, "the project already has a scenario named 'trastuzumab_at_home'");
  retype (SCENARIO);
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  g_assert_cmpstr (pc_scenario_view_get_scenario (window->scenario_view), ==, SCENARIO);
  g_assert_cmpstr (pc_scenario_editor_get_scenario (scenario_editor ()), ==, SCENARIO);
}

/* The stage shift, a step quantity and an investment line, entered in the
 * editor; a refused share is marked with its reason and not saved. */
static void
test_build_scenario (void)
{
  PcScenarioEditor *editor = scenario_editor ();
  g_autofree char *refused = NULL;

  /* Move 20% of breast stage 3–4 patients to stages 1–2. */
  g_assert_true (pc_choice_drop_down_set (editor->mix_site, "breast"));
  gtk_widget_grab_focus (GTK_WIDGET (editor->shift_percent));
  retype ("20");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->shift_reason)));
  g_assert_cmpuint (n_change_rows (editor), ==, PC_N_STAGES);

  /* Half the MRI scans. */
  gtk_drop_down_set_selected (editor->parameter, PC_FORM_STEP_QUANTITY);
  g_assert_true (pc_choice_drop_down_set (editor->pathway, PATHWAY));
  g_assert_true (pc_choice_drop_down_set (editor->step, STEP));
  gtk_widget_grab_focus (GTK_WIDGET (editor->value));
  retype ("0.5");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  g_assert_cmpuint (n_change_rows (editor), ==, PC_N_STAGES + 1);

  /* A share of 1.5 is refused in place. */
  gtk_drop_down_set_selected (editor->parameter, PC_FORM_STEP_SHARE);
  g_assert_true (pc_choice_drop_down_set (editor->step, STEP));
  gtk_widget_grab_focus (GTK_WIDGET (editor->value));
  retype ("1.5");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->change_reason)));
  g_assert_cmpstr (gtk_label_get_text (editor->change_reason), ==, "step_share: 1.5 is not a share between 0 and 1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->value), "error"));
  refused = pc_test_query_text (project (), "SELECT count(*) FROM scenario_changes WHERE scenario = '"
                                SCENARIO "' AND parameter = 'step_share'");
  g_assert_cmpstr (refused, ==, "0");
  g_assert_cmpuint (n_change_rows (editor), ==, PC_N_STAGES + 1);

  /* The MRI capacity it needs: £25,000 a year, 2026 to 2030. */
  gtk_spin_button_set_value (editor->inv_first, 2026);
  gtk_spin_button_set_value (editor->inv_last, 2030);
  gtk_widget_grab_focus (GTK_WIDGET (editor->inv_name));
  retype ("MRI capacity");
  gtk_widget_grab_focus (GTK_WIDGET (editor->inv_cost));
  retype ("25,000");
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  pc_test_wait_idle (5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->investment_reason)));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (editor->investments)));
  /* It changes the breast pathway shown: no warning. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->warning)));
}

/* A scenario of the lung alone says it changes nothing in the breast
 * pathway shown, as the CLI's report does. */
static void
test_untouched_warning (void)
{
  PcScenarioEditor *editor = scenario_editor ();
  g_autofree char *expected = NULL;
  g_autoptr(PcScenario) lung = pc_project_load_scenario (project (), "earlier_lung_diagnosis", NULL);

  g_assert_true (pc_scenario_view_select (window->scenario_view, "earlier_lung_diagnosis"));
  pc_test_wait_idle (5);
  expected = pc_scenario_untouched_warning (lung, pc_document_get_pathway (document ()));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->warning)));
  g_assert_cmpstr (gtk_label_get_text (editor->warning), ==, expected);
  g_assert_true (pc_scenario_view_select (window->scenario_view, SCENARIO));
  pc_test_wait_idle (5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->warning)));
}

/* Delete on a change's row removes it; Ctrl+Z brings it back. */
static void
test_delete_change_by_key (void)
{
  PcScenarioEditor *editor = scenario_editor ();
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (editor->changes));

  gtk_widget_grab_focus (last);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Delete, 0);
  pc_test_wait_idle (5);
  g_assert_cmpuint (n_change_rows (editor), ==, PC_N_STAGES);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_assert_cmpuint (n_change_rows (editor), ==, PC_N_STAGES + 1);
}

/* What the engine computes for the changes as entered. */
static PcScenario *
expected_scenario (PcProject *saved)
{
  PcScenario *scenario = pc_scenario_new (SCENARIO);
  double mix[PC_N_STAGES];

  /* No scenario of this name: the site's own shares. */
  g_assert_true (pc_project_get_scenario_stage_mix (saved, "no such scenario", "breast", mix, NULL));
  pc_scenario_add_stage_shift (scenario, "breast", mix, 0.2, PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2);
  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_QUANTITY, NULL, PATHWAY, STEP, -1, 0.5);
  pc_scenario_add_investment (scenario, "MRI capacity", 2026, 2030, 25000, "icb", NULL, NULL);
  return scenario;
}

static void
assert_saved_changes (PcProject  *saved,
                      PcScenario *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcScenario) loaded = pc_project_load_scenario (saved, SCENARIO, &error);
  const PcInvestment *line;

  g_assert_no_error (error);
  g_assert_cmpuint (loaded->overrides->len, ==, expected->overrides->len);
  for (guint i = 0; i < expected->overrides->len; i++)
    {
      const PcOverride *want = g_ptr_array_index (expected->overrides, i);
      gboolean found = FALSE;

      for (guint j = 0; j < loaded->overrides->len; j++)
        {
          const PcOverride *got = g_ptr_array_index (loaded->overrides, j);

          if (got->parameter == want->parameter && got->stage == want->stage
              && g_strcmp0 (got->site, want->site) == 0 && g_strcmp0 (got->step, want->step) == 0
              && g_strcmp0 (got->pathway, want->pathway) == 0)
            {
              g_assert_cmpfloat (got->value, ==, want->value);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (loaded->investments->len, ==, 1);
  line = g_ptr_array_index (loaded->investments, 0);
  g_assert_cmpstr (line->name, ==, "MRI capacity");
  g_assert_cmpint (line->first_year, ==, 2026);
  g_assert_cmpint (line->last_year, ==, 2030);
  g_assert_cmpfloat (line->cost_per_year, ==, 25000);
  g_assert_cmpstr (line->funding, ==, "icb");
  g_assert_null (line->site);
  g_assert_null (line->pathway);
}

static JsonObject *
cli_compare (JsonParser *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = pc_test_run_cli (&out, &err, "compare", path, "--scenario", SCENARIO, "--area", AREA,
                                "--pathway", PATHWAY, "--from", "2026", "--years", "10", "--json", NULL);

  if (status != 0)
    g_error ("pathcost-cli compare failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  return json_node_get_object (json_parser_get_root (parser));
}

/* Saved with Ctrl+S, the file's comparison is the engine's for the
 * changes entered, year by year, and its changes are those entered. */
static void
test_saved_comparison (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PcProject) saved = NULL;
  g_autoptr(PcScenario) expected = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(PcPathway) changed = NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  g_autoptr(PcProjectionInput) changed_input = NULL;
  g_autoptr(PcProjection) baseline = NULL;
  g_autoptr(PcProjection) projected = NULL;
  g_autoptr(PcComparison) comparison = NULL;
  const char *areas[] = { AREA, NULL };
  JsonObject *json;
  JsonArray *difference;

  pc_test_key (GTK_WINDOW (window), GDK_KEY_s, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_assert_false (pc_document_get_dirty (document ()));

  saved = pc_test_open_project (path, TRUE);
  expected = expected_scenario (saved);
  assert_saved_changes (saved, expected);
  pathway = pc_project_load_pathway (saved, PATHWAY, NULL);
  input = pc_project_load_projection_input (saved, "breast", areas, 2026, 10, NULL);
  changed = pc_pathway_copy (pathway);
  changed_input = pc_projection_input_copy (input);
  g_assert_true (pc_scenario_apply (expected, changed, changed_input, NULL));
  baseline = pc_projection_compute (pathway, input);
  projected = pc_projection_compute (changed, changed_input);
  comparison = pc_comparison_compute (baseline, projected, input->discount_rate);

  json = cli_compare (parser);
  pc_assert_close (json_object_get_double_member (json, "npv_difference"), comparison->npv_difference);
  difference = json_object_get_array_member (json, "difference");
  g_assert_cmpuint (json_array_get_length (difference), ==, comparison->n_years);
  for (guint i = 0; i < comparison->n_years; i++)
    {
      JsonObject *year = json_array_get_object_element (difference, i);

      g_assert_cmpint (json_object_get_int_member (year, "year"), ==, comparison->years[i].year);
      pc_assert_close (json_object_get_double_member (year, "cost"), comparison->years[i].difference);
    }
  /* The changes make a difference: the test could fail. */
  g_assert_cmpfloat (fabs (comparison->npv_difference), >, 1000);
}

/* The keyboard on the selected scenario's row of the list. */
static void
focus_scenario_list (void)
{
  GtkListBox *list = GTK_LIST_BOX (find (GTK_WIDGET (window->scenario_view), GTK_TYPE_LIST_BOX));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (list))));
}

/* F2 renames the scenario, Ctrl+Shift+C duplicates it; Ctrl+Z undoes. */
static void
test_rename_duplicate_scenario (void)
{
  AdwMessageDialog *dialog;
  g_auto(GStrv) names = NULL;

  focus_scenario_list ();
  pc_test_key (GTK_WINDOW (window), GDK_KEY_F2, 0);
  dialog = wait_for_dialog ();
  retype ("earlier_breast_diagnosis");
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  g_assert_cmpstr (pc_scenario_view_get_scenario (window->scenario_view), ==, "earlier_breast_diagnosis");
  focus_scenario_list ();
  pc_test_key (GTK_WINDOW (window), GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_dialog ();
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  names = pc_project_list_scenarios (project (), NULL);
  g_assert_true (g_strv_contains ((const char * const *) names, "earlier_breast_diagnosis_copy"));
  g_assert_false (g_strv_contains ((const char * const *) names, SCENARIO));
  focus_scenario_list ();
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_strfreev (names);
  names = pc_project_list_scenarios (project (), NULL);
  g_assert_true (g_strv_contains ((const char * const *) names, SCENARIO));
  g_assert_false (g_strv_contains ((const char * const *) names, "earlier_breast_diagnosis_copy"));

  /* Delete on the list's row asks, then deletes; Ctrl+Z brings it back. */
  g_assert_true (pc_scenario_view_select (window->scenario_view, SCENARIO));
  focus_scenario_list ();
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Delete, 0);
  dialog = wait_for_dialog ();
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (dialog_gone, NULL, 10, "the dialog to close");
  g_strfreev (names);
  names = pc_project_list_scenarios (project (), NULL);
  g_assert_false (g_strv_contains ((const char * const *) names, SCENARIO));
  focus_scenario_list ();
  pc_test_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  pc_test_wait_idle (5);
  g_strfreev (names);
  names = pc_project_list_scenarios (project (), NULL);
  g_assert_true (g_strv_contains ((const char * const *) names, SCENARIO));
}

static void
test_finalize (void)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, path);
  g_assert_nonnull (pc_window_get_document (window));
  pc_test_wait_idle (10);

  g_test_add_func ("/scenario-view/new-pathway", test_new_pathway);
  g_test_add_func ("/scenario-view/rename-pathway", test_rename_pathway);
  g_test_add_func ("/scenario-view/copy-as-current", test_copy_as_current);
  g_test_add_func ("/scenario-view/new-scenario", test_new_scenario);
  g_test_add_func ("/scenario-view/build-scenario", test_build_scenario);
  g_test_add_func ("/scenario-view/untouched-warning", test_untouched_warning);
  g_test_add_func ("/scenario-view/delete-change-by-key", test_delete_change_by_key);
  g_test_add_func ("/scenario-view/saved-comparison", test_saved_comparison);
  g_test_add_func ("/scenario-view/rename-duplicate", test_rename_duplicate_scenario);
  g_test_add_func ("/scenario-view/finalize", test_finalize);
  status = g_test_run ();
  g_free (path);
  g_free (dir);
  return status;
}
