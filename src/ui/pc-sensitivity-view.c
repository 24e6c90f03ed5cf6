/* pc-sensitivity-view.c: the tornado and the PSA fan (see
 * pc-sensitivity-view.h).  The one-way is computed at once on every
 * change; the PSA runs in a worker thread on copies of the inputs, asked
 * after each block of runs whether to go on, so Cancel stops it soon and
 * the window keeps drawing.  Figures as pathcost-cli sensitivity gives them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pc-axis.h"
#include "pc-format.h"
#include "pc-sensitivity-view.h"
#include "pc-view-util.h"

#define TORNADO_BARS 12

typedef struct
{
  PcSensitivityView *view;
  char              *id;
  char              *title;
  GtkWidget         *low;
  GtkWidget         *high;
} RangeRow;

struct _PcSensitivityView
{
  GtkWidget           parent_instance;

  PcCompareSelection *selection;
  GtkLabel           *warning_label;
  PcTornadoChart     *tornado;
  GtkGrid            *ranges_grid;
  GtkSpinButton      *runs_spin;
  GtkSpinButton      *seed_spin;
  GtkWidget          *run_button;
  GtkWidget          *cancel_button;
  GtkProgressBar     *progress;
  GtkLabel           *psa_label;
  PcFanChart         *fan;

  PcDocument         *document;
  gboolean            stale;          /* changed while not shown */
  PcOneWay           *one_way;
  PcPsa              *psa;
  GPtrArray          *range_rows;     /* of RangeRow, by id */
  GCancellable       *cancellable;    /* of the running PSA, NULL when none */
  guint               progress_source;
  gint                done;           /* runs done, written by the workers */
  guint               generation;     /* bumped by every change of the inputs */
  guint               one_way_generation;
  gboolean            one_way_pending;
};

G_DEFINE_FINAL_TYPE (PcSensitivityView, pc_sensitivity_view, GTK_TYPE_WIDGET)

static void
range_row_free (RangeRow *row)
{
  g_free (row->id);
  g_free (row->title);
  g_free (row);
}

/* The inputs of both analyses: the pathway and input under the scenario,
 * as pathcost-cli sensitivity --scenario gathers them. */
static gboolean
load_inputs (PcSensitivityView  *self,
             PcPathway         **pathway,
             PcProjectionInput **input,
             GError            **error)
{
  const PcPathway *shown = NULL;
  const PcProjectionInput *loaded = pc_compare_selection_load_input (self->selection, &shown, error);
  const PcScenario *scenario = pc_compare_selection_get_scenario (self->selection);

  if (loaded == NULL)
    return FALSE;
  *pathway = pc_pathway_copy (shown);
  *input = pc_projection_input_copy (loaded);
  if (scenario != NULL && !pc_scenario_apply (scenario, *pathway, *input, error))
    {
      g_clear_pointer (pathway, pc_pathway_free);
      g_clear_pointer (input, pc_projection_input_free);
      return FALSE;
    }
  return TRUE;
}

static char *
make_title (PcSensitivityView *self,
            const char        *what,
            int                price_year)
{
  const PcPathway *pathway = pc_document_get_pathway (self->document);
  g_autofree char *pathway_title = pc_project_describe_pathway (pc_document_get_project (self->document), pathway);
  g_autofree char *area = pc_compare_selection_describe_area (self->selection);
  g_autofree char *prices = pc_format_financial_year (price_year);
  const PcScenario *scenario = pc_compare_selection_get_scenario (self->selection);

  if (scenario == NULL)
    return g_strdup_printf (_("%s, %s, no scenario: %s, at %s prices"), pathway_title, area, what, prices);
  return g_strdup_printf (_("%s, %s, “%s”: %s, at %s prices"), pathway_title, area, scenario->name, what, prices);
}

/* Ranges */

static void
mark_refused (RangeRow   *row,
              const char *message)
{
  GtkWidget *entries[] = { row->low, row->high };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (message != NULL)
        gtk_widget_add_css_class (entries[i], "error");
      else
        gtk_widget_remove_css_class (entries[i], "error");
      gtk_widget_set_tooltip_text (entries[i], message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entries[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message != NULL ? message : "", -1);
    }
}

/* The two values as range:ID "LOW,HIGH", one undoable change; the store
 * says what it refuses, shown on the entries. */
static void
on_range_activate (GtkEntry *entry,
                   RangeRow *row)
{
  PcSensitivityView *self = row->view;
  g_autofree char *key = g_strconcat ("range:", row->id, NULL);
  g_autofree char *value = g_strdup_printf ("%s,%s", gtk_editable_get_text (GTK_EDITABLE (row->low)),
                                            gtk_editable_get_text (GTK_EDITABLE (row->high)));
  g_autofree char *label = g_strdup_printf (_("Change Range of %s"), row->title);
  g_autoptr(GError) error = NULL;

  g_strstrip (value);
  if (self->document == NULL)
    return;
  if (!pc_document_edit_setting (self->document, label, key, value, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Refused: %s"), error->message);

      mark_refused (row, message);
      return;
    }
  mark_refused (row, NULL);
}

static GtkWidget *
range_entry (RangeRow   *row,
             const char *what,
             double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *name = g_strdup_printf ("%s: %s", row->title, what);

  gtk_editable_set_text (GTK_EDITABLE (entry), g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_range_activate), row);
  return entry;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const PcOneWayResult *x = *(const PcOneWayResult * const *) a;
  const PcOneWayResult *y = *(const PcOneWayResult * const *) b;

  return g_strcmp0 (x->id, y->id);
}

/* One row per parameter in a fixed order, its texts updated in place when
 * the parameters are the same, so an edit keeps the keyboard where it was. */
static void
fill_ranges (PcSensitivityView *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gboolean same;
  GtkWidget *child;

  /* The inputs the tornado shows: a long pathway has thousands. */
  for (guint i = 0; self->one_way != NULL && i < MIN (self->one_way->parameters->len, TORNADO_BARS); i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->one_way->parameters, i));
  g_ptr_array_sort (sorted, compare_ids);
  same = sorted->len == self->range_rows->len;
  for (guint i = 0; same && i < sorted->len; i++)
    same = g_strcmp0 (((PcOneWayResult *) g_ptr_array_index (sorted, i))->id,
                      ((RangeRow *) g_ptr_array_index (self->range_rows, i))->id) == 0;
  if (same)
    {
      for (guint i = 0; i < sorted->len; i++)
        {
          const PcOneWayResult *parameter = g_ptr_array_index (sorted, i);
          RangeRow *row = g_ptr_array_index (self->range_rows, i);
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          gtk_editable_set_text (GTK_EDITABLE (row->low), g_ascii_formatd (buffer, sizeof buffer, "%.10g", parameter->low));
          gtk_editable_set_text (GTK_EDITABLE (row->high), g_ascii_formatd (buffer, sizeof buffer, "%.10g", parameter->high));
        }
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranges_grid))) != NULL)
    gtk_grid_remove (self->ranges_grid, child);
  g_ptr_array_set_size (self->range_rows, 0);
  if (sorted->len > 0)
    {
      const char *headings[] = { _("Input"), _("Low"), _("High") };

      for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
        {
          GtkWidget *label = gtk_label_new (headings[c]);

          gtk_widget_add_css_class (label, "heading");
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_grid_attach (self->ranges_grid, label, c, 0, 1, 1);
        }
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      const PcOneWayResult *parameter = g_ptr_array_index (sorted, i);
      RangeRow *row = g_new0 (RangeRow, 1);
      GtkWidget *label;

      row->view = self;
      row->id = g_strdup (parameter->id);
      row->title = pc_tornado_describe_parameter (parameter);
      label = gtk_label_new (row->title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_set_tooltip_text (label, parameter->id);
      row->low = range_entry (row, _("low value"), parameter->low);
      row->high = range_entry (row, _("high value"), parameter->high);
      gtk_grid_attach (self->ranges_grid, label, 0, i + 1, 1, 1);
      gtk_grid_attach (self->ranges_grid, row->low, 1, i + 1, 1, 1);
      gtk_grid_attach (self->ranges_grid, row->high, 2, i + 1, 1, 1);
      g_ptr_array_add (self->range_rows, row);
    }
}

/* The one-way */

static void
clear_psa (PcSensitivityView *self,
           const char        *text)
{
  g_clear_pointer (&self->psa, pc_psa_free);
  pc_fan_chart_set_data (self->fan, NULL, NULL, 0, NULL, NULL, NULL);
  gtk_label_set_text (self->psa_label, text);
}

/* The one-way projects the pathway twice per input: on a long pathway
 * that is seconds, so it runs in a worker thread on copies; a result for
 * inputs changed since is dropped, the newer one being on its way. */

typedef struct
{
  PcPathway         *pathway;
  PcProjectionInput *input;
  GHashTable        *ranges;
  char              *title;
  guint              generation;
} OneWayJob;

static void
one_way_job_free (OneWayJob *job)
{
  g_clear_pointer (&job->pathway, pc_pathway_free);
  g_clear_pointer (&job->input, pc_projection_input_free);
  g_clear_pointer (&job->ranges, g_hash_table_unref);
  g_free (job->title);
  g_free (job);
}

static void
one_way_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  OneWayJob *job = data;

  g_task_return_pointer (task, pc_sensitivity_one_way (job->pathway, job->input, job->ranges),
                         (GDestroyNotify) pc_one_way_free);
}

static void
one_way_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  PcSensitivityView *self = PC_SENSITIVITY_VIEW (source);
  OneWayJob *job = g_task_get_task_data (G_TASK (result));
  PcOneWay *one_way = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A newer one is on its way, or the view is gone (its template disposed). */
  if (job->generation != self->one_way_generation || self->tornado == NULL)
    {
      pc_one_way_free (one_way);
      return;
    }
  self->one_way_pending = FALSE;
  g_clear_pointer (&self->one_way, pc_one_way_free);
  self->one_way = one_way;
  pc_tornado_chart_set_one_way (self->tornado, job->title, self->one_way, TORNADO_BARS);
  fill_ranges (self);
}

static void
recompute (PcSensitivityView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  OneWayJob *job = g_new0 (OneWayJob, 1);

  self->generation++;
  job->generation = ++self->one_way_generation;
  if (self->cancellable == NULL)
    clear_psa (self, _("Choose the runs and the seed, then Run."));
  if (self->document == NULL || !load_inputs (self, &job->pathway, &job->input, &error))
    {
      one_way_job_free (job);
      self->one_way_pending = FALSE;
      g_clear_pointer (&self->one_way, pc_one_way_free);
      pc_view_show_warning (self->warning_label, error != NULL ? error->message : NULL);
      pc_tornado_chart_set_one_way (self->tornado, NULL, NULL, 0);
      fill_ranges (self);
      return;
    }
  pc_view_show_warning (self->warning_label, NULL);
  job->ranges = pc_project_load_sensitivity_ranges (pc_document_get_project (self->document));
  job->title = make_title (self, _("total cost over the years as each input moves"), job->input->price_year);
  self->one_way_pending = TRUE;
  task = g_task_new (self, NULL, one_way_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) one_way_job_free);
  g_task_run_in_thread (task, one_way_in_thread);
}

/* Only a shown view computes: on a long pathway the work is not free, and
 * an edit elsewhere should not wait for it.  A hidden one catches up when
 * it is shown. */
static void
on_selection_changed (PcSensitivityView *self)
{
  /* A PSA running now is for the inputs before this change. */
  self->generation++;
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    recompute (self);
}

static void
pc_sensitivity_view_map (GtkWidget *widget)
{
  PcSensitivityView *self = (PcSensitivityView *) widget;

  GTK_WIDGET_CLASS (pc_sensitivity_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      recompute (self);
    }
}

/* The PSA */

typedef struct
{
  PcSensitivityView *view;     /* a weak pointer's target: see psa_done */
  PcPathway         *pathway;
  PcProjectionInput *input;
  GHashTable        *errors;
  guint              runs;
  guint64            seed;
  guint              generation;
  GCancellable      *cancellable;
  gint              *done;
} PsaJob;

static void
psa_job_free (PsaJob *job)
{
  g_clear_pointer (&job->pathway, pc_pathway_free);
  g_clear_pointer (&job->input, pc_projection_input_free);
  g_clear_pointer (&job->errors, g_hash_table_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gboolean
psa_progress (guint    done,
              guint    total,
              gpointer data)
{
  PsaJob *job = data;

  g_atomic_int_set (job->done, (gint) done);
  return !g_cancellable_is_cancelled (job->cancellable);
}

static void
psa_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  PsaJob *job = data;
  PcPsa *psa = pc_sensitivity_psa_full (job->pathway, job->input, job->errors, job->runs, job->seed,
                                        g_get_num_processors (), psa_progress, job);

  if (psa == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
  else
    g_task_return_pointer (task, psa, (GDestroyNotify) pc_psa_free);
}

static gboolean
update_progress (gpointer data)
{
  PcSensitivityView *self = data;
  guint runs = (guint) gtk_spin_button_get_value_as_int (self->runs_spin);
  guint done = (guint) g_atomic_int_get (&self->done);
  g_autofree char *text = NULL;
  g_autofree char *done_text = pc_format_number (done, 0);
  g_autofree char *runs_text = pc_format_number (runs, 0);

  text = g_strdup_printf (_("%s of %s runs"), done_text, runs_text);
  /* Unchanged, nothing is redrawn. */
  if (g_strcmp0 (gtk_progress_bar_get_text (self->progress), text) != 0)
    {
      gtk_progress_bar_set_fraction (self->progress, runs > 0 ? (double) done / runs : 0);
      gtk_progress_bar_set_text (self->progress, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
set_running (PcSensitivityView *self,
             gboolean           running)
{
  gtk_widget_set_sensitive (self->run_button, !running);
  gtk_widget_set_sensitive (self->cancel_button, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->runs_spin), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_spin), !running);
  if (running)
    self->progress_source = g_timeout_add (250, update_progress, self);
  else
    g_clear_handle_id (&self->progress_source, g_source_remove);
  /* Keep the keyboard somewhere useful as buttons come and go. */
  if (running)
    gtk_widget_grab_focus (self->cancel_button);
  else if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL
           && gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) == NULL)
    gtk_widget_grab_focus (self->run_button);
}

static void
show_psa (PcSensitivityView *self,
          int                price_year)
{
  const PcPsa *psa = self->psa;
  g_autofree double *mean = g_new (double, psa->n_years);
  g_autofree double *low = g_new (double, psa->n_years);
  g_autofree double *high = g_new (double, psa->n_years);
  g_auto(GStrv) years = pc_axis_year_labels (psa->years[0].year, psa->n_years);
  g_autofree char *n_runs = pc_format_number (psa->n_iterations, 0);
  g_autofree char *what = g_strdup_printf (_("cost by year, mean and 95%% interval of %s runs"), n_runs);
  g_autofree char *title = make_title (self, what, price_year);
  g_autofree char *total_mean = pc_format_money (psa->total.mean);
  g_autofree char *total_low = pc_format_money (psa->total.low);
  g_autofree char *total_high = pc_format_money (psa->total.high);
  g_autofree char *npv_mean = pc_format_money (psa->npv.mean);
  g_autofree char *npv_low = pc_format_money (psa->npv.low);
  g_autofree char *npv_high = pc_format_money (psa->npv.high);
  g_autofree char *runs = pc_format_number (psa->n_iterations, 0);
  g_autofree char *text = g_strdup_printf (_("%s runs, seed %" G_GUINT64_FORMAT ". Total cost: mean %s, 95%% "
                                             "between %s and %s. NPV: mean %s, 95%% between %s and %s."),
                                           runs, psa->seed, total_mean, total_low, total_high,
                                           npv_mean, npv_low, npv_high);

  for (guint i = 0; i < psa->n_years; i++)
    {
      mean[i] = psa->years[i].mean;
      low[i] = psa->years[i].low;
      high[i] = psa->years[i].high;
    }
  pc_fan_chart_set_data (self->fan, title, (const char * const *) years, psa->n_years, mean, low, high);
  gtk_label_set_text (self->psa_label, text);
}

static void
psa_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  PcSensitivityView *self = PC_SENSITIVITY_VIEW (source);
  PsaJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PcPsa *psa = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  if (self->fan == NULL)
    {
      /* The view is gone: nothing to show the figures in. */
      pc_psa_free (psa);
      return;
    }
  set_running (self, FALSE);
  update_progress (self);
  if (psa == NULL)
    {
      g_autofree char *done = pc_format_number (g_atomic_int_get (&self->done), 0);
      g_autofree char *text = g_strdup_printf (_("Cancelled after %s runs: no figures."), done);

      clear_psa (self, text);
      gtk_progress_bar_set_text (self->progress, _("Cancelled"));
      return;
    }
  g_clear_pointer (&self->psa, pc_psa_free);
  self->psa = psa;
  if (job->generation != self->generation)
    {
      /* The inputs changed while it ran: its figures are not theirs. */
      clear_psa (self, _("The inputs changed while the runs went on: Run again."));
      return;
    }
  show_psa (self, job->input->price_year);
}

static void
on_run_clicked (PcSensitivityView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PsaJob *job;

  if (self->document == NULL || self->cancellable != NULL)
    return;
  job = g_new0 (PsaJob, 1);
  if (!load_inputs (self, &job->pathway, &job->input, &error))
    {
      gtk_label_set_text (self->psa_label, error->message);
      psa_job_free (job);
      return;
    }
  job->view = self;
  job->errors = pc_project_load_standard_errors (pc_document_get_project (self->document));
  job->runs = (guint) gtk_spin_button_get_value_as_int (self->runs_spin);
  job->seed = (guint64) gtk_spin_button_get_value (self->seed_spin);
  job->generation = self->generation;
  job->done = &self->done;
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);
  g_atomic_int_set (&self->done, 0);
  clear_psa (self, _("Running…"));
  set_running (self, TRUE);
  update_progress (self);
  task = g_task_new (self, NULL, psa_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) psa_job_free);
  g_task_run_in_thread (task, psa_in_thread);
}

static void
on_cancel_clicked (PcSensitivityView *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Set-up and getters */

GtkWidget *
pc_sensitivity_view_new (void)
{
  return g_object_new (PC_TYPE_SENSITIVITY_VIEW, NULL);
}

void
pc_sensitivity_view_set_document (PcSensitivityView *self,
                                  PcDocument        *document)
{
  g_return_if_fail (PC_IS_SENSITIVITY_VIEW (self));

  g_set_object (&self->document, document);
  pc_compare_selection_set_document (self->selection, document);
}

PcCompareSelection *
pc_sensitivity_view_get_selection (PcSensitivityView *self)
{
  return self->selection;
}

PcTornadoChart *
pc_sensitivity_view_get_tornado (PcSensitivityView *self)
{
  return self->tornado;
}

PcFanChart *
pc_sensitivity_view_get_fan (PcSensitivityView *self)
{
  return self->fan;
}

const PcOneWay *
pc_sensitivity_view_get_one_way (PcSensitivityView *self)
{
  return self->one_way;
}

const PcPsa *
pc_sensitivity_view_get_psa (PcSensitivityView *self)
{
  return self->psa;
}

gboolean
pc_sensitivity_view_is_computing (PcSensitivityView *self)
{
  return self->one_way_pending;
}

gboolean
pc_sensitivity_view_is_running (PcSensitivityView *self)
{
  return self->cancellable != NULL;
}

const char *
pc_sensitivity_view_get_psa_text (PcSensitivityView *self)
{
  return gtk_label_get_text (self->psa_label);
}

GtkEditable *
pc_sensitivity_view_get_range_entry (PcSensitivityView *self,
                                     const char        *id,
                                     gboolean           high)
{
  for (guint i = 0; i < self->range_rows->len; i++)
    {
      RangeRow *row = g_ptr_array_index (self->range_rows, i);

      if (g_strcmp0 (row->id, id) == 0)
        return GTK_EDITABLE (high ? row->high : row->low);
    }
  return NULL;
}

static void
pc_sensitivity_view_dispose (GObject *object)
{
  PcSensitivityView *self = PC_SENSITIVITY_VIEW (object);

  /* The task holds the view until the workers stop: they stop soon. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->document);
  pc_view_dispose_template (GTK_WIDGET (self), PC_TYPE_SENSITIVITY_VIEW);
  G_OBJECT_CLASS (pc_sensitivity_view_parent_class)->dispose (object);
}

static void
pc_sensitivity_view_finalize (GObject *object)
{
  PcSensitivityView *self = PC_SENSITIVITY_VIEW (object);

  g_clear_pointer (&self->one_way, pc_one_way_free);
  g_clear_pointer (&self->psa, pc_psa_free);
  g_clear_pointer (&self->range_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (pc_sensitivity_view_parent_class)->finalize (object);
}

static void
pc_sensitivity_view_class_init (PcSensitivityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_sensitivity_view_dispose;
  object_class->finalize = pc_sensitivity_view_finalize;
  widget_class->map = pc_sensitivity_view_map;
  g_type_ensure (PC_TYPE_COMPARE_SELECTION);
  g_type_ensure (PC_TYPE_TORNADO_CHART);
  g_type_ensure (PC_TYPE_FAN_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-sensitivity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, selection);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, tornado);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, ranges_grid);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, runs_spin);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, run_button);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, progress);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, psa_label);
  gtk_widget_class_bind_template_child (widget_class, PcSensitivityView, fan);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_run_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
pc_sensitivity_view_init (PcSensitivityView *self)
{
  self->range_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) range_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
