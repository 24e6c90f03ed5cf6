/* pc-scenario-choice.h: one choice of a drop-down that shows a name and
 * stands for a code (a site, provider, pathway, step or stage), and the
 * drop-downs built of them: the scenario editor's and the pathway list's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PC_TYPE_SCENARIO_CHOICE (pc_scenario_choice_get_type ())
G_DECLARE_FINAL_TYPE (PcScenarioChoice, pc_scenario_choice, PC, SCENARIO_CHOICE, GObject)

PcScenarioChoice *pc_scenario_choice_new       (const char *code,
                                                const char *label);
const char       *pc_scenario_choice_get_code  (PcScenarioChoice *self);
const char       *pc_scenario_choice_get_label (PcScenarioChoice *self);

/* Left-aligned labels of a drop-down's items: a choice's label or a
 * GtkStringObject's string. With a @width_chars or @max_width_chars other
 * than -1 (for the drop-down's button) the text is cut short. */
GtkListItemFactory *pc_choice_label_factory_new (int width_chars,
                                                 int max_width_chars);

/* A drop-down of choices showing their labels, named @accessible_label
 * for screen readers. */
GtkWidget  *pc_choice_drop_down_new   (const char   *accessible_label);
/* Replaces the choices by @names' (code → name), sorted by name, each
 * shown "Name (CODE)"; @none_label (when not NULL) first, for no code. */
void        pc_choice_drop_down_fill  (GtkDropDown  *drop_down,
                                       GHashTable   *names,
                                       const char   *none_label);
/* Appends one choice. */
void        pc_choice_drop_down_add   (GtkDropDown  *drop_down,
                                       const char   *code,
                                       const char   *label);
void        pc_choice_drop_down_clear (GtkDropDown  *drop_down);
/* The chosen code; NULL for none or nothing chosen. */
const char *pc_choice_drop_down_get   (GtkDropDown  *drop_down);
/* Chooses @code (NULL: the none choice); FALSE when it is not there. */
gboolean    pc_choice_drop_down_set   (GtkDropDown  *drop_down,
                                       const char   *code);

/* The label of @code's choice; @code itself when there is none. */
const char *pc_choice_drop_down_label (GtkDropDown  *drop_down,
                                       const char   *code);

G_END_DECLS
