/* test-reference-view.c: the reference-data browser on the sample project:
 * the header's row count, the model behind the column view, switching
 * tables, errors shown in the view, reload, and no leak when the window
 * goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-format.h"
#include "pc-project.h"
#include "pc-reference-view.h"
#include "pc-row-list.h"
#include "pc-test-keys.h"
#include "pc-test-util.h"

static guint
count_rows (PcProject  *project,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (pc_project_get_db (project), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static char *
rows_text (guint n)
{
  g_autofree char *number = pc_format_number (n, 0);

  return g_strdup_printf (n == 1 ? "%s row" : "%s rows", number);
}

static gpointer
child (GtkWidget  *view,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (view, PC_TYPE_REFERENCE_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
visible_page (GtkWidget  *view,
              const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (view, stack)));
}

static gboolean
shows_error_page (gpointer view)
{
  return g_strcmp0 (visible_page (view, "content_stack"), "error") == 0;
}

static gboolean
is_label_showing (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* A GtkLabel under @root showing @text, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  return (GtkLabel *) pc_test_find_widget (root, is_label_showing, text);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return find_label (search->root, search->text) != NULL;
}

/* Waits (up to 5 s) for the column view to draw a cell showing @text. */
static GtkLabel *
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelSearch search = { root, text };

  pc_test_wait_until (label_shown, &search, 5, "a cell showing the first row");
  return find_label (root, text);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWidget *
new_window (GtkWidget **view)
{
  GtkWidget *window = gtk_window_new ();

  *view = pc_reference_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), *view);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Destroys @window and checks @view and @project go with it: nothing in
 * the view (row list, factories, signal handlers) keeps either alive. */
static void
destroy_window (GtkWidget  *window,
                GtkWidget  *view,
                PcProject  *project)
{
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (window));
  pc_test_wait_until (is_null, &view, 5, "the view to be finalized");
  if (project != NULL)
    g_assert_finalize_object (project);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

static void
test_tariffs (void)
{
  PcProject *project = pc_test_open_sample ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);
  GtkColumnView *column_view = child (view, "column_view");
  GListModel *columns = gtk_column_view_get_columns (column_view);
  guint expected = count_rows (project, "tariffs");
  g_autofree char *count_text = rows_text (expected);
  GListModel *model;
  g_autoptr(PcRow) first = NULL;
  g_autoptr(GtkColumnViewColumn) price = NULL;
  GtkLabel *cell;

  /* No project yet. */
  g_assert_cmpstr (visible_page (view, "main_stack"), ==, "no-project");
  g_assert_null (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)));
  g_assert_cmpstr (pc_reference_view_get_table (PC_REFERENCE_VIEW (view)), ==, "tariffs");

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  g_assert_cmpstr (visible_page (view, "main_stack"), ==, "browser");
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "table");
  model = pc_reference_view_get_model (PC_REFERENCE_VIEW (view));
  g_assert_true (PC_IS_ROW_LIST (model));
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  g_assert_cmpstr (count_text, ==, "39 rows");  /* tariffs.csv: 39 tariffs */
  g_assert_cmpstr (gtk_label_get_text (child (view, "count_label")), ==, count_text);
  g_assert_cmpstr (gtk_label_get_text (child (view, "title_label")), ==, "Tariffs");
  /* A screen reader names the table. */
  gtk_test_accessible_assert_property (column_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Tariffs table");

  /* One column per table column, titled, resizable. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);
  price = g_list_model_get_item (columns, 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (price), ==, "Price");
  g_assert_true (gtk_column_view_column_get_resizable (price));
  g_assert_true (GTK_IS_SINGLE_SELECTION (gtk_column_view_get_model (column_view)));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view))),
                    ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)))
                 == expected);

  /* The first row's price, drawn right-aligned with tabular digits. */
  first = g_list_model_get_item (model, 0);
  cell = wait_for_label (GTK_WIDGET (column_view), pc_row_get_text (first, 3));
  g_assert_nonnull (cell);
  g_assert_cmpfloat (gtk_label_get_xalign (cell), ==, 1.0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "numeric"));
  cell = find_label (GTK_WIDGET (column_view), pc_row_get_text (first, 1));
  g_assert_nonnull (cell);
  g_assert_cmpfloat (gtk_label_get_xalign (cell), ==, 0.0);

  destroy_window (window, view, project);
}

/* The newest source recorded for @kind, as pathcost-cli sources --json
 * gives it. */
static char *
cli_source (const char *kind)
{
  const char *path = g_getenv ("PATHCOST_SAMPLE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = g_strdup_printf ("\"kind\" : \"%s\"", kind);
  const char *at;
  const char *start;
  const char *end;

  g_assert_cmpint (pc_test_run_cli (&out, &err, "sources", path, "--json", NULL), ==, 0);
  at = strstr (out, key);
  g_assert_nonnull (at);
  start = strstr (at, "\"source\" : \"");
  g_assert_nonnull (start);
  start += strlen ("\"source\" : \"");
  end = strchr (start, '"');
  return g_strndup (start, end - start);
}

static gboolean
first_row_is (gpointer data)
{
  gpointer *pair = data;
  g_autoptr(PcRow) first = g_list_model_get_item (pc_reference_view_get_model (pair[0]), 0);

  return first != NULL && g_strcmp0 (pc_row_get_text (first, 0), pair[1]) == 0;
}

/* Each table says where its figures come from; a column header sorts the
 * rows (the store does, as the view asks); Ctrl+F and typing filters
 * them. */
static void
test_source_sort_filter (void)
{
  PcProject *project = pc_test_open_sample ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);
  GtkColumnView *column_view = child (view, "column_view");
  GListModel *columns;
  g_autofree char *source = cli_source ("tariffs");
  g_autoptr(GtkColumnViewColumn) price = NULL;
  g_autoptr(PcRow) first = NULL;
  g_autofree char *count_text = NULL;
  gpointer pair[2] = { view, NULL };

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (view, "source_label")), source));
  g_assert_nonnull (strstr (gtk_label_get_text (child (view, "source_label")), " · imported "));
  first = g_list_model_get_item (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)), 0);
  g_assert_cmpstr (pc_row_get_text (first, 0), ==, "DAPF");
  g_clear_object (&first);

  /* Price, dearest first: as a second click on its header does. */
  columns = gtk_column_view_get_columns (column_view);
  price = g_list_model_get_item (columns, 3);
  g_assert_nonnull (gtk_column_view_column_get_sorter (price));
  gtk_column_view_sort_by_column (column_view, price, GTK_SORT_DESCENDING);
  pair[1] = "DZ02H";   /* £14,856.00, the dearest tariff */
  pc_test_wait_until (first_row_is, pair, 5, "the dearest tariff first");
  wait_for_label (GTK_WIDGET (column_view), "£14,856.00");
  gtk_column_view_sort_by_column (column_view, price, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)), 0);
  g_assert_cmpstr (pc_row_get_text (first, 0), !=, "DZ02H");
  g_assert_cmpfloat (g_strtod (pc_row_get_text (first, 3) + strlen ("£"), NULL), <=, 37.2);
  g_clear_object (&first);

  /* Ctrl+F, then the text: only the rows that hold it. */
  pc_test_key (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (child (view, "search_entry")))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), child (view, "search_entry")));
  pc_test_type (GTK_WINDOW (window), "bronch");
  /* Diagnostic Bronchoscopy (£912) and Endobronchial Ultrasound, by price. */
  pair[1] = "DZ69A";
  pc_test_wait_until (first_row_is, pair, 5, "the filtered rows");
  g_assert_cmpuint (g_list_model_get_n_items (pc_reference_view_get_model (PC_REFERENCE_VIEW (view))), ==, 2);
  count_text = rows_text (2);
  g_assert_cmpstr (gtk_label_get_text (child (view, "count_label")), ==, count_text);
  wait_for_label (GTK_WIDGET (column_view), "Diagnostic Bronchoscopy, 19 years and over");

  destroy_window (window, view, project);
}

static void
test_switch_table (void)
{
  PcProject *project = pc_test_open_sample ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);
  GtkListBox *sidebar = child (view, "table_list");
  guint n_notify = 0;
  GListModel *tariffs;
  GListModel *population;
  guint expected = count_rows (project, "population");
  g_autofree char *count_text = rows_text (expected);
  g_autoptr(PcRow) far = NULL;

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  tariffs = pc_reference_view_get_model (PC_REFERENCE_VIEW (view));
  g_object_add_weak_pointer (G_OBJECT (tariffs), (gpointer *) &tariffs);
  g_signal_connect (view, "notify::table", G_CALLBACK (count_notify), &n_notify);

  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "population");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpstr (pc_reference_view_get_table (PC_REFERENCE_VIEW (view)), ==, "population");
  population = pc_reference_view_get_model (PC_REFERENCE_VIEW (view));
  g_assert_nonnull (population);
  g_assert_null (tariffs);  /* the old list went with its table */
  g_assert_cmpstr (pc_row_list_get_table (PC_ROW_LIST (population)), ==, "population");
  g_assert_cmpuint (g_list_model_get_n_items (population), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (child (view, "count_label")), ==, count_text);
  g_assert_cmpstr (gtk_label_get_text (child (view, "title_label")), ==, "Population");
  gtk_test_accessible_assert_property (child (view, "column_view"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Population table");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (child (view, "column_view"))),
                    ==, 5);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 3);

  /* The same table again changes nothing. */
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "population");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)) == population);

  /* The sidebar chooses too: its eighth row is Survival. */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 7));
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpstr (pc_reference_view_get_table (PC_REFERENCE_VIEW (view)), ==, "survival");
  g_assert_cmpstr (gtk_label_get_text (child (view, "title_label")), ==, "Survival");
  g_assert_cmpuint (g_list_model_get_n_items (pc_reference_view_get_model (PC_REFERENCE_VIEW (view))),
                    ==, count_rows (project, "survival"));

  /* The property says the same. */
  g_object_set (view, "table", "stages", NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_cmpstr (gtk_label_get_text (child (view, "title_label")), ==, "Stage at diagnosis");

  destroy_window (window, view, project);
}

/* Reading failures appear in the view, and a reload tries again. */
static void
test_error_and_reload (void)
{
  PcProject *project = pc_test_open_sample_copy ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);
  const char *description;
  GListModel *model;
  guint n_changes = 0;
  guint n_before;
  g_autofree char *count_text = NULL;

  pc_test_exec_sql (project, "ALTER TABLE areas RENAME TO areas_elsewhere");
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "areas");
  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  g_assert_cmpstr (visible_page (view, "main_stack"), ==, "browser");
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "error");
  g_assert_null (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)));
  description = adw_status_page_get_description (child (view, "error_page"));
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, "areas"));
  g_assert_cmpstr (gtk_label_get_text (child (view, "count_label")), ==, "");

  pc_test_exec_sql (project, "ALTER TABLE areas_elsewhere RENAME TO areas");
  pc_reference_view_reload (PC_REFERENCE_VIEW (view));
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "table");
  g_assert_cmpstr (pc_reference_view_get_table (PC_REFERENCE_VIEW (view)), ==, "areas");
  g_assert_cmpuint (g_list_model_get_n_items (pc_reference_view_get_model (PC_REFERENCE_VIEW (view))),
                    ==, count_rows (project, "areas"));

  /* After an import: the same model, one change, the new count shown. */
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "population");
  model = pc_reference_view_get_model (PC_REFERENCE_VIEW (view));
  n_before = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &n_changes);
  pc_test_exec_sql (project, "DELETE FROM population WHERE sex = 'M'");
  pc_reference_view_reload (PC_REFERENCE_VIEW (view));
  g_assert_true (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)) == model);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_before);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_rows (project, "population"));
  count_text = rows_text (count_rows (project, "population"));
  g_assert_cmpstr (gtk_label_get_text (child (view, "count_label")), ==, count_text);
  g_assert_cmpstr (pc_reference_view_get_table (PC_REFERENCE_VIEW (view)), ==, "population");

  /* A failed reload says so in the view. */
  pc_test_exec_sql (project, "ALTER TABLE population RENAME TO population_elsewhere");
  pc_reference_view_reload (PC_REFERENCE_VIEW (view));
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "error");

  /* Closing the project returns to "No project". */
  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), NULL);
  g_assert_cmpstr (visible_page (view, "main_stack"), ==, "no-project");
  g_assert_null (pc_reference_view_get_model (PC_REFERENCE_VIEW (view)));

  destroy_window (window, view, NULL);
  g_assert_finalize_object (project);
}

/* Rows that cannot be read (the file changed under the view) turn the
 * table into the error page, not into a table of blank cells. */
static void
test_read_error (void)
{
  PcProject *project = pc_test_open_sample_copy ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);
  GListModel *model;
  g_autoptr(GObject) far = NULL;
  const char *description;

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "population");
  model = pc_reference_view_get_model (PC_REFERENCE_VIEW (view));
  pc_test_exec_sql (project, "ALTER TABLE population RENAME TO population_elsewhere");

  /* As scrolling to the end would. */
  far = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
  pc_test_wait_until (shows_error_page, view, 5, "the error page");
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "error");
  description = adw_status_page_get_description (child (view, "error_page"));
  g_assert_nonnull (strstr (description, "population"));

  pc_test_exec_sql (project, "ALTER TABLE population_elsewhere RENAME TO population");
  pc_reference_view_reload (PC_REFERENCE_VIEW (view));
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "table");
  /* Nothing left to do, and the late page load did not bring the
   * error back. */
  pc_test_wait_idle (5);
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "table");

  destroy_window (window, view, NULL);
  g_assert_finalize_object (project);
}

/* An unknown table is an error in the view, never a crash or a warning. */
static void
test_unknown_table (void)
{
  PcProject *project = pc_test_open_sample ();
  GtkWidget *view = NULL;
  GtkWidget *window = new_window (&view);

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "pathways");
  g_assert_cmpstr (visible_page (view, "content_stack"), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (child (view, "error_page")), "pathways"));
  g_assert_null (gtk_list_box_get_selected_row (child (view, "table_list")));

  destroy_window (window, view, project);
}

/* The view on its own, never shown, is freed with its last reference. */
static void
test_finalize_unshown (void)
{
  PcProject *project = pc_test_open_sample ();
  GtkWidget *view = g_object_ref_sink (pc_reference_view_new ());

  pc_reference_view_set_project (PC_REFERENCE_VIEW (view), project);
  pc_reference_view_set_table (PC_REFERENCE_VIEW (view), "population");
  /* Dispose may run more than once. */
  g_object_run_dispose (G_OBJECT (view));
  g_assert_finalize_object (view);
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/reference-view/tariffs", test_tariffs);
  g_test_add_func ("/reference-view/source-sort-filter", test_source_sort_filter);
  g_test_add_func ("/reference-view/switch-table", test_switch_table);
  g_test_add_func ("/reference-view/error-and-reload", test_error_and_reload);
  g_test_add_func ("/reference-view/read-error", test_read_error);
  g_test_add_func ("/reference-view/unknown-table", test_unknown_table);
  g_test_add_func ("/reference-view/finalize-unshown", test_finalize_unshown);

  return g_test_run ();
}
