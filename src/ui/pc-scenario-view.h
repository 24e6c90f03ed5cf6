/* pc-scenario-view.h: the Scenarios page: the project's scenarios (new,
 * duplicate, rename, delete) and the editor of the one selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_SCENARIO_VIEW (pc_scenario_view_get_type ())
G_DECLARE_FINAL_TYPE (PcScenarioView, pc_scenario_view, PC, SCENARIO_VIEW, GtkWidget)

GtkWidget  *pc_scenario_view_new          (void);
void        pc_scenario_view_set_document (PcScenarioView *self,
                                           PcDocument     *document);
/* The scenario selected ("scenario" property, notified when it changes),
 * for the views that follow it; NULL for none. */
const char *pc_scenario_view_get_scenario (PcScenarioView *self);
/* Selects @name (a scenario of the project or a new one); FALSE when the
 * list has no such scenario. */
gboolean    pc_scenario_view_select       (PcScenarioView *self,
                                           const char     *name);

G_END_DECLS
