/* pc-compare-view.c: a scenario beside its baseline (see
 * pc-compare-view.h).  Every figure comes from pc_scenario_compare(), as
 * pathcost-cli compare's do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pc-axis.h"
#include "pc-business-case.h"
#include "pc-compare-view.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-view-util.h"

struct _PcCompareView
{
  GtkWidget             parent_instance;

  PcCompareSelection   *selection;
  GtkLabel             *warning_label;
  GtkLabel             *npv_caption;
  GtkLabel             *npv_label;
  GtkLabel             *payback_label;
  PcCompareChart       *chart;
  GtkGrid              *table;
  GtkGrid              *activity_table;
  GtkWidget            *activity_none;

  PcDocument           *document;
  gboolean              stale;         /* changed while not shown */
  PcScenarioComparison *compared;
  char                 *title;
};

G_DEFINE_FINAL_TYPE (PcCompareView, pc_compare_view, GTK_TYPE_WIDGET)

static char *
format_rate (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.10g", rate * 100.0));
}

static void
clear_figures (PcCompareView *self)
{
  g_clear_pointer (&self->compared, pc_scenario_comparison_free);
  g_clear_pointer (&self->title, g_free);
  gtk_label_set_text (self->npv_label, "—");
  gtk_label_set_text (self->npv_caption, _("Net present value of the difference"));
  gtk_label_set_text (self->payback_label, "—");
  pc_compare_chart_set_data (self->chart, NULL, NULL, 0, NULL, NULL, NULL, -1);
  pc_grid_table_clear (self->table);
  pc_grid_table_clear (self->activity_table);
  gtk_widget_set_visible (self->activity_none, FALSE);
}

/* Headings wrap at word boundaries, so a table of long headings takes
 * the page's width before it needs to scroll sideways. */
static void
wrap_headings (GtkGrid *grid,
               int      n_columns)
{
  for (int c = 0; c < n_columns; c++)
    {
      GtkWidget *cell = gtk_grid_get_child_at (grid, c, 0);

      if (cell == NULL || !GTK_IS_LABEL (cell))
        continue;
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_label_set_justify (GTK_LABEL (cell), c > 0 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (cell, GTK_ALIGN_END);
    }
}

static void
fill_table (PcCompareView              *self,
            const PcScenarioComparison *compared)
{
  const PcComparison *comparison = compared->comparison;
  const char *headings[] = { _("Year"), _("Baseline"), _("Scenario"), _("Difference"), _("Cumulative difference") };

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    pc_grid_table_set_text (self->table, 0, c, headings[c], c > 0, TRUE);
  for (guint i = 0; i < comparison->n_years; i++)
    {
      g_autofree char *year = pc_format_financial_year (comparison->years[i].year);
      g_autofree char *baseline = pc_format_money (compared->baseline->years[i].cost);
      g_autofree char *scenario = pc_format_money (compared->scenario->years[i].cost);
      g_autofree char *difference = pc_format_money (comparison->years[i].difference);
      g_autofree char *cumulative = pc_format_money (comparison->years[i].cumulative);
      const char *texts[] = { year, baseline, scenario, difference, cumulative };

      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        pc_grid_table_set_text (self->table, i + 1, c, texts[c], c > 0, FALSE);
    }
  pc_grid_table_trim (self->table, comparison->n_years + 1, G_N_ELEMENTS (headings));
  wrap_headings (self->table, G_N_ELEMENTS (headings));
}

/* Years down, one column per activity the scenario moves. */
static void
fill_activity (PcCompareView      *self,
               const PcComparison *comparison)
{
  int column = 1;

  pc_grid_table_set_text (self->activity_table, 0, 0, _("Year"), FALSE, TRUE);
  for (guint i = 0; i < comparison->n_years; i++)
    {
      g_autofree char *year = pc_format_financial_year (comparison->years[i].year);

      pc_grid_table_set_text (self->activity_table, i + 1, 0, year, FALSE, FALSE);
    }
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < comparison->n_years; i++)
        moved = moved || comparison->years[i].activity[a] != 0.0;
      if (!moved)
        continue;
      pc_grid_table_set_text (self->activity_table, 0, column, pc_activity_label (a), TRUE, TRUE);
      for (guint i = 0; i < comparison->n_years; i++)
        {
          g_autofree char *units = pc_format_number (comparison->years[i].activity[a], 2);

          pc_grid_table_set_text (self->activity_table, i + 1, column, units, TRUE, FALSE);
        }
      column++;
    }
  pc_grid_table_trim (self->activity_table, column > 1 ? comparison->n_years + 1 : 0, column > 1 ? column : 0);
  wrap_headings (self->activity_table, column > 1 ? column : 0);
  gtk_widget_set_visible (self->activity_none, column == 1);
}

static void
fill_chart (PcCompareView              *self,
            const PcScenarioComparison *compared)
{
  const PcComparison *comparison = compared->comparison;
  guint n = comparison->n_years;
  g_autofree double *baseline = g_new (double, MAX (n, 1));
  g_autofree double *scenario = g_new (double, MAX (n, 1));
  g_autofree double *cumulative = g_new (double, MAX (n, 1));
  g_auto(GStrv) years = pc_axis_year_labels (comparison->years[0].year, n);
  int payback = -1;

  for (guint i = 0; i < n; i++)
    {
      baseline[i] = compared->baseline->years[i].cost;
      scenario[i] = compared->scenario->years[i].cost;
      cumulative[i] = comparison->years[i].cumulative;
      if (comparison->has_payback && comparison->years[i].year == comparison->payback_year)
        payback = (int) i;
    }
  pc_compare_chart_set_data (self->chart, self->title, (const char * const *) years, n, baseline, scenario,
                             cumulative, payback);
}

static void
fill_figures (PcCompareView *self)
{
  const PcScenarioComparison *compared = self->compared;
  g_autofree char *npv = pc_format_money (compared->comparison->npv_difference);
  g_autofree char *rate = format_rate (compared->discount_rate);
  g_autofree char *caption = g_strdup_printf (_("NPV of the difference at %s a year"), rate);
  g_autofree char *payback = compared->comparison->has_payback
    ? pc_format_financial_year (compared->comparison->payback_year)
    : g_strdup (_("None in these years"));

  gtk_label_set_text (self->npv_label, npv);
  gtk_label_set_text (self->npv_caption, caption);
  gtk_label_set_text (self->payback_label, payback);
  fill_chart (self, compared);
  fill_table (self, compared);
  fill_activity (self, compared->comparison);
}

static char *
make_title (PcCompareView   *self,
            const PcPathway *pathway,
            int              price_year)
{
  g_autofree char *pathway_title = pc_project_describe_pathway (pc_document_get_project (self->document), pathway);
  g_autofree char *area = pc_compare_selection_describe_area (self->selection);
  g_autofree char *prices = pc_format_financial_year (price_year);
  const PcScenario *scenario = pc_compare_selection_get_scenario (self->selection);

  return g_strdup_printf (_("%s, %s: baseline and “%s”, at %s prices"), pathway_title, area, scenario->name, prices);
}

/* The tables keep their labels from one change to the next (only the
 * texts change): rebuilding them would cost more than the comparison. */
static void
recompute (PcCompareView *self)
{
  const PcPathway *pathway = NULL;
  const PcProjectionInput *input;
  const PcScenario *scenario;
  g_autoptr(GError) error = NULL;
  g_autofree char *warnings = NULL;

  if (self->document == NULL)
    {
      clear_figures (self);
      pc_view_show_warning (self->warning_label, NULL);
      return;
    }
  input = pc_compare_selection_load_input (self->selection, &pathway, &error);
  scenario = pc_compare_selection_get_scenario (self->selection);
  g_clear_pointer (&self->compared, pc_scenario_comparison_free);
  if (input != NULL && scenario == NULL)
    g_set_error_literal (&error, PC_ERROR, PC_ERROR_INVALID, _("Choose a scenario to compare with the baseline."));
  else if (input != NULL)
    self->compared = pc_scenario_compare (pathway, input, scenario, &error);
  if (self->compared == NULL)
    {
      clear_figures (self);
      pc_view_show_warning (self->warning_label, error->message);
      return;
    }
  g_ptr_array_add (self->compared->scenario->warnings, NULL);
  warnings = g_strjoinv ("\n", (char **) self->compared->scenario->warnings->pdata);
  g_ptr_array_remove_index (self->compared->scenario->warnings, self->compared->scenario->warnings->len - 1);
  pc_view_show_warning (self->warning_label, warnings);
  g_free (self->title);
  self->title = make_title (self, pathway, input->price_year);
  fill_figures (self);
}

/* Only a shown view computes: on a long pathway the work is not free, and
 * an edit elsewhere should not wait for it.  A hidden one catches up when
 * it is shown. */
static void
on_selection_changed (PcCompareView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    recompute (self);
}

static void
pc_compare_view_map (GtkWidget *widget)
{
  PcCompareView *self = (PcCompareView *) widget;

  GTK_WIDGET_CLASS (pc_compare_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      recompute (self);
    }
}

/* The business case */

static void
business_case_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  GTask *task = data;
  GError *error = NULL;

  if (pc_business_case_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

void
pc_compare_view_write_business_case (PcCompareView       *self,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const PcPathway *pathway = NULL;
  const PcProjectionInput *input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *area = NULL;
  g_autofree char *codes = NULL;
  PcBusinessCaseRequest request = { 0, };

  if (self->document != NULL)
    input = pc_compare_selection_load_input (self->selection, &pathway, &error);
  if (self->compared == NULL || input == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               _("There is no comparison to write: choose a pathway, areas and a scenario first."));
      g_object_unref (task);
      return;
    }
  area = pc_compare_selection_describe_area (self->selection);
  codes = pc_compare_selection_get_area_codes (self->selection);
  request.project = pc_document_get_project (self->document);
  request.pathway = pathway;
  request.input = input;
  request.scenario = pc_compare_selection_get_scenario (self->selection);
  request.area = area;
  request.area_codes = codes;
  request.font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  pc_business_case_write_async (&request, path, cancellable, business_case_done, task);
}

gboolean
pc_compare_view_write_business_case_finish (PcCompareView *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Set-up and getters */

GtkWidget *
pc_compare_view_new (void)
{
  return g_object_new (PC_TYPE_COMPARE_VIEW, NULL);
}

void
pc_compare_view_set_document (PcCompareView *self,
                              PcDocument    *document)
{
  g_return_if_fail (PC_IS_COMPARE_VIEW (self));

  g_set_object (&self->document, document);
  pc_compare_selection_set_document (self->selection, document);
}

PcCompareSelection *
pc_compare_view_get_selection (PcCompareView *self)
{
  return self->selection;
}

const PcScenarioComparison *
pc_compare_view_get_comparison (PcCompareView *self)
{
  return self->compared;
}

PcCompareChart *
pc_compare_view_get_chart (PcCompareView *self)
{
  return self->chart;
}

const char *
pc_compare_view_get_title (PcCompareView *self)
{
  return self->title;
}

GtkGrid *
pc_compare_view_get_table (PcCompareView *self)
{
  return self->table;
}

GtkGrid *
pc_compare_view_get_activity_table (PcCompareView *self)
{
  return self->activity_table;
}

const char *
pc_compare_view_get_npv_text (PcCompareView *self)
{
  return gtk_label_get_text (self->npv_label);
}

const char *
pc_compare_view_get_npv_caption (PcCompareView *self)
{
  return gtk_label_get_text (self->npv_caption);
}

const char *
pc_compare_view_get_payback_text (PcCompareView *self)
{
  return gtk_label_get_text (self->payback_label);
}

const char *
pc_compare_view_get_warning (PcCompareView *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->warning_label)))
    return NULL;
  return gtk_label_get_text (self->warning_label);
}

static void
pc_compare_view_dispose (GObject *object)
{
  PcCompareView *self = PC_COMPARE_VIEW (object);

  g_clear_object (&self->document);
  pc_view_dispose_template (GTK_WIDGET (self), PC_TYPE_COMPARE_VIEW);
  G_OBJECT_CLASS (pc_compare_view_parent_class)->dispose (object);
}

static void
pc_compare_view_finalize (GObject *object)
{
  PcCompareView *self = PC_COMPARE_VIEW (object);

  g_clear_pointer (&self->compared, pc_scenario_comparison_free);
  g_free (self->title);
  G_OBJECT_CLASS (pc_compare_view_parent_class)->finalize (object);
}

static void
pc_compare_view_class_init (PcCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_compare_view_dispose;
  object_class->finalize = pc_compare_view_finalize;
  widget_class->map = pc_compare_view_map;
  g_type_ensure (PC_TYPE_COMPARE_SELECTION);
  g_type_ensure (PC_TYPE_COMPARE_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, selection);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, npv_caption);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, npv_label);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, payback_label);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, chart);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, table);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, activity_table);
  gtk_widget_class_bind_template_child (widget_class, PcCompareView, activity_none);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
}

static void
pc_compare_view_init (PcCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
