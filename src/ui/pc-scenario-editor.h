/* pc-scenario-editor.h: the editor of one scenario: its changes, a site's
 * stage mix with the stage-shift helper, and its investment lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_SCENARIO_EDITOR (pc_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (PcScenarioEditor, pc_scenario_editor, PC, SCENARIO_EDITOR, GtkWidget)

GtkWidget  *pc_scenario_editor_new          (void);
void        pc_scenario_editor_set_document (PcScenarioEditor *self,
                                             PcDocument       *document);
/* The scenario edited; NULL for none.  A name the project does not hold
 * yet is a new scenario, saved with its first change. */
void        pc_scenario_editor_set_scenario (PcScenarioEditor *self,
                                             const char       *name);
const char *pc_scenario_editor_get_scenario (PcScenarioEditor *self);
/* Reads the scenario again (after any change of the project). */
void        pc_scenario_editor_refresh      (PcScenarioEditor *self);

G_END_DECLS
