/* pc-costing-view.c: the costing view.  The headline is the engine's
 * expected cost per patient diagnosed (docs/MODEL.md#expected-cost-per-patient),
 * the figure pathcost-cli reports; a death's cost is shown apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-costing-view"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pc-breakdown.h"
#include "pc-costing-view.h"
#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-labels.h"

struct _PcCostingView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkLabel      *title_label;
  GtkLabel      *headline_label;
  GtkBox        *chart_row;
  GtkBox        *chart_box;
  GtkScrolledWindow *phase_scroller;
  GtkGrid       *phase_table;
  GtkGrid       *funding_table;
  GtkGrid       *provider_table;
  GtkGrid       *compare_table;
  GtkGrid       *death_table;
  GtkWidget     *death_box;
  GtkDropDown   *compare_choice;
  GtkDropDown   *stage_choice;

  PcChart       *chart;
  GtkStringList *compare_names;
  PcDocument    *document;
  PcPathway     *other;
  gboolean       filling;
  gboolean       stale;    /* the pathway changed while the view was hidden */
  guint          reflow_source;
};

G_DEFINE_FINAL_TYPE (PcCostingView, pc_costing_view, GTK_TYPE_WIDGET)

static void reflow (PcCostingView *self);

static const char *
stage_title (PcStage stage)
{
  static const char *titles[PC_N_STAGES] = {
    N_("Stage 1"), N_("Stage 2"), N_("Stage 3"), N_("Stage 4"), N_("Unknown stage"),
  };

  return _(titles[stage]);
}

static void
add_money_row (GtkGrid      *grid,
               int           row,
               const char   *title,
               const double  expected[PC_N_STAGES],
               double        all,
               gboolean      heading)
{
  char *texts[PC_N_STAGES + 3] = { (char *) title, };

  for (guint s = 0; s < PC_N_STAGES; s++)
    texts[s + 1] = pc_format_money (expected[s]);
  texts[PC_N_STAGES + 1] = pc_format_money (all);
  pc_grid_table_add_row (grid, row, (const char * const *) texts, heading);
  for (guint s = 1; s <= PC_N_STAGES + 1; s++)
    g_free (texts[s]);
}

/* One row per group, then the pathway's own E; the groups' E by stage go
 * to @chart_values (series by category) when it is not NULL. */
static void
fill_group_table (GtkGrid           *grid,
                  const char        *first_heading,
                  GPtrArray         *groups,
                  const char *     (*label) (const char *code),
                  const PcCostGroup *total,
                  double            *chart_values)
{
  const char *heading[PC_N_STAGES + 3] = { first_heading, };

  pc_grid_table_clear (grid);
  for (guint s = 0; s < PC_N_STAGES; s++)
    heading[s + 1] = stage_title (s);
  heading[PC_N_STAGES + 1] = _("All stages");
  pc_grid_table_add_row (grid, 0, heading, TRUE);
  for (guint g = 0; g < groups->len; g++)
    {
      const PcCostGroup *group = g_ptr_array_index (groups, g);

      add_money_row (grid, (int) g + 1, label (group->name), group->expected, group->expected_all, FALSE);
      if (chart_values != NULL)
        memcpy (chart_values + g * PC_N_STAGES, group->expected, sizeof group->expected);
    }
  add_money_row (grid, (int) groups->len + 1, _("All"), total->expected, total->expected_all, TRUE);
}

static void
fill_phases (PcCostingView     *self,
             const PcBreakdown *breakdown)
{
  g_autoptr(GPtrArray) phases = g_ptr_array_new ();
  g_autofree double *values = NULL;
  /* Short, so that every bar keeps its label in a narrow chart. */
  const char *stages[PC_N_STAGES] = { _("Stage 1"), _("Stage 2"), _("Stage 3"), _("Stage 4"), _("Unknown") };

  values = g_new0 (double, (gsize) MAX (breakdown->phases->len, 1) * PC_N_STAGES);
  fill_group_table (self->phase_table, _("Phase"), breakdown->phases, pc_phase_label, &breakdown->total,
                    values);
  /* The chart wants series (phases) by category (stages): the same layout. */
  for (guint p = 0; p < breakdown->phases->len; p++)
    g_ptr_array_add (phases, (gpointer) pc_phase_label (((PcCostGroup *) g_ptr_array_index (breakdown->phases, p))->name));
  g_ptr_array_add (phases, NULL);
  pc_chart_set_data (self->chart, stages, PC_N_STAGES, (const char * const *) phases->pdata,
                     phases->len - 1, values);
}

static void
fill_funding (PcCostingView     *self,
              const PcBreakdown *breakdown)
{
  fill_group_table (self->funding_table, _("Funding stream"), breakdown->fundings, pc_funding_label,
                    &breakdown->total, NULL);
}

/* What one death costs, by year after diagnosis: the `death` steps' cost
 * before any weighting, shown apart because E counts it only for the
 * share who die in that year (docs/MODEL.md#expected-cost-per-patient). */
static void
fill_deaths (PcCostingView     *self,
             const PcBreakdown *breakdown)
{
  const char *heading[PC_N_STAGES + 2] = { _("Year after diagnosis"), };
  const PcCostGroup *all = &breakdown->total;
  int row = 1;

  pc_grid_table_clear (self->death_table);
  for (guint s = 0; s < PC_N_STAGES; s++)
    heading[s + 1] = stage_title (s);
  pc_grid_table_add_row (self->death_table, 0, heading, TRUE);
  for (guint k = 0; k < PC_N_OFFSETS; k++)
    {
      char *texts[PC_N_STAGES + 2] = { NULL, };
      gboolean any = FALSE;

      for (guint s = 0; s < PC_N_STAGES; s++)
        any |= all->cost[s][PC_BASIS_DEATH][k] != 0.0;
      if (!any)
        continue;
      texts[0] = k == 0 ? g_strdup (_("Year of diagnosis")) : g_strdup_printf (_("Year %u"), k);
      for (guint s = 0; s < PC_N_STAGES; s++)
        texts[s + 1] = pc_format_money (all->cost[s][PC_BASIS_DEATH][k]);
      pc_grid_table_add_row (self->death_table, row++, (const char * const *) texts, FALSE);
      for (guint s = 0; s <= PC_N_STAGES; s++)
        g_free (texts[s]);
    }
  gtk_widget_set_visible (self->death_box, row > 1);
}

/* docs/MODEL.md#provider-gap: the provider's cost − what it is paid. */
static void
add_provider_row (GtkGrid             *grid,
                  int                  row,
                  const PcProviderGap *gap)
{
  g_autofree char *price_text = pc_format_money (gap->payment);
  g_autofree char *cost_text = pc_format_money (gap->provider_cost);
  g_autofree char *gap_text = pc_format_money (gap->gap);
  g_autofree char *share_text = gap->payment != 0.0 ? g_strdup_printf ("%+.1f%%", 100.0 * gap->gap_share)
                                                    : g_strdup ("—");
  const char *texts[] = { gap->name, gap->tariff_code != NULL ? gap->tariff_code : _("local"),
                          price_text, cost_text, gap_text, share_text, NULL };

  pc_grid_table_add_row (grid, row, texts, FALSE);
  /* A code is text: left-aligned like the step's name. */
  pc_grid_table_set_text (grid, row, 1, texts[1], FALSE, FALSE);
}

/* The links lead to what the text names: the import of an extract, or
 * the Activity page's unit costs and their Apply. */
static gboolean
on_note_link (GtkLabel   *label,
              const char *uri,
              gpointer    unused)
{
  if (g_strcmp0 (uri, "import") == 0)
    gtk_widget_activate_action (GTK_WIDGET (label), "win.import-kind", "s", "activity");
  else
    gtk_widget_activate_action (GTK_WIDGET (label), "win.view", "s", "activity/unit-costs");
  return TRUE;
}

static GtkWidget *
no_provider_cost_note (PcCostingView *self)
{
  gboolean any = self->document != NULL && pc_project_has_activity (pc_document_get_project (self->document));
  GtkWidget *note = pc_grid_table_cell (NULL, FALSE, FALSE);

  gtk_label_set_markup (GTK_LABEL (note),
                        any ? _("No step of this pathway has a provider cost: apply the provider’s mean unit costs "
                                "from its activity in <a href=\"unit-costs\">Activity ▸ Unit Costs</a> (Alt+9), "
                                "or type them in the editor.")
                            : _("No step of this pathway has a provider cost: <a href=\"import\">import an "
                                "activity extract</a>, then apply the provider’s unit costs from Activity ▸ Unit "
                                "Costs (Alt+9), or type them in the editor."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  /* The links must take the focus to be reached from the keyboard. */
  gtk_widget_set_focusable (note, TRUE);
  g_signal_connect (note, "activate-link", G_CALLBACK (on_note_link), NULL);
  return note;
}

static void
fill_provider (PcCostingView     *self,
               const PcBreakdown *breakdown)
{
  const char *heading[] = { _("Step"), _("Tariff code"), _("Tariff × MFF"), _("Provider cost"),
                            _("Gap"), _("Gap ÷ payment"), NULL };
  GPtrArray *gaps = breakdown->provider.steps;

  pc_grid_table_clear (self->provider_table);
  pc_grid_table_add_row (self->provider_table, 0, heading, TRUE);
  pc_grid_table_set_text (self->provider_table, 0, 1, heading[1], FALSE, TRUE);
  for (guint i = 0; i < gaps->len; i++)
    add_provider_row (self->provider_table, (int) i + 1, g_ptr_array_index (gaps, i));
  if (gaps->len == 0)
    gtk_grid_attach (self->provider_table, no_provider_cost_note (self), 0, 1, 6, 1);
}

static void
add_comparison_row (GtkGrid    *grid,
                    int         row,
                    const char *name,
                    double      mine,
                    double      theirs,
                    gboolean    heading)
{
  g_autofree char *a = pc_format_money (mine);
  g_autofree char *b = pc_format_money (theirs);
  g_autofree char *d = pc_format_money (mine - theirs);
  const char *texts[] = { name, a, b, d, NULL };

  pc_grid_table_add_row (grid, row, texts, heading);
}

/* A step's name, with its year and basis when another step has that name. */
static char *
compared_step_title (const PcPathwayComparison *comparison,
                     guint                      index)
{
  const PcStepComparison *entry = g_ptr_array_index (comparison->steps, index);

  if (!pc_pathway_comparison_name_repeats (comparison, index))
    return g_strdup (entry->name);
  if (entry->basis == PC_BASIS_DEATH)
    /* TRANSLATORS: a step's name, then the year after diagnosis of a cost per death */
    return g_strdup_printf (_("%s (year %d, per death)"), entry->name, entry->year_offset);
  /* TRANSLATORS: a step's name, then its year after diagnosis */
  return g_strdup_printf (_("%s (year %d)"), entry->name, entry->year_offset);
}

/* Step by step, each step's share of the expected cost per patient
 * diagnosed at the chosen stage; the two pathways are of one site, so one
 * survival and stage mix serves both. */
static void
fill_comparison (PcCostingView           *self,
                 const PcPathway         *pathway,
                 const PcProjectionInput *input)
{
  PcStage stage = gtk_drop_down_get_selected (self->stage_choice);
  g_autoptr(PcPathwayComparison) comparison = NULL;
  const char *heading[] = { _("Step"), pathway->name, NULL, _("Difference"), NULL };

  pc_grid_table_clear (self->compare_table);
  if (self->other == NULL || stage >= PC_N_STAGES)
    {
      gtk_grid_attach (self->compare_table,
                       pc_grid_table_cell (_("No other pathway for this tumour site to compare with."), FALSE, FALSE),
                       0, 0, 4, 1);
      return;
    }
  comparison = pc_pathway_comparison_compute (pathway, self->other, input);
  heading[2] = self->other->name;
  pc_grid_table_add_row (self->compare_table, 0, heading, TRUE);
  for (guint n = 0; n < comparison->steps->len; n++)
    {
      const PcStepComparison *entry = g_ptr_array_index (comparison->steps, n);
      g_autofree char *title = compared_step_title (comparison, n);

      add_comparison_row (self->compare_table, (int) n + 1, title, entry->first[stage],
                          entry->second[stage], FALSE);
    }
  add_comparison_row (self->compare_table, (int) comparison->steps->len + 1, _("All steps"),
                      comparison->first[stage], comparison->second[stage], TRUE);
}

/* A heading of several words ("Unknown stage", "Gap ÷ payment") and a
 * row's name ("End of life") take two lines rather than hold a table
 * wider than a projector at large text. */
static void
wrap_headings (GtkGrid *grid)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (grid)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      int column, row, width, height;

      gtk_grid_query_child (grid, cell, &column, &row, &width, &height);
      if ((row != 0 && column != 0) || width != 1 || height != 1 || !GTK_IS_LABEL (cell))
        continue;
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (cell), PANGO_WRAP_WORD);
      gtk_label_set_justify (GTK_LABEL (cell), gtk_label_get_xalign (GTK_LABEL (cell)) > 0.5f ? GTK_JUSTIFY_RIGHT
                                                                                          : GTK_JUSTIFY_LEFT);
      if (row == 0)
        gtk_widget_set_valign (cell, GTK_ALIGN_END);
    }
}

static void
clear_figures (PcCostingView *self,
               const char    *title)
{
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->headline_label, "—");
  pc_grid_table_clear (self->phase_table);
  pc_grid_table_clear (self->funding_table);
  pc_grid_table_clear (self->provider_table);
  pc_grid_table_clear (self->compare_table);
  pc_grid_table_clear (self->death_table);
  gtk_widget_set_visible (self->death_box, FALSE);
  pc_chart_set_data (self->chart, NULL, 0, NULL, 0, NULL);
}

static void
refresh (PcCostingView *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *described = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(PcBreakdown) breakdown = NULL;

  self->stale = FALSE;
  if (pathway == NULL)
    {
      clear_figures (self, _("No pathway chosen"));
      return;
    }
  /* The site's survival and stage mix weight each year's costs. */
  input = pc_project_load_site_input (pc_document_get_project (self->document), pathway->site, &error);
  if (input == NULL)
    {
      clear_figures (self, error->message);
      return;
    }
  described = pc_project_describe_pathway (pc_document_get_project (self->document), pathway);
  /* The readable title first, the pathway's name in brackets for the
   * finance team who quote it to the CLI. */
  if (pathway->provider != NULL)
    title = g_strdup_printf (_("%s (%s): expected cost per patient diagnosed (MFF %.4f)"),
                             described, pathway->name, pathway->mff);
  else
    title = g_strdup_printf (_("%s (%s): expected cost per patient diagnosed"), described, pathway->name);
  gtk_label_set_text (self->title_label, title);
  breakdown = pc_breakdown_compute (pathway, input);
  headline = pc_format_money (breakdown->total.expected_all);
  gtk_label_set_text (self->headline_label, headline);
  fill_phases (self, breakdown);
  fill_funding (self, breakdown);
  fill_deaths (self, breakdown);
  fill_provider (self, breakdown);
  fill_comparison (self, pathway, input);
  wrap_headings (self->phase_table);
  wrap_headings (self->funding_table);
  wrap_headings (self->death_table);
  wrap_headings (self->provider_table);
  wrap_headings (self->compare_table);
  reflow (self);
}

static void
load_other (PcCostingView *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_choice);

  g_clear_pointer (&self->other, pc_pathway_free);
  if (self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->other = pc_project_load_pathway (pc_document_get_project (self->document),
                                         gtk_string_list_get_string (self->compare_names, selected), NULL);
}

/* Other pathways of the shown pathway's site, best practice first. */
static void
fill_compare_choices (PcCostingView *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autofree char *chosen = self->other != NULL ? g_strdup (self->other->name) : NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (pathway != NULL)
    names = pc_project_list_pathways_for_site (pc_document_get_project (self->document), pathway->site, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_strcmp0 (names[i], pathway->name) != 0)
      g_strv_builder_add (others, names[i]);
  list = g_strv_builder_end (others);
  self->filling = TRUE;
  gtk_string_list_splice (self->compare_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->compare_names)),
                          (const char * const *) list);
  for (guint i = 0; chosen != NULL && list[i] != NULL; i++)
    if (g_strcmp0 (list[i], chosen) == 0)
      gtk_drop_down_set_selected (self->compare_choice, i);
  self->filling = FALSE;
  load_other (self);
}

static void
on_choice_changed (GObject       *choice,
                   GParamSpec    *pspec,
                   PcCostingView *self)
{
  if (self->filling)
    return;
  load_other (self);
  refresh (self);
}

static void
on_document_changed (PcDocument    *document,
                     PcChange       scope,
                     PcCostingView *self)
{
  if (scope != PC_CHANGE_STEPS)
    fill_compare_choices (self);
}

static void
on_pathway_name_changed (PcDocument    *document,
                         GParamSpec    *pspec,
                         PcCostingView *self)
{
  fill_compare_choices (self);
  refresh (self);
}

static void
on_pathway_changed (PcDocument    *document,
                    PcCostingView *self)
{
  /* Only what is on screen needs the work; mapping catches up. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
pc_costing_view_map (GtkWidget *widget)
{
  PcCostingView *self = PC_COSTING_VIEW (widget);

  GTK_WIDGET_CLASS (pc_costing_view_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

/* Layout */

/* No wider than the pathway editor's steps (640 px) less the view's
 * margins: the view stack is as wide as its widest page, and the window
 * must fit 683 logical px (1024 px at a scale of 1.5) as well as sit
 * beside the views' sidebar at 1.5x text (tests/test-pages-fit.c). */
#define PHASE_TABLE_MAX_REQUEST 616

/* The phase table goes beside the chart when the chart keeps its natural
 * width there, under it otherwise (a 1024 px projector at 1.5x text); the
 * chart takes half the height the view has, and its own floor grows with
 * the text so its labels stay whole. */
static gboolean
reflow_now (gpointer data)
{
  PcCostingView *self = data;
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);
  GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (self->chart_row));
  int width = (int) gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (scroller))
              - gtk_widget_get_margin_start (column) - gtk_widget_get_margin_end (column);
  int height = (int) (gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scroller)) * 0.5);
  int table_minimum, table, chart, requested;
  GtkOrientation orientation;

  self->reflow_source = 0;
  gtk_widget_measure (GTK_WIDGET (self->phase_table), GTK_ORIENTATION_HORIZONTAL, -1, &table_minimum, &table,
                      NULL, NULL);
  /* The view asks for the phase table's whole width, but never more than
   * PHASE_TABLE_MAX_REQUEST: the view stack is as wide as its widest page,
   * so more would widen the window on every page.  Past that the table
   * scrolls sideways in its own place, as the wider tables below do, and
   * shows whole wherever the window has the room. */
  table_minimum = MIN (table_minimum, PHASE_TABLE_MAX_REQUEST);
  if (gtk_scrolled_window_get_min_content_width (self->phase_scroller) != table_minimum)
    gtk_scrolled_window_set_min_content_width (self->phase_scroller, table_minimum);
  gtk_widget_measure (GTK_WIDGET (self->chart), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &chart, NULL, NULL);
  orientation = width >= table + gtk_box_get_spacing (self->chart_row) + chart ? GTK_ORIENTATION_HORIZONTAL
                                                                                : GTK_ORIENTATION_VERTICAL;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->chart_row)) != orientation)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->chart_row), orientation);
  gtk_widget_get_size_request (GTK_WIDGET (self->chart_box), NULL, &requested);
  if (height != requested)
    gtk_widget_set_size_request (GTK_WIDGET (self->chart_box), -1, height);
  return G_SOURCE_REMOVE;
}

/* A new width or height, new figures or a new text size (the table's
 * width) may change the layout; page sizes change while the view is
 * being allocated, so the new layout waits until that is done. */
static void
reflow (PcCostingView *self)
{
  if (self->reflow_source == 0)
    self->reflow_source = g_idle_add (reflow_now, self);
}

GtkWidget *
pc_costing_view_new (void)
{
  return g_object_new (PC_TYPE_COSTING_VIEW, NULL);
}

void
pc_costing_view_set_document (PcCostingView *self,
                              PcDocument    *document)
{
  g_return_if_fail (PC_IS_COSTING_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "pathway-changed", G_CALLBACK (on_pathway_changed), self);
      g_signal_connect (document, "notify::pathway-name", G_CALLBACK (on_pathway_name_changed), self);
    }
  fill_compare_choices (self);
  refresh (self);
}

PcChart *
pc_costing_view_get_chart (PcCostingView *self)
{
  g_return_val_if_fail (PC_IS_COSTING_VIEW (self), NULL);
  return self->chart;
}

const char *
pc_costing_view_get_cell (PcCostingView  *self,
                          PcCostingTable  table,
                          guint           row,
                          guint           column)
{
  GtkGrid *grids[] = { self->phase_table, self->funding_table, self->provider_table, self->compare_table,
                       self->death_table };

  g_return_val_if_fail (PC_IS_COSTING_VIEW (self), NULL);
  g_return_val_if_fail (table < G_N_ELEMENTS (grids), NULL);

  if (self->stale)
    refresh (self);
  return pc_grid_table_get_text (grids[table], (int) row, (int) column);
}

void
pc_costing_view_compare_with (PcCostingView *self,
                              const char    *pathway,
                              PcStage        stage)
{
  g_return_if_fail (PC_IS_COSTING_VIEW (self));

  self->filling = TRUE;
  for (guint i = 0; pathway != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->compare_names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->compare_names, i), pathway) == 0)
      gtk_drop_down_set_selected (self->compare_choice, i);
  gtk_drop_down_set_selected (self->stage_choice, stage);
  self->filling = FALSE;
  load_other (self);
  refresh (self);
}

static void
pc_costing_view_dispose (GObject *object)
{
  PcCostingView *self = PC_COSTING_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_signal_handlers_disconnect_by_data (gtk_settings_get_default (), self);
  g_clear_handle_id (&self->reflow_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_COSTING_VIEW);
  g_clear_object (&self->compare_names);
  g_clear_pointer (&self->other, pc_pathway_free);
  G_OBJECT_CLASS (pc_costing_view_parent_class)->dispose (object);
}

static void
pc_costing_view_class_init (PcCostingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_costing_view_dispose;
  widget_class->map = pc_costing_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-costing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, death_table);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, death_box);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, chart_row);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, chart_box);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, phase_scroller);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, phase_table);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, funding_table);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, provider_table);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, compare_table);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, compare_choice);
  gtk_widget_class_bind_template_child (widget_class, PcCostingView, stage_choice);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_costing_view_init (PcCostingView *self)
{
  const char *stages[PC_N_STAGES + 1] = { NULL, };
  g_autoptr(GtkStringList) stage_names = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint s = 0; s < PC_N_STAGES; s++)
    stages[s] = stage_title (s);
  stage_names = gtk_string_list_new (stages);
  gtk_drop_down_set_model (self->stage_choice, G_LIST_MODEL (stage_names));
  self->compare_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->compare_choice, G_LIST_MODEL (self->compare_names));
  g_signal_connect (self->compare_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->stage_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);

  self->chart = PC_CHART (pc_chart_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  pc_chart_set_title (self->chart, _("Expected cost by stage and phase"));
  /* Short, so that it stays whole along a low chart at large text. */
  pc_chart_set_axis_labels (self->chart, _("Stage at diagnosis"), _("Cost per patient"));
  pc_chart_set_value_kind (self->chart, PC_CHART_MONEY);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            "notify::page-size", G_CALLBACK (reflow), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            "notify::page-size", G_CALLBACK (reflow), self);
  g_signal_connect_swapped (gtk_settings_get_default (), "notify::gtk-xft-dpi", G_CALLBACK (reflow), self);
}
