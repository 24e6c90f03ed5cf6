/* pc-scenario-editor-private.h: the scenario editor's instance, shared by
 * its files (pc-scenario-editor.c: the changes; -forms.c: the stage mix
 * and investment lines), and what the tests reach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project.h"
#include "pc-scenario-editor.h"

G_BEGIN_DECLS

/* The parameters the change form offers, in its drop-down's order; a
 * site's stage shares are set together in the stage mix form. */
typedef enum
{
  PC_FORM_STEP_QUANTITY,
  PC_FORM_STEP_SHARE,
  PC_FORM_STEP_UNIT_COST,
  PC_FORM_TREND,
  PC_FORM_INFLATION,
  PC_N_FORM_PARAMETERS
} PcFormParameter;

struct _PcScenarioEditor
{
  GtkWidget     parent_instance;

  PcDocument   *document;
  char         *scenario;
  PcScenario   *loaded;        /* NULL while the scenario has nothing saved */

  GtkWidget    *scroller;
  GtkLabel     *heading;
  GtkLabel     *warning;
  GtkListBox   *changes;
  GtkLabel     *no_changes;

  /* The change form */
  GtkDropDown  *parameter;
  GtkDropDown  *site;
  GtkDropDown  *pathway;
  GtkDropDown  *step;
  GtkDropDown  *stage;
  GtkEntry     *value;
  GtkLabel     *value_hint;
  GtkButton    *add_change;
  GtkButton    *cancel_change;
  GtkLabel     *change_reason;
  GtkWidget    *site_box, *pathway_box, *step_box, *stage_box;
  PcOverride   *replacing;     /* the change being edited, or NULL */

  /* The stage mix and the stage shift */
  GtkDropDown  *mix_site;
  GtkEntry     *mix_entries[PC_N_STAGES];
  GtkLabel     *mix_reason;
  GtkEntry     *shift_percent;
  GtkLabel     *shift_reason;

  /* Investment lines */
  GtkListBox   *investments;
  GtkLabel     *no_investments;
  GtkEntry     *inv_name;
  GtkSpinButton *inv_first;
  GtkSpinButton *inv_last;
  GtkEntry     *inv_cost;
  GtkDropDown  *inv_funding;
  GtkDropDown  *inv_site;
  GtkDropDown  *inv_pathway;
  GtkButton    *add_investment;
  GtkLabel     *investment_reason;
  char         *replacing_investment;  /* the line being edited, or NULL */
};

/* pc-scenario-editor-forms.c: shared helpers */
/* Runs @edit as one undoable change named @label; FALSE and @error when
 * refused. */
gboolean   _pc_scenario_editor_edit          (PcScenarioEditor *self,
                                              const char       *label,
                                              PcHistoryEdit     edit_func,
                                              gpointer          data,
                                              GError          **error);
/* Marks @widget refused with @reason shown in @label (NULL clears). */
void       _pc_scenario_editor_mark          (GtkWidget        *widget,
                                              GtkLabel         *label,
                                              const char       *reason);
GtkWidget *_pc_scenario_editor_field         (const char       *mnemonic,
                                              GtkWidget        *widget);
GtkWidget *_pc_scenario_editor_section       (const char       *title);
/* A hidden label for the reason a value is refused. */
GtkLabel  *_pc_scenario_editor_reason_label  (void);
/* pc-scenario-editor-forms.c: the stage mix and investment lines */
GtkWidget *_pc_scenario_editor_build_stage_mix   (PcScenarioEditor *self);
GtkWidget *_pc_scenario_editor_build_investments (PcScenarioEditor *self);
void       _pc_scenario_editor_fill_forms        (PcScenarioEditor *self);
void       _pc_scenario_editor_show_mix          (PcScenarioEditor *self);
void       _pc_scenario_editor_show_investments  (PcScenarioEditor *self);

G_END_DECLS
