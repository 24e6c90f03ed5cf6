/* pc-step-cell.h: one editable cell of the pathway editor's table: a text
 * entry or, for a field with a fixed list of values, a drop-down.  It shows
 * one field of the PcStepRow it is bound to, marks a refused value with its
 * reason, and tells the editor by signals what the user did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-step-field.h"
#include "pc-step-row.h"

G_BEGIN_DECLS

#define PC_TYPE_STEP_CELL (pc_step_cell_get_type ())
G_DECLARE_FINAL_TYPE (PcStepCell, pc_step_cell, PC, STEP_CELL, GtkWidget)

GtkWidget   *pc_step_cell_new            (PcStepField   field);
PcStepField  pc_step_cell_get_field      (PcStepCell   *self);
PcStepRow   *pc_step_cell_get_row        (PcStepCell   *self);
/* Binds the cell to @row (NULL: unbound, as a recycled cell waits). */
void         pc_step_cell_set_row        (PcStepCell   *self,
                                          PcStepRow    *row);
/* What the cell shows: the typed text, or the saved value. */
const char  *pc_step_cell_get_text       (PcStepCell   *self);
/* Why the shown text was refused, or NULL. */
const char  *pc_step_cell_get_refused_reason (PcStepCell *self);
/* Values a text cell offers as the user types (the tariff codes). */
void         pc_step_cell_set_completion (PcStepCell   *self,
                                          GtkTreeModel *model);

G_END_DECLS
