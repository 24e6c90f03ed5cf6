/* pc-scenario-editor-forms.c: the scenario editor's stage mix of a site
 * (the five shares set together, and the stage-shift helper that moves a
 * chosen fraction of stage 3–4 patients to stages 1–2) and its
 * investment lines; each an undoable edit, refusals marked in place; and
 * the helpers the editor's files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scenario-view"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pc-format.h"
#include "pc-labels.h"
#include "pc-scenario-choice.h"
#include "pc-scenario-editor-private.h"
#include "pc-step-field.h"

static const char *const funding_codes[] = { "icb", "specialised", "public_health", "drugs_fund" };

/* ------------------------------------------------------------- helpers */

gboolean
_pc_scenario_editor_edit (PcScenarioEditor *self,
                          const char       *label,
                          PcHistoryEdit     edit_func,
                          gpointer          data,
                          GError          **error)
{
  if (self->document == NULL || self->scenario == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Choose a scenario first."));
      return FALSE;
    }
  return pc_document_edit (self->document, label, PC_CHANGE_DATA, edit_func, data, error);
}

void
_pc_scenario_editor_mark (GtkWidget  *widget,
                          GtkLabel   *label,
                          const char *reason)
{
  if (widget != NULL && reason != NULL)
    gtk_widget_add_css_class (widget, "error");
  else if (widget != NULL)
    gtk_widget_remove_css_class (widget, "error");
  if (widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    reason != NULL ? reason : "", -1);
  gtk_label_set_text (label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (label), reason != NULL);
}

/* A caption above @widget that names it, with a mnemonic. */
GtkWidget *
_pc_scenario_editor_field (const char *mnemonic,
                           GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

GtkWidget *
_pc_scenario_editor_section (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

GtkLabel *
_pc_scenario_editor_reason_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* ------------------------------------------------------ the stage mix */

typedef struct
{
  const char *scenario;
  const char *site;
  double      mix[PC_N_STAGES];
  double      fraction;
  gboolean    shift;
} MixEdit;

static gboolean
run_mix_edit (PcProject *project,
              gpointer   data,
              GError   **error)
{
  MixEdit *edit = data;

  if (edit->shift)
    return pc_project_shift_scenario_stages (project, edit->scenario, edit->site, edit->fraction, error);
  return pc_project_set_scenario_stage_mix (project, edit->scenario, edit->site, edit->mix, error);
}

/* The shares the scenario gives the chosen site, shown in the entries. */
void
_pc_scenario_editor_show_mix (PcScenarioEditor *self)
{
  const char *site = pc_choice_drop_down_get (self->mix_site);
  double mix[PC_N_STAGES] = { 0, };

  if (self->document != NULL && self->scenario != NULL && site != NULL)
    pc_project_get_scenario_stage_mix (pc_document_get_project (self->document), self->scenario, site, mix, NULL);
  for (int s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *text = g_strdup_printf ("%.4f", mix[s]);

      gtk_editable_set_text (GTK_EDITABLE (self->mix_entries[s]), site != NULL ? text : "");
      _pc_scenario_editor_mark (GTK_WIDGET (self->mix_entries[s]), self->mix_reason, NULL);
    }
}

static void
on_set_mix (PcScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  MixEdit edit = { self->scenario, pc_choice_drop_down_get (self->mix_site), { 0, }, 0, FALSE };

  if (edit.site == NULL)
    {
      _pc_scenario_editor_mark (GTK_WIDGET (self->mix_site), self->mix_reason, _("Choose the tumour site."));
      return;
    }
  for (int s = 0; s < PC_N_STAGES; s++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->mix_entries[s]));

      if (!pc_parse_typed_number (text, &edit.mix[s]))
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not a number."), text);

          _pc_scenario_editor_mark (GTK_WIDGET (self->mix_entries[s]), self->mix_reason, reason);
          return;
        }
    }
  label = g_strdup_printf (_("Set the Stage Mix of %s in “%s”"), edit.site, self->scenario);
  if (!_pc_scenario_editor_edit (self, label, run_mix_edit, &edit, &error))
    _pc_scenario_editor_mark (GTK_WIDGET (self->mix_entries[PC_STAGE_1]), self->mix_reason, error->message);
}

static void
on_shift (PcScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->shift_percent));
  g_autofree char *number = g_strdup (text);
  MixEdit edit = { self->scenario, pc_choice_drop_down_get (self->mix_site), { 0, }, 0, TRUE };
  double percent;

  _pc_scenario_editor_mark (GTK_WIDGET (self->shift_percent), self->shift_reason, NULL);
  if (edit.site == NULL)
    {
      _pc_scenario_editor_mark (GTK_WIDGET (self->mix_site), self->shift_reason, _("Choose the tumour site."));
      return;
    }
  if (g_str_has_suffix (number, "%"))
    number[strlen (number) - 1] = '\0';
  if (!pc_parse_typed_number (number, &percent))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not a percentage."), text);

      _pc_scenario_editor_mark (GTK_WIDGET (self->shift_percent), self->shift_reason, reason);
      return;
    }
  edit.fraction = percent / 100.0;
  label = g_strdup_printf (_("Shift %s%% of %s to Earlier Stages in “%s”"), text, edit.site, self->scenario);
  if (!_pc_scenario_editor_edit (self, label, run_mix_edit, &edit, &error))
    _pc_scenario_editor_mark (GTK_WIDGET (self->shift_percent), self->shift_reason, error->message);
}

GtkWidget *
_pc_scenario_editor_build_stage_mix (PcScenarioEditor *self)
{
  static const char *const titles[PC_N_STAGES] = {
    N_("Stage _1"), N_("Stage _2"), N_("Stage _3"), N_("Stage _4"), N_("_Unknown"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *shift_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *set = gtk_button_new_with_mnemonic (_("Set Stage _Mix"));
  GtkWidget *shift = gtk_button_new_with_mnemonic (_("S_hift to Earlier Stages"));
  GtkWidget *intro = gtk_label_new (_("Move this percentage of the site’s stage 3 and 4 patients to "
                                      "stages 1 and 2, in proportion to their shares:"));

  gtk_box_append (GTK_BOX (box), _pc_scenario_editor_section (_("Stage mix at diagnosis")));
  self->mix_site = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Tumour site of the stage mix")));
  gtk_box_append (GTK_BOX (line), _pc_scenario_editor_field (_("Tumour si_te"), GTK_WIDGET (self->mix_site)));
  for (int s = 0; s < PC_N_STAGES; s++)
    {
      self->mix_entries[s] = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (self->mix_entries[s]), 7);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->mix_entries[s]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(titles[s]), -1);
      g_signal_connect_swapped (self->mix_entries[s], "activate", G_CALLBACK (on_set_mix), self);
      gtk_box_append (GTK_BOX (line), _pc_scenario_editor_field (_(titles[s]), GTK_WIDGET (self->mix_entries[s])));
    }
  gtk_widget_set_halign (set, GTK_ALIGN_START);
  self->mix_reason = _pc_scenario_editor_reason_label ();
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  self->shift_percent = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->shift_percent), "10");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->shift_percent), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shift_percent), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Percentage of stage 3 and 4 patients moved"), -1);
  g_signal_connect_swapped (self->shift_percent, "activate", G_CALLBACK (on_shift), self);
  gtk_box_append (GTK_BOX (shift_line), _pc_scenario_editor_field (_("_Percentage moved"), GTK_WIDGET (self->shift_percent)));
  gtk_widget_set_valign (shift, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (shift_line), shift);
  self->shift_reason = _pc_scenario_editor_reason_label ();
  {
    GtkWidget *scroll = gtk_scrolled_window_new ();

    /* Five shares side by side scroll sideways rather than widen the window. */
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroll), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), line);
    gtk_box_append (GTK_BOX (box), scroll);
  }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mix_reason));
  gtk_box_append (GTK_BOX (box), set);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), shift_line);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->shift_reason));
  g_signal_connect_swapped (set, "clicked", G_CALLBACK (on_set_mix), self);
  g_signal_connect_swapped (shift, "clicked", G_CALLBACK (on_shift), self);
  g_signal_connect_swapped (self->mix_site, "notify::selected", G_CALLBACK (_pc_scenario_editor_show_mix), self);
  return box;
}

/* ---------------------------------------------------- investment lines */

typedef struct
{
  const char   *scenario;
  const char   *replacing;
  PcInvestment  line;
  gboolean      remove;
} InvestmentEdit;

static gboolean
run_investment_edit (PcProject *project,
                     gpointer   data,
                     GError   **error)
{
  InvestmentEdit *edit = data;

  if (edit->remove)
    return pc_project_remove_scenario_investment (project, edit->scenario, edit->line.name, error);
  return pc_project_set_scenario_investment (project, edit->scenario, edit->replacing, &edit->line, error);
}

static const PcInvestment *
investment_at (PcScenarioEditor *self,
               int               index)
{
  if (self->loaded == NULL || index < 0 || (guint) index >= self->loaded->investments->len)
    return NULL;
  return g_ptr_array_index (self->loaded->investments, index);
}

static void
reset_investment_form (PcScenarioEditor *self)
{
  g_clear_pointer (&self->replacing_investment, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->inv_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->inv_cost), "");
  gtk_button_set_label (self->add_investment, _("Add _Investment"));
  _pc_scenario_editor_mark (GTK_WIDGET (self->inv_name), self->investment_reason, NULL);
}

static void
on_add_investment (PcScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *cost = gtk_editable_get_text (GTK_EDITABLE (self->inv_cost));
  guint funding = gtk_drop_down_get_selected (self->inv_funding);
  InvestmentEdit edit = { self->scenario, self->replacing_investment, { 0, }, FALSE };
  GtkWidget *refused;

  edit.line.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->inv_name));
  edit.line.first_year = gtk_spin_button_get_value_as_int (self->inv_first);
  edit.line.last_year = gtk_spin_button_get_value_as_int (self->inv_last);
  edit.line.funding = (char *) funding_codes[MIN (funding, G_N_ELEMENTS (funding_codes) - 1)];
  edit.line.site = (char *) pc_choice_drop_down_get (self->inv_site);
  edit.line.pathway = (char *) pc_choice_drop_down_get (self->inv_pathway);
  if (!pc_parse_typed_number (cost, &edit.line.cost_per_year))
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” is not an amount of money."), cost);

      _pc_scenario_editor_mark (GTK_WIDGET (self->inv_cost), self->investment_reason, reason);
      return;
    }
  label = g_strdup_printf (_("Investment “%s” in “%s”"), edit.line.name, self->scenario);
  if (_pc_scenario_editor_edit (self, label, run_investment_edit, &edit, &error))
    {
      reset_investment_form (self);
      return;
    }
  /* The writer's message names the part refused. */
  refused = strstr (error->message, "year") != NULL ? GTK_WIDGET (self->inv_first)
            : strstr (error->message, "cost") != NULL ? GTK_WIDGET (self->inv_cost)
            : strstr (error->message, "pathway") != NULL ? GTK_WIDGET (self->inv_pathway)
            : strstr (error->message, "site") != NULL ? GTK_WIDGET (self->inv_site)
            : GTK_WIDGET (self->inv_name);
  _pc_scenario_editor_mark (refused, self->investment_reason, error->message);
}

static void
edit_investment (PcScenarioEditor   *self,
                 const PcInvestment *line)
{
  g_autofree char *cost = g_strdup_printf ("%.2f", line->cost_per_year);

  gtk_editable_set_text (GTK_EDITABLE (self->inv_name), line->name);
  gtk_spin_button_set_value (self->inv_first, line->first_year);
  gtk_spin_button_set_value (self->inv_last, line->last_year);
  gtk_editable_set_text (GTK_EDITABLE (self->inv_cost), cost);
  for (guint i = 0; i < G_N_ELEMENTS (funding_codes); i++)
    if (g_strcmp0 (funding_codes[i], line->funding) == 0)
      gtk_drop_down_set_selected (self->inv_funding, i);
  pc_choice_drop_down_set (self->inv_site, line->site);
  pc_choice_drop_down_set (self->inv_pathway, line->pathway);
  g_free (self->replacing_investment);
  self->replacing_investment = g_strdup (line->name);
  gtk_button_set_label (self->add_investment, _("Replace _Investment"));
  gtk_widget_grab_focus (GTK_WIDGET (self->inv_name));
}

static void
remove_investment (PcScenarioEditor   *self,
                   const PcInvestment *line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf (_("Remove Investment “%s”"), line->name);
  InvestmentEdit edit = { self->scenario, NULL, *line, TRUE };

  if (!_pc_scenario_editor_edit (self, label, run_investment_edit, &edit, &error))
    _pc_scenario_editor_mark (NULL, self->investment_reason, error->message);
}

static void
on_investment_activated (GtkListBox       *list,
                         GtkListBoxRow    *row,
                         PcScenarioEditor *self)
{
  const PcInvestment *line = investment_at (self, gtk_list_box_row_get_index (row));

  if (line != NULL)
    edit_investment (self, line);
}

static gboolean
on_investments_key (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    PcScenarioEditor      *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  const PcInvestment *line;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) || focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    return FALSE;
  line = investment_at (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)));
  if (line == NULL)
    return FALSE;
  remove_investment (self, line);
  return TRUE;
}

static void
on_remove_investment_clicked (GtkButton        *button,
                              PcScenarioEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const PcInvestment *line = investment_at (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));

  if (line != NULL)
    remove_investment (self, line);
}

static char *
describe_investment (const PcInvestment *line)
{
  g_autofree char *cost = pc_format_money (line->cost_per_year);
  g_autofree char *first = pc_format_financial_year (line->first_year);
  g_autofree char *last = pc_format_financial_year (line->last_year);

  return g_strdup_printf (_("%s a year, %s to %s, %s%s%s"), cost, first, last, pc_funding_label (line->funding),
                          line->site != NULL || line->pathway != NULL ? _("; only ") : "",
                          line->pathway != NULL ? line->pathway : line->site != NULL ? line->site : "");
}

void
_pc_scenario_editor_show_investments (PcScenarioEditor *self)
{
  GtkWidget *child;
  guint n = self->loaded != NULL ? self->loaded->investments->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->investments))) != NULL)
    gtk_list_box_remove (self->investments, child);
  for (guint i = 0; i < n; i++)
    {
      const PcInvestment *line = g_ptr_array_index (self->loaded->investments, i);
      g_autofree char *subtitle = describe_investment (line);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the investment line (Delete)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the investment line"), -1);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_investment_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->investments, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_investments), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->investments), n > 0);
}

void
_pc_scenario_editor_fill_forms (PcScenarioEditor *self)
{
  PcProject *project = self->document != NULL ? pc_document_get_project (self->document) : NULL;
  g_autoptr(GHashTable) sites = project != NULL ? pc_project_load_site_names (project, NULL) : NULL;
  g_auto(GStrv) pathways = project != NULL ? pc_project_list_pathways (project, NULL) : NULL;
  g_autofree char *mix_site = g_strdup (pc_choice_drop_down_get (self->mix_site));
  g_autofree char *inv_site = g_strdup (pc_choice_drop_down_get (self->inv_site));
  g_autofree char *inv_pathway = g_strdup (pc_choice_drop_down_get (self->inv_pathway));

  pc_choice_drop_down_fill (self->mix_site, sites, NULL);
  pc_choice_drop_down_fill (self->inv_site, sites, _("Every site"));
  pc_choice_drop_down_clear (self->inv_pathway);
  pc_choice_drop_down_add (self->inv_pathway, NULL, _("Every pathway"));
  for (guint i = 0; pathways != NULL && pathways[i] != NULL; i++)
    pc_choice_drop_down_add (self->inv_pathway, pathways[i], pathways[i]);
  if (mix_site != NULL)
    pc_choice_drop_down_set (self->mix_site, mix_site);
  pc_choice_drop_down_set (self->inv_site, inv_site);
  pc_choice_drop_down_set (self->inv_pathway, inv_pathway);
}

static GtkSpinButton *
year_spin (const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1900, 2200, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), pc_current_financial_year ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_SPIN_BUTTON (spin);
}

GtkWidget *
_pc_scenario_editor_build_investments (PcScenarioEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *form = gtk_flow_box_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  const char *fundings[G_N_ELEMENTS (funding_codes) + 1] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (funding_codes); i++)
    fundings[i] = pc_funding_label (funding_codes[i]);
  gtk_box_append (GTK_BOX (box), _pc_scenario_editor_section (_("Investment lines")));
  self->no_investments = GTK_LABEL (gtk_label_new (_("No investment lines: what the change costs to make.")));
  gtk_label_set_xalign (self->no_investments, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->no_investments), "dim-label");
  self->investments = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->investments, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->investments), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->investments), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Investment lines"), -1);
  g_signal_connect (self->investments, "row-activated", G_CALLBACK (on_investment_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_investments_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->investments), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->no_investments));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->investments));

  self->inv_name = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inv_name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Investment name"), -1);
  self->inv_first = year_spin (_("First year"));
  self->inv_last = year_spin (_("Last year"));
  self->inv_cost = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inv_cost), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cost per year (£)"), -1);
  self->inv_funding = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (fundings));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->inv_funding), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who pays"), -1);
  self->inv_site = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Only for the site")));
  self->inv_pathway = GTK_DROP_DOWN (pc_choice_drop_down_new (_("Only for the pathway")));
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (form), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (form), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (form), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (form), 7);
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_Name"), GTK_WIDGET (self->inv_name)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_First year"), GTK_WIDGET (self->inv_first)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_Last year"), GTK_WIDGET (self->inv_last)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_Cost per year (£)"), GTK_WIDGET (self->inv_cost)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("_Who pays"), GTK_WIDGET (self->inv_funding)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("Only for _site"), GTK_WIDGET (self->inv_site)));
  gtk_flow_box_append (GTK_FLOW_BOX (form), _pc_scenario_editor_field (_("Only for pat_hway"), GTK_WIDGET (self->inv_pathway)));
  for (GtkWidget *child = gtk_widget_get_first_child (form); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_box_append (GTK_BOX (box), form);
  self->investment_reason = _pc_scenario_editor_reason_label ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->investment_reason));
  self->add_investment = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Add _Investment")));
  gtk_widget_set_halign (GTK_WIDGET (self->add_investment), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->add_investment));
  g_signal_connect_swapped (self->add_investment, "clicked", G_CALLBACK (on_add_investment), self);
  g_signal_connect_swapped (self->inv_cost, "activate", G_CALLBACK (on_add_investment), self);
  return box;
}
