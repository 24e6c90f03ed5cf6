/* pc-unit-cost-view.c: docs/MODEL.md's unit costs set against what each
 * step of a provider's pathway is paid, and the gap with its sign
 * (docs/MODEL.md, "Provider gap": positive when the provider's cost is
 * above what it is paid).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-activity-util.h"
#include "pc-breakdown.h"
#include "pc-costing.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-project-activity-views.h"
#include "pc-unit-cost-view.h"

struct _PcUnitCostView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkDropDown  *provider_choice;
  GtkDropDown  *pathway_choice;
  GtkButton    *apply_button;
  GtkGrid      *grid;
  GtkLabel     *summary;

  PcDocument   *document;
  GHashTable   *provider_names;
  gboolean      filling;
  gboolean      chosen;       /* the user chose a provider */
};

G_DEFINE_FINAL_TYPE (PcUnitCostView, pc_unit_cost_view, GTK_TYPE_WIDGET)

static const PcUnitCost *
find_unit_cost (GPtrArray  *costs,
                const char *hrg)
{
  for (guint i = 0; i < costs->len; i++)
    {
      const PcUnitCost *cost = g_ptr_array_index (costs, i);

      if (g_strcmp0 (cost->hrg, hrg) == 0)
        return cost;
    }
  return NULL;
}

static void
add_step_row (PcUnitCostView   *self,
              int               row,
              const PcPathway  *pathway,
              const PcStep     *step,
              const PcUnitCost *cost)
{
  double payment = pc_tariff_unit_cost (step->tariff_price, pathway->mff);
  gboolean has_cost = cost != NULL && isfinite (cost->mean_unit_cost);
  g_autoptr(PcStep) priced = pc_step_copy (step);
  g_autofree char *records = pc_format_number (cost != NULL ? (double) cost->records : 0, 0);
  g_autofree char *units = pc_format_number (cost != NULL ? cost->quantity : 0, 1);
  g_autofree char *mean = has_cost ? pc_format_money (cost->mean_unit_cost) : g_strdup ("—");
  g_autofree char *paid = pc_format_money (payment);
  g_autofree char *gap = NULL;
  g_autofree char *now = step->has_provider_unit_cost ? pc_format_money (step->provider_unit_cost)
                                                       : g_strdup (_("none"));
  g_autofree char *title = step->year_offset > 0 ? g_strdup_printf (_("%s (year %d)"), step->name, step->year_offset + 1)
                                                 : g_strdup (step->name);
  const char *texts[] = { title, step->tariff_code, records, units, mean, paid, NULL, now, NULL };

  priced->has_provider_unit_cost = has_cost;
  priced->provider_unit_cost = has_cost ? cost->mean_unit_cost : 0;
  gap = has_cost ? pc_format_money (pc_step_provider_gap (priced, pathway->mff)) : g_strdup ("—");
  texts[6] = gap;
  pc_grid_table_add_row (self->grid, row, texts, FALSE);
  pc_grid_table_set_text (self->grid, row, 1, step->tariff_code, FALSE, FALSE);
  if (has_cost && pc_step_provider_gap (priced, pathway->mff) > 0)
    gtk_widget_add_css_class (gtk_grid_get_child_at (self->grid, 6, row), "error");
}

static void
fill (PcUnitCostView *self)
{
  PcProject *project = pc_document_get_project (self->document);
  const char *provider = pc_activity_choice_get (self->provider_choice);
  const char *name = pc_activity_choice_get (self->pathway_choice);
  const char *heading[] = { _("Step"), _("HRG"), _("Records"), _("Units"), _("Provider’s cost per unit"),
                            _("Tariff × MFF"), _("Gap"), _("In the pathway now"), NULL };
  g_autoptr(GPtrArray) costs = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GError) error = NULL;
  int row = 1;

  pc_grid_table_clear (self->grid);
  pc_grid_table_add_row (self->grid, 0, heading, TRUE);
  pc_grid_table_set_text (self->grid, 0, 1, heading[1], FALSE, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  if (provider == NULL || name == NULL)
    {
      gtk_label_set_text (self->summary, _("This provider has no pathway of its own to compare with or write into."));
      return;
    }
  costs = pc_project_activity_unit_costs (project, provider, &error);
  pathway = costs != NULL ? pc_project_load_pathway (project, name, &error) : NULL;
  if (pathway == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (step->tariff_code != NULL)
        add_step_row (self, row++, pathway, step, find_unit_cost (costs, step->tariff_code));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), row > 1);
  pc_activity_wrap_column (self->grid, 0, 30);
  {
    g_autofree char *mff = pc_format_number (pathway->mff, 4);
    g_autofree char *text = g_strdup_printf (_("The provider’s mean cost per unit (Σ cost ÷ Σ quantity of its records of "
                                               "the HRG) against the tariff price × its MFF of %s. A positive gap is "
                                               "a loss to the provider. Apply writes the mean costs into the "
                                               "pathway’s steps; Undo takes them back."), mff);

    gtk_label_set_text (self->summary, text);
  }
}

static void
fill_pathways (PcUnitCostView *self)
{
  PcProject *project = pc_document_get_project (self->document);
  const char *provider = pc_activity_choice_get (self->provider_choice);
  g_auto(GStrv) pathways = provider != NULL ? pc_project_list_provider_pathways (project, provider, NULL) : NULL;
  g_autoptr(GHashTable) described = pc_activity_describe_pathways (project, (const char * const *) pathways, FALSE);

  pc_activity_choice_fill (self->pathway_choice, NULL, pathways, described);
}

/* First shown: the first provider that has a pathway of its own, the
 * only kind the view can compare with and write into. */
static void
select_provider_with_pathway (PcUnitCostView *self,
                              GStrv           providers)
{
  PcProject *project = pc_document_get_project (self->document);

  for (guint i = 0; providers[i] != NULL; i++)
    {
      g_auto(GStrv) pathways = pc_project_list_provider_pathways (project, providers[i], NULL);

      if (pathways != NULL && pathways[0] != NULL)
        {
          pc_activity_choice_select (self->provider_choice, providers[i]);
          return;
        }
    }
}

static void
on_provider_changed (GtkDropDown    *drop_down,
                     GParamSpec     *pspec,
                     PcUnitCostView *self)
{
  if (self->filling || self->document == NULL)
    return;
  self->chosen = TRUE;
  self->filling = TRUE;
  fill_pathways (self);
  self->filling = FALSE;
  fill (self);
}

static void
on_pathway_changed (GtkDropDown    *drop_down,
                    GParamSpec     *pspec,
                    PcUnitCostView *self)
{
  if (!self->filling && self->document != NULL)
    fill (self);
}

static gboolean
apply_edit (PcProject *project,
            gpointer   data,
            GError   **error)
{
  return pc_project_apply_unit_costs (project, data, NULL, error);
}

gboolean
pc_unit_cost_view_apply (PcUnitCostView *self)
{
  const char *pathway = pc_activity_choice_get (self->pathway_choice);
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PC_IS_UNIT_COST_VIEW (self), FALSE);
  if (self->document == NULL || pathway == NULL)
    return FALSE;
  label = g_strdup_printf (_("Apply Unit Costs to %s"), pathway);
  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, apply_edit, (gpointer) pathway, &error))
    {
      gtk_label_set_text (self->summary, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_apply_clicked (GtkButton      *button,
                  PcUnitCostView *self)
{
  pc_unit_cost_view_apply (self);
}

void
pc_unit_cost_view_refresh (PcUnitCostView *self)
{
  g_auto(GStrv) providers = NULL;
  PcProject *project;

  g_return_if_fail (PC_IS_UNIT_COST_VIEW (self));
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  pc_grid_table_clear (self->grid);
  if (self->document == NULL)
    return;
  project = pc_document_get_project (self->document);
  self->provider_names = pc_project_load_provider_names (project, NULL);
  providers = pc_activity_sorted_keys (self->provider_names);
  self->filling = TRUE;
  pc_activity_choice_fill (self->provider_choice, NULL, providers, self->provider_names);
  if (!self->chosen)
    select_provider_with_pathway (self, providers);
  fill_pathways (self);
  self->filling = FALSE;
  fill (self);
}

void
pc_unit_cost_view_set_document (PcUnitCostView *self,
                                PcDocument     *document)
{
  g_return_if_fail (PC_IS_UNIT_COST_VIEW (self));
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document,
                               (PcActivityRefresh) pc_unit_cost_view_refresh);
}

gboolean
pc_unit_cost_view_choose (PcUnitCostView *self,
                          const char     *provider,
                          const char     *pathway)
{
  g_return_val_if_fail (PC_IS_UNIT_COST_VIEW (self), FALSE);
  if (!pc_activity_choice_select (self->provider_choice, provider))
    return FALSE;
  return pathway == NULL || pc_activity_choice_select (self->pathway_choice, pathway);
}

GtkGrid *
pc_unit_cost_view_get_grid (PcUnitCostView *self)
{
  return self->grid;
}

static void
pc_unit_cost_view_dispose (GObject *object)
{
  PcUnitCostView *self = PC_UNIT_COST_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->provider_names, g_hash_table_unref);
  G_OBJECT_CLASS (pc_unit_cost_view_parent_class)->dispose (object);
}

static void
pc_unit_cost_view_class_init (PcUnitCostViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pc_unit_cost_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pc_unit_cost_view_init (PcUnitCostView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->box = pc_activity_page_new (GTK_WIDGET (self));
  self->provider_choice = pc_activity_choice_new (_("Provider"));
  self->pathway_choice = pc_activity_choice_new (_("The provider’s pathway"));
  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply to Pathway")));
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->apply_button),
                               _("Write these mean costs per unit into the pathway’s provider unit costs (undoable)"));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Provider"), GTK_WIDGET (self->provider_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("Pa_thway"), GTK_WIDGET (self->pathway_choice)));
  gtk_box_append (GTK_BOX (self->box), bar);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Provider unit costs against tariff × MFF"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  self->summary = GTK_LABEL (pc_activity_note (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  /* Below the table, beside what it writes: the bar above holds two
   * long names already. */
  {
    GtkWidget *foot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_box_append (GTK_BOX (foot), GTK_WIDGET (self->summary));
    gtk_box_append (GTK_BOX (foot), GTK_WIDGET (self->apply_button));
    gtk_widget_set_valign (GTK_WIDGET (self->apply_button), GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (self->box), foot);
  }
  g_signal_connect (self->provider_choice, "notify::selected", G_CALLBACK (on_provider_changed), self);
  g_signal_connect (self->pathway_choice, "notify::selected", G_CALLBACK (on_pathway_changed), self);
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
}
