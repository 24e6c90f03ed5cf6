/* pc-providers-view.c: the Providers page: for a site and an area (or
 * group), each provider's expected cost per patient at tariff × MFF and at
 * its own cost, the gap, its patients, compliance shortfalls and open
 * risks, one column per provider, with a chart of the same figures.  The
 * figures are pc_project_compare_providers', as `pathcost-cli providers`
 * prints them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-providers-view"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-format.h"
#include "pc-grid-table.h"
#include "pc-providers-view.h"

struct _PcProvidersView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkDropDown   *site_choice;
  GtkDropDown   *place_choice;
  GtkLabel      *title_label;
  GtkGrid       *table;
  GtkWidget     *empty_label;
  GtkBox        *chart_box;

  PcChart       *chart;
  GPtrArray     *sites;     /* of PcPlace */
  GPtrArray     *places;    /* of PcPlace */
  PcDocument    *document;
  gboolean       filling;
  gboolean       stale;     /* the project changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (PcProvidersView, pc_providers_view, GTK_TYPE_WIDGET)

/* The table's rows after the names. */
enum
{
  ROW_NAMES,
  ROW_MFF,
  ROW_PATHWAY,
  ROW_BEST_PRACTICE,
  ROW_TARIFF,
  ROW_OWN,
  ROW_GAP,
  ROW_PATIENTS,
  ROW_SHORTFALLS,
  ROW_RISKS,
  N_ROWS
};

static const char *
row_title (guint row)
{
  static const char *titles[N_ROWS] = {
    N_("Provider"), N_("Market forces factor"), N_("Pathway priced"),
    N_("Best practice at tariff × MFF"), N_("At tariff × MFF"), N_("At its own unit costs"),
    N_("Gap: own cost − tariff × MFF"), N_("Patients of the site and area"),
    N_("Compliance shortfalls"), N_("Open risks"),
  };

  return _(titles[row]);
}

static const PcPlace *
chosen (GPtrArray   *list,
        GtkDropDown *choice)
{
  guint selected = gtk_drop_down_get_selected (choice);

  return list != NULL && selected < list->len ? g_ptr_array_index (list, selected) : NULL;
}

const char *
pc_providers_view_get_site (PcProvidersView *self)
{
  const PcPlace *site;

  g_return_val_if_fail (PC_IS_PROVIDERS_VIEW (self), NULL);
  site = chosen (self->sites, self->site_choice);
  return site != NULL ? site->code : NULL;
}

const char *
pc_providers_view_get_place (PcProvidersView *self)
{
  const PcPlace *place;

  g_return_val_if_fail (PC_IS_PROVIDERS_VIEW (self), NULL);
  place = chosen (self->places, self->place_choice);
  return place != NULL ? place->code : NULL;
}

/* A provider's name heading its column, wrapped: a trust's name is long. */
static void
set_name (PcProvidersView         *self,
          int                      column,
          const PcProviderFigures *p)
{
  g_autofree char *text = g_strdup_printf ("%s (%s)", p->name, p->code);
  GtkWidget *label;

  pc_grid_table_set_text (self->table, ROW_NAMES, column, text, TRUE, TRUE);
  label = gtk_grid_get_child_at (self->table, column, ROW_NAMES);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
}

static char *
money_or_dash (gboolean shown,
               double   value)
{
  return shown ? pc_format_money (value) : g_strdup ("—");
}

static void
fill_column (PcProvidersView            *self,
             int                         column,
             const PcProviderComparison *comparison,
             const PcProviderFigures    *p)
{
  char *texts[N_ROWS] = { NULL, };
  gboolean priced = p->pathway != NULL;

  texts[ROW_MFF] = g_strdup_printf ("%.4f", p->mff);
  texts[ROW_PATHWAY] = g_strdup (!priced ? _("none") : p->is_current ? p->pathway->name
                                                                     : _("best practice"));
  texts[ROW_BEST_PRACTICE] = money_or_dash (p->has_best_practice, p->best_practice_all);
  texts[ROW_TARIFF] = money_or_dash (priced, p->at_tariff_all);
  texts[ROW_OWN] = money_or_dash (priced, p->at_own_all);
  texts[ROW_GAP] = money_or_dash (priced, p->gap_all);
  if (comparison->has_activity)
    {
      texts[ROW_PATIENTS] = g_strdup_printf ("%" G_GUINT64_FORMAT, p->patients);
      texts[ROW_SHORTFALLS] = g_strdup_printf ("%u", p->shortfalls);
      texts[ROW_RISKS] = g_strdup_printf ("%u", p->open_risks);
    }
  set_name (self, column, p);
  for (guint r = ROW_MFF; r < N_ROWS; r++)
    {
      pc_grid_table_set_text (self->table, r, column,
                              texts[r] != NULL ? texts[r] : _("no activity"), TRUE, FALSE);
      g_free (texts[r]);
    }
}

/* Three stacked parts that add up to the larger of the two figures: the
 * own cost up to the tariff, the own cost above it, the tariff above the
 * own cost; no part is ever negative. */
static void
fill_chart (PcProvidersView            *self,
            const PcProviderComparison *comparison)
{
  const char *series[] = { _("Own cost within tariff × MFF"), _("Own cost above tariff × MFF"),
                           _("Tariff × MFF above own cost") };
  guint n = comparison->providers->len;
  g_autofree const char **names = g_new0 (const char *, n + 1);
  g_autofree double *values = g_new0 (double, 3 * n);

  for (guint i = 0; i < n; i++)
    {
      const PcProviderFigures *p = g_ptr_array_index (comparison->providers, i);

      names[i] = p->name;
      if (p->pathway == NULL)
        continue;
      values[i] = MIN (p->at_own_all, p->at_tariff_all);
      values[n + i] = MAX (0.0, p->at_own_all - p->at_tariff_all);
      values[2 * n + i] = MAX (0.0, p->at_tariff_all - p->at_own_all);
    }
  pc_chart_set_data (self->chart, names, n, series, G_N_ELEMENTS (series), values);
}

static void
refresh (PcProvidersView *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;
  const char *site = pc_providers_view_get_site (self);
  const char *place = pc_providers_view_get_place (self);
  const char *areas[] = { place, NULL };
  g_autoptr(PcProviderComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  self->stale = FALSE;
  if (project != NULL && site != NULL && place != NULL)
    comparison = pc_project_compare_providers (project, site, areas, &error);
  n = comparison != NULL ? comparison->providers->len : 0;
  if (comparison != NULL)
    {
      g_autofree char *described = pc_project_describe_areas (project, areas);
      g_autofree char *title = g_strdup_printf (_("%s: providers for %s"), comparison->site_name,
                                                described);

      gtk_label_set_text (self->title_label, title);
    }
  else
    gtk_label_set_text (self->title_label, error != NULL ? error->message : "");
  for (guint r = 0; r < N_ROWS; r++)
    {
      pc_grid_table_set_text (self->table, r, 0, r == ROW_NAMES ? "" : row_title (r), FALSE,
                              r == ROW_NAMES);
      /* Long row titles take two lines before the table scrolls sideways. */
      gtk_label_set_wrap (GTK_LABEL (gtk_grid_get_child_at (self->table, 0, r)), TRUE);
    }
  for (guint i = 0; i < n; i++)
    fill_column (self, (int) i + 1, comparison, g_ptr_array_index (comparison->providers, i));
  pc_grid_table_trim (self->table, N_ROWS, (int) n + 1);
  gtk_widget_set_visible (GTK_WIDGET (self->table), n > 0);
  gtk_widget_set_visible (self->empty_label, comparison != NULL && n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), n > 0);
  if (n > 0)
    fill_chart (self, comparison);
}

static void
on_choice_changed (GtkDropDown     *choice,
                   GParamSpec      *pspec,
                   PcProvidersView *self)
{
  if (!self->filling)
    refresh (self);
}

static void
set_choices (GtkDropDown *choice,
             GPtrArray   *list)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const PcPlace *place = g_ptr_array_index (list, i);

      gtk_string_list_append (names, place->name);
    }
  gtk_drop_down_set_model (choice, G_LIST_MODEL (names));
}

static guint
find_code (GPtrArray  *list,
           const char *code)
{
  for (guint i = 0; list != NULL && code != NULL && i < list->len; i++)
    if (g_strcmp0 (((PcPlace *) g_ptr_array_index (list, i))->code, code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Reads the sites and places again, keeping the choices where they still
 * exist. */
static void
load_choices (PcProvidersView *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;
  g_autofree char *site = g_strdup (pc_providers_view_get_site (self));
  g_autofree char *place = g_strdup (pc_providers_view_get_place (self));
  guint s, p;

  self->filling = TRUE;
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  if (project != NULL)
    {
      self->sites = pc_project_list_sites (project, NULL);
      self->places = pc_project_list_places (project, NULL);
    }
  set_choices (self->site_choice, self->sites);
  set_choices (self->place_choice, self->places);
  s = find_code (self->sites, site);
  p = find_code (self->places, place);
  gtk_drop_down_set_selected (self->site_choice, s != GTK_INVALID_LIST_POSITION ? s : 0);
  gtk_drop_down_set_selected (self->place_choice, p != GTK_INVALID_LIST_POSITION ? p : 0);
  self->filling = FALSE;
}

gboolean
pc_providers_view_select (PcProvidersView *self,
                          const char      *site,
                          const char      *place)
{
  guint s, p;

  g_return_val_if_fail (PC_IS_PROVIDERS_VIEW (self), FALSE);
  s = find_code (self->sites, site);
  p = find_code (self->places, place);
  if (s == GTK_INVALID_LIST_POSITION || p == GTK_INVALID_LIST_POSITION)
    return FALSE;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->site_choice, s);
  gtk_drop_down_set_selected (self->place_choice, p);
  self->filling = FALSE;
  refresh (self);
  return TRUE;
}

/* An edit anywhere may change these figures; a hidden view waits until
 * it is shown. */
static void
on_document_changed (PcDocument      *document,
                     guint            what,
                     PcProvidersView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  load_choices (self);
  refresh (self);
}

void
pc_providers_view_set_document (PcProvidersView *self,
                                PcDocument      *document)
{
  g_return_if_fail (PC_IS_PROVIDERS_VIEW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  load_choices (self);
  /* The comparison reads all the activity: not before the page is seen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

const char *
pc_providers_view_get_text (PcProvidersView *self,
                            int              row,
                            int              column)
{
  g_return_val_if_fail (PC_IS_PROVIDERS_VIEW (self), NULL);
  return pc_grid_table_get_text (self->table, row, column);
}

PcChart *
pc_providers_view_get_chart (PcProvidersView *self)
{
  g_return_val_if_fail (PC_IS_PROVIDERS_VIEW (self), NULL);
  return self->chart;
}

GtkWidget *
pc_providers_view_new (void)
{
  return g_object_new (PC_TYPE_PROVIDERS_VIEW, NULL);
}

static void
pc_providers_view_map (GtkWidget *widget)
{
  PcProvidersView *self = PC_PROVIDERS_VIEW (widget);

  GTK_WIDGET_CLASS (pc_providers_view_parent_class)->map (widget);
  if (self->stale)
    {
      load_choices (self);
      refresh (self);
    }
}

static void
pc_providers_view_dispose (GObject *object)
{
  PcProvidersView *self = PC_PROVIDERS_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PROVIDERS_VIEW);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  G_OBJECT_CLASS (pc_providers_view_parent_class)->dispose (object);
}

static void
pc_providers_view_class_init (PcProvidersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_providers_view_dispose;
  widget_class->map = pc_providers_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pathcost/Pathcost/pc-providers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, site_choice);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, place_choice);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, table);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PcProvidersView, chart_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_providers_view_init (PcProvidersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->site_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->place_choice, "notify::selected", G_CALLBACK (on_choice_changed), self);
  self->chart = PC_CHART (pc_chart_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 300);
  pc_chart_set_title (self->chart, _("Expected cost per patient: own cost against tariff × MFF"));
  pc_chart_set_axis_labels (self->chart, _("Provider"), _("Expected cost per patient"));
  pc_chart_set_value_kind (self->chart, PC_CHART_MONEY);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));
}
