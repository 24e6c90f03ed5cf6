/* pc-lever-panel.h: the workshop's live levers beside the projection in
 * presentation mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-scenario.h"

G_BEGIN_DECLS

#define PC_TYPE_LEVER_PANEL (pc_lever_panel_get_type ())

G_DECLARE_FINAL_TYPE (PcLeverPanel, pc_lever_panel, PC, LEVER_PANEL, GtkWidget)

GtkWidget  *pc_lever_panel_new            (void);
/* The pathway whose steps the step levers offer; levers stay where they
 * are while its name stays the same. */
void        pc_lever_panel_set_pathway    (PcLeverPanel    *self,
                                           const PcPathway *pathway);
/* The levers' state as a scenario named @name for @pathway, whose site's
 * stage mix is @mix; NULL when every lever is at its start. */
PcScenario *pc_lever_panel_build_scenario (PcLeverPanel    *self,
                                           const PcPathway *pathway,
                                           const double     mix[PC_N_STAGES],
                                           const char      *name);
/* Every lever back to its start: the baseline. */
void        pc_lever_panel_reset          (PcLeverPanel    *self);
gboolean    pc_lever_panel_get_moved      (PcLeverPanel    *self);
GtkWidget  *pc_lever_panel_get_shift_scale (PcLeverPanel   *self);
/* A line under the buttons: what Keep did, or why it did not. */
void        pc_lever_panel_set_status     (PcLeverPanel    *self,
                                           const char      *status);
const char *pc_lever_panel_get_status     (PcLeverPanel    *self);

G_END_DECLS
