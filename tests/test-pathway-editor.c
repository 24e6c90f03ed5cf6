/* test-pathway-editor.c: the pathway editor's step table by keyboard, with
 * real key events through the X server (pc-test-keys.c), and its classes'
 * notifications and lifetimes.  One window serves every case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pc-pathway-editor-private.h"
#include "pc-pathway-summary.h"
#include "pc-step-cell.h"
#include "pc-step-row.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"

static GtkWindow *window;
static PcPathwayEditor *editor;
static PcDocument *document;
static char *dir;

static PcStepCell *
find_cell (GtkWidget   *widget,
           guint        index,
           PcStepField  field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PcStepCell *found = NULL;

      if (PC_IS_STEP_CELL (child))
        {
          PcStepRow *row = pc_step_cell_get_row (PC_STEP_CELL (child));

          if (row != NULL && pc_step_row_get_index (row) == index
              && pc_step_cell_get_field (PC_STEP_CELL (child)) == field)
            return PC_STEP_CELL (child);
        }
      else if ((found = find_cell (child, index, field)) != NULL)
        return found;
    }
  return NULL;
}

static PcStepCell *
cell_at (guint       index,
         PcStepField field)
{
  PcStepCell *cell = find_cell (GTK_WIDGET (editor), index, field);

  g_assert_nonnull (cell);
  return cell;
}

/* The cell the keyboard is in. */
static PcStepCell *
focused (void)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, PC_TYPE_STEP_CELL) : NULL;

  g_assert_nonnull (cell);
  return PC_STEP_CELL (cell);
}

static void
assert_focus (guint       index,
              PcStepField field)
{
  PcStepCell *cell = focused ();

  g_assert_cmpuint (pc_step_row_get_index (pc_step_cell_get_row (cell)), ==, index);
  g_assert_cmpuint (pc_step_cell_get_field (cell), ==, field);
  /* Focus and selection move together. */
  g_assert_cmpuint (pc_pathway_editor_get_selected (editor), ==, index);
}

static gboolean
cell_in_view (PcStepCell *shown)
{
  GtkWidget *cell = GTK_WIDGET (shown);
  GtkWidget *scroller = gtk_widget_get_ancestor (cell, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (cell, scroller, &bounds));
  return bounds.origin.x >= -0.5 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (scroller) + 0.5
         && bounds.origin.y >= -0.5 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

static gboolean
focus_in_view (gpointer unused)
{
  return cell_in_view (focused ());
}

/* The focused cell comes inside the scrolled window's visible part (at
 * the next layout). */
static void
assert_focus_in_view (void)
{
  pc_test_wait_until (focus_in_view, NULL, 10, "the focused cell to scroll into view");
}

static void
focus_on (guint       index,
          PcStepField field)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cell_at (index, field))));
  pc_test_wait_idle (10);
  assert_focus (index, field);
}

static guint
n_steps (void)
{
  return g_list_model_get_n_items (pc_pathway_editor_get_rows (editor));
}

static char *
step_name (guint index)
{
  g_autoptr(PcStepRow) row = g_list_model_get_item (pc_pathway_editor_get_rows (editor), index);

  return g_strdup (pc_step_row_get_step (row)->name);
}

/* Tab and Shift+Tab walk the editable cells both ways, from row to row,
 * and each cell they reach scrolls into view. */
static void
test_tab_walk (void)
{
  GtkAdjustment *hadjustment;
  double scrolled;

  /* The name first (it stays in view), then the rest in column order. */
  focus_on (0, PC_STEP_FIELD_PHASE);
  pc_test_key (window, GDK_KEY_Tab, 0);
  assert_focus (0, PC_STEP_FIELD_ACTIVITY);
  pc_test_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (0, PC_STEP_FIELD_PHASE);
  pc_test_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (0, PC_STEP_FIELD_NAME);
  pc_test_key (window, GDK_KEY_Tab, 0);
  assert_focus (0, PC_STEP_FIELD_PHASE);

  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (focused ()), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
  for (guint f = PC_STEP_FIELD_ACTIVITY; f < PC_N_STEP_FIELDS; f++)
    {
      pc_test_key (window, GDK_KEY_Tab, 0);
      assert_focus (0, f);
      assert_focus_in_view ();
    }
  /* The window is narrower than the table: the last column scrolled, and
   * the step's name stayed in view. */
  scrolled = gtk_adjustment_get_value (hadjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  g_assert_true (cell_in_view (cell_at (0, PC_STEP_FIELD_NAME)));
  pc_test_key (window, GDK_KEY_Tab, 0);
  assert_focus (1, PC_STEP_FIELD_NAME);
  assert_focus_in_view ();
  pc_test_key (window, GDK_KEY_Tab, 0);
  assert_focus (1, PC_STEP_FIELD_PHASE);
  assert_focus_in_view ();
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), <, scrolled);
  pc_test_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (1, PC_STEP_FIELD_NAME);
  pc_test_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (0, PC_N_STEP_FIELDS - 1);
  assert_focus_in_view ();
}

/* The fixed name column and the rest line up, row by row. */
static void
assert_rows_line_up (guint index)
{
  graphene_rect_t name, phase;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell_at (index, PC_STEP_FIELD_NAME)),
                                            GTK_WIDGET (editor), &name));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell_at (index, PC_STEP_FIELD_PHASE)),
                                            GTK_WIDGET (editor), &phase));
  g_assert_cmpfloat (name.origin.y, ==, phase.origin.y);
  g_assert_cmpfloat (name.size.height, ==, phase.size.height);
}

/* Up and Down keep the column. */
static void
test_arrows_keep_column (void)
{
  focus_on (0, PC_STEP_FIELD_QUANTITY);
  pc_test_key (window, GDK_KEY_Down, 0);
  assert_focus (1, PC_STEP_FIELD_QUANTITY);
  pc_test_key (window, GDK_KEY_Down, 0);
  assert_focus (2, PC_STEP_FIELD_QUANTITY);
  pc_test_key (window, GDK_KEY_Up, 0);
  assert_focus (1, PC_STEP_FIELD_QUANTITY);
  focus_on (1, PC_STEP_FIELD_BASIS);
  pc_test_key (window, GDK_KEY_Up, 0);
  assert_focus (0, PC_STEP_FIELD_BASIS);
  pc_test_key (window, GDK_KEY_Up, 0);
  assert_focus (0, PC_STEP_FIELD_BASIS);
  for (guint i = 0; i < 3; i++)
    assert_rows_line_up (i);
}

/* Typing previews the cost; Escape drops the typed text and the preview;
 * typing then Tab saves the value as one undoable change. */
static void
test_type_escape_commit (void)
{
  g_autofree char *saved_cost = g_strdup (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1));
  g_autofree char *saved_text = NULL;
  PcStepCell *cell;

  focus_on (0, PC_STEP_FIELD_QUANTITY);
  cell = focused ();
  saved_text = g_strdup (pc_step_cell_get_text (cell));
  g_assert_cmpstr (saved_text, !=, "7");
  pc_test_type (window, "7");
  g_assert_cmpstr (pc_step_cell_get_text (cell), ==, "7");
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, saved_cost);
  g_assert_false (pc_document_get_dirty (document));

  pc_test_key (window, GDK_KEY_Escape, 0);
  g_assert_cmpstr (pc_step_cell_get_text (cell), ==, saved_text);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, saved_cost);
  assert_focus (0, PC_STEP_FIELD_QUANTITY);

  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (window, "7");
  pc_test_key (window, GDK_KEY_Tab, 0);
  assert_focus (0, PC_STEP_FIELD_QUANTITY + 1);
  g_assert_true (pc_document_get_dirty (document));
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), !=, saved_cost);
  g_assert_true (pc_document_undo (document, NULL));
  g_assert_cmpstr (pc_step_cell_get_text (cell_at (0, PC_STEP_FIELD_QUANTITY)), ==, saved_text);
  g_assert_cmpstr (pc_pathway_editor_get_stage_cost (editor, PC_STAGE_1), ==, saved_cost);
}

/* Delete in a text cell edits its text; the step stays.  A refused value
 * is summed up for Save and Close to ask about. */
static void
test_delete_in_cell_and_refusal (void)
{
  guint n = n_steps ();
  g_autofree char *summary = NULL;
  PcStepCell *cell;

  focus_on (1, PC_STEP_FIELD_NAME);
  cell = focused ();
  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_key (window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (n_steps (), ==, n);
  g_assert_cmpstr (pc_step_cell_get_text (cell), ==, "");
  g_assert_nonnull (pc_step_cell_get_refused_reason (cell));
  summary = pc_pathway_editor_get_refused_summary (editor);
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "Step 2’s step was refused: "));
  pc_test_key (window, GDK_KEY_Escape, 0);
  g_assert_null (pc_step_cell_get_refused_reason (cell));
  g_assert_null (pc_pathway_editor_get_refused_summary (editor));
  g_assert_cmpuint (n_steps (), ==, n);

  focus_on (0, PC_STEP_FIELD_QUANTITY);
  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (window, "-2");
  g_clear_pointer (&summary, g_free);
  summary = pc_pathway_editor_get_refused_summary (editor);
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "Step 1’s quantity was refused: "));
  g_assert_nonnull (strstr (summary, "-2"));
  pc_test_key (window, GDK_KEY_Escape, 0);
  g_assert_null (pc_pathway_editor_get_refused_summary (editor));
  g_assert_false (pc_document_get_dirty (document));
}

/* A drop-down cell by keyboard: open its list, pick the next value. */
static void
test_pick_from_drop_down (void)
{
  g_autofree char *before = NULL;
  PcStepCell *cell;

  focus_on (0, PC_STEP_FIELD_BASIS);
  cell = focused ();
  before = g_strdup (pc_step_cell_get_text (cell));
  pc_test_key (window, GDK_KEY_space, 0);
  pc_test_key (window, GDK_KEY_Down, 0);
  pc_test_key (window, GDK_KEY_Return, 0);
  g_assert_cmpstr (pc_step_cell_get_text (cell_at (0, PC_STEP_FIELD_BASIS)), !=, before);
  g_assert_true (pc_document_get_dirty (document));
  g_assert_true (pc_document_undo (document, NULL));
  g_assert_cmpstr (pc_step_cell_get_text (cell_at (0, PC_STEP_FIELD_BASIS)), ==, before);
}

/* Ctrl+Return and Ctrl+D give the new step the focus, in its name, on its
 * own row; after a delete, Alt+Up moves the step that has the focus. */
static void
test_new_steps_take_focus (void)
{
  guint n = n_steps ();
  g_autofree char *moved = NULL;
  g_autofree char *above = NULL;

  focus_on (0, PC_STEP_FIELD_QUANTITY);
  pc_test_key (window, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_steps (), ==, n + 1);
  pc_test_wait_idle (10);
  assert_focus (1, PC_STEP_FIELD_NAME);
  g_assert_cmpstr (pc_step_cell_get_text (focused ()), ==, "New step");

  pc_test_key (window, GDK_KEY_d, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_steps (), ==, n + 2);
  pc_test_wait_idle (10);
  assert_focus (2, PC_STEP_FIELD_NAME);
  g_assert_cmpstr (pc_step_cell_get_text (focused ()), ==, "New step (copy)");

  /* The Delete button's action: the next step takes the focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete-step", NULL));
  g_assert_cmpuint (n_steps (), ==, n + 1);
  pc_test_wait_idle (10);
  assert_focus (2, PC_STEP_FIELD_NAME);
  moved = step_name (2);
  above = step_name (1);
  pc_test_key (window, GDK_KEY_Up, GDK_ALT_MASK);
  pc_test_wait_idle (10);
  assert_focus (1, PC_STEP_FIELD_NAME);
  {
    g_autofree char *now_1 = step_name (1);
    g_autofree char *now_2 = step_name (2);

    g_assert_cmpstr (now_1, ==, moved);
    g_assert_cmpstr (now_2, ==, above);
  }

  while (pc_document_get_dirty (document))
    g_assert_true (pc_document_undo (document, NULL));
  g_assert_cmpuint (n_steps (), ==, n);
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *toplevel = g_list_model_get_item (toplevels, i);

      /* The list keeps its own reference while the window is open. */
      g_object_unref (toplevel);
      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static void
count_activation (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  (*(guint *) data)++;
}

/* Save and Close ask about a refused value, never go on in silence:
 * "Fix it" (the default, and Escape's) takes the focus to the cell; going on
 * drops the typed text and then does what was asked. */
static void
test_refused_value_asks (void)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save", NULL);
  guint saves = 0;
  GtkWindow *dialog;
  g_autofree char *saved_text = NULL;

  g_signal_connect (save, "activate", G_CALLBACK (count_activation), &saves);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (save));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "test", G_ACTION_GROUP (group));

  g_assert_false (pc_pathway_editor_ask_about_refused (editor, "_Save Without It", "test.save"));
  g_assert_null (find_dialog ());
  focus_on (2, PC_STEP_FIELD_QUANTITY);
  saved_text = g_strdup (pc_step_cell_get_text (focused ()));
  pc_test_key (window, GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (window, "-2");
  focus_on (0, PC_STEP_FIELD_NAME);

  g_assert_true (pc_pathway_editor_ask_about_refused (editor, "_Save Without It", "test.save"));
  pc_test_wait_idle (10);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Step 3’s quantity was refused: "));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "fix");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==, "fix");
  /* As its button does (which then closes the dialog). */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "fix");
  gtk_window_destroy (dialog);
  pc_test_wait_idle (10);
  g_assert_cmpuint (saves, ==, 0);
  assert_focus (2, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpstr (pc_step_cell_get_text (focused ()), ==, "-2");

  g_assert_true (pc_pathway_editor_ask_about_refused (editor, "_Save Without It", "test.save"));
  pc_test_wait_idle (10);
  dialog = find_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "go-on");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (saves, ==, 1);
  g_assert_null (pc_pathway_editor_get_refused_summary (editor));
  g_assert_cmpstr (pc_step_cell_get_text (cell_at (2, PC_STEP_FIELD_QUANTITY)), ==, saved_text);
  g_assert_false (pc_document_get_dirty (document));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "test", NULL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Each property notifies once per change, and not when set to the value
 * it has; the cell is finalized when its last reference goes. */
static void
test_cell_notify (void)
{
  const double share[PC_N_STAGES] = { 1, 1, 1, 1, 1 };
  g_autoptr(PcStep) step = pc_test_make_step ("Scan", "diagnosis", "ccg", 0, PC_BASIS_PATIENT, PC_ACTIVITY_OTHER,
                                              100.0, 2.0, share);
  g_autoptr(PcStepRow) row = pc_step_row_new (0, step);
  PcStepCell *cell = g_object_ref_sink (PC_STEP_CELL (pc_step_cell_new (PC_STEP_FIELD_QUANTITY)));
  guint row_notes = 0, text_notes = 0, refused_notes = 0;

  g_signal_connect (cell, "notify::row", G_CALLBACK (count_notify), &row_notes);
  g_signal_connect (cell, "notify::text", G_CALLBACK (count_notify), &text_notes);
  g_signal_connect (cell, "notify::refused-reason", G_CALLBACK (count_notify), &refused_notes);

  pc_step_cell_set_row (cell, row);
  g_assert_cmpuint (row_notes, ==, 1);
  g_assert_cmpuint (text_notes, ==, 1);
  g_assert_cmpstr (pc_step_cell_get_text (cell), ==, "2");
  g_object_set (cell, "row", row, NULL);
  pc_step_cell_set_row (cell, row);
  g_assert_cmpuint (row_notes, ==, 1);
  g_assert_cmpuint (text_notes, ==, 1);

  /* A refused value typed elsewhere (the row is shared): one notify each. */
  g_clear_pointer (&step, pc_step_free);
  step = pc_step_row_type (row, PC_STEP_FIELD_QUANTITY, "-1");
  g_assert_null (step);
  g_assert_cmpuint (text_notes, ==, 2);
  g_assert_cmpuint (refused_notes, ==, 1);
  g_assert_nonnull (pc_step_cell_get_refused_reason (cell));
  pc_step_row_revert (row, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpuint (text_notes, ==, 3);
  g_assert_cmpuint (refused_notes, ==, 2);
  g_assert_null (pc_step_cell_get_refused_reason (cell));
  /* A refresh that changes nothing says nothing. */
  pc_step_row_revert (row, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpuint (text_notes, ==, 3);
  g_assert_cmpuint (refused_notes, ==, 2);

  pc_step_cell_set_row (cell, NULL);
  g_assert_cmpuint (row_notes, ==, 2);
  g_assert_finalize_object (cell);
}

/* The pathway list's items: every pathway, its steps counted, one query. */
static void
test_summaries (void)
{
  PcProject *project = pc_document_get_project (document);
  g_autoptr(GListStore) summaries = pc_project_list_pathway_summaries (project, NULL);
  g_auto(GStrv) names = pc_project_list_pathways (project, NULL);
  PcPathwaySummary *first;

  g_assert_nonnull (summaries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (summaries)), ==, g_strv_length (names));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(PcPathwaySummary) summary = g_list_model_get_item (G_LIST_MODEL (summaries), i);
      g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, names[i], NULL);
      g_autofree char *title = pc_project_describe_pathway (project, pathway);

      g_assert_cmpstr (pc_pathway_summary_get_name (summary), ==, names[i]);
      g_assert_cmpstr (pc_pathway_summary_get_site (summary), ==, pathway->site);
      g_assert_cmpint (pc_pathway_summary_get_kind (summary), ==, pathway->kind);
      g_assert_cmpstr (pc_pathway_summary_get_provider (summary), ==, pathway->provider);
      g_assert_cmpuint (pc_pathway_summary_get_n_steps (summary), ==, pathway->steps->len);
      g_assert_cmpstr (pc_pathway_summary_get_title (summary), ==, title);
    }
  first = g_list_model_get_item (G_LIST_MODEL (summaries), 0);
  g_clear_object (&summaries);
  g_assert_finalize_object (first);
}

/* Destroying the window lets the editor and its cells go. */
static void
test_finalize (void)
{
  GtkWidget *cell = g_object_ref (GTK_WIDGET (cell_at (0, PC_STEP_FIELD_NAME)));

  g_object_ref (editor);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_assert_finalize_object (cell);
  g_assert_finalize_object (editor);
  g_assert_finalize_object (document);
}

static void
open_window (void)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  dir = pc_test_make_tmp_dir ();
  path = pc_test_copy_sample (dir);
  document = pc_document_open (path, FALSE, &error);
  g_assert_no_error (error);
  names = pc_project_list_pathways (pc_document_get_project (document), NULL);
  g_assert_true (pc_document_set_pathway_name (document, names[0], &error));
  g_assert_no_error (error);
  editor = PC_PATHWAY_EDITOR (pc_pathway_editor_new ());
  pc_pathway_editor_set_document (editor, document);
  window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  /* Narrower than the table: Tab must scroll to reach the last columns. */
  gtk_window_set_default_size (window, 900, 600);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  pc_test_wait_idle (10);
  g_assert_cmpuint (n_steps (), >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  open_window ();

  g_test_add_func ("/pathway-editor/tab-walk", test_tab_walk);
  g_test_add_func ("/pathway-editor/arrows-keep-column", test_arrows_keep_column);
  g_test_add_func ("/pathway-editor/type-escape-commit", test_type_escape_commit);
  g_test_add_func ("/pathway-editor/delete-in-cell-and-refusal", test_delete_in_cell_and_refusal);
  g_test_add_func ("/pathway-editor/pick-from-drop-down", test_pick_from_drop_down);
  g_test_add_func ("/pathway-editor/new-steps-take-focus", test_new_steps_take_focus);
  g_test_add_func ("/pathway-editor/refused-value-asks", test_refused_value_asks);
  g_test_add_func ("/pathway-editor/cell-notify", test_cell_notify);
  g_test_add_func ("/pathway-editor/summaries", test_summaries);
  /* Last: it closes the window the others share. */
  g_test_add_func ("/pathway-editor/finalize", test_finalize);
  status = g_test_run ();
  g_free (dir);
  return status;
}
