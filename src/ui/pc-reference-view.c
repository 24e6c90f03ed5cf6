/* pc-reference-view.c: the reference-data browser: the project's tables in
 * a sidebar, the chosen one in a GtkColumnView over a lazy PcRowList.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-reference-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pc-format.h"
#include "pc-reference-view.h"
#include "pc-row-list.h"
#include "pc-tables.h"

struct _PcReferenceView
{
  GtkWidget       parent_instance;

  GtkStack       *main_stack;
  GtkListBox     *table_list;
  GtkLabel       *title_label;
  GtkLabel       *count_label;
  GtkLabel       *source_label;
  GtkStack       *content_stack;
  GtkColumnView  *column_view;
  AdwStatusPage  *error_page;
  GtkSearchEntry *search_entry;

  PcProject      *project;
  PcRowList      *rows;
  char           *table;
  guint           read_error_idle;
  gboolean        loading;        /* columns come and go: no sort is asked */
  int             probed_column;  /* see read_sort */
};

G_DEFINE_FINAL_TYPE (PcReferenceView, pc_reference_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar lists the tables the store lets a user browse, in its
 * order, by the titles it gives them (pc-tables.c). */
static int
table_index (const char *table)
{
  const char * const *tables = pc_row_list_get_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    if (g_strcmp0 (tables[i], table) == 0)
      return (int) i;
  return -1;
}

static const char *
table_title (const char *table)
{
  const PcTableInfo *info = pc_tables_lookup (table);

  return info != NULL && info->title != NULL ? _(info->title) : table;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (GPOINTER_TO_INT (numeric))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

/* The text lives in the row item: labels are recycled as the user scrolls. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  PcRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_text (label, pc_row_get_text (row, GPOINTER_TO_UINT (column)));
}

/* GTK 4.8 does not say which column the user sorts by
 * (gtk_column_view_sorter_get_primary_sort_column is 4.10), and a
 * GtkSortListModel would sort every row in memory, five million for the
 * activity table.  So each column's sorter only answers a probe: comparing
 * two stand-ins through the view's sorter asks the primary column first,
 * which notes its index and answers "smaller", reversed when descending.
 * The store then sorts (pc_row_list_set_order). */
typedef struct
{
  PcReferenceView *view;
  guint            column;
} ColumnProbe;

static void show_error (PcReferenceView *self,
                        const GError    *error);

static int
probe_column (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  ColumnProbe *probe = data;

  if (probe->view->probed_column < 0)
    probe->view->probed_column = (int) probe->column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 PcReferenceView *self)
{
  g_autoptr(GError) error = NULL;
  GtkOrdering order;

  if (self->loading || self->rows == NULL)
    return;
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (!pc_row_list_set_order (self->rows, self->probed_column, order == GTK_ORDERING_LARGER, &error))
    show_error (self, error);
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   PcReferenceView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->rows == NULL)
    return;
  if (!pc_row_list_set_filter (self->rows, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    show_error (self, error);
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcReferenceView *self = PC_REFERENCE_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_columns (PcReferenceView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
build_columns (PcReferenceView *self)
{
  guint n_columns = pc_row_list_get_n_columns (self->rows);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      gboolean numeric = pc_row_list_column_is_numeric (self->rows, c);
      ColumnProbe *probe = g_new0 (ColumnProbe, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      probe->view = self;
      probe->column = c;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_column, probe, g_free));
      column = gtk_column_view_column_new (pc_row_list_get_column_title (self->rows, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
update_count (PcReferenceView *self)
{
  guint n = self->rows != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  g_autofree char *number = pc_format_number (n, 0);
  g_autofree char *text = g_strdup_printf (ngettext ("%s row", "%s rows", n), number);

  gtk_label_set_text (self->count_label, text);
}

static void
show_error (PcReferenceView *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_label_set_text (self->count_label, "");
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
show_read_error (gpointer data)
{
  PcReferenceView *self = data;
  const GError *error = pc_row_list_get_read_error (self->rows);

  self->read_error_idle = 0;
  /* A reload may have succeeded meanwhile. */
  if (error != NULL)
    show_error (self, error);
}

/* Rows that could not be read show empty cells; the view says why instead
 * of leaving a table that looks complete.  The list announces it while the
 * column view is laying out, so the page changes afterwards. */
static void
on_read_error (PcReferenceView *self)
{
  if (pc_row_list_get_read_error (self->rows) != NULL && self->read_error_idle == 0)
    self->read_error_idle = g_idle_add_once (show_read_error, self);
}

static void
drop_rows (PcReferenceView *self)
{
  g_clear_handle_id (&self->read_error_idle, g_source_remove);
  self->loading = TRUE;
  /* Gone on a second dispose: gtk_widget_dispose_template() cleared it. */
  if (self->column_view != NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      clear_columns (self);
    }
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);
  self->loading = FALSE;
}

/* Shows the chosen table of the project, reading it afresh. */
static char *
describe_age (const char *imported_at)
{
  g_autoptr(GDateTime) when = imported_at != NULL ? g_date_time_new_from_iso8601 (imported_at, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 days;

  if (when == NULL)
    return NULL;
  days = g_date_time_difference (now, when) / G_TIME_SPAN_DAY;
  if (days < 1)
    return g_strdup (_("imported today"));
  if (days < 2)
    return g_strdup (_("imported yesterday"));
  return g_strdup_printf (ngettext ("imported %d day ago", "imported %d days ago", (gulong) days), (int) days);
}

/* "ONS 2022-based SNPP, June 2025 · imported 3 days ago", from the
 * newest record of an import into the table. */
static void
update_source (PcReferenceView *self)
{
  g_autoptr(GPtrArray) sources = pc_project_list_sources (self->project, NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      PcSource *source = g_ptr_array_index (sources, i);
      g_autofree char *age = NULL;

      if (g_strcmp0 (source->table, self->table) != 0)
        continue;
      age = describe_age (source->imported_at);
      text = g_strdup_printf ("%s%s%s", source->source != NULL ? source->source : _("source not recorded"),
                              age != NULL ? " · " : "", age != NULL ? age : "");
      break;
    }
  gtk_label_set_text (self->source_label, text != NULL ? text : _("source not recorded"));
}

static void
load_table (PcReferenceView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autofree char *accessible = NULL;

  drop_rows (self);
  if (self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "no-project");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "browser");
  gtk_label_set_text (self->title_label, table_title (self->table));
  update_source (self);

  self->rows = pc_row_list_new (self->project, self->table, &error);
  if (self->rows == NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (self->rows, "notify::read-error", G_CALLBACK (on_read_error), self);

  /* The filter typed stays as the user goes from table to table. */
  if (!pc_row_list_set_filter (self->rows, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), &error))
    {
      show_error (self, error);
      return;
    }
  self->loading = TRUE;
  build_columns (self);
  self->loading = FALSE;
  /* Single selection keeps the user's place in a long table; it holds no
   * items of its own, so it costs nothing over a million rows.  Nothing is
   * selected until the user picks a row: set before the model, or the
   * first row would already be. */
  selection = g_object_new (GTK_TYPE_SINGLE_SELECTION,
                            "autoselect", FALSE,
                            "can-unselect", TRUE,
                            "model", self->rows,
                            NULL);
  gtk_column_view_set_model (self->column_view, selection);

  /* Translators: the accessible name of the table, e.g. "Tariffs table". */
  accessible = g_strdup_printf (_("%s table"), table_title (self->table));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  update_count (self);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

static void
select_sidebar_row (PcReferenceView *self)
{
  int index = table_index (self->table);

  if (index < 0)
    gtk_list_box_unselect_all (self->table_list);
  else
    gtk_list_box_select_row (self->table_list,
                             gtk_list_box_get_row_at_index (self->table_list, index));
}

static void
on_table_selected (GtkListBox      *list,
                   GtkListBoxRow   *row,
                   PcReferenceView *self)
{
  if (row != NULL)
    pc_reference_view_set_table (self, pc_row_list_get_tables ()[gtk_list_box_row_get_index (row)]);
}

static void
pc_reference_view_dispose (GObject *object)
{
  PcReferenceView *self = PC_REFERENCE_VIEW (object);

  drop_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_REFERENCE_VIEW);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (pc_reference_view_parent_class)->dispose (object);
}

static void
pc_reference_view_finalize (GObject *object)
{
  PcReferenceView *self = PC_REFERENCE_VIEW (object);

  g_clear_pointer (&self->table, g_free);
  G_OBJECT_CLASS (pc_reference_view_parent_class)->finalize (object);
}

static void
pc_reference_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcReferenceView *self = PC_REFERENCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_TABLE:
      g_value_set_string (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_reference_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PcReferenceView *self = PC_REFERENCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      pc_reference_view_set_project (self, g_value_get_object (value));
      break;
    case PROP_TABLE:
      pc_reference_view_set_table (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_reference_view_class_init (PcReferenceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_reference_view_dispose;
  object_class->finalize = pc_reference_view_finalize;
  object_class->get_property = pc_reference_view_get_property;
  object_class->set_property = pc_reference_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, PC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TABLE] =
    g_param_spec_string ("table", NULL, NULL, "tariffs",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathcost/Pathcost/pc-reference-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, table_list);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, source_label);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PcReferenceView, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_table_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_install_action (widget_class, "reference.find", NULL, find_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_reference_view_init (PcReferenceView *self)
{
  self->table = g_strdup ("tariffs");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->probed_column = -1;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sort_changed), self, 0);

  for (const char * const *table = pc_row_list_get_tables (); *table != NULL; table++)
    {
      GtkWidget *label = gtk_label_new (table_title (*table));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_list_box_append (self->table_list, label);
    }
  select_sidebar_row (self);
  gtk_stack_set_visible_child_name (self->main_stack, "no-project");
}

GtkWidget *
pc_reference_view_new (void)
{
  return g_object_new (PC_TYPE_REFERENCE_VIEW, NULL);
}

void
pc_reference_view_set_project (PcReferenceView *self,
                               PcProject       *project)
{
  g_return_if_fail (PC_IS_REFERENCE_VIEW (self));
  g_return_if_fail (project == NULL || PC_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  load_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

PcProject *
pc_reference_view_get_project (PcReferenceView *self)
{
  g_return_val_if_fail (PC_IS_REFERENCE_VIEW (self), NULL);
  return self->project;
}

void
pc_reference_view_set_table (PcReferenceView *self,
                             const char      *table)
{
  g_return_if_fail (PC_IS_REFERENCE_VIEW (self));
  g_return_if_fail (table != NULL);

  if (g_strcmp0 (self->table, table) == 0)
    return;
  g_free (self->table);
  self->table = g_strdup (table);
  /* Selecting the row calls back here with the same name, which stops. */
  select_sidebar_row (self);
  load_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

const char *
pc_reference_view_get_table (PcReferenceView *self)
{
  g_return_val_if_fail (PC_IS_REFERENCE_VIEW (self), NULL);
  return self->table;
}

void
pc_reference_view_reload (PcReferenceView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PC_IS_REFERENCE_VIEW (self));

  /* A table that could not be read before may be readable now. */
  if (self->rows == NULL)
    {
      load_table (self);
      return;
    }
  if (!pc_row_list_reload (self->rows, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

GListModel *
pc_reference_view_get_model (PcReferenceView *self)
{
  g_return_val_if_fail (PC_IS_REFERENCE_VIEW (self), NULL);
  return self->rows != NULL ? G_LIST_MODEL (self->rows) : NULL;
}
