/* pc-projection-view.c: the projection view.  The projection input (the
 * population, incidence and survival of the chosen areas) is read from the
 * project only when the selection or the project changes; a pathway edit
 * only recomputes, which takes well under a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-projection-view"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-lever-panel.h"
#include "pc-projection-view.h"
#include "pc-view-util.h"

typedef enum { COST_BY_PHASE, COST_BY_FUNDING } CostBreakdown;

struct _PcProjectionView
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkLabel          *warning_label;
  GtkWidget         *totals_box;
  GtkBox            *charts_box;
  GtkGrid           *table;
  GtkButton         *psa_button;
  GtkSpinner        *psa_spinner;
  GtkLabel          *psa_label;
  GCancellable      *psa_cancellable;
  guint              generation;      /* counts recomputations */

  GtkDropDown       *pathway_choice;
  GtkStringList     *pathway_names;
  GtkMenuButton     *areas_button;
  GtkBox            *areas_list;
  GtkSpinButton     *from_spin;
  GtkLabel          *from_label;
  GtkSpinButton     *years_spin;
  GtkDropDown       *scenario_choice;
  GtkStringList     *scenario_names;
  GtkDropDown       *breakdown_choice;
  GtkLabel          *total_label;
  GtkLabel          *npv_label;
  GtkLabel          *npv_caption;
  GtkLabel          *basis_label;      /* the price and incidence years */
  GtkWidget         *scenario_warning; /* the scenario changes nothing here */
  GtkLabel          *scenario_warning_label;
  double             shown_inflation;  /* as the shown projection used it */
  double             shown_discount;
  GtkLabel          *patients_label;
  PcChart           *patient_chart;
  PcChart           *cost_chart;
  GtkWidget         *controls;
  GtkWidget         *lever_scroller;
  PcLeverPanel      *lever_panel;
  GtkWidget         *change_box;
  GtkLabel          *change_label;
  GtkWidget         *npv_change_box;
  GtkLabel          *npv_change_label;
  GtkWidget         *after_charts;     /* what the charts follow when not presenting */
  guint              size_charts_source;

  /* Presentation mode: the levers' scenario, and the baseline it is
   * compared with (kept while only a lever moves). */
  gboolean           presenting;
  PcScenario        *lever_scenario;
  PcProjection      *baseline;
  PcComparison      *comparison;

  PcDocument        *document;
  GStrv              areas;          /* the chosen areas, NULL for all */
  char              *input_key;      /* what the cached input was read for */
  PcProjectionInput *input;
  PcProjection      *projection;
  PcScenario        *scenario;
  char              *request_pathway;
  GStrv              request_areas;
  GPtrArray         *place_checks;   /* of PlaceCheck, as the areas' list shows them */
  gboolean           updating_controls;
};

G_DEFINE_FINAL_TYPE (PcProjectionView, pc_projection_view, GTK_TYPE_WIDGET)

static void recompute (PcProjectionView *self);
static void on_levers_changed (PcProjectionView *self);
static void size_charts (PcProjectionView *self);

/* Every area when none is ticked. */
static GStrv
chosen_areas (PcProjectionView *self)
{
  if (self->areas != NULL && self->areas[0] != NULL)
    return g_strdupv (self->areas);
  return pc_project_list_areas (pc_document_get_project (self->document), NULL);
}

static gboolean
load_input (PcProjectionView *self,
            const PcPathway  *pathway,
            GError          **error)
{
  g_auto(GStrv) areas = chosen_areas (self);
  g_autofree char *joined = g_strjoinv (",", areas);
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int years = gtk_spin_button_get_value_as_int (self->years_spin);
  g_autofree char *key = g_strdup_printf ("%s|%s|%d|%d", pathway->site, joined, from, years);

  if (self->input != NULL && g_strcmp0 (key, self->input_key) == 0)
    return TRUE;
  g_clear_pointer (&self->input, pc_projection_input_free);
  g_clear_pointer (&self->input_key, g_free);
  if (areas[0] == NULL)
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                           _("The project has no areas: import areas and population first."));
      return FALSE;
    }
  self->input = pc_project_load_projection_input (pc_document_get_project (self->document), pathway->site,
                                                  (const char * const *) areas, from, years, error);
  if (self->input == NULL)
    return FALSE;
  self->input_key = g_steal_pointer (&key);
  g_strfreev (self->request_areas);
  self->request_areas = g_steal_pointer (&areas);
  return TRUE;
}

static void
fill_table (PcProjectionView   *self,
            const PcProjection *projection,
            CostBreakdown       breakdown)
{
  GStrv names = breakdown == COST_BY_PHASE ? projection->phases : projection->fundings;
  int n_names = (int) g_strv_length (names);
  GtkGrid *table = self->table;

  pc_grid_table_set_text (table, 0, 0, _("Year"), FALSE, TRUE);
  pc_grid_table_set_text (table, 0, 1, _("Patients"), TRUE, TRUE);
  pc_grid_table_set_text (table, 0, 2, _("Cost"), TRUE, TRUE);
  for (int n = 0; n < n_names; n++)
    pc_grid_table_set_text (table, 0, 3 + n,
                            breakdown == COST_BY_PHASE ? pc_phase_label (names[n]) : pc_funding_label (names[n]),
                            TRUE, TRUE);

  for (guint y = 0; y < projection->n_years; y++)
    {
      const PcYearResult *year = &projection->years[y];
      const double *parts = breakdown == COST_BY_PHASE ? year->cost_by_phase : year->cost_by_funding;
      g_autofree char *fy = pc_format_financial_year (year->year);
      g_autofree char *patients = pc_format_number (year->incident_total, 1);
      g_autofree char *cost = pc_format_money (year->cost);
      int row = (int) y + 1;

      pc_grid_table_set_text (table, row, 0, fy, FALSE, FALSE);
      pc_grid_table_set_text (table, row, 1, patients, TRUE, FALSE);
      pc_grid_table_set_text (table, row, 2, cost, TRUE, FALSE);
      for (int n = 0; n < n_names; n++)
        {
          g_autofree char *part = pc_format_money (parts[n]);

          pc_grid_table_set_text (table, row, 3 + n, part, TRUE, FALSE);
        }
    }
  pc_grid_table_trim (table, (int) projection->n_years + 1, n_names + 3);
}

static void
fill_charts (PcProjectionView   *self,
             const PcProjection *projection,
             CostBreakdown       breakdown)
{
  GStrv names = breakdown == COST_BY_PHASE ? projection->phases : projection->fundings;
  guint n_names = g_strv_length (names);
  guint n = projection->n_years;
  g_auto(GStrv) years = pc_axis_year_labels (projection->from, n);
  g_autofree double *patients = g_new0 (double, (gsize) n * PC_N_STAGES);
  g_autofree double *costs = g_new0 (double, (gsize) n * MAX (n_names, 1));
  const char *stages[PC_N_STAGES] = { _("Stage 1"), _("Stage 2"), _("Stage 3"), _("Stage 4"), _("Unknown stage") };
  g_autofree const char **labels = g_new0 (const char *, n_names + 1);

  for (guint p = 0; p < n_names; p++)
    labels[p] = breakdown == COST_BY_PHASE ? pc_phase_label (names[p]) : pc_funding_label (names[p]);
  for (guint y = 0; y < n; y++)
    {
      const PcYearResult *year = &projection->years[y];
      const double *parts = breakdown == COST_BY_PHASE ? year->cost_by_phase : year->cost_by_funding;

      for (guint s = 0; s < PC_N_STAGES; s++)
        patients[s * n + y] = year->incident[s];
      for (guint p = 0; p < n_names; p++)
        costs[p * n + y] = parts[p];
    }
  pc_chart_set_data (self->patient_chart, (const char * const *) years, n, stages, PC_N_STAGES, patients);
  pc_chart_set_data (self->cost_chart, (const char * const *) years, n,
                     (const char * const *) labels, n_names, costs);
}

/* A rate as the settings page types it: 0.035 as "3.5%". */
static char *
format_percent (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.10g", rate * 100.0));
}

/* The NPV says its rate and horizon, and the figures their base years
 * (docs/MODEL.md#base-years): a figure a finance director can quote. */
static void
fill_basis (PcProjectionView   *self,
            const PcProjection *projection)
{
  g_autofree char *rate = format_percent (self->shown_discount);
  g_autofree char *inflation = format_percent (self->shown_inflation);
  g_autofree char *last = pc_format_financial_year (projection->from + (int) projection->n_years - 1);
  g_autofree char *prices = pc_format_financial_year (projection->price_year);
  g_autofree char *rates = pc_format_financial_year (projection->incidence_year);
  g_autofree char *caption = g_strdup_printf (_("NPV at %s a year, to %s"), rate, last);
  g_autofree char *basis = NULL;

  if (self->shown_inflation == 0.0)
    basis = g_strdup_printf (_("Costs in %s prices, without inflation; incidence rates of %s, with each "
                               "site’s trend from then. Change them in Settings."), prices, rates);
  else
    basis = g_strdup_printf (_("Costs in %s prices, inflated by %s a year from then; incidence rates of "
                               "%s, with each site’s trend from then. Change them in Settings."),
                             prices, inflation, rates);

  gtk_label_set_text (self->npv_caption, caption);
  gtk_label_set_text (self->basis_label, basis);
}

static void
fill_totals (PcProjectionView   *self,
             const PcProjection *projection)
{
  g_autofree char *total = pc_format_money (projection->total_cost);
  g_autofree char *npv = pc_format_money (projection->npv);
  g_autofree char *patients = pc_format_number (projection->n_years > 0 ? projection->years[0].incident_total : 0, 1);

  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->npv_label, npv);
  gtk_label_set_text (self->patients_label, patients);
  fill_basis (self, projection);
}

static void
clear_figures (PcProjectionView *self)
{
  g_clear_pointer (&self->projection, pc_projection_free);
  pc_grid_table_clear (self->table);
  pc_chart_set_data (self->patient_chart, NULL, 0, NULL, 0, NULL);
  pc_chart_set_data (self->cost_chart, NULL, 0, NULL, 0, NULL);
  gtk_label_set_text (self->total_label, "—");
  gtk_label_set_text (self->npv_label, "—");
  gtk_label_set_text (self->patients_label, "—");
  gtk_label_set_text (self->npv_caption, _("Net present value"));
  gtk_label_set_text (self->basis_label, "");
}

static PcProjection *
compute (PcProjectionView *self,
         const PcPathway  *pathway,
         const PcScenario *scenario,
         GError          **error)
{
  g_autoptr(PcPathway) changed = NULL;
  g_autoptr(PcProjectionInput) input = NULL;

  if (!load_input (self, pathway, error))
    return NULL;
  self->shown_inflation = self->input->inflation;
  self->shown_discount = self->input->discount_rate;
  if (scenario == NULL)
    return pc_projection_compute (pathway, self->input);
  changed = pc_pathway_copy (pathway);
  input = pc_projection_input_copy (self->input);
  if (!pc_scenario_apply (scenario, changed, input, error))
    return NULL;
  /* A scenario may change inflation. */
  self->shown_inflation = input->inflation;
  return pc_projection_compute (changed, input);
}

/* Uncertainty: the PSA of pathcost-cli sensitivity --psa, in a worker
 * thread on copies of the inputs, so the window keeps drawing. */

#define PSA_RUNS 10000
#define PSA_SEED 1

typedef struct
{
  PcPathway         *pathway;
  PcProjectionInput *input;
  GHashTable        *errors;
  guint              generation;
} PsaJob;

static void
psa_job_free (PsaJob *job)
{
  g_clear_pointer (&job->pathway, pc_pathway_free);
  g_clear_pointer (&job->input, pc_projection_input_free);
  g_clear_pointer (&job->errors, g_hash_table_unref);
  g_free (job);
}

static void
psa_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  PsaJob *job = data;

  g_task_return_pointer (task, pc_sensitivity_psa (job->pathway, job->input, job->errors, PSA_RUNS, PSA_SEED,
                                                   g_get_num_processors ()),
                         (GDestroyNotify) pc_psa_free);
}

static void
psa_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  PcProjectionView *self = PC_PROJECTION_VIEW (source);
  g_autoptr(PcPsa) psa = g_task_propagate_pointer (G_TASK (result), NULL);
  PsaJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *mean = NULL, *low = NULL, *high = NULL, *text = NULL;

  /* Cancelled: the view was disposed while the runs went on. */
  if (psa == NULL)
    return;
  gtk_spinner_stop (self->psa_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->psa_button), TRUE);
  if (job->generation != self->generation)
    {
      /* The figures changed while it ran: its interval is not theirs. */
      gtk_label_set_text (self->psa_label, "");
      return;
    }
  mean = pc_format_money (psa->total.mean);
  low = pc_format_money (psa->total.low);
  high = pc_format_money (psa->total.high);
  text = g_strdup_printf (_("Total cost: mean %s, 95%% of %u runs between %s and %s"), mean, psa->n_iterations, low, high);
  gtk_label_set_text (self->psa_label, text);
}

static void
on_psa_clicked (GtkButton        *button,
                PcProjectionView *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PsaJob *job;

  if (pathway == NULL || self->projection == NULL || !load_input (self, pathway, &error))
    return;
  job = g_new0 (PsaJob, 1);
  job->pathway = pc_pathway_copy (pathway);
  job->input = pc_projection_input_copy (self->input);
  job->errors = pc_project_load_standard_errors (pc_document_get_project (self->document));
  job->generation = self->generation;
  if (self->scenario != NULL && !pc_scenario_apply (self->scenario, job->pathway, job->input, &error))
    {
      gtk_label_set_text (self->psa_label, error->message);
      psa_job_free (job);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->psa_button), FALSE);
  gtk_spinner_start (self->psa_spinner);
  gtk_label_set_text (self->psa_label, _("Running 10,000 projections…"));
  task = g_task_new (self, self->psa_cancellable, psa_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) psa_job_free);
  g_task_run_in_thread (task, psa_in_thread);
}

/* Beside the scenario's name when it changes nothing in the pathway: the
 * engine's own test, and its warning as the tooltip (docs/MODEL.md,
 * "Scenarios"). */
static void
update_scenario_warning (PcProjectionView *self,
                         const PcPathway  *pathway)
{
  gboolean untouched = self->scenario != NULL && pathway != NULL
                       && !pc_scenario_touches (self->scenario, pathway);
  g_autofree char *warning = untouched ? pc_scenario_untouched_warning (self->scenario, pathway) : NULL;

  gtk_widget_set_visible (self->scenario_warning, untouched);
  gtk_widget_set_tooltip_text (self->scenario_warning, warning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scenario_choice), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  untouched ? warning : "", -1);
}

/* Levers */

/* The levers' scenario for the shown pathway, from the site's stage mix
 * as the projection input holds it; NULL when no lever is moved. */
static void
rebuild_lever_scenario (PcProjectionView *self,
                        const PcPathway  *pathway)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->lever_scenario, pc_scenario_free);
  /* A new pathway resets the levers: this computation takes it in. */
  g_signal_handlers_block_by_func (self->lever_panel, on_levers_changed, self);
  pc_lever_panel_set_pathway (self->lever_panel, pathway);
  g_signal_handlers_unblock_by_func (self->lever_panel, on_levers_changed, self);
  if (!pc_lever_panel_get_moved (self->lever_panel) || !load_input (self, pathway, &error))
    return;
  self->lever_scenario = pc_lever_panel_build_scenario (self->lever_panel, pathway, self->input->stage_share,
                                                        _("Levers"));
}

/* The change from the baseline, as pathcost-cli compare gives it: the
 * years' differences summed, and their NPV. */
static void
fill_comparison (PcProjectionView *self,
                 const PcPathway  *pathway)
{
  gboolean shown = self->lever_scenario != NULL;
  double change = 0;

  g_clear_pointer (&self->comparison, pc_comparison_free);
  if (shown && self->baseline == NULL)
    self->baseline = pc_projection_compute (pathway, self->input);
  if (shown)
    self->comparison = pc_comparison_compute (self->baseline, self->projection, self->shown_discount);
  gtk_widget_set_visible (gtk_widget_get_parent (self->change_box), shown);
  gtk_widget_set_visible (gtk_widget_get_parent (self->npv_change_box), shown);
  gtk_widget_set_visible (self->change_box, shown);
  gtk_widget_set_visible (self->npv_change_box, shown);
  if (!shown)
    return;
  for (guint y = 0; y < self->comparison->n_years; y++)
    change += self->comparison->years[y].difference;
  {
    g_autofree char *text = pc_format_money (change);
    g_autofree char *npv = pc_format_money (self->comparison->npv_difference);

    gtk_label_set_text (self->change_label, text);
    gtk_label_set_text (self->npv_change_label, npv);
  }
}

static void recompute_keeping_baseline (PcProjectionView *self);

static void
on_levers_changed (PcProjectionView *self)
{
  recompute_keeping_baseline (self);
}

static gboolean
keep_edit (PcProject *project,
           gpointer   data,
           GError   **error)
{
  return pc_project_save_scenario (project, data, error);
}

/* "Workshop 1", or the first number not taken. */
static char *
unused_scenario_name (PcProjectionView *self)
{
  g_auto(GStrv) names = pc_project_list_scenarios (pc_document_get_project (self->document), NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf (_("Workshop %u"), n);

      if (names == NULL || !g_strv_contains ((const char * const *) names, name))
        return g_steal_pointer (&name);
    }
}

/* One undoable edit: undo takes the scenario away again. */
static void
on_keep (PcProjectionView *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autoptr(PcScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (pathway == NULL || !load_input (self, pathway, &error))
    return;
  name = unused_scenario_name (self);
  scenario = pc_lever_panel_build_scenario (self->lever_panel, pathway, self->input->stage_share, name);
  if (scenario == NULL)
    {
      pc_lever_panel_set_status (self->lever_panel, _("Move a lever first: the baseline is no scenario."));
      return;
    }
  label = g_strdup_printf (_("Keep the Levers as “%s”"), name);
  if (!pc_document_edit (self->document, label, PC_CHANGE_DATA, keep_edit, scenario, &error))
    {
      pc_lever_panel_set_status (self->lever_panel, error->message);
      return;
    }
  {
    g_autofree char *status = g_strdup_printf (_("Kept as the scenario “%s”"), name);

    pc_lever_panel_set_status (self->lever_panel, status);
  }
}

static void
recompute_keeping_baseline (PcProjectionView *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warnings = NULL;
  CostBreakdown breakdown = gtk_drop_down_get_selected (self->breakdown_choice);

  if (pathway == NULL)
    {
      self->generation++;
      update_scenario_warning (self, NULL);
      clear_figures (self);
      pc_view_show_warning (self->warning_label, self->document != NULL ? _("Choose a pathway to project.") : NULL);
      return;
    }
  g_clear_pointer (&self->projection, pc_projection_free);
  self->generation++;
  update_scenario_warning (self, pathway);
  /* While presenting, moved levers stand in for the chosen scenario. */
  if (self->presenting)
    rebuild_lever_scenario (self, pathway);
  self->projection = compute (self, pathway, self->lever_scenario != NULL ? self->lever_scenario : self->scenario,
                              &error);
  if (self->projection == NULL)
    {
      clear_figures (self);
      pc_view_show_warning (self->warning_label, error->message);
      return;
    }
  g_free (self->request_pathway);
  self->request_pathway = g_strdup (pathway->name);
  /* The interval was for the figures before this change. */
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->psa_button)))
    gtk_label_set_text (self->psa_label, "");
  g_ptr_array_add (self->projection->warnings, NULL);
  warnings = g_strjoinv ("\n", (char **) self->projection->warnings->pdata);
  g_ptr_array_remove_index (self->projection->warnings, self->projection->warnings->len - 1);
  pc_view_show_warning (self->warning_label, warnings);
  fill_totals (self, self->projection);
  fill_comparison (self, pathway);
  fill_charts (self, self->projection, breakdown);
  fill_table (self, self->projection, breakdown);
}

static void
recompute (PcProjectionView *self)
{
  /* Anything but a lever may change the baseline too. */
  g_clear_pointer (&self->baseline, pc_projection_free);
  recompute_keeping_baseline (self);
}

/* Controls */

/* One tick box of the areas' list: an area, or a group of areas (an ICB)
 * whose members are listed under it. */
typedef struct
{
  GtkCheckButton *check;
  char           *code;
  char           *name;
  int             group;   /* the index of the group's own box, -1 when none */
  gboolean        is_group;
} PlaceCheck;

static void
place_check_free (PlaceCheck *place)
{
  g_free (place->code);
  g_free (place->name);
  g_free (place);
}

static void update_areas_label (PcProjectionView *self);

/* A group's box is ticked when all its members are, half-ticked when
 * some are. */
static void
sync_groups (PcProjectionView *self)
{
  for (guint g = 0; g < self->place_checks->len; g++)
    {
      PlaceCheck *group = g_ptr_array_index (self->place_checks, g);
      guint n = 0, ticked = 0;

      if (!group->is_group)
        continue;
      for (guint i = 0; i < self->place_checks->len; i++)
        {
          PlaceCheck *member = g_ptr_array_index (self->place_checks, i);

          if (member->group != (int) g)
            continue;
          n++;
          ticked += gtk_check_button_get_active (member->check) ? 1 : 0;
        }
      gtk_check_button_set_active (group->check, n > 0 && ticked == n);
      gtk_check_button_set_inconsistent (group->check, ticked > 0 && ticked < n);
    }
}

static void
on_area_toggled (GtkCheckButton   *check,
                 PcProjectionView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->updating_controls)
    return;
  self->updating_controls = TRUE;
  /* Ticking a group ticks (or unticks) its members: the group is their sum. */
  for (guint g = 0; g < self->place_checks->len; g++)
    {
      PlaceCheck *group = g_ptr_array_index (self->place_checks, g);

      if (group->check != check || !group->is_group)
        continue;
      gtk_check_button_set_inconsistent (check, FALSE);
      for (guint i = 0; i < self->place_checks->len; i++)
        {
          PlaceCheck *member = g_ptr_array_index (self->place_checks, i);

          if (member->group == (int) g)
            gtk_check_button_set_active (member->check, gtk_check_button_get_active (check));
        }
    }
  sync_groups (self);
  self->updating_controls = FALSE;

  for (guint i = 0; i < self->place_checks->len; i++)
    {
      PlaceCheck *place = g_ptr_array_index (self->place_checks, i);

      if (!place->is_group && gtk_check_button_get_active (place->check)
          && g_hash_table_add (seen, place->code))
        g_strv_builder_add (builder, place->code);
    }
  g_strfreev (self->areas);
  self->areas = g_strv_builder_end (builder);
  update_areas_label (self);
  recompute (self);
}

/* "All areas", an area's name, a group's name when just its members are
 * ticked, else a count. */
static void
update_areas_label (PcProjectionView *self)
{
  guint n = self->areas != NULL ? g_strv_length (self->areas) : 0;
  g_autofree char *label = NULL;

  for (guint i = 0; n > 0 && label == NULL && i < self->place_checks->len; i++)
    {
      PlaceCheck *place = g_ptr_array_index (self->place_checks, i);

      if (place->is_group && gtk_check_button_get_active (place->check))
        {
          guint members = 0;

          for (guint m = 0; m < self->place_checks->len; m++)
            members += ((PlaceCheck *) g_ptr_array_index (self->place_checks, m))->group == (int) i ? 1 : 0;
          if (members == n)
            label = g_strdup (place->name);
        }
      else if (!place->is_group && n == 1 && g_strcmp0 (place->code, self->areas[0]) == 0)
        label = g_strdup (place->name);
    }
  if (label != NULL)
    ;
  else if (n == 0)
    label = g_strdup (_("All areas"));
  else if (n == 1)
    label = g_strdup (self->areas[0]);
  else
    label = g_strdup_printf (ngettext ("%u area", "%u areas", n), n);
  gtk_menu_button_set_label (self->areas_button, label);
}

static void
add_place_check (PcProjectionView *self,
                 const char       *code,
                 const char       *name,
                 int               group,
                 gboolean          is_group)
{
  PlaceCheck *place = g_new0 (PlaceCheck, 1);
  /* TRANSLATORS: an area's or area group's name, then its code */
  g_autofree char *label = g_strdup_printf (_("%s (%s)"), name != NULL ? name : code, code);
  GtkWidget *check = gtk_check_button_new_with_label (label);

  place->check = GTK_CHECK_BUTTON (check);
  place->code = g_strdup (code);
  place->name = g_strdup (name != NULL ? name : code);
  place->group = group;
  place->is_group = is_group;
  if (is_group)
    gtk_widget_add_css_class (check, "heading");
  else
    gtk_check_button_set_active (place->check, self->areas != NULL
                                 && g_strv_contains ((const char * const *) self->areas, code));
  if (group >= 0)
    gtk_widget_set_margin_start (check, 24);
  g_signal_connect (check, "toggled", G_CALLBACK (on_area_toggled), self);
  gtk_box_append (self->areas_list, check);
  g_ptr_array_add (self->place_checks, place);
}

/* Each group (an ICB) with its member areas under it, then the areas in
 * no group; each by name, with its code. */
static void
fill_areas (PcProjectionView *self)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) grouped = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  self->updating_controls = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list))) != NULL)
    gtk_box_remove (self->areas_list, child);
  g_ptr_array_set_size (self->place_checks, 0);
  if (self->document != NULL)
    places = pc_project_list_places (pc_document_get_project (self->document), NULL);
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      PcPlace *place = g_ptr_array_index (places, i);

      if (place->members == NULL)
        g_hash_table_insert (names, place->code, place->name);
    }
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      PcPlace *place = g_ptr_array_index (places, i);
      int group = (int) self->place_checks->len;

      if (place->members == NULL)
        continue;
      add_place_check (self, place->code, place->name, -1, TRUE);
      for (guint m = 0; place->members[m] != NULL; m++)
        {
          add_place_check (self, place->members[m], g_hash_table_lookup (names, place->members[m]),
                           group, FALSE);
          g_hash_table_add (grouped, place->members[m]);
        }
    }
  for (guint i = 0; places != NULL && i < places->len; i++)
    {
      PcPlace *place = g_ptr_array_index (places, i);

      if (place->members == NULL && !g_hash_table_contains (grouped, place->code))
        add_place_check (self, place->code, place->name, -1, FALSE);
    }
  sync_groups (self);
  self->updating_controls = FALSE;
  update_areas_label (self);
}

static void
fill_choices (PcProjectionView *self)
{
  g_auto(GStrv) pathways = NULL;
  g_auto(GStrv) scenarios = NULL;
  g_autofree char *scenario = self->scenario != NULL ? g_strdup (self->scenario->name) : NULL;

  self->updating_controls = TRUE;
  if (self->document != NULL)
    {
      pathways = pc_project_list_pathways (pc_document_get_project (self->document), NULL);
      scenarios = pc_project_list_scenarios (pc_document_get_project (self->document), NULL);
    }
  pc_view_fill_strings (self->pathway_names, NULL, pathways);
  pc_view_fill_strings (self->scenario_names, _("No scenario"), scenarios);
  if (self->document != NULL)
    pc_view_select_string (self->pathway_choice, self->pathway_names, pc_document_get_pathway_name (self->document));
  gtk_drop_down_set_selected (self->scenario_choice, 0);
  if (scenario != NULL)
    pc_view_select_string (self->scenario_choice, self->scenario_names, scenario);
  self->updating_controls = FALSE;
}

static void
on_pathway_chosen (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   PcProjectionView *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  if (self->updating_controls || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!pc_document_set_pathway_name (self->document, gtk_string_list_get_string (self->pathway_names, selected), &error))
    pc_view_show_warning (self->warning_label, error->message);
}

static void
load_scenario (PcProjectionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->scenario_choice);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->scenario, pc_scenario_free);
  if (self->document == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->scenario = pc_project_load_scenario (pc_document_get_project (self->document),
                                             gtk_string_list_get_string (self->scenario_names, selected), &error);
  if (self->scenario == NULL)
    pc_view_show_warning (self->warning_label, error->message);
}

static void
on_scenario_chosen (GtkDropDown      *drop_down,
                    GParamSpec       *pspec,
                    PcProjectionView *self)
{
  if (self->updating_controls)
    return;
  load_scenario (self);
  recompute (self);
}

static void
on_control_changed (GObject          *control,
                    GParamSpec       *pspec,
                    PcProjectionView *self)
{
  if (!self->updating_controls)
    recompute (self);
}

/* The spin button holds the calendar year; the label beside it says which
 * financial year that is. */
static void
on_from_changed (GtkSpinButton    *spin,
                 GParamSpec       *pspec,
                 PcProjectionView *self)
{
  g_autofree char *text = pc_format_financial_year (gtk_spin_button_get_value_as_int (spin));

  gtk_label_set_text (self->from_label, text);
}

/* Document */

static void
on_document_changed (PcDocument       *document,
                     PcChange          scope,
                     PcProjectionView *self)
{
  /* A step edit recomputes from the cached input on "pathway-changed". */
  if (scope == PC_CHANGE_STEPS)
    return;
  /* Reference data, pathways or scenarios may have changed. */
  g_clear_pointer (&self->input, pc_projection_input_free);
  g_clear_pointer (&self->input_key, g_free);
  fill_choices (self);
  fill_areas (self);
  load_scenario (self);
}

static void
on_pathway_changed (PcDocument       *document,
                    PcProjectionView *self)
{
  recompute (self);
}

static void
on_pathway_name_changed (PcDocument       *document,
                         GParamSpec       *pspec,
                         PcProjectionView *self)
{
  self->updating_controls = TRUE;
  pc_view_select_string (self->pathway_choice, self->pathway_names, pc_document_get_pathway_name (document));
  self->updating_controls = FALSE;
}

GtkWidget *
pc_projection_view_new (void)
{
  return g_object_new (PC_TYPE_PROJECTION_VIEW, NULL);
}

void
pc_projection_view_set_document (PcProjectionView *self,
                                 PcDocument       *document)
{
  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->areas, g_strfreev);
  g_clear_pointer (&self->scenario, pc_scenario_free);
  if (document != NULL)
    {
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "pathway-changed", G_CALLBACK (on_pathway_changed), self);
      g_signal_connect (document, "notify::pathway-name", G_CALLBACK (on_pathway_name_changed), self);
      on_document_changed (document, PC_CHANGE_DATA, self);
    }
  recompute (self);
}

void
pc_projection_view_set_period (PcProjectionView *self,
                               int               from,
                               int               years)
{
  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));

  self->updating_controls = TRUE;
  gtk_spin_button_set_value (self->from_spin, from);
  gtk_spin_button_set_value (self->years_spin, CLAMP (years, 1, PC_MAX_HORIZON));
  self->updating_controls = FALSE;
  recompute (self);
}

void
pc_projection_view_set_areas (PcProjectionView   *self,
                              const char * const *areas)
{
  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));

  g_strfreev (self->areas);
  self->areas = areas != NULL && areas[0] != NULL ? g_strdupv ((char **) areas) : NULL;
  fill_areas (self);
  recompute (self);
}

void
pc_projection_view_set_scenario (PcProjectionView *self,
                                 const char       *scenario)
{
  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));

  if (scenario == NULL)
    gtk_drop_down_set_selected (self->scenario_choice, 0);
  else
    pc_view_select_string (self->scenario_choice, self->scenario_names, scenario);
}

const PcProjection *
pc_projection_view_get_projection (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return self->projection;
}

gboolean
pc_projection_view_get_request (PcProjectionView  *self,
                                PcWorkbookRequest *request)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  if (self->projection == NULL)
    return FALSE;
  request->pathway = self->request_pathway;
  request->areas = (const char * const *) self->request_areas;
  request->from = gtk_spin_button_get_value_as_int (self->from_spin);
  request->years = gtk_spin_button_get_value_as_int (self->years_spin);
  request->scenario = self->scenario;
  request->output_path = NULL;
  return TRUE;
}

PcChart *
pc_projection_view_get_cost_chart (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return self->cost_chart;
}

PcChart *
pc_projection_view_get_patient_chart (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return self->patient_chart;
}

const char *
pc_projection_view_get_scenario_warning (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  if (!gtk_widget_get_visible (self->scenario_warning))
    return NULL;
  return gtk_label_get_text (self->scenario_warning_label);
}

const char *
pc_projection_view_get_npv_caption (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return gtk_label_get_text (self->npv_caption);
}

const char *
pc_projection_view_get_basis (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return gtk_label_get_text (self->basis_label);
}

void
pc_projection_view_run_uncertainty (PcProjectionView *self)
{
  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));
  g_signal_emit_by_name (self->psa_button, "clicked");
}

const char *
pc_projection_view_get_uncertainty (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return gtk_widget_get_sensitive (GTK_WIDGET (self->psa_button)) ? gtk_label_get_text (self->psa_label) : NULL;
}

const char *
pc_projection_view_get_cell (PcProjectionView *self,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return pc_grid_table_get_text (self->table, (int) row, (int) column);
}

static void
pc_projection_view_dispose (GObject *object)
{
  PcProjectionView *self = PC_PROJECTION_VIEW (object);

  g_clear_handle_id (&self->size_charts_source, g_source_remove);
  g_cancellable_cancel (self->psa_cancellable);
  g_clear_object (&self->psa_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  pc_view_dispose_template (GTK_WIDGET (self), PC_TYPE_PROJECTION_VIEW);
  G_OBJECT_CLASS (pc_projection_view_parent_class)->dispose (object);
}

static void
pc_projection_view_finalize (GObject *object)
{
  PcProjectionView *self = PC_PROJECTION_VIEW (object);

  g_strfreev (self->areas);
  g_strfreev (self->request_areas);
  g_clear_pointer (&self->place_checks, g_ptr_array_unref);
  g_free (self->request_pathway);
  g_free (self->input_key);
  g_clear_pointer (&self->input, pc_projection_input_free);
  g_clear_pointer (&self->projection, pc_projection_free);
  g_clear_pointer (&self->scenario, pc_scenario_free);
  g_clear_pointer (&self->lever_scenario, pc_scenario_free);
  g_clear_pointer (&self->baseline, pc_projection_free);
  g_clear_pointer (&self->comparison, pc_comparison_free);
  G_OBJECT_CLASS (pc_projection_view_parent_class)->finalize (object);
}

static void
pc_projection_view_class_init (PcProjectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_projection_view_dispose;
  object_class->finalize = pc_projection_view_finalize;

  g_type_ensure (PC_TYPE_CHART);
  g_type_ensure (PC_TYPE_LEVER_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-projection-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, totals_box);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, table);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, psa_button);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, psa_spinner);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, psa_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, pathway_choice);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, pathway_names);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, areas_button);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, areas_list);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, from_spin);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, from_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, years_spin);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, scenario_choice);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, scenario_names);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, scenario_warning);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, scenario_warning_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, breakdown_choice);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, patients_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, total_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, npv_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, npv_caption);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, basis_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, patient_chart);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, cost_chart);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, controls);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, lever_scroller);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, lever_panel);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, change_box);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, change_label);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, npv_change_box);
  gtk_widget_class_bind_template_child (widget_class, PcProjectionView, npv_change_label);
  gtk_widget_class_bind_template_callback (widget_class, on_pathway_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_psa_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_projection_view_init (PcProjectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->place_checks = g_ptr_array_new_with_free_func ((GDestroyNotify) place_check_free);
  self->psa_cancellable = g_cancellable_new ();
  gtk_spin_button_set_range (self->years_spin, 1, PC_MAX_HORIZON);
  gtk_spin_button_set_value (self->from_spin, 2026);
  gtk_spin_button_set_value (self->years_spin, 10);
  self->after_charts = gtk_widget_get_prev_sibling (GTK_WIDGET (self->charts_box));
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            "notify::page-size", G_CALLBACK (size_charts), self);
  g_signal_connect_swapped (self->lever_panel, "changed", G_CALLBACK (on_levers_changed), self);
  g_signal_connect_swapped (self->lever_panel, "keep", G_CALLBACK (on_keep), self);
}

/* The charts take half the height the view has, whatever the screen
 * (their own floor keeps large text whole); the table scrolls below.
 * Overlay scrollbars: the page size does not depend on this height. */
static gboolean
size_charts_now (gpointer data)
{
  PcProjectionView *self = data;
  GtkAdjustment *vertical = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  int height = (int) (gtk_adjustment_get_page_size (vertical) * 0.55);
  int requested;

  self->size_charts_source = 0;
  gtk_widget_get_size_request (GTK_WIDGET (self->charts_box), NULL, &requested);
  if (height != requested)
    gtk_widget_set_size_request (GTK_WIDGET (self->charts_box), -1, height);
  return G_SOURCE_REMOVE;
}

/* The page size changes while the view is being allocated: the new
 * request waits until that is done. */
static void
size_charts (PcProjectionView *self)
{
  if (self->size_charts_source == 0)
    self->size_charts_source = g_idle_add (size_charts_now, self);
}

/* Presenting: the charts first, the levers beside them, no controls or
 * table to edit (the room reads the chart and the totals). */
void
pc_projection_view_set_presenting (PcProjectionView *self,
                                   gboolean          presenting)
{
  GtkWidget *charts = GTK_WIDGET (self->charts_box);
  GtkWidget *column = gtk_widget_get_parent (charts);

  g_return_if_fail (PC_IS_PROJECTION_VIEW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  gtk_widget_set_visible (self->controls, !presenting);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->table), GTK_TYPE_SCROLLED_WINDOW), !presenting);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->psa_button)), !presenting);
  gtk_widget_set_visible (self->lever_scroller, presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->basis_label), !presenting);
  /* The flow box's child around the first year's patients. */
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->patients_label))),
                          !presenting);
  gtk_box_reorder_child_after (GTK_BOX (column), charts, presenting ? NULL : self->after_charts);
  if (!presenting)
    {
      /* Leaving is the end of the workshop's what-ifs: the baseline. */
      g_signal_handlers_block_by_func (self->lever_panel, on_levers_changed, self);
      pc_lever_panel_reset (self->lever_panel);
      g_signal_handlers_unblock_by_func (self->lever_panel, on_levers_changed, self);
      pc_lever_panel_set_status (self->lever_panel, NULL);
      g_clear_pointer (&self->lever_scenario, pc_scenario_free);
    }
  recompute (self);
}

PcLeverPanel *
pc_projection_view_get_lever_panel (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return self->lever_panel;
}

/* The change from the baseline and its NPV as shown, or NULL when no
 * lever is moved. */
const char *
pc_projection_view_get_change (PcProjectionView *self,
                               gboolean          npv)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  if (self->comparison == NULL)
    return NULL;
  return gtk_label_get_text (npv ? self->npv_change_label : self->change_label);
}

const char *
pc_projection_view_get_total (PcProjectionView *self)
{
  g_return_val_if_fail (PC_IS_PROJECTION_VIEW (self), NULL);
  return gtk_label_get_text (self->total_label);
}
