/* pc-actual-cost-view.c: docs/MODEL.md's actual cost per patient beside
 * the engine's expected cost per patient (pc-breakdown.c) of the site's
 * best-practice pathway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pc-activity-util.h"
#include "pc-actual-cost-view.h"
#include "pc-breakdown.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-project-activity-views.h"

struct _PcActualCostView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkDropDown  *site_choice;
  GtkDropDown  *provider_choice;
  GtkLabel     *pathway_label;
  PcBoxPlot    *plot;
  GtkGrid      *grid;

  PcDocument   *document;
  GPtrArray    *costs;            /* of PcActualCost */
  GHashTable   *provider_names;
  GHashTable   *site_names;
  gboolean      filling;
};

G_DEFINE_FINAL_TYPE (PcActualCostView, pc_actual_cost_view, GTK_TYPE_WIDGET)

/* E(stage) of the site's best-practice pathway, NAN where there is none. */
static void
expected_for_site (PcActualCostView *self,
                   const char       *site,
                   double            expected[PC_N_STAGES])
{
  PcProject *project = pc_document_get_project (self->document);
  g_autofree char *name = pc_project_find_best_practice (project, site);
  g_autoptr(PcPathway) pathway = name != NULL ? pc_project_load_pathway (project, name, NULL) : NULL;
  PcProjectionInput *input = pathway != NULL ? pc_project_load_site_input (project, site, NULL) : NULL;
  g_autofree char *text = NULL;

  for (guint s = 0; s < PC_N_STAGES; s++)
    expected[s] = NAN;
  if (input != NULL)
    {
      g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, input);
      g_autofree char *described = pc_project_describe_pathway (project, pathway);

      memcpy (expected, breakdown->total.expected, sizeof breakdown->total.expected);
      text = g_strdup_printf (_("Expected cost per patient diagnosed: %s (%s), before inflation."), described, name);
      pc_projection_input_free (input);
    }
  else
    text = g_strdup (_("The site has no best-practice pathway: there is no expected cost to compare with."));
  gtk_label_set_text (self->pathway_label, text);
}

static void
add_table_row (GtkGrid            *grid,
               int                 row,
               const char         *provider,
               const PcActualCost *cost,
               double              expected)
{
  g_autofree char *patients = pc_format_number ((double) cost->patients, 0);
  g_autofree char *mean = pc_format_money (cost->mean);
  g_autofree char *q1 = pc_format_money (cost->q1);
  g_autofree char *median = pc_format_money (cost->median);
  g_autofree char *q3 = pc_format_money (cost->q3);
  g_autofree char *e = isfinite (expected) ? pc_format_money (expected) : g_strdup ("—");
  const char *texts[] = { provider, pc_stage_label (cost->stage), patients, mean, q1, median, q3, e, NULL };

  pc_grid_table_add_row (grid, row, texts, FALSE);
  pc_grid_table_set_text (grid, row, 1, texts[1], FALSE, FALSE);
}

static void
fill (PcActualCostView *self)
{
  const char *site = pc_activity_choice_get (self->site_choice);
  const char *provider = pc_activity_choice_get (self->provider_choice);
  const char *heading[] = { _("Provider"), _("Stage"), _("Patients"), _("Mean"), _("Q1"), _("Median"),
                            _("Q3"), _("Expected"), NULL };
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (PcBoxPlotItem));
  double expected[PC_N_STAGES];
  int row = 1;

  pc_grid_table_clear (self->grid);
  pc_grid_table_add_row (self->grid, 0, heading, TRUE);
  pc_grid_table_set_text (self->grid, 0, 1, heading[1], FALSE, TRUE);
  if (site == NULL)
    {
      pc_box_plot_set_items (self->plot, NULL, 0);
      return;
    }
  expected_for_site (self, site, expected);
  for (guint i = 0; i < self->costs->len; i++)
    {
      const PcActualCost *cost = g_ptr_array_index (self->costs, i);
      const char *name = pc_activity_name_of (self->provider_names, cost->provider);
      PcBoxPlotItem item;

      if (g_strcmp0 (cost->site, site) != 0 || (provider != NULL && g_strcmp0 (cost->provider, provider) != 0))
        continue;
      add_table_row (self->grid, row++, name, cost, expected[cost->stage]);
      item = (PcBoxPlotItem) { name, pc_stage_label (cost->stage), cost->patients, cost->q1,
                               cost->median, cost->q3, cost->mean, expected[cost->stage] };
      g_array_append_val (items, item);
    }
  pc_box_plot_set_items (self->plot, (PcBoxPlotItem *) (void *) items->data, items->len);
  pc_activity_wrap_column (self->grid, 0, 28);
}

static void
on_choice_changed (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   PcActualCostView *self)
{
  if (!self->filling && self->costs != NULL)
    fill (self);
}

static GStrv
sites_of (GPtrArray *costs)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < costs->len; i++)
    g_hash_table_add (present, ((PcActualCost *) g_ptr_array_index (costs, i))->site);
  return pc_activity_sorted_keys (present);
}

void
pc_actual_cost_view_refresh (PcActualCostView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sites = NULL, providers = NULL;
  PcProject *project;

  g_return_if_fail (PC_IS_ACTUAL_COST_VIEW (self));
  g_clear_pointer (&self->costs, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->site_names, g_hash_table_unref);
  if (self->document == NULL)
    return;
  project = pc_document_get_project (self->document);
  self->costs = pc_project_activity_costs (project, NULL, &error);
  if (self->costs == NULL)
    {
      gtk_label_set_text (self->pathway_label, error->message);
      return;
    }
  self->provider_names = pc_project_load_provider_names (project, NULL);
  self->site_names = pc_project_load_site_names (project, NULL);
  sites = sites_of (self->costs);
  providers = pc_activity_sorted_keys (self->provider_names);
  self->filling = TRUE;
  pc_activity_choice_fill (self->site_choice, NULL, sites, self->site_names);
  pc_activity_choice_fill (self->provider_choice, _("All providers"), providers, self->provider_names);
  self->filling = FALSE;
  fill (self);
}

void
pc_actual_cost_view_set_document (PcActualCostView *self,
                                  PcDocument       *document)
{
  g_return_if_fail (PC_IS_ACTUAL_COST_VIEW (self));
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document,
                               (PcActivityRefresh) pc_actual_cost_view_refresh);
}

gboolean
pc_actual_cost_view_choose (PcActualCostView *self,
                            const char       *site,
                            const char       *provider)
{
  g_return_val_if_fail (PC_IS_ACTUAL_COST_VIEW (self), FALSE);
  return pc_activity_choice_select (self->site_choice, site)
         && pc_activity_choice_select (self->provider_choice, provider);
}

GtkGrid *
pc_actual_cost_view_get_grid (PcActualCostView *self)
{
  return self->grid;
}

PcBoxPlot *
pc_actual_cost_view_get_plot (PcActualCostView *self)
{
  return self->plot;
}

static void
pc_actual_cost_view_dispose (GObject *object)
{
  PcActualCostView *self = PC_ACTUAL_COST_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->costs, g_ptr_array_unref);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  g_clear_pointer (&self->site_names, g_hash_table_unref);
  G_OBJECT_CLASS (pc_actual_cost_view_parent_class)->dispose (object);
}

static void
pc_actual_cost_view_class_init (PcActualCostViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pc_actual_cost_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pc_actual_cost_view_init (PcActualCostView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *table_scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->box = pc_activity_page_new (GTK_WIDGET (self));
  self->site_choice = pc_activity_choice_new (_("Tumour site"));
  self->provider_choice = pc_activity_choice_new (_("Provider"));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Site"), GTK_WIDGET (self->site_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Provider"), GTK_WIDGET (self->provider_choice)));
  gtk_box_append (GTK_BOX (self->box), bar);
  self->pathway_label = GTK_LABEL (pc_activity_note (NULL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->pathway_label));
  self->plot = PC_BOX_PLOT (pc_box_plot_new ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->plot));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actual cost per patient by provider and stage"), -1);
  /* The plot takes the page's width; only the table, a column a stage,
   * scrolls sideways where it is wider than the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (table_scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scrolled), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (content), table_scrolled);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  g_signal_connect (self->site_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->provider_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
}
