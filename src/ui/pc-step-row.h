/* pc-step-row.h: one pathway step as a row of the editor's table.  The row,
 * not the recycled cell widgets, holds what the user is typing and why it
 * was refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-step-field.h"

G_BEGIN_DECLS

#define PC_TYPE_STEP_ROW (pc_step_row_get_type ())
G_DECLARE_FINAL_TYPE (PcStepRow, pc_step_row, PC, STEP_ROW, GObject)

PcStepRow    *pc_step_row_new        (guint          index,
                                      const PcStep  *step);
guint         pc_step_row_get_index  (PcStepRow     *self);
const PcStep *pc_step_row_get_step   (PcStepRow     *self);
/* Replaces the saved step, dropping pending text; emits "refreshed" when
 * anything the cells show changed. */
void          pc_step_row_set_step   (PcStepRow     *self,
                                      guint          index,
                                      const PcStep  *step);
/* What the cell shows: the pending text when there is one. */
char         *pc_step_row_get_text   (PcStepRow     *self,
                                      PcStepField    field);
const char   *pc_step_row_get_error  (PcStepRow     *self,
                                      PcStepField    field);
/* Records typed text; returns the step with it applied (NULL and the
 * reason kept when the text is refused). */
PcStep       *pc_step_row_type       (PcStepRow     *self,
                                      PcStepField    field,
                                      const char    *text);
/* A reason the project refused the pending text (an unknown tariff code). */
void          pc_step_row_set_error  (PcStepRow     *self,
                                      PcStepField    field,
                                      const char    *message);
gboolean      pc_step_row_has_pending (PcStepRow    *self,
                                       PcStepField   field);
void          pc_step_row_revert     (PcStepRow     *self,
                                      PcStepField    field);

G_END_DECLS
