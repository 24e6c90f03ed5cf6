/* test-window.c: the window as a new user meets it: open the sample, change
 * a step's quantity, see the cost per patient and the projection change,
 * undo, export the workbook, save, reopen; every figure shown must equal
 * pathcost-cli's report on the saved file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pc-format.h"
#include "pc-pathway-editor-private.h"
#include "pc-step-row.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-test-window.h"
#include "pc-window.h"

#define PATHWAY "breast_best_practice"

typedef PcTestWindow Fixture;

/* The report pathcost-cli gives for what the window shows by default. */
static JsonObject *
cli_report (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* No area ticked means every area: the sample's ICB, QMF. */
  g_assert_cmpint (pc_test_run_cli (&out, &err, "report", path, "--area", "QMF", "--pathway", PATHWAY,
                                    "--from", "2026", "--years", "10", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The pathway's headline, the expected cost per patient diagnosed, at
 * @stage ("all" for all stages), as the CLI reports it. */
static char *
cli_expected_cost (JsonObject *report, const char *stage)
{
  JsonObject *expected = json_object_get_object_member (json_object_get_object_member (report, "pathway"),
                                                        "expected_cost_per_patient");

  return pc_format_money (json_object_get_double_member (expected, stage));
}

/* The row of the costing view's phase table that holds the pathway's E. */
static guint
costing_total_row (PcCostingView *view)
{
  guint row = 1;

  while (g_strcmp0 (pc_costing_view_get_cell (view, PC_COSTING_TABLE_PHASE, row, 0), "All") != 0)
    {
      g_assert_nonnull (pc_costing_view_get_cell (view, PC_COSTING_TABLE_PHASE, row, 0));
      row++;
    }
  return row;
}

static const char *
shown_total (Fixture *fixture)
{
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);

  /* Column 2 of the year table is the cost; the total is in the heading. */
  return pc_projection_view_get_cell (view, 1, 2);
}

/* Everything the window shows equals the CLI's report on @path. */
static void
assert_matches_cli (Fixture *fixture, const char *path)
{
  g_autoptr(JsonObject) report = cli_report (path);
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  const PcProjection *projection = pc_projection_view_get_projection (pc_window_get_projection_view (fixture->window));
  JsonArray *years = json_object_get_array_member (report, "years");
  PcCostingView *costing = pc_window_get_costing_view (fixture->window);
  guint total_row = costing_total_row (costing);
  const char *stages[] = { "1", "2", "3", "4", "unknown", "all" };

  /* The headline per stage and over all stages, to the penny, in the
   * editor's footer and the costing view's table. */
  for (guint s = 0; s <= PC_N_STAGES; s++)
    {
      g_autofree char *expected = cli_expected_cost (report, stages[s]);

      g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, s), ==, expected);
      g_assert_cmpstr (pc_costing_view_get_cell (costing, PC_COSTING_TABLE_PHASE, total_row, s + 1), ==, expected);
    }
  g_assert_nonnull (projection);
  g_assert_cmpuint (projection->n_years, ==, json_array_get_length (years));
  for (guint y = 0; y < projection->n_years; y++)
    {
      JsonObject *year = json_array_get_object_element (years, y);
      g_autofree char *expected = pc_format_money (json_object_get_double_member (year, "cost"));

      g_assert_cmpstr (pc_projection_view_get_cell (pc_window_get_projection_view (fixture->window), y + 1, 2),
                       ==, expected);
    }
  {
    g_autofree char *total = pc_format_money (json_object_get_double_member (report, "total_cost"));
    g_autofree char *shown = pc_format_money (projection->total_cost);

    g_assert_cmpstr (shown, ==, total);
  }
  {
    g_autofree char *npv = pc_format_money (json_object_get_double_member (report, "npv"));
    g_autofree char *shown = pc_format_money (projection->npv);

    g_assert_cmpstr (shown, ==, npv);
  }
}

static gboolean
chart_drawn_since (gpointer data)
{
  gpointer *pair = data;

  return pc_chart_get_draw_count (pair[0]) > GPOINTER_TO_SIZE (pair[1]);
}

static void
wait_for_redraw (PcChart *chart, guint64 before)
{
  gpointer pair[2] = { chart, GSIZE_TO_POINTER (before) };

  pc_test_wait_until (chart_drawn_since, pair, 20, "the chart to be drawn again");
}

static void
activate (Fixture *fixture, const char *action)
{
  g_autofree char *name = g_strconcat ("win.", action, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), name, NULL));
}

static gboolean
is_dirty (Fixture *fixture)
{
  return pc_document_get_dirty (pc_window_get_document (fixture->window));
}

/* The flow of the issue, end to end. */
static void
test_edit_undo_save_reopen (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  PcChart *chart = pc_projection_view_get_cost_chart (pc_window_get_projection_view (fixture->window));
  g_autofree char *stage_1_before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_autofree char *total_before = g_strdup (shown_total (fixture));
  g_autofree char *stage_1_after = NULL;
  g_autofree char *total_after = NULL;
  guint64 draws;

  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "sample.pathcost"));
  assert_matches_cli (fixture, fixture->path);
  pc_window_show_view (fixture->window, "projection");
  wait_for_redraw (chart, 0);

  /* Step 1 is the screening clinic; three visits instead of one. */
  draws = pc_chart_get_draw_count (chart);
  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "3"));
  stage_1_after = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  total_after = g_strdup (shown_total (fixture));
  g_assert_cmpstr (stage_1_after, !=, stage_1_before);
  g_assert_cmpstr (total_after, !=, total_before);
  wait_for_redraw (chart, draws);
  g_assert_true (is_dirty (fixture));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "• sample.pathcost"));

  /* Undo and redo, through the window's actions. */
  activate (fixture, "undo");
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, stage_1_before);
  g_assert_cmpstr (shown_total (fixture), ==, total_before);
  g_assert_false (is_dirty (fixture));
  activate (fixture, "redo");
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, stage_1_after);
  g_assert_cmpstr (shown_total (fixture), ==, total_after);

  /* Save: the file now reports what the window shows. */
  activate (fixture, "save");
  g_assert_false (is_dirty (fixture));
  assert_matches_cli (fixture, fixture->path);

  /* Reopen in a fresh window: the same figures. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  fixture->window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  pc_window_open (fixture->window, fixture->path);
  editor = pc_window_get_pathway_editor (fixture->window);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, stage_1_after);
  g_assert_cmpstr (shown_total (fixture), ==, total_after);
  assert_matches_cli (fixture, fixture->path);
}

/* A value typed but not yet saved goes into the file on Save. */
static void
test_save_commits_typing (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autofree char *typed_cost = NULL;

  g_assert_true (pc_pathway_editor_type (editor, 0, PC_STEP_FIELD_QUANTITY, "6"));
  typed_cost = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_assert_false (is_dirty (fixture));
  activate (fixture, "save");
  g_assert_false (is_dirty (fixture));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, typed_cost);
  assert_matches_cli (fixture, fixture->path);
}

/* Figures follow the typing before the cell is left; Escape drops it. */
static void
test_preview_while_typing (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autofree char *before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_autofree char *total_before = g_strdup (shown_total (fixture));

  g_assert_true (pc_pathway_editor_type (editor, 0, PC_STEP_FIELD_QUANTITY, "10"));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, before);
  g_assert_cmpstr (shown_total (fixture), !=, total_before);
  g_assert_false (is_dirty (fixture));
  pc_pathway_editor_revert (editor, 0, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
  g_assert_cmpstr (shown_total (fixture), ==, total_before);
}

/* A refused value stays refused with its reason: nothing clamped, saved
 * or undoable. */
static void
test_invalid_value_is_marked (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autofree char *before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  gboolean can_undo = TRUE;

  g_assert_false (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "-2"));
  g_assert_nonnull (pc_pathway_editor_get_error (editor));
  g_assert_nonnull (strstr (pc_pathway_editor_get_error (editor), "quantity"));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
  g_assert_false (is_dirty (fixture));
  g_object_get (pc_document_get_history (pc_window_get_document (fixture->window)), "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);

  g_assert_false (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_TARIFF_CODE, "ZZ99Z"));
  g_assert_nonnull (strstr (pc_pathway_editor_get_error (editor), "ZZ99Z"));
  g_assert_false (is_dirty (fixture));
  {
    /* Both refusals stay on the row, so the cells show them marked. */
    g_autoptr(PcStepRow) row = g_list_model_get_item (pc_pathway_editor_get_rows (editor), 0);
    g_autofree char *typed = pc_step_row_get_text (row, PC_STEP_FIELD_QUANTITY);

    g_assert_cmpstr (typed, ==, "-2");
    g_assert_nonnull (pc_step_row_get_error (row, PC_STEP_FIELD_QUANTITY));
    g_assert_nonnull (strstr (pc_step_row_get_error (row, PC_STEP_FIELD_TARIFF_CODE), "ZZ99Z"));

    /* Saving another step does not wipe what is being corrected here. */
    g_assert_true (pc_pathway_editor_enter (editor, 1, PC_STEP_FIELD_QUANTITY, "2"));
    g_clear_pointer (&typed, g_free);
    typed = pc_step_row_get_text (row, PC_STEP_FIELD_QUANTITY);
    g_assert_cmpstr (typed, ==, "-2");
    g_assert_nonnull (pc_step_row_get_error (row, PC_STEP_FIELD_QUANTITY));
  }
}

/* Add, duplicate, move and delete steps; each one undoable. */
static void
test_step_actions (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  GListModel *rows = pc_pathway_editor_get_rows (editor);
  guint n = g_list_model_get_n_items (rows);
  g_autofree char *before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));

  pc_pathway_editor_select (editor, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.duplicate-step", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n + 1);
  g_assert_cmpuint (pc_pathway_editor_get_selected (editor), ==, 1);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.move-down", "i", 1));
  g_assert_cmpuint (pc_pathway_editor_get_selected (editor), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-step", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n + 1);

  for (guint i = 0; i < 4; i++)
    activate (fixture, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
  g_assert_false (is_dirty (fixture));
}

static gboolean
run_job (Fixture *fixture, gboolean import, PcImportKind kind, const char *path, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (import)
    pc_window_import (fixture->window, kind, path, pc_test_on_job_done, &result);
  else
    pc_window_export (fixture->window, path, pc_test_on_job_done, &result);
  pc_test_wait_until (pc_test_job_done, &result, 20, "the import to finish");
  return pc_window_job_finish (fixture->window, result, error);
}

/* The export writes the workbook for what the projection view shows. */
static void
test_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "negotiation.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (run_job (fixture, FALSE, 0, out, &error));
  g_assert_no_error (error);
  bytes = pc_test_read_bytes (out);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 10000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 2, "PK", 2);
}

/* A bad file changes nothing and lists where it is wrong; a good one
 * changes the figures and can be undone. */
static void
test_import (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autofree char *before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_autofree char *bad = pc_test_write_file (fixture->dir, "tariffs.csv",
                                             "code,description,unit,price,year\n"
                                             "WF02B,Clinic,attendance,lots,2019\n");
  g_autofree char *good = NULL;
  g_autoptr(GError) error = NULL;
  GStrv problems;

  g_assert_false (run_job (fixture, TRUE, PC_IMPORT_TARIFFS, bad, &error));
  g_assert_nonnull (error);
  problems = pc_window_get_import_problems (fixture->window);
  g_assert_nonnull (problems);
  g_assert_nonnull (problems[0]);
  g_assert_nonnull (strstr (problems[0], "line 2"));
  g_assert_nonnull (strstr (problems[0], "price"));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
  g_assert_false (is_dirty (fixture));
  g_clear_error (&error);

  good = pc_test_write_file (fixture->dir, "tariffs.csv",
                             "code,description,unit,price,year\n"
                             "WF02B,Clinic,attendance,1000,2019\n");
  g_assert_true (run_job (fixture, TRUE, PC_IMPORT_TARIFFS, good, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, before);
  activate (fixture, "undo");
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
}

static gboolean
import_toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return pc_window_get_import_toast (fixture->window) != NULL;
}

/* The newest import record of @kind in pathcost-cli sources --json. */
static JsonObject *
cli_last_source (const char *path, const char *kind)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *sources;

  g_assert_cmpint (pc_test_run_cli (&out, &err, "sources", path, "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  sources = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (g_strcmp0 (json_object_get_string_member (source, "kind"), kind) == 0)
        return json_object_ref (source);
    }
  g_assert_not_reached ();
}

#define NEW_SOURCE "NHS Payment Scheme 2026/27, March 2026"

/* A file whose name does not say its kind ("bad_tariffs.csv") is known by
 * its header; the window asks where the figures come from, prefilled from
 * the last tariffs import; Return imports and records what was typed with
 * the file's SHA-256; the toast says what changed and its Undo undoes it. */
static void
test_import_source (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autofree char *before = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  const char *csv = "code,description,unit,price,year\nWF02B,Clinic,attendance,1000,2019\n";
  g_autofree char *path = pc_test_write_file (fixture->dir, "bad_tariffs.csv", csv);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv, -1);
  g_autoptr(JsonObject) last = cli_last_source (fixture->path, "tariffs");
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  AdwToast *toast;

  pc_window_import_file (fixture->window, path);
  pc_test_wait_until (pc_test_window_dialog_shown, fixture, 5, "the question of the source");
  dialog = pc_test_window_dialog (fixture);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, json_object_get_string_member (last, "source"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Tariffs"));

  /* Replace the suggestion with the keyboard, then Return. */
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_BackSpace, 0);
  pc_test_type (GTK_WINDOW (dialog), NEW_SOURCE);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, NEW_SOURCE);
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  pc_test_wait_until (import_toast_shown, fixture, 20, "the import's toast");
  g_assert_true (pc_test_window_dialog_gone (fixture));

  toast = pc_window_get_import_toast (fixture->window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "1 row of Tariffs imported");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, before);

  activate (fixture, "save");
  {
    g_autoptr(JsonObject) record = cli_last_source (fixture->path, "tariffs");

    g_assert_cmpstr (json_object_get_string_member (record, "source"), ==, NEW_SOURCE);
    g_assert_cmpstr (json_object_get_string_member (record, "sha256"), ==, sha256);
    g_assert_cmpstr (json_object_get_string_member (record, "file"), ==, "bad_tariffs.csv");
  }

  /* The toast's button: its action, as the button would activate it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), adw_toast_get_action_name (toast), NULL));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, before);
}

/* Escape at the question imports nothing; a header of no kind says which
 * kinds there are. */
static void
test_import_escape (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = pc_test_write_file (fixture->dir, "prices.csv",
                                              "code,description,unit,price,year\nWF02B,Clinic,attendance,1000,2019\n");
  g_autofree char *odd = pc_test_write_file (fixture->dir, "odd.csv", "colour,size\nred,3\n");
  AdwMessageDialog *dialog;

  pc_window_import_file (fixture->window, path);
  pc_test_wait_until (pc_test_window_dialog_shown, fixture, 5, "the question of the source");
  dialog = pc_test_window_dialog (fixture);
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0);
  pc_test_wait_until (pc_test_window_dialog_gone, fixture, 5, "the question to close");
  pc_test_wait_idle (5);
  g_assert_null (pc_window_get_import_toast (fixture->window));
  g_assert_false (is_dirty (fixture));

  pc_window_import_file (fixture->window, odd);
  pc_test_wait_until (pc_test_window_dialog_shown, fixture, 5, "the error");
  dialog = pc_test_window_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing was imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "population_ons"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "area_groups"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (is_dirty (fixture));
}

/* A scenario changes the projection as pathcost-cli report --scenario does,
 * and so do the areas and years chosen. */
static void
test_scenario_and_period (Fixture *fixture, gconstpointer data)
{
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *baseline = pc_format_money (pc_projection_view_get_projection (view)->total_cost);
  const char *areas[] = { "E09000016", NULL };
  PcWorkbookRequest request;

  pc_projection_view_set_areas (view, areas);
  pc_projection_view_set_period (view, 2027, 5);
  pc_projection_view_set_scenario (view, "enhanced_recovery_breast");
  g_assert_cmpint (pc_test_run_cli (&out, &err, "report", fixture->path, "--area", "E09000016", "--pathway", PATHWAY,
                                    "--from", "2027", "--years", "5", "--scenario", "enhanced_recovery_breast",
                                    "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  report = json_node_get_object (json_parser_get_root (parser));
  expected = pc_format_money (json_object_get_double_member (report, "total_cost"));
  shown = pc_format_money (pc_projection_view_get_projection (view)->total_cost);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (shown, !=, baseline);
  g_assert_cmpstr (pc_projection_view_get_cell (view, 1, 0), ==, "2027/28");
  g_assert_null (pc_projection_view_get_cell (view, 6, 0));

  /* A lung scenario on the breast pathway changes nothing there: the window
   * says so beside the scenario's name, as the CLI warns. */
  pc_projection_view_set_scenario (view, "earlier_lung_diagnosis");
  g_assert_cmpstr (pc_projection_view_get_scenario_warning (view), ==, "Changes nothing in this pathway");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pc_test_run_cli (NULL, &err, "report", fixture->path, "--area", "E09000016", "--pathway", PATHWAY,
                                    "--from", "2027", "--years", "5", "--scenario", "earlier_lung_diagnosis",
                                    "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "changes nothing"));

  /* Home trastuzumab concerns RF4's current pathway: no warning there. */
  g_assert_true (pc_document_set_pathway_name (pc_window_get_document (fixture->window), "breast_current_RF4", NULL));
  pc_projection_view_set_scenario (view, "trastuzumab_at_home");
  g_assert_true (pc_projection_view_get_request (view, &request));
  g_assert_cmpstr (request.pathway, ==, "breast_current_RF4");
  g_assert_null (pc_projection_view_get_scenario_warning (view));
}

/* An editable text showing @data. */
static gboolean
is_text_showing (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TEXT (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

/* By keyboard: select the discount rate, type 4, Tab away; the project
 * takes it (unsaved), and undo brings 3.5 back. */
static void
test_settings_by_keyboard (Fixture *fixture, gconstpointer data)
{
  PcSettingsView *settings = pc_window_get_settings_view (fixture->window);
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *rate;

  pc_window_show_view (fixture->window, "settings");
  pc_test_wait_idle (10);
  rate = pc_test_find_widget (GTK_WIDGET (settings), is_text_showing, "3.5");
  g_assert_nonnull (rate);
  g_assert_true (gtk_widget_grab_focus (rate));
  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (window, "4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate)), ==, "4");
  pc_test_key (window, GDK_KEY_Tab, 0);
  g_assert_false (gtk_widget_has_focus (rate));
  g_assert_cmpstr (pc_settings_view_get_text (settings, "discount_rate"), ==, "4");
  g_assert_true (is_dirty (fixture));
  pc_assert_close (pc_project_get_discount_rate (pc_document_get_project (pc_window_get_document (fixture->window))), 0.04);

  /* Ctrl+Z on the window's class: this window has no application. */
  g_assert_null (gtk_window_get_application (window));
  pc_test_key (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (pc_settings_view_get_text (settings, "discount_rate"), ==, "3.5");
  g_assert_false (is_dirty (fixture));
  pc_test_key (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (pc_settings_view_get_text (settings, "discount_rate"), ==, "4");
  g_assert_true (is_dirty (fixture));
}

/* The settings page: a refused value is marked with its reason and saves
 * nothing; inflation and the price year are undoable edits of the project,
 * saved with it, and the CLI then reports what the projection shows. */
static void
test_settings (Fixture *fixture, gconstpointer data)
{
  PcSettingsView *settings = pc_window_get_settings_view (fixture->window);
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  g_autofree char *total_before = g_strdup (shown_total (fixture));
  g_autofree char *total_after = NULL;
  g_autoptr(JsonObject) report = NULL;

  g_assert_cmpstr (pc_settings_view_get_text (settings, "discount_rate"), ==, "3.5");
  g_assert_cmpstr (pc_projection_view_get_npv_caption (view), ==, "NPV at 3.5% a year, to 2035/36");
  g_assert_true (g_str_has_prefix (pc_projection_view_get_basis (view), "Costs in 2025/26 prices"));

  /* Refused, kept as typed (never clamped), with the reason; nothing changes. */
  g_assert_false (pc_settings_view_enter (settings, "discount_rate", "abc"));
  g_assert_nonnull (strstr (pc_settings_view_get_error (settings, "discount_rate"), "not a number"));
  g_assert_false (pc_settings_view_enter (settings, "discount_rate", "-1"));
  g_assert_nonnull (strstr (pc_settings_view_get_error (settings, "discount_rate"), "from 0 to 1"));
  g_assert_cmpstr (pc_settings_view_get_text (settings, "discount_rate"), ==, "-1");
  g_assert_false (is_dirty (fixture));
  g_assert_cmpstr (shown_total (fixture), ==, total_before);
  g_assert_true (pc_settings_view_enter (settings, "discount_rate", "3.5 %"));
  g_assert_null (pc_settings_view_get_error (settings, "discount_rate"));
  g_assert_false (is_dirty (fixture));

  /* 2 % a year from 2022/23 prices. */
  g_assert_true (pc_settings_view_enter (settings, "inflation", "2"));
  g_assert_true (is_dirty (fixture));
  total_after = g_strdup (shown_total (fixture));
  g_assert_cmpstr (total_after, !=, total_before);
  activate (fixture, "undo");
  g_assert_cmpstr (pc_settings_view_get_text (settings, "inflation"), ==, "0");
  g_assert_cmpstr (shown_total (fixture), ==, total_before);
  g_assert_false (is_dirty (fixture));
  activate (fixture, "redo");
  g_assert_cmpstr (pc_settings_view_get_text (settings, "inflation"), ==, "2");
  g_assert_cmpstr (shown_total (fixture), ==, total_after);
  g_assert_true (pc_settings_view_enter (settings, "price_year", "2022"));
  g_assert_true (g_str_has_prefix (pc_projection_view_get_basis (view), "Costs in 2022/23 prices, inflated by 2% a year"));

  activate (fixture, "save");
  g_assert_false (is_dirty (fixture));
  report = cli_report (fixture->path);
  g_assert_cmpint (json_object_get_int_member (report, "price_year"), ==, 2022);
  assert_matches_cli (fixture, fixture->path);
}

static gboolean
uncertainty_ready (gpointer data)
{
  const char *text = pc_projection_view_get_uncertainty (data);

  return text != NULL && strstr (text, "mean") != NULL;
}

/* The uncertainty analysis runs off the main loop and says what
 * pathcost-cli sensitivity --psa 10000 --seed 1 says. */
static void
test_uncertainty (Fixture *fixture, gconstpointer data)
{
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *total;
  g_autofree char *mean = NULL, *low = NULL, *high = NULL;
  const char *shown;

  pc_projection_view_run_uncertainty (view);
  g_assert_null (pc_projection_view_get_uncertainty (view));
  pc_test_wait_until (uncertainty_ready, view, 20, "the uncertainty analysis");
  g_assert_cmpint (pc_test_run_cli (&out, &err, "sensitivity", fixture->path, "--area", "QMF", "--pathway", PATHWAY,
                                    "--from", "2026", "--years", "10", "--psa", "10000", "--seed", "1",
                                    "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  total = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "total");
  mean = pc_format_money (json_object_get_double_member (total, "mean"));
  low = pc_format_money (json_object_get_double_member (total, "low"));
  high = pc_format_money (json_object_get_double_member (total, "high"));
  shown = pc_projection_view_get_uncertainty (view);
  g_assert_nonnull (strstr (shown, mean));
  g_assert_nonnull (strstr (shown, low));
  g_assert_nonnull (strstr (shown, high));
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (candidate) && gtk_widget_get_visible (GTK_WIDGET (candidate)))
        return candidate;
    }
  return NULL;
}

/* A crash after an edit loses nothing: the next start lists the file and
 * opening it offers the edits back. */
static void
test_recover_after_crash (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  PcDocument *document = pc_window_get_document (fixture->window);
  g_autofree char *working = g_strdup (pc_document_get_working_path (document));
  g_autofree char *marker = g_strconcat (working, ".unsaved", NULL);
  g_autofree char *edited = NULL;
  g_autofree char *saved = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_auto(GStrv) recoverable = NULL;
  GtkWindow *dialog;

  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "4"));
  edited = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));
  /* A window destroyed without its close question (as in a crash) leaves
   * the working copy and its marker behind. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (marker, G_FILE_TEST_EXISTS));

  recoverable = pc_document_list_recoverable ();
  g_assert_true (g_strv_contains ((const char * const *) recoverable, fixture->path));
  fixture->window = g_object_ref_sink (pc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  pc_window_open (fixture->window, fixture->path);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  editor = pc_window_get_pathway_editor (fixture->window);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, edited);
  g_assert_cmpstr (edited, !=, saved);
  /* Recovered edits are not in the file until saved. */
  g_assert_true (is_dirty (fixture));
  g_assert_false (pc_document_has_recovery (fixture->path));
}

/* Save As moves the unsaved edits' marker to the new name, and opening the
 * old name again never reuses the copy the window works on. */
static void
test_save_as_keeps_recovery_apart (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  PcDocument *document = pc_window_get_document (fixture->window);
  g_autofree char *other = g_build_filename (fixture->dir, "copy.pathcost", NULL);
  g_autofree char *working = g_strdup (pc_document_get_working_path (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(PcDocument) reopened = NULL;

  g_assert_true (pc_document_save_as (document, other, &error));
  g_assert_no_error (error);
  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "5"));
  {
    g_autofree char *marker = g_strconcat (working, ".unsaved", NULL);
    g_autofree char *named = NULL;

    g_assert_true (g_file_get_contents (marker, &named, NULL, NULL));
    g_assert_cmpstr (named, ==, other);
  }
  reopened = pc_document_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_document_get_working_path (reopened), !=, working);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));
  pc_document_close (reopened);
  g_assert_true (g_file_test (working, G_FILE_TEST_EXISTS));

  /* As after a crash: the edits are found under the new name only. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_true (pc_document_has_recovery (other));
  g_assert_false (pc_document_has_recovery (fixture->path));
  fixture->window = g_object_ref_sink (pc_window_new (NULL));
}

/* The projection view alone, on a document: its template's controls and
 * charts, its handlers on the document, all go with it. */
static void
test_projection_view_finalized (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = pc_test_copy_sample (dir);
  g_autoptr(GError) error = NULL;
  PcDocument *document = pc_document_open (path, FALSE, &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PcProjectionView *view = PC_PROJECTION_VIEW (pc_projection_view_new ());
  PcChart *chart = pc_projection_view_get_cost_chart (view);

  g_assert_no_error (error);
  g_assert_true (pc_document_set_pathway_name (document, PATHWAY, &error));
  g_assert_no_error (error);
  g_object_ref (view);
  g_object_ref (chart);
  gtk_window_set_child (window, GTK_WIDGET (view));
  pc_projection_view_set_document (view, document);
  gtk_window_present (window);
  g_assert_nonnull (pc_projection_view_get_projection (view));
  g_assert_cmpuint (pc_chart_get_n_categories (chart), ==, 10);
  gtk_window_destroy (window);
  g_assert_finalize_object (view);
  g_assert_finalize_object (chart);
  pc_document_close (document);
  g_assert_finalize_object (document);
}

/* A file that is not a project is explained in the window. */
static void
test_open_refused (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *junk = pc_test_write_file (dir, "notes.pathcost", "not a database at all\n");
  PcWindow *window = g_object_ref_sink (pc_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, junk);
  g_assert_null (pc_window_get_document (window));
  g_assert_nonnull (pc_window_get_open_error (window));
  g_assert_nonnull (strstr (pc_window_get_open_error (window), "notes.pathcost"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Closing with unsaved changes asks, and keeps the window until answered;
 * Escape dismisses the question and changes nothing: the window stays,
 * its edit unsaved, the file as it was. */
static void
test_close_asks (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  g_autoptr(GBytes) before = pc_test_read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog = NULL;

  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "2"));
  pc_test_key (GTK_WINDOW (fixture->window), GDK_KEY_w, GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  pc_test_key (dialog, GDK_KEY_Escape, 0);
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (is_dirty (fixture));
  after = pc_test_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A drop-down offering @data among its strings. */
static gboolean
offers (GtkWidget *widget, gconstpointer data)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), data) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
chosen_string (GtkWidget *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
is_menu_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static gboolean
is_label_text (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_spin_at (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget)
         && gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)) == GPOINTER_TO_INT (data);
}

static gboolean
is_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget);
}

/* The text of the row the keyboard is on, in an open drop-down. */
static const char *
focused_string (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *label = focus != NULL ? pc_test_find_widget (focus, is_label, NULL) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Opens @drop_down with the keyboard and walks to @wanted with Down,
 * then Return: as a user with no mouse would. */
static void
pick_by_keyboard (GtkWindow  *window,
                  GtkWidget  *drop_down,
                  const char *wanted)
{
  g_assert_true (gtk_widget_grab_focus (drop_down));
  pc_test_key (window, GDK_KEY_space, 0);
  for (guint i = 0; i < 10 && g_strcmp0 (focused_string (window), wanted) != 0; i++)
    pc_test_key (window, GDK_KEY_Down, 0);
  pc_test_key (window, GDK_KEY_Return, 0);
  g_assert_cmpstr (chosen_string (drop_down), ==, wanted);
}

/* The projection's controls with the keyboard alone: a pathway and a
 * scenario picked from their drop-downs, an area ticked in its list, a
 * first year typed.  The figures are then pathcost-cli's for the same. */
static void
test_projection_by_keyboard (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  PcProjectionView *view = pc_window_get_projection_view (fixture->window);
  GtkWidget *root = GTK_WIDGET (view);
  GtkWidget *pathway = pc_test_find_widget (root, offers, PATHWAY);
  GtkWidget *scenario = pc_test_find_widget (root, offers, "No scenario");
  GtkWidget *areas = pc_test_find_widget (root, is_menu_button_labelled, "All areas");
  GtkWidget *from = pc_test_find_widget (root, is_spin_at, GINT_TO_POINTER (2026));
  const PcProjection *projection;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *report;
  JsonArray *years;

  g_assert_nonnull (pathway);
  g_assert_nonnull (scenario);
  g_assert_nonnull (areas);
  g_assert_nonnull (from);
  pc_window_show_view (fixture->window, "projection");
  pc_test_wait_idle (10);

  pick_by_keyboard (window, pathway, "breast_current_RF4");
  pick_by_keyboard (window, scenario, "trastuzumab_at_home");

  /* The areas' list: open it, Tab past the group and its first area to
   * the second, tick it, close. */
  g_assert_true (gtk_widget_grab_focus (areas));
  pc_test_key (window, GDK_KEY_space, 0);
  pc_test_key (window, GDK_KEY_Tab, 0);
  pc_test_key (window, GDK_KEY_Tab, 0);
  pc_test_key (window, GDK_KEY_space, 0);
  pc_test_key (window, GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (areas)))));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (areas)), ==, "Havering");

  g_assert_true (gtk_widget_grab_focus (from));
  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (window, "2027");
  pc_test_key (window, GDK_KEY_Tab, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (from)), ==, 2027);
  g_assert_nonnull (pc_test_find_widget (root, is_label_text, "2027/28"));

  g_assert_cmpint (pc_test_run_cli (&out, &err, "report", fixture->path, "--area", "E09000016",
                                    "--pathway", "breast_current_RF4", "--scenario", "trastuzumab_at_home",
                                    "--from", "2027", "--years", "10", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  report = json_node_get_object (json_parser_get_root (parser));
  years = json_object_get_array_member (report, "years");
  projection = pc_projection_view_get_projection (view);
  g_assert_cmpint (projection->from, ==, 2027);
  g_assert_cmpuint (projection->n_years, ==, json_array_get_length (years));
  for (guint y = 0; y < projection->n_years; y++)
    {
      g_autofree char *expected = pc_format_money (json_object_get_double_member (json_array_get_object_element (years, y), "cost"));

      g_assert_cmpstr (pc_projection_view_get_cell (view, y + 1, 2), ==, expected);
    }
  {
    g_autofree char *total = pc_format_money (json_object_get_double_member (report, "total_cost"));
    g_autofree char *shown = pc_format_money (projection->total_cost);

    g_assert_cmpstr (shown, ==, total);
  }
}

static double
inflation_on_disk (const char *path)
{
  g_autoptr(PcProject) project = pc_test_open_project (path, TRUE);

  return pc_project_get_inflation (project);
}

static AdwMessageDialog *
expect_dialog (const char *heading)
{
  GtkWindow *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Answers @dialog as its button would: the response, then it closes
 * (adw_message_dialog_response alone leaves it open). */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The file changed on disk after it was opened (pathcost-cli set): Save
 * asks instead of overwriting; Cancel keeps both, Reopen shows the file's
 * change, Save Anyway overwrites it because the user said so. */
static void
test_save_asks_when_changed_on_disk (Fixture *fixture, gconstpointer data)
{
  PcPathwayEditor *editor = pc_window_get_pathway_editor (fixture->window);
  PcDocument *before = pc_window_get_document (fixture->window);
  PcDocument *after;

  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "3"));
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->path, "inflation", "0.02", NULL), ==, 0);
  activate (fixture, "save");
  answer (expect_dialog ("File Changed on Disk"), "cancel");
  pc_assert_close (inflation_on_disk (fixture->path), 0.02);
  g_assert_true (is_dirty (fixture));

  activate (fixture, "save");
  answer (expect_dialog ("File Changed on Disk"), "reopen");
  after = pc_window_get_document (fixture->window);
  g_assert_true (after != before);
  pc_assert_close (pc_project_get_inflation (pc_document_get_project (after)), 0.02);
  g_assert_false (is_dirty (fixture));

  /* saved from here, then changed again: Save Anyway overwrites */
  g_assert_true (pc_pathway_editor_enter (editor, 0, PC_STEP_FIELD_QUANTITY, "3"));
  activate (fixture, "save");
  g_assert_null (find_message_dialog ());
  g_assert_false (is_dirty (fixture));
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, "set", fixture->path, "inflation", "0.03", NULL), ==, 0);
  activate (fixture, "save");
  answer (expect_dialog ("File Changed on Disk"), "save-anyway");
  pc_assert_close (inflation_on_disk (fixture->path), 0.02);
  activate (fixture, "save");
  g_assert_null (find_message_dialog ());
}

/* A file a crash left with a hot journal opens, and the window says once
 * that the interrupted change was undone. */
static void
test_open_after_crash (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = pc_test_make_crashed_project (dir, "crashed.pathcost");
  PcWindow *window = g_object_ref_sink (pc_window_new (NULL));
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, path);
  g_assert_null (pc_window_get_open_error (window));
  g_assert_nonnull (pc_window_get_document (window));
  dialog = expect_dialog ("An Interrupted Change Was Undone");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "was undone"));
  answer (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/window/import-source", Fixture, NULL, pc_test_window_set_up_desktop, test_import_source,
              pc_test_window_tear_down);
  g_test_add ("/window/import-escape", Fixture, NULL, pc_test_window_set_up_desktop, test_import_escape,
              pc_test_window_tear_down);
  g_test_add ("/window/edit-undo-save-reopen", Fixture, NULL, pc_test_window_set_up_desktop,
              test_edit_undo_save_reopen, pc_test_window_tear_down);
  g_test_add ("/window/save-commits-typing", Fixture, NULL, pc_test_window_set_up_desktop, test_save_commits_typing,
              pc_test_window_tear_down);
  g_test_add ("/window/preview", Fixture, NULL, pc_test_window_set_up_desktop, test_preview_while_typing,
              pc_test_window_tear_down);
  g_test_add ("/window/invalid", Fixture, NULL, pc_test_window_set_up_desktop, test_invalid_value_is_marked,
              pc_test_window_tear_down);
  g_test_add ("/window/step-actions", Fixture, NULL, pc_test_window_set_up_desktop, test_step_actions,
              pc_test_window_tear_down);
  g_test_add ("/window/export", Fixture, NULL, pc_test_window_set_up_desktop, test_export, pc_test_window_tear_down);
  g_test_add ("/window/import", Fixture, NULL, pc_test_window_set_up_desktop, test_import, pc_test_window_tear_down);
  g_test_add ("/window/scenario", Fixture, NULL, pc_test_window_set_up_desktop, test_scenario_and_period,
              pc_test_window_tear_down);
  g_test_add ("/window/settings", Fixture, NULL, pc_test_window_set_up_desktop, test_settings,
              pc_test_window_tear_down);
  g_test_add ("/window/settings-by-keyboard", Fixture, NULL, pc_test_window_set_up_desktop, test_settings_by_keyboard,
              pc_test_window_tear_down);
  g_test_add ("/window/projection-by-keyboard", Fixture, NULL, pc_test_window_set_up_desktop,
              test_projection_by_keyboard, pc_test_window_tear_down);
  g_test_add ("/window/uncertainty", Fixture, NULL, pc_test_window_set_up_desktop, test_uncertainty,
              pc_test_window_tear_down);
  g_test_add ("/window/recover", Fixture, NULL, pc_test_window_set_up_desktop, test_recover_after_crash,
              pc_test_window_tear_down);
  g_test_add ("/window/save-as-recovery", Fixture, NULL, pc_test_window_set_up_desktop,
              test_save_as_keeps_recovery_apart, pc_test_window_tear_down);
  g_test_add_func ("/window/open-refused", test_open_refused);
  g_test_add_func ("/window/projection-view-finalized", test_projection_view_finalized);
  g_test_add ("/window/close-asks", Fixture, NULL, pc_test_window_set_up_desktop, test_close_asks,
              pc_test_window_tear_down);
  g_test_add ("/window/save-asks-when-changed-on-disk", Fixture, NULL, pc_test_window_set_up_desktop,
              test_save_asks_when_changed_on_disk, pc_test_window_tear_down);
  g_test_add_func ("/window/open-after-crash", test_open_after_crash);
  return g_test_run ();
}
