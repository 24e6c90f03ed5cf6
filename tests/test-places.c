/* test-places.c: areas and area groups in the window, and names where a
 * person reads codes.  The projection's area picker lists the sample's
 * ICB (QMF) with its three boroughs by name, and ticking it by keyboard
 * gives what `pathcost-cli report --area QMF` gives; the Area Groups
 * dialog creates a group that the CLI then accepts, refuses an area's
 * code in place, and each change undoes; the costing view reads
 * "Follow-up" and the pathway's readable title.  One window for the
 * whole program: each test leaves it as the next expects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "pc-area-group-dialog.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"
#include "pc-window.h"

#define PATHWAY "breast_best_practice"

static char     *dir;
static char     *path;
static PcWindow *window;

static gboolean
is_check_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

static gboolean
is_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
is_label_text (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_label_starting (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_row_titled (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_check (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

/* The total cost `pathcost-cli report` gives on the saved file. */
static double
cli_total (const char *areas)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (pc_test_run_cli (&out, &err, "report", path, "--area", areas, "--pathway", PATHWAY,
                                    "--from", "2026", "--years", "10", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  return json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)), "total_cost");
}

static guint
n_groups (void)
{
  g_autoptr(GPtrArray) places = pc_project_list_places (pc_document_get_project (pc_window_get_document (window)),
                                                        NULL);
  guint n = 0;

  g_assert_nonnull (places);
  for (guint i = 0; i < places->len; i++)
    n += ((PcPlace *) g_ptr_array_index (places, i))->members != NULL ? 1 : 0;
  return n;
}

/* The picker lists QMF by name with its boroughs; ticking it by keyboard
 * after one borough was chosen gives the CLI's --area QMF. */
static void
test_area_picker (void)
{
  PcProjectionView *view = pc_window_get_projection_view (window);
  const char *havering[] = { "E09000016", NULL };
  GtkWidget *button = pc_test_find_widget (GTK_WIDGET (view), is_menu_button, NULL);
  GtkWidget *group;
  g_autofree char *one = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  pc_window_show_view (window, "projection");
  pc_test_wait_idle (10);
  g_assert_nonnull (button);
  group = pc_test_find_widget (button, is_check_labelled, "NHS North East London Integrated Care Board (QMF)");
  g_assert_nonnull (group);
  g_assert_nonnull (pc_test_find_widget (button, is_check_labelled, "Barking and Dagenham (E09000002)"));
  g_assert_nonnull (pc_test_find_widget (button, is_check_labelled, "Havering (E09000016)"));
  g_assert_nonnull (pc_test_find_widget (button, is_check_labelled, "Redbridge (E09000026)"));

  /* One borough first: the group is half ticked and the total is less. */
  pc_projection_view_set_areas (view, havering);
  pc_test_wait_idle (10);
  /* The list is filled again: find the group's box again. */
  group = pc_test_find_widget (button, is_check_labelled, "NHS North East London Integrated Care Board (QMF)");
  g_assert_true (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (group)));
  one = pc_format_money (pc_projection_view_get_projection (view)->total_cost);

  /* Open the list, Space on the group (the first box), close. */
  g_assert_true (gtk_widget_grab_focus (button));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_space, 0);
  pc_test_wait_idle (10);
  g_assert_true (gtk_widget_has_focus (group));
  pc_test_key (GTK_WINDOW (window), GDK_KEY_space, 0);
  pc_test_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  pc_test_wait_idle (10);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (group)));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==,
                   "NHS North East London Integrated Care Board");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  shown = pc_format_money (pc_projection_view_get_projection (view)->total_cost);
  expected = pc_format_money (cli_total ("QMF"));
  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpstr (shown, !=, one);
}

static PcAreaGroupDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.area-groups", NULL));
  pc_test_wait_idle (10);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (PC_IS_AREA_GROUP_DIALOG (item))
        return PC_AREA_GROUP_DIALOG (item);
    }
  g_assert_not_reached ();
}

/* Focuses @widget and presses @key on @dialog. */
static void
press (PcAreaGroupDialog *dialog,
       GtkWidget         *widget,
       guint              key)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_grab_focus (widget));
  pc_test_key (GTK_WINDOW (dialog), key, 0);
  pc_test_wait_idle (10);
}

static void
tick_area (PcAreaGroupDialog *dialog,
           const char        *name)
{
  GtkWidget *row = pc_test_find_widget (GTK_WIDGET (dialog), is_row_titled, name);

  g_assert_nonnull (row);
  press (dialog, pc_test_find_widget (row, is_check, NULL), GDK_KEY_space);
}

static void
type_into (PcAreaGroupDialog *dialog,
           const char        *title,
           const char        *text)
{
  GtkWidget *row = pc_test_find_widget (GTK_WIDGET (dialog), is_row_titled, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  pc_test_key (GTK_WINDOW (dialog), GDK_KEY_a, GDK_CONTROL_MASK);
  pc_test_type (GTK_WINDOW (dialog), text);
  pc_test_wait_idle (10);
}

/* A new group of two boroughs, saved, is what --area A,B is; an area's
 * code as a group's is refused in place; undo removes the group. */
static void
test_group_dialog (void)
{
  PcAreaGroupDialog *dialog = open_dialog ();
  GtkWidget *save = pc_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Save Group");
  guint before = n_groups ();
  g_autofree char *group_total = NULL;
  g_autofree char *pair_total = NULL;

  /* An area's code: refused in place, nothing changes. */
  type_into (dialog, "_Code", "E09000016");
  type_into (dialog, "_Name", "Not a group");
  tick_area (dialog, "Havering");
  press (dialog, save, GDK_KEY_space);
  g_assert_nonnull (pc_area_group_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pc_area_group_dialog_get_error (dialog), "E09000016"));
  g_assert_cmpuint (n_groups (), ==, before);
  g_assert_false (pc_document_get_dirty (pc_window_get_document (window)));

  /* A group of its own code: Barking and Dagenham with Havering. */
  type_into (dialog, "_Code", "OUTER");
  type_into (dialog, "_Name", "Outer East");
  tick_area (dialog, "Barking and Dagenham");
  press (dialog, save, GDK_KEY_space);
  g_assert_null (pc_area_group_dialog_get_error (dialog));
  g_assert_cmpuint (n_groups (), ==, before + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (pc_document_get_dirty (pc_window_get_document (window)));
  group_total = pc_format_money (cli_total ("OUTER"));
  pair_total = pc_format_money (cli_total ("E09000002,E09000016"));
  g_assert_cmpstr (group_total, ==, pair_total);

  /* The picker lists it by name too. */
  g_assert_nonnull (pc_test_find_widget (GTK_WIDGET (pc_window_get_projection_view (window)), is_check_labelled,
                                 "Outer East (OUTER)"));

  /* One edit: undo removes the group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pc_test_wait_idle (10);
  g_assert_cmpuint (n_groups (), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pc_test_wait_idle (10);
}

/* Phases by name, and the pathway's readable title. */
static void
test_costing_names (void)
{
  GtkWidget *costing = GTK_WIDGET (pc_window_get_costing_view (window));

  pc_window_show_view (window, "costing");
  pc_test_wait_idle (10);
  g_assert_nonnull (pc_test_find_widget (costing, is_label_text, "Follow-up"));
  g_assert_null (pc_test_find_widget (costing, is_label_text, "follow_up"));
  g_assert_nonnull (pc_test_find_widget (costing, is_label_starting, "Breast, best practice (" PATHWAY ")"));
}

/* The store refuses what would make a group no group, and writes and
 * deletes one otherwise. */
static void
test_store_refusals (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  const char *none[] = { NULL };
  const char *unknown[] = { "E09000002", "NOWHERE", NULL };
  const char *pair[] = { "E09000002", "E09000026", NULL };
  const char *group[] = { "PAIR", NULL };
  g_auto(GStrv) expanded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_project_set_area_group (project, "PAIR", "Pair", none, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_project_set_area_group (project, "PAIR", "Pair", unknown, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pc_project_set_area_group (project, "E09000016", "Havering again", pair, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_project_delete_area_group (project, "PAIR", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pc_project_set_area_group (project, "PAIR", "Pair", pair, &error));
  g_assert_no_error (error);
  expanded = pc_project_expand_areas (project, group, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (expanded, pair);
  g_assert_true (pc_project_delete_area_group (project, "PAIR", &error));
  g_assert_no_error (error);
  g_assert_null (pc_project_expand_areas (project, group, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
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
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  pc_window_open (window, path);
  g_assert_null (pc_window_get_open_error (window));

  g_test_add_func ("/places/area-picker", test_area_picker);
  g_test_add_func ("/places/group-dialog", test_group_dialog);
  g_test_add_func ("/places/costing-names", test_costing_names);
  g_test_add_func ("/places/store-refusals", test_store_refusals);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_free (path);
  g_free (dir);
  return status;
}
