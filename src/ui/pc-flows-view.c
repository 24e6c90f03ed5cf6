/* pc-flows-view.c: areas (or area groups) by providers, one measure of
 * docs/MODEL.md's flows at a time, each cell shaded by its value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pc-activity-util.h"
#include "pc-flows-view.h"
#include "pc-format.h"
#include "pc-grid-table.h"

/* One row of the matrix: an area or a group, its value per provider. */
typedef struct
{
  char   *name;
  double *values;
  double  total;
} MatrixRow;

struct _PcFlowsView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkDropDown  *measure_choice;
  GtkDropDown  *rows_choice;
  GtkDropDown  *sort_choice;
  GtkGrid      *grid;
  GtkLabel     *summary;

  PcDocument   *document;
  GPtrArray    *flows;        /* of PcFlow */
  GHashTable   *provider_names;
  GStrv         providers;    /* the columns, codes in order */
  /* -2: by name, -1: by the total, ≥ 0: by that provider's column */
  int           sort_column;
};

G_DEFINE_FINAL_TYPE (PcFlowsView, pc_flows_view, GTK_TYPE_WIDGET)

static void
matrix_row_free (MatrixRow *row)
{
  g_free (row->name);
  g_free (row->values);
  g_free (row);
}

static double
flow_value (const PcFlow   *flow,
            PcFlowsMeasure  measure)
{
  return measure == PC_FLOWS_PATIENTS ? (double) flow->patients
         : measure == PC_FLOWS_COST ? flow->cost : flow->tariff_paid;
}

static char *
format_value (double         value,
              PcFlowsMeasure measure)
{
  return measure == PC_FLOWS_PATIENTS ? pc_format_number (value, 0) : pc_format_money (value);
}

static int
provider_column (PcFlowsView *self,
                 const char  *code)
{
  for (int c = 0; self->providers[c] != NULL; c++)
    if (g_strcmp0 (self->providers[c], code) == 0)
      return c;
  return -1;
}

/* The row of @area: its group's when grouping (areas in no group stay
 * rows of their own), the area's otherwise. */
static MatrixRow *
row_for (PcFlowsView *self,
         GHashTable  *rows,
         GHashTable  *group_of,
         const char  *area)
{
  PcProject *project = pc_document_get_project (self->document);
  const char *group = group_of != NULL ? g_hash_table_lookup (group_of, area) : NULL;
  MatrixRow *row = g_hash_table_lookup (rows, group != NULL ? group : area);

  if (row == NULL)
    {
      row = g_new0 (MatrixRow, 1);
      row->name = group != NULL ? g_strdup (group) : pc_project_get_area_name (project, area);
      if (row->name == NULL)
        row->name = g_strdup (area);
      row->values = g_new0 (double, g_strv_length (self->providers));
      g_hash_table_insert (rows, g_strdup (group != NULL ? group : area), row);
    }
  return row;
}

/* Area code → its group's name, for every area of a group. */
static GHashTable *
load_groups (PcFlowsView *self)
{
  g_autoptr(GPtrArray) places = pc_project_list_places (pc_document_get_project (self->document), NULL);
  GHashTable *group_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      const PcPlace *place = g_ptr_array_index (places, i);

      for (guint m = 0; place->members != NULL && place->members[m] != NULL; m++)
        g_hash_table_replace (group_of, g_strdup (place->members[m]), g_strdup (place->name));
    }
  return group_of;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const MatrixRow *x = *(MatrixRow * const *) a, *y = *(MatrixRow * const *) b;
  int column = GPOINTER_TO_INT (data);
  double vx, vy;

  if (column == -2)
    return g_utf8_collate (x->name, y->name);
  vx = column == -1 ? x->total : x->values[column];
  vy = column == -1 ? y->total : y->values[column];
  /* Largest first; ties by name, so the order never depends on the hash. */
  return vx > vy ? -1 : vx < vy ? 1 : g_utf8_collate (x->name, y->name);
}

static GPtrArray *
build_rows (PcFlowsView    *self,
            PcFlowsMeasure  measure,
            gboolean        by_group)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) group_of = by_group ? load_groups (self) : NULL;
  GPtrArray *sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) matrix_row_free);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->flows->len; i++)
    {
      const PcFlow *flow = g_ptr_array_index (self->flows, i);
      MatrixRow *row = row_for (self, rows, group_of, flow->area);
      int c = provider_column (self, flow->provider);

      row->values[c] += flow_value (flow, measure);
      row->total += flow_value (flow, measure);
    }
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort_with_data (sorted, compare_rows, GINT_TO_POINTER (self->sort_column));
  return sorted;
}

static void sort_by (PcFlowsView *self, int column);

static void
on_heading_clicked (GtkButton   *button,
                    PcFlowsView *self)
{
  sort_by (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "pc-column")));
}

/* A column heading that sorts by its column, as a spreadsheet's does. */
static GtkWidget *
heading_button (PcFlowsView *self,
                const char  *text,
                int          column)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *tooltip = column == -2 ? g_strdup (_("Sort by name"))
                             : g_strdup_printf (_("Sort by “%s”, largest first"), text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_justify (GTK_LABEL (label), column == -2 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), column == -2 ? 0.0 : 1.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  if (column == self->sort_column)
    gtk_widget_add_css_class (button, "pc-sorted");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "pc-column", GINT_TO_POINTER (column));
  g_signal_connect (button, "clicked", G_CALLBACK (on_heading_clicked), self);
  return button;
}

static void
fill_headings (PcFlowsView *self,
               gboolean     by_group,
               int          n)
{
  gtk_grid_attach (self->grid, heading_button (self, by_group ? _("Area group") : _("Area"), -2), 0, 0, 1, 1);
  for (int c = 0; c < n; c++)
    gtk_grid_attach (self->grid,
                     heading_button (self, pc_activity_name_of (self->provider_names, self->providers[c]), c),
                     c + 1, 0, 1, 1);
  gtk_grid_attach (self->grid, heading_button (self, _("Total"), -1), n + 1, 0, 1, 1);
}

static void
fill_matrix (PcFlowsView *self)
{
  PcFlowsMeasure measure = gtk_drop_down_get_selected (self->measure_choice);
  gboolean by_group = gtk_drop_down_get_selected (self->rows_choice) == 1;
  g_autoptr(GPtrArray) rows = build_rows (self, measure, by_group);
  int n = (int) g_strv_length (self->providers);
  g_autofree double *column_totals = g_new0 (double, n + 1);
  double largest = 0;

  pc_grid_table_clear (self->grid);
  fill_headings (self, by_group, n);
  for (guint r = 0; r < rows->len; r++)
    for (int c = 0; c < n; c++)
      largest = MAX (largest, ((MatrixRow *) g_ptr_array_index (rows, r))->values[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      const MatrixRow *row = g_ptr_array_index (rows, r);
      g_autofree char *total = format_value (row->total, measure);

      gtk_grid_attach (self->grid, pc_grid_table_cell (row->name, FALSE, FALSE), 0, (int) r + 1, 1, 1);
      for (int c = 0; c < n; c++)
        {
          g_autofree char *text = format_value (row->values[c], measure);

          gtk_grid_attach (self->grid, pc_activity_shaded_cell (text, largest > 0 ? row->values[c] / largest : NAN),
                           c + 1, (int) r + 1, 1, 1);
          column_totals[c] += row->values[c];
        }
      gtk_grid_attach (self->grid, pc_grid_table_cell (total, TRUE, TRUE), n + 1, (int) r + 1, 1, 1);
      column_totals[n] += row->total;
    }
  gtk_grid_attach (self->grid, pc_grid_table_cell (_("Total"), FALSE, TRUE), 0, (int) rows->len + 1, 1, 1);
  for (int c = 0; c <= n; c++)
    {
      g_autofree char *text = format_value (column_totals[c], measure);

      gtk_grid_attach (self->grid, pc_grid_table_cell (text, TRUE, TRUE), c + 1, (int) rows->len + 1, 1, 1);
    }
}

static void
fill_sort_choice (PcFlowsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char *[]) { _("By name"), _("By total"), NULL });

  for (guint c = 0; self->providers != NULL && self->providers[c] != NULL; c++)
    {
      g_autofree char *label = g_strdup_printf (_("By %s"), pc_activity_name_of (self->provider_names, self->providers[c]));

      gtk_string_list_append (labels, label);
    }
  g_signal_handlers_block_matched (self->sort_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->sort_choice, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->sort_choice, (guint) (self->sort_column + 2));
  g_signal_handlers_unblock_matched (self->sort_choice, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
sort_by (PcFlowsView *self,
         int          column)
{
  self->sort_column = column;
  fill_sort_choice (self);
  fill_matrix (self);
}

static void
on_sort_chosen (GtkDropDown *drop_down,
                GParamSpec  *pspec,
                PcFlowsView *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected != GTK_INVALID_LIST_POSITION && (int) selected - 2 != self->sort_column)
    sort_by (self, (int) selected - 2);
}

static void
on_choice_changed (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   PcFlowsView *self)
{
  if (self->flows != NULL)
    fill_matrix (self);
}

void
pc_flows_view_refresh (PcFlowsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  PcProject *project;

  g_return_if_fail (PC_IS_FLOWS_VIEW (self));
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->providers, g_strfreev);
  pc_grid_table_clear (self->grid);
  if (self->document == NULL)
    return;
  project = pc_document_get_project (self->document);
  self->flows = pc_project_activity_flows (project, NULL, &error);
  if (self->flows == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  self->provider_names = pc_project_load_provider_names (project, NULL);
  /* Only providers with activity are columns, in the order of their codes. */
  for (guint i = 0; i < self->flows->len; i++)
    g_hash_table_add (present, ((PcFlow *) g_ptr_array_index (self->flows, i))->provider);
  all = pc_activity_sorted_keys (present);
  for (guint i = 0; all[i] != NULL; i++)
    g_strv_builder_add (columns, all[i]);
  self->providers = g_strv_builder_end (columns);
  if (self->sort_column >= (int) g_strv_length (self->providers))
    self->sort_column = -2;
  fill_sort_choice (self);
  gtk_label_set_text (self->summary,
                      _("Patients with at least one record for the area at the provider; a patient seen by "
                        "two providers counts in both columns. Cost is what the care cost the provider, "
                        "tariff paid what the commissioner paid. Choose a heading to sort by it."));
  fill_matrix (self);
}

void
pc_flows_view_set_document (PcFlowsView *self,
                            PcDocument  *document)
{
  g_return_if_fail (PC_IS_FLOWS_VIEW (self));
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document,
                               (PcActivityRefresh) pc_flows_view_refresh);
}

void
pc_flows_view_set_measure (PcFlowsView    *self,
                           PcFlowsMeasure  measure)
{
  gtk_drop_down_set_selected (self->measure_choice, measure);
}

void
pc_flows_view_set_by_group (PcFlowsView *self,
                            gboolean     by_group)
{
  gtk_drop_down_set_selected (self->rows_choice, by_group ? 1 : 0);
}

GtkGrid *
pc_flows_view_get_grid (PcFlowsView *self)
{
  return self->grid;
}

static void
pc_flows_view_dispose (GObject *object)
{
  PcFlowsView *self = PC_FLOWS_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->providers, g_strfreev);
  G_OBJECT_CLASS (pc_flows_view_parent_class)->dispose (object);
}

static void
pc_flows_view_class_init (PcFlowsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pc_flows_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pc_flows_view_init (PcFlowsView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  self->sort_column = -2;
  self->box = pc_activity_page_new (GTK_WIDGET (self));
  self->measure_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
    (const char *[]) { _("Patients"), _("Cost"), _("Tariff paid"), NULL }));
  self->rows_choice = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
    (const char *[]) { _("Areas"), _("Area groups"), NULL }));
  self->sort_choice = pc_activity_choice_new (_("Sort the rows"));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Show"), GTK_WIDGET (self->measure_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Rows"), GTK_WIDGET (self->rows_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("S_ort"), GTK_WIDGET (self->sort_choice)));
  gtk_box_append (GTK_BOX (self->box), bar);
  self->grid = pc_activity_matrix_append (self->box, _("Flows from areas to providers"));
  self->summary = GTK_LABEL (pc_activity_note (NULL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  g_signal_connect (self->measure_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->rows_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->sort_choice, "notify::selected", G_CALLBACK (on_sort_chosen), self);
}
