/* pc-compare-selection.c: the pathway, areas, scenario and years of a
 * business case (see pc-compare-selection.h).  Emits "changed" whenever
 * what it selects, or the figures under it, change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pc-compare-selection.h"
#include "pc-error.h"
#include "pc-model.h"
#include "pc-view-util.h"

struct _PcCompareSelection
{
  GtkWidget          parent_instance;

  GtkDropDown       *pathway_choice;
  GtkStringList     *pathway_names;
  GtkDropDown       *area_choice;
  GtkStringList     *area_names;
  GtkDropDown       *scenario_choice;
  GtkStringList     *scenario_names;
  GtkSpinButton     *from_spin;
  GtkSpinButton     *years_spin;

  PcDocument        *document;
  GPtrArray         *places;       /* of PcPlace, in the order of area_names after "Every area" */
  PcScenario        *scenario;
  PcProjectionInput *input;
  char              *input_key;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (PcCompareSelection, pc_compare_selection, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
load_scenario (PcCompareSelection *self)
{
  guint selected = gtk_drop_down_get_selected (self->scenario_choice);

  g_clear_pointer (&self->scenario, pc_scenario_free);
  if (self->document != NULL && selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    self->scenario = pc_project_load_scenario (pc_document_get_project (self->document),
                                               gtk_string_list_get_string (self->scenario_names, selected), NULL);
}

/* With none chosen, the first scenario that changes the pathway, else the
 * first: there is nothing to compare without one. */
static guint
first_scenario (PcCompareSelection *self,
                GStrv               names)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;

  for (guint i = 0; pathway != NULL && names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(PcScenario) scenario = pc_project_load_scenario (pc_document_get_project (self->document),
                                                                 names[i], NULL);

      if (scenario != NULL && pc_scenario_touches (scenario, pathway))
        return i + 1;
    }
  return names != NULL && names[0] != NULL ? 1 : 0;
}

/* "Every area", then the groups and the areas as the store lists them. */
static void
fill_choices (PcCompareSelection *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;
  g_autofree char *area = pc_compare_selection_get_area_codes (self);
  g_autofree char *scenario = self->scenario != NULL ? g_strdup (self->scenario->name) : NULL;
  g_auto(GStrv) pathways = project != NULL ? pc_project_list_pathways (project, NULL) : NULL;
  g_auto(GStrv) scenarios = project != NULL ? pc_project_list_scenarios (project, NULL) : NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) area_names = NULL;

  self->updating = TRUE;
  g_clear_pointer (&self->places, g_ptr_array_unref);
  self->places = project != NULL ? pc_project_list_places (project, NULL) : NULL;
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    {
      PcPlace *place = g_ptr_array_index (self->places, i);

      g_autofree char *name = place->members != NULL ? g_strdup_printf (_("%s (%s, a group)"), place->name, place->code)
                                                     : g_strdup_printf ("%s (%s)", place->name, place->code);

      g_strv_builder_add (names, name);
    }
  area_names = g_strv_builder_end (names);
  pc_view_fill_strings (self->pathway_names, NULL, pathways);
  pc_view_fill_strings (self->area_names, _("Every area"), area_names);
  pc_view_fill_strings (self->scenario_names, _("No scenario"), scenarios);
  if (self->document != NULL)
    pc_view_select_string (self->pathway_choice, self->pathway_names, pc_document_get_pathway_name (self->document));
  gtk_drop_down_set_selected (self->area_choice, 0);
  if (area != NULL && strchr (area, ',') == NULL)
    pc_compare_selection_set_area (self, area);
  gtk_drop_down_set_selected (self->scenario_choice, 0);
  if (scenario == NULL || !pc_view_select_string (self->scenario_choice, self->scenario_names, scenario))
    gtk_drop_down_set_selected (self->scenario_choice, first_scenario (self, scenarios));
  self->updating = FALSE;
  load_scenario (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
drop_input (PcCompareSelection *self)
{
  g_clear_pointer (&self->input, pc_projection_input_free);
  g_clear_pointer (&self->input_key, g_free);
}

static void
on_pathway_chosen (GtkDropDown        *drop_down,
                   GParamSpec         *pspec,
                   PcCompareSelection *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The document tells every view; "pathway-changed" brings it back here. */
  pc_document_set_pathway_name (self->document, gtk_string_list_get_string (self->pathway_names, selected), NULL);
}

static void
on_control_changed (GObject            *control,
                    GParamSpec         *pspec,
                    PcCompareSelection *self)
{
  if (self->updating)
    return;
  if (G_OBJECT (self->scenario_choice) == control)
    load_scenario (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_document_changed (PcDocument         *document,
                     PcChange            scope,
                     PcCompareSelection *self)
{
  if (scope == PC_CHANGE_STEPS)
    return;
  /* Reference data, pathways or scenarios may have changed. */
  drop_input (self);
  fill_choices (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_pathway_changed (PcDocument         *document,
                    PcCompareSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_pathway_name_changed (PcDocument         *document,
                         GParamSpec         *pspec,
                         PcCompareSelection *self)
{
  g_auto(GStrv) scenarios = pc_project_list_scenarios (pc_document_get_project (document), NULL);
  const PcPathway *pathway = pc_document_get_pathway (document);

  self->updating = TRUE;
  pc_view_select_string (self->pathway_choice, self->pathway_names, pc_document_get_pathway_name (document));
  /* A scenario that changes nothing in the new pathway gives way to one that does. */
  if (pathway != NULL && (self->scenario == NULL || !pc_scenario_touches (self->scenario, pathway)))
    gtk_drop_down_set_selected (self->scenario_choice, first_scenario (self, scenarios));
  self->updating = FALSE;
  load_scenario (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pc_compare_selection_set_document (PcCompareSelection *self,
                                   PcDocument         *document)
{
  g_return_if_fail (PC_IS_COMPARE_SELECTION (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->scenario, pc_scenario_free);
  drop_input (self);
  if (document != NULL)
    {
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "pathway-changed", G_CALLBACK (on_pathway_changed), self);
      g_signal_connect (document, "notify::pathway-name", G_CALLBACK (on_pathway_name_changed), self);
    }
  fill_choices (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pc_compare_selection_set_period (PcCompareSelection *self,
                                 int                 from,
                                 int                 years)
{
  g_return_if_fail (PC_IS_COMPARE_SELECTION (self));

  self->updating = TRUE;
  gtk_spin_button_set_value (self->from_spin, from);
  gtk_spin_button_set_value (self->years_spin, CLAMP (years, 1, PC_MAX_HORIZON));
  self->updating = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
pc_compare_selection_set_scenario (PcCompareSelection *self,
                                   const char         *name)
{
  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), FALSE);

  if (name == NULL)
    {
      gtk_drop_down_set_selected (self->scenario_choice, 0);
      return TRUE;
    }
  return pc_view_select_string (self->scenario_choice, self->scenario_names, name);
}

gboolean
pc_compare_selection_set_area (PcCompareSelection *self,
                               const char         *code)
{
  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), FALSE);

  if (code == NULL)
    {
      gtk_drop_down_set_selected (self->area_choice, 0);
      return TRUE;
    }
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    if (g_strcmp0 (((PcPlace *) g_ptr_array_index (self->places, i))->code, code) == 0)
      {
        gtk_drop_down_set_selected (self->area_choice, i + 1);
        return TRUE;
      }
  return FALSE;
}

const PcScenario *
pc_compare_selection_get_scenario (PcCompareSelection *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), NULL);
  return self->scenario;
}

static PcPlace *
chosen_place (PcCompareSelection *self)
{
  guint selected = gtk_drop_down_get_selected (self->area_choice);

  if (self->places == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->places->len)
    return NULL;
  return g_ptr_array_index (self->places, selected - 1);
}

/* A group is its members, as pathcost-cli expands it; none chosen is every area. */
static GStrv
chosen_areas (PcCompareSelection *self)
{
  PcProject *project = pc_document_get_project (self->document);
  PcPlace *place = chosen_place (self);
  const char *codes[] = { place != NULL ? place->code : NULL, NULL };

  if (place == NULL)
    return pc_project_list_areas (project, NULL);
  return pc_project_expand_areas (project, codes, NULL);
}

const PcProjectionInput *
pc_compare_selection_load_input (PcCompareSelection *self,
                                 const PcPathway   **pathway,
                                 GError            **error)
{
  g_auto(GStrv) areas = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), NULL);

  *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  if (*pathway == NULL)
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_NOT_FOUND, _("Choose a pathway to compare."));
      return NULL;
    }
  areas = chosen_areas (self);
  if (areas == NULL || areas[0] == NULL)
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                           _("The project has no areas: import areas and population first."));
      return NULL;
    }
  joined = g_strjoinv (",", areas);
  key = g_strdup_printf ("%s|%s|%d|%d", (*pathway)->site, joined, pc_compare_selection_get_from (self),
                         pc_compare_selection_get_years (self));
  if (self->input != NULL && g_strcmp0 (key, self->input_key) == 0)
    return self->input;
  drop_input (self);
  self->input = pc_project_load_projection_input (pc_document_get_project (self->document), (*pathway)->site,
                                                  (const char * const *) areas, pc_compare_selection_get_from (self),
                                                  pc_compare_selection_get_years (self), error);
  if (self->input != NULL)
    self->input_key = g_steal_pointer (&key);
  return self->input;
}

char *
pc_compare_selection_get_area_codes (PcCompareSelection *self)
{
  g_auto(GStrv) areas = NULL;

  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), NULL);
  if (self->document == NULL)
    return NULL;
  areas = chosen_areas (self);
  return areas != NULL ? g_strjoinv (",", areas) : NULL;
}

char *
pc_compare_selection_describe_area (PcCompareSelection *self)
{
  PcPlace *place;

  g_return_val_if_fail (PC_IS_COMPARE_SELECTION (self), NULL);
  place = self->document != NULL ? chosen_place (self) : NULL;
  if (place == NULL)
    return g_strdup (_("every area"));
  return g_strdup_printf ("%s (%s)", place->name, place->code);
}

int
pc_compare_selection_get_from (PcCompareSelection *self)
{
  return gtk_spin_button_get_value_as_int (self->from_spin);
}

int
pc_compare_selection_get_years (PcCompareSelection *self)
{
  return gtk_spin_button_get_value_as_int (self->years_spin);
}

static void
pc_compare_selection_dispose (GObject *object)
{
  PcCompareSelection *self = PC_COMPARE_SELECTION (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  pc_view_dispose_template (GTK_WIDGET (self), PC_TYPE_COMPARE_SELECTION);
  G_OBJECT_CLASS (pc_compare_selection_parent_class)->dispose (object);
}

static void
pc_compare_selection_finalize (GObject *object)
{
  PcCompareSelection *self = PC_COMPARE_SELECTION (object);

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->scenario, pc_scenario_free);
  drop_input (self);
  G_OBJECT_CLASS (pc_compare_selection_parent_class)->finalize (object);
}

static void
pc_compare_selection_class_init (PcCompareSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_compare_selection_dispose;
  object_class->finalize = pc_compare_selection_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-compare-selection.ui");
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, pathway_choice);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, pathway_names);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, area_choice);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, area_names);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, scenario_choice);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, scenario_names);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, from_spin);
  gtk_widget_class_bind_template_child (widget_class, PcCompareSelection, years_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_pathway_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed);
}

static void
pc_compare_selection_init (PcCompareSelection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
