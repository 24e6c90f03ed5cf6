/* pc-pathway-editor.h: the pathways of a project by tumour site, and the
 * chosen pathway's steps in an editable table with its cost per patient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-document.h"
#include "pc-step-field.h"

G_BEGIN_DECLS

#define PC_TYPE_PATHWAY_EDITOR (pc_pathway_editor_get_type ())
G_DECLARE_FINAL_TYPE (PcPathwayEditor, pc_pathway_editor, PC, PATHWAY_EDITOR, GtkWidget)

GtkWidget  *pc_pathway_editor_new             (void);
void        pc_pathway_editor_set_document    (PcPathwayEditor *self,
                                               PcDocument      *document);
/* Saves every typed value not saved yet (as leaving its cell would):
 * Save, Export and closing call this first. */
void        pc_pathway_editor_commit_pending  (PcPathwayEditor *self);
void        pc_pathway_editor_set_presenting  (PcPathwayEditor *self,
                                               gboolean         presenting);
/* "Step 3's quantity was refused: -2 is below 0." for the first value
 * still refused in a cell, or NULL: Save and Close ask before leaving it. */
char       *pc_pathway_editor_get_refused_summary (PcPathwayEditor *self);
/* When a value is still refused: asks whether to go on without it (the
 * typed text is dropped, then @action, e.g. "win.save", is activated
 * again) or to fix it (the focus goes to its cell), and returns TRUE: the
 * caller stops.  FALSE when nothing is refused. */
gboolean    pc_pathway_editor_ask_about_refused   (PcPathwayEditor *self,
                                                   const char      *go_on_label,
                                                   const char      *action);

G_END_DECLS
