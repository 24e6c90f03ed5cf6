/* pc-pathway-editor.h: the pathways of a project by tumour site, and the
 * chosen pathway's steps in an editable table with its cost per patient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"
#include "pc-step-field.h"

G_BEGIN_DECLS

#define PC_TYPE_PATHWAY_EDITOR (pc_pathway_editor_get_type ())
G_DECLARE_FINAL_TYPE (PcPathwayEditor, pc_pathway_editor, PC, PATHWAY_EDITOR, GtkWidget)

GtkWidget  *pc_pathway_editor_new             (void);
void        pc_pathway_editor_set_document    (PcPathwayEditor *self,
                                               PcDocument      *document);
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
/* Saves every typed value not saved yet (as leaving its cell would):
 * Save, Export and closing call this first. */
void        pc_pathway_editor_commit_pending  (PcPathwayEditor *self);
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
