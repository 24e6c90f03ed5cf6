/* pc-compliance-view.c: docs/MODEL.md's compliance, one row per step and
 * year, one column per stage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-activity-util.h"
#include "pc-compliance-view.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-project-activity-views.h"

struct _PcComplianceView
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkDropDown  *pathway_choice;
  GtkDropDown  *provider_choice;
  GtkGrid      *grid;
  GtkLabel     *summary;

  PcDocument   *document;
  gboolean      filling;
};

G_DEFINE_FINAL_TYPE (PcComplianceView, pc_compliance_view, GTK_TYPE_WIDGET)

static GtkWidget *
compliance_cell (const PcCompliance *row,
                 double              tolerance,
                 guint              *n_short)
{
  g_autofree char *actual = NULL, *expected = NULL, *text = NULL;
  GtkWidget *cell;
  double shortfall;

  if (!row->measurable)
    {
      cell = pc_grid_table_cell (_("not measurable"), TRUE, FALSE);
      gtk_widget_add_css_class (cell, "dim-label");
      return cell;
    }
  if (!isfinite (row->actual_share))
    {
      cell = pc_grid_table_cell (_("no patients"), TRUE, FALSE);
      gtk_widget_add_css_class (cell, "dim-label");
      return cell;
    }
  actual = pc_activity_format_share (row->actual_share);
  /* A pathway's shares are mostly whole percentages: "95%" not "95.0%"
   * keeps five stages within a window 1024 pixels wide. */
  expected = fabs (row->expected_share * 100 - round (row->expected_share * 100)) < 1e-9
             ? g_strdup_printf ("%.0f%%", row->expected_share * 100)
             : pc_activity_format_share (row->expected_share);
  shortfall = row->expected_share - row->actual_share;
  /* docs/MODEL.md's risk register: short by more than the tolerance. */
  if (row->actual_share < row->expected_share - tolerance)
    {
      text = g_strdup_printf (_("⚠ %s of %s"), actual, expected);
      (*n_short)++;
    }
  else
    text = g_strdup_printf (_("%s of %s"), actual, expected);
  /* Warmer the further short of the expected share; none when met. */
  cell = pc_activity_shaded_cell (text, shortfall > 0 ? shortfall / MAX (tolerance * 3, 0.01) : NAN);
  gtk_widget_add_css_class (cell, "pc-heat");
  if (row->actual_share < row->expected_share - tolerance)
    gtk_widget_add_css_class (cell, "pc-shortfall");
  return cell;
}

static char *
step_title (const PcCompliance *row)
{
  return row->offset > 0 ? g_strdup_printf (_("%s (year %d)"), row->step, row->offset + 1) : g_strdup (row->step);
}

/* The grid row of @row's step and year, adding it when new. */
static int
grid_row_for (PcComplianceView   *self,
              GHashTable         *rows,
              const PcCompliance *row)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s", row->offset, row->step);
  gpointer found = g_hash_table_lookup (rows, key);
  int index;

  if (found != NULL)
    return GPOINTER_TO_INT (found);
  index = (int) g_hash_table_size (rows) + 1;
  g_hash_table_insert (rows, g_steal_pointer (&key), GINT_TO_POINTER (index));
  {
    g_autofree char *title = step_title (row);

    GtkWidget *cell = pc_grid_table_cell (title, FALSE, FALSE);

    /* Long step names wrap: five stages fit beside them at 1024 pixels. */
    gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (cell), 30);
    gtk_label_set_width_chars (GTK_LABEL (cell), 24);
    gtk_grid_attach (self->grid, cell, 0, index, 1, 1);
  }
  for (guint s = 0; s < PC_N_STAGES; s++)
    gtk_grid_attach (self->grid, pc_grid_table_cell ("—", TRUE, FALSE), (int) s + 1, index, 1, 1);
  return index;
}

static void
fill (PcComplianceView *self)
{
  PcProject *project = pc_document_get_project (self->document);
  const char *pathway = pc_activity_choice_get (self->pathway_choice);
  const char *provider = pc_activity_choice_get (self->provider_choice);
  double tolerance = pc_project_get_setting (project, "risk_share_tolerance");
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) compliance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tolerance_text = NULL, *summary = NULL;
  guint n_short = 0;

  pc_grid_table_clear (self->grid);
  gtk_grid_attach (self->grid, pc_grid_table_cell (_("Step"), FALSE, TRUE), 0, 0, 1, 1);
  for (guint s = 0; s < PC_N_STAGES; s++)
    gtk_grid_attach (self->grid, pc_grid_table_cell (pc_stage_label (s), TRUE, TRUE), (int) s + 1, 0, 1, 1);
  if (pathway == NULL)
    {
      gtk_label_set_text (self->summary, _("The project has no best-practice pathway to measure against."));
      return;
    }
  compliance = pc_project_activity_compliance (project, pathway, provider, &error);
  if (compliance == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  for (guint i = 0; i < compliance->len; i++)
    {
      const PcCompliance *row = g_ptr_array_index (compliance, i);
      int r;

      /* As the CLI: a step the stage does not take, with no patients, says nothing. */
      if (row->expected_share == 0 && row->patients == 0)
        continue;
      r = grid_row_for (self, rows, row);
      gtk_grid_remove (self->grid, gtk_grid_get_child_at (self->grid, (int) row->stage + 1, r));
      gtk_grid_attach (self->grid, compliance_cell (row, tolerance, &n_short), (int) row->stage + 1, r, 1, 1);
    }
  tolerance_text = pc_format_number (tolerance * 100, 1);
  summary = g_strdup_printf (g_dngettext (NULL,
                                          "Share of patients with a record of the step’s tariff code in its year, "
                                          "against the pathway’s share. %u cell falls short by more than the "
                                          "tolerance of %s percentage points (⚠). Steps with a local cost have no "
                                          "tariff code to look for: not measurable.",
                                          "Share of patients with a record of the step’s tariff code in its year, "
                                          "against the pathway’s share. %u cells fall short by more than the "
                                          "tolerance of %s percentage points (⚠). Steps with a local cost have no "
                                          "tariff code to look for: not measurable.", n_short),
                             n_short, tolerance_text);
  gtk_label_set_text (self->summary, summary);
}

static void
on_choice_changed (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   PcComplianceView *self)
{
  if (!self->filling && self->document != NULL)
    fill (self);
}

void
pc_compliance_view_refresh (PcComplianceView *self)
{
  g_auto(GStrv) pathways = NULL, providers = NULL;
  g_autoptr(GHashTable) provider_names = NULL, pathway_names = NULL;
  PcProject *project;

  g_return_if_fail (PC_IS_COMPLIANCE_VIEW (self));
  pc_grid_table_clear (self->grid);
  if (self->document == NULL)
    return;
  project = pc_document_get_project (self->document);
  pathways = pc_project_list_best_practice (project, NULL);
  provider_names = pc_project_load_provider_names (project, NULL);
  providers = pc_activity_sorted_keys (provider_names);
  pathway_names = pc_activity_describe_pathways (project, (const char * const *) pathways, FALSE);
  self->filling = TRUE;
  pc_activity_choice_fill (self->pathway_choice, NULL, pathways, pathway_names);
  pc_activity_choice_fill (self->provider_choice, _("All providers"), providers, provider_names);
  self->filling = FALSE;
  fill (self);
}

void
pc_compliance_view_set_document (PcComplianceView *self,
                                 PcDocument       *document)
{
  g_return_if_fail (PC_IS_COMPLIANCE_VIEW (self));
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document,
                               (PcActivityRefresh) pc_compliance_view_refresh);
}

gboolean
pc_compliance_view_choose (PcComplianceView *self,
                           const char       *pathway,
                           const char       *provider)
{
  g_return_val_if_fail (PC_IS_COMPLIANCE_VIEW (self), FALSE);
  return pc_activity_choice_select (self->pathway_choice, pathway)
         && pc_activity_choice_select (self->provider_choice, provider);
}

GtkGrid *
pc_compliance_view_get_grid (PcComplianceView *self)
{
  return self->grid;
}

static void
pc_compliance_view_dispose (GObject *object)
{
  PcComplianceView *self = PC_COMPLIANCE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pc_compliance_view_parent_class)->dispose (object);
}

static void
pc_compliance_view_class_init (PcComplianceViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pc_compliance_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pc_compliance_view_init (PcComplianceView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  self->box = pc_activity_page_new (GTK_WIDGET (self));
  self->pathway_choice = pc_activity_choice_new (_("Best-practice pathway"));
  self->provider_choice = pc_activity_choice_new (_("Provider"));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("_Pathway"), GTK_WIDGET (self->pathway_choice)));
  gtk_box_append (GTK_BOX (bar), pc_activity_labelled (_("P_rovider"), GTK_WIDGET (self->provider_choice)));
  gtk_box_append (GTK_BOX (self->box), bar);
  self->grid = pc_activity_matrix_append (self->box, _("Compliance by step and stage"));
  self->summary = GTK_LABEL (pc_activity_note (NULL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));
  g_signal_connect (self->pathway_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->provider_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
}
