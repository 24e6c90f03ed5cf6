/* pc-pathway-editor-private.h: what the tests ask of the pathway editor,
 * acting as a cell would without key events, and what the footer shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-pathway-editor.h"

G_BEGIN_DECLS

/* The table's rows (PcStepRow), for tests. */
GListModel *pc_pathway_editor_get_rows        (PcPathwayEditor *self);
guint       pc_pathway_editor_get_selected    (PcPathwayEditor *self);
void        pc_pathway_editor_select          (PcPathwayEditor *self,
                                               guint            index);
/* Types @text into @field of step @index as the cell would, without
 * leaving it: the figures preview the value; FALSE when it is refused. */
gboolean    pc_pathway_editor_type            (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field,
                                               const char      *text);
/* Escape in the cell: the typed text is dropped. */
void        pc_pathway_editor_revert          (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field);
/* The reason shown under the table, or NULL. */
const char *pc_pathway_editor_get_error       (PcPathwayEditor *self);
/* Types @text into @field of step @index as the cell would, then commits
 * it as leaving the cell does; FALSE (and the reason shown) when refused. */
gboolean    pc_pathway_editor_enter           (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field,
                                               const char      *text);
/* The figure under "Stage N" in the footer's expected cost per patient
 * diagnosed; @stage PC_N_STAGES gives the one under "All stages". */
const char *pc_pathway_editor_get_stage_cost  (PcPathwayEditor *self,
                                               PcStage          stage);

G_END_DECLS
