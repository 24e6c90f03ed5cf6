/* pc-scenario-editor.c: the editor of one scenario: the list of its
 * changes and the form that adds or replaces one, each an undoable edit;
 * a refused value is marked in place with the reason, as the step
 * editor does, and nothing is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scenario-view"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-format.h"
#include "pc-pathway-summary.h"
#include "pc-scenario-choice.h"
#include "pc-scenario-editor-private.h"
#include "pc-step-field.h"

G_DEFINE_FINAL_TYPE (PcScenarioEditor, pc_scenario_editor, GTK_TYPE_WIDGET)

static const struct
{
  PcParameter  parameter;
  const char  *label;
  const char  *hint;
} form_parameters[PC_N_FORM_PARAMETERS] = {
  { PC_PARAMETER_STEP_QUANTITY, N_("Step quantity"), N_("Units per patient, 0 or more") },
  { PC_PARAMETER_STEP_SHARE, N_("Step share at a stage"), N_("A fraction of patients, 0 to 1") },
  { PC_PARAMETER_STEP_UNIT_COST, N_("Step unit cost"), N_("£ per unit, replacing tariff × MFF or local cost") },
  { PC_PARAMETER_TREND, N_("Incidence trend"), N_("Annual change, e.g. 0.01 for 1% a year") },
  { PC_PARAMETER_INFLATION, N_("Inflation"), N_("Annual fraction, -0.5 to 1") },
};

static const char *
parameter_label (PcParameter parameter)
{
  if (parameter == PC_PARAMETER_STAGE_SHARE)
    return _("Stage share");
  for (guint i = 0; i < PC_N_FORM_PARAMETERS; i++)
    if (form_parameters[i].parameter == parameter)
      return _(form_parameters[i].label);
  return pc_parameter_to_string (parameter);
}

static const char *
stage_label (int stage)
{
  static const char *const labels[PC_N_STAGES] = {
    N_("Stage 1"), N_("Stage 2"), N_("Stage 3"), N_("Stage 4"), N_("Stage unknown"),
  };

  return stage >= 0 && stage < PC_N_STAGES ? _(labels[stage]) : "";
}

/* ---------------------------------------------------- the change form */

typedef struct
{
  char            *scenario;
  PcOverride      *replacing;
  PcOverride       change;
  PcOverrideField  field;
  gboolean         remove;
} ChangeEdit;

static PcOverride *
override_copy (const PcOverride *override)
{
  PcOverride *copy = g_new0 (PcOverride, 1);

  *copy = *override;
  copy->site = g_strdup (override->site);
  copy->pathway = g_strdup (override->pathway);
  copy->step = g_strdup (override->step);
  return copy;
}

static void
override_free (PcOverride *override)
{
  if (override == NULL)
    return;
  g_free (override->site);
  g_free (override->pathway);
  g_free (override->step);
  g_free (override);
}

static gboolean
run_change_edit (PcProject *project,
                 gpointer   data,
                 GError   **error)
{
  ChangeEdit *edit = data;

  if (edit->remove)
    return pc_project_remove_scenario_change (project, edit->scenario, &edit->change, error);
  return pc_project_set_scenario_change (project, edit->scenario, edit->replacing, &edit->change,
                                         &edit->field, error);
}

static PcFormParameter
chosen_parameter (PcScenarioEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->parameter);

  return i < PC_N_FORM_PARAMETERS ? (PcFormParameter) i : PC_FORM_STEP_QUANTITY;
}

/* Only the fields the chosen parameter takes are shown. */
static void
show_change_fields (PcScenarioEditor *self)
{
  PcParameter parameter = form_parameters[chosen_parameter (self)].parameter;
  gboolean uses_step = parameter == PC_PARAMETER_STEP_QUANTITY || parameter == PC_PARAMETER_STEP_SHARE
                       || parameter == PC_PARAMETER_STEP_UNIT_COST;

  gtk_widget_set_visible (self->site_box, parameter == PC_PARAMETER_TREND);
  gtk_widget_set_visible (self->pathway_box, uses_step);
  gtk_widget_set_visible (self->step_box, uses_step);
  gtk_widget_set_visible (self->stage_box, parameter == PC_PARAMETER_STEP_SHARE);
  gtk_label_set_text (self->value_hint, _(form_parameters[chosen_parameter (self)].hint));
}

/* The steps of the chosen pathway, each name once (a change applies to
 * every step of that name). */
static void
fill_steps (PcScenarioEditor *self)
{
  const char *pathway_name = pc_choice_drop_down_get (self->pathway);
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  pc_choice_drop_down_clear (self->step);
  if (self->document == NULL || pathway_name == NULL)
    return;
  pathway = pc_project_load_pathway (pc_document_get_project (self->document), pathway_name, NULL);
  for (guint i = 0; pathway != NULL && i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (g_hash_table_add (seen, step->name))
        pc_choice_drop_down_add (self->step, step->name, step->name);
    }
}

static gboolean
read_change (PcScenarioEditor *self,
             PcOverride       *change,
             GError          **error)
{
  PcParameter parameter = form_parameters[chosen_parameter (self)].parameter;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value));

  change->parameter = parameter;
  change->site = parameter == PC_PARAMETER_TREND ? (char *) pc_choice_drop_down_get (self->site) : NULL;
  change->pathway = change->step = NULL;
  change->stage = -1;
  if (parameter != PC_PARAMETER_TREND && parameter != PC_PARAMETER_INFLATION)
    {
      change->pathway = (char *) pc_choice_drop_down_get (self->pathway);
      change->step = (char *) pc_choice_drop_down_get (self->step);
      if (change->pathway == NULL || change->step == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose the pathway and the step."));
          return FALSE;
        }
    }
  if (parameter == PC_PARAMETER_STEP_SHARE)
    change->stage = (int) gtk_drop_down_get_selected (self->stage);
  if (parameter == PC_PARAMETER_TREND && change->site == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose the tumour site."));
      return FALSE;
    }
  if (!pc_parse_typed_number (text, &change->value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a number."), text);
      return FALSE;
    }
  return TRUE;
}

static void
reset_change_form (PcScenarioEditor *self)
{
  g_clear_pointer (&self->replacing, override_free);
  gtk_editable_set_text (GTK_EDITABLE (self->value), "");
  gtk_button_set_label (self->add_change, _("_Add Change"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_change), FALSE);
  _pc_scenario_editor_mark (GTK_WIDGET (self->value), self->change_reason, NULL);
}

static void
on_add_change (PcScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  ChangeEdit edit = { self->scenario, self->replacing, { 0, }, PC_OVERRIDE_VALUE, FALSE };
  GtkWidget *refused;

  if (!read_change (self, &edit.change, &error))
    {
      _pc_scenario_editor_mark (GTK_WIDGET (self->value), self->change_reason, error->message);
      return;
    }
  label = g_strdup_printf (_("Change %s in “%s”"), parameter_label (edit.change.parameter), self->scenario);
  if (_pc_scenario_editor_edit (self, label, run_change_edit, &edit, &error))
    {
      reset_change_form (self);
      return;
    }
  refused = edit.field == PC_OVERRIDE_SITE ? GTK_WIDGET (self->site)
            : edit.field == PC_OVERRIDE_PATHWAY ? GTK_WIDGET (self->pathway)
            : edit.field == PC_OVERRIDE_STEP ? GTK_WIDGET (self->step) : GTK_WIDGET (self->value);
  _pc_scenario_editor_mark (refused, self->change_reason, error->message);
  gtk_widget_grab_focus (refused);
}

/* ----------------------------------------------- the list of changes */

static char *
describe_change (PcScenarioEditor *self,
                 const PcOverride *change)
{
  g_autofree char *value = pc_format_number (change->value, 4);
  g_autoptr(GString) text = g_string_new (parameter_label (change->parameter));

  if (change->site != NULL)
    g_string_append_printf (text, " · %s", pc_choice_drop_down_label (self->mix_site, change->site));
  if (change->pathway != NULL)
    g_string_append_printf (text, " · %s · %s", pc_choice_drop_down_label (self->pathway, change->pathway),
                            change->step);
  if (change->stage >= 0)
    g_string_append_printf (text, " · %s", stage_label (change->stage));
  if (change->parameter == PC_PARAMETER_STEP_UNIT_COST)
    {
      g_free (value);
      value = pc_format_money (change->value);
    }
  g_string_append_printf (text, " = %s", value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const PcOverride *
change_at (PcScenarioEditor *self,
           int               index)
{
  if (self->loaded == NULL || index < 0 || (guint) index >= self->loaded->overrides->len)
    return NULL;
  return g_ptr_array_index (self->loaded->overrides, index);
}

static void
edit_change (PcScenarioEditor *self,
             const PcOverride *change)
{
  if (change->parameter == PC_PARAMETER_STAGE_SHARE)
    {
      pc_choice_drop_down_set (self->mix_site, change->site);
      gtk_widget_grab_focus (GTK_WIDGET (self->mix_entries[PC_STAGE_1]));
      return;
    }
  for (guint i = 0; i < PC_N_FORM_PARAMETERS; i++)
    if (form_parameters[i].parameter == change->parameter)
      gtk_drop_down_set_selected (self->parameter, i);
  pc_choice_drop_down_set (self->site, change->site);
  pc_choice_drop_down_set (self->pathway, change->pathway);
  fill_steps (self);
  pc_choice_drop_down_set (self->step, change->step);
  if (change->stage >= 0)
    gtk_drop_down_set_selected (self->stage, change->stage);
  {
    g_autofree char *value = g_strdup_printf ("%.10g", change->value);

    gtk_editable_set_text (GTK_EDITABLE (self->value), value);
  }
  g_clear_pointer (&self->replacing, override_free);
  self->replacing = override_copy (change);
  gtk_button_set_label (self->add_change, _("_Replace Change"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_change), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->value));
}

static void
remove_change (PcScenarioEditor *self,
               const PcOverride *change)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf (_("Remove %s from “%s”"), parameter_label (change->parameter),
                                            self->scenario);
  ChangeEdit edit = { self->scenario, NULL, *change, PC_OVERRIDE_VALUE, TRUE };

  if (!_pc_scenario_editor_edit (self, label, run_change_edit, &edit, &error))
    _pc_scenario_editor_mark (NULL, self->change_reason, error->message);
}

static void
on_change_activated (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     PcScenarioEditor *self)
{
  const PcOverride *change = change_at (self, gtk_list_box_row_get_index (row));

  if (change != NULL)
    edit_change (self, change);
}

/* Delete on a change's row removes it. */
static gboolean
on_changes_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PcScenarioEditor      *self)
{
  GtkListBoxRow *row = NULL;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;
  if (focus != NULL && GTK_IS_LIST_BOX_ROW (focus))
    row = GTK_LIST_BOX_ROW (focus);
  if (row == NULL || change_at (self, gtk_list_box_row_get_index (row)) == NULL)
    return FALSE;
  remove_change (self, change_at (self, gtk_list_box_row_get_index (row)));
  return TRUE;
}

static void
on_remove_clicked (GtkButton        *button,
                   PcScenarioEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const PcOverride *change = change_at (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  if (change != NULL)
    remove_change (self, change);
}

static void
fill_changes (PcScenarioEditor *self)
{
  GtkWidget *child;
  guint n = self->loaded != NULL ? self->loaded->overrides->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes))) != NULL)
    gtk_list_box_remove (self->changes, child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = describe_change (self, g_ptr_array_index (self->loaded->overrides, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Enter edits it; Delete removes it"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the change (Delete)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the change"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->changes, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_changes), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes), n > 0);
}

/* ------------------------------------------------------------ layout */

static GtkWidget *
build_change_form (PcScenarioEditor *self)
{
  GtkWidget *form = gtk_flow_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *parameters[PC_N_FORM_PARAMETERS + 1] = { NULL, };
  const char *stages[PC_N_STAGES + 1] = { NULL, };
  GtkWidget *value_box;

  for (guint i = 0; i < PC_N_FORM_PARAMETERS; i++)
    parameters[i] = _(form_parameters[i].label);
  for (int s = 0; s < PC_N_STAGES; s++)
    stages[s] = stage_label (s);
  self->parameter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (parameters));
  self->site = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Tumour site")));
  self->pathway = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Pathway")));
  self->step = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Step")));
  self->stage = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (stages));
  self->value = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parameter), GTK_ACCESSIBLE_PROPERTY_LABEL, _("What changes"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New value"), -1);
  gtk_entry_set_activates_default (self->value, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->pathway), 220, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->step), 220, -1);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (form), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (form), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (form), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (form), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_What changes"), GTK_WIDGET (self->parameter)));
  self->site_box = _pc_scenario_editor_field (_("Tumour _site"), GTK_WIDGET (self->site));
  self->pathway_box = _pc_scenario_editor_field (_("_Pathway"), GTK_WIDGET (self->pathway));
  self->step_box = _pc_scenario_editor_field (_("S_tep"), GTK_WIDGET (self->step));
  self->stage_box = _pc_scenario_editor_field (_("Sta_ge"), GTK_WIDGET (self->stage));
  gtk_flow_box_append (GTK_FLOW_BOX (form), self->site_box);
  gtk_flow_box_append (GTK_FLOW_BOX (form), self->pathway_box);
  gtk_flow_box_append (GTK_FLOW_BOX (form), self->step_box);
  gtk_flow_box_append (GTK_FLOW_BOX (form), self->stage_box);
  value_box = _pc_scenario_editor_field (_("New _value"), GTK_WIDGET (self->value));
  self->value_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->value_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->value_hint), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->value_hint), "caption");
  gtk_box_append (GTK_BOX (value_box), GTK_WIDGET (self->value_hint));
  gtk_flow_box_append (GTK_FLOW_BOX (form), value_box);
  /* The flow box's children must not take the focus themselves. */
  for (GtkWidget *child = gtk_widget_get_first_child (form); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->add_change = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add Change")));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_change), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_change), _("Add the change to the scenario (Enter in the value)"));
  self->cancel_change = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_change), FALSE);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->add_change));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->cancel_change));
  self->change_reason = _pc_scenario_editor_reason_label ();
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->change_reason));
  gtk_box_append (GTK_BOX (box), buttons);

  g_signal_connect_swapped (self->parameter, "notify::selected", G_CALLBACK (show_change_fields), self);
  g_signal_connect_swapped (self->pathway, "notify::selected", G_CALLBACK (fill_steps), self);
  g_signal_connect_swapped (self->add_change, "clicked", G_CALLBACK (on_add_change), self);
  g_signal_connect_swapped (self->value, "activate", G_CALLBACK (on_add_change), self);
  g_signal_connect_swapped (self->cancel_change, "clicked", G_CALLBACK (reset_change_form), self);
  show_change_fields (self);
  return box;
}

static void
build (PcScenarioEditor *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
  self->warning = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->warning, 0);
  gtk_label_set_wrap (self->warning, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->warning), "warning");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->warning));

  gtk_box_append (GTK_BOX (page), _pc_scenario_editor_section (_("Changes")));
  self->no_changes = GTK_LABEL (gtk_label_new (_("No changes yet: choose what changes below.")));
  gtk_label_set_xalign (self->no_changes, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->no_changes), "dim-label");
  self->changes = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->changes, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->changes), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->changes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  g_signal_connect (self->changes, "row-activated", G_CALLBACK (on_change_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_changes_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->changes), keys);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->no_changes));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->changes));
  gtk_box_append (GTK_BOX (page), build_change_form (self));
  gtk_box_append (GTK_BOX (page), _pc_scenario_editor_build_stage_mix (self));
  gtk_box_append (GTK_BOX (page), _pc_scenario_editor_build_investments (self));

  gtk_widget_set_margin_start (page, 18);
  gtk_widget_set_margin_end (page, 18);
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* ------------------------------------------------------------- state */

static void
fill_choices (PcScenarioEditor *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;
  g_autoptr(GHashTable) sites = project != NULL ? pc_project_load_site_names (project, NULL) : NULL;
  g_autoptr(GListStore) summaries = project != NULL ? pc_project_list_pathway_summaries (project, NULL) : NULL;
  g_autofree char *site = g_strdup (pc_choice_drop_down_get (self->site));
  g_autofree char *pathway = g_strdup (pc_choice_drop_down_get (self->pathway));
  g_autofree char *step = g_strdup (pc_choice_drop_down_get (self->step));

  pc_choice_drop_down_fill (self->site, sites, NULL);
  pc_choice_drop_down_clear (self->pathway);
  for (guint i = 0; summaries != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (summaries)); i++)
    {
      g_autoptr(PcPathwaySummary) summary = g_list_model_get_item (G_LIST_MODEL (summaries), i);
      const char *title = pc_pathway_summary_get_title (summary);

      pc_choice_drop_down_add (self->pathway, pc_pathway_summary_get_name (summary),
                               title != NULL ? title : pc_pathway_summary_get_name (summary));
    }
  pc_choice_drop_down_set (self->site, site);
  pc_choice_drop_down_set (self->pathway, pathway);
  fill_steps (self);
  pc_choice_drop_down_set (self->step, step);
  _pc_scenario_editor_fill_forms (self);
}

static void
show_warning (PcScenarioEditor *self)
{
  const PcPathway *pathway = self->document != NULL ? pc_document_get_pathway (self->document) : NULL;
  g_autofree char *warning = NULL;

  if (self->loaded != NULL && pathway != NULL && !pc_scenario_touches (self->loaded, pathway))
    warning = pc_scenario_untouched_warning (self->loaded, pathway);
  gtk_label_set_text (self->warning, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning), warning != NULL);
}

void
pc_scenario_editor_refresh (PcScenarioEditor *self)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (PC_IS_SCENARIO_EDITOR (self));

  g_clear_pointer (&self->loaded, pc_scenario_free);
  if (self->document != NULL && self->scenario != NULL)
    self->loaded = pc_project_load_scenario (pc_document_get_project (self->document), self->scenario, NULL);
  if (self->scenario != NULL)
    heading = self->loaded != NULL ? g_strdup (self->scenario)
              : g_strdup_printf (_("%s (new: saved with its first change)"), self->scenario);
  gtk_label_set_text (self->heading, heading != NULL ? heading : "");
  gtk_widget_set_sensitive (self->scroller, self->scenario != NULL);
  fill_choices (self);
  fill_changes (self);
  /* The stage mix form opens on the site whose mix the scenario changes. */
  for (guint i = 0; self->loaded != NULL && i < self->loaded->overrides->len; i++)
    {
      const PcOverride *change = g_ptr_array_index (self->loaded->overrides, i);

      if (change->parameter == PC_PARAMETER_STAGE_SHARE)
        {
          pc_choice_drop_down_set (self->mix_site, change->site);
          break;
        }
    }
  _pc_scenario_editor_show_mix (self);
  _pc_scenario_editor_show_investments (self);
  show_warning (self);
}

void
pc_scenario_editor_set_document (PcScenarioEditor *self,
                                 PcDocument       *document)
{
  g_return_if_fail (PC_IS_SCENARIO_EDITOR (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_swapped (document, "notify::pathway-name", G_CALLBACK (show_warning), self);
  pc_scenario_editor_refresh (self);
}

void
pc_scenario_editor_set_scenario (PcScenarioEditor *self,
                                 const char       *name)
{
  g_return_if_fail (PC_IS_SCENARIO_EDITOR (self));

  if (g_strcmp0 (self->scenario, name) == 0)
    return;
  g_free (self->scenario);
  self->scenario = g_strdup (name);
  reset_change_form (self);
  g_clear_pointer (&self->replacing_investment, g_free);
  pc_scenario_editor_refresh (self);
}

const char *
pc_scenario_editor_get_scenario (PcScenarioEditor *self)
{
  g_return_val_if_fail (PC_IS_SCENARIO_EDITOR (self), NULL);
  return self->scenario;
}

GtkWidget *
pc_scenario_editor_new (void)
{
  return g_object_new (PC_TYPE_SCENARIO_EDITOR, NULL);
}

static void
pc_scenario_editor_dispose (GObject *object)
{
  PcScenarioEditor *self = PC_SCENARIO_EDITOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->loaded, pc_scenario_free);
  g_clear_pointer (&self->replacing, override_free);
  g_clear_pointer (&self->replacing_investment, g_free);
  g_clear_pointer (&self->scenario, g_free);
  G_OBJECT_CLASS (pc_scenario_editor_parent_class)->dispose (object);
}

static void
pc_scenario_editor_class_init (PcScenarioEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_scenario_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pc_scenario_editor_init (PcScenarioEditor *self)
{
  build (self);
}
