/* pc-reference-view.h: browses a project's reference data (tariffs,
 * population, survival, …) one table at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-project.h"

G_BEGIN_DECLS

#define PC_TYPE_REFERENCE_VIEW (pc_reference_view_get_type ())
G_DECLARE_FINAL_TYPE (PcReferenceView, pc_reference_view, PC, REFERENCE_VIEW, GtkWidget)

GtkWidget   *pc_reference_view_new          (void);
/* NULL shows "No project". */
void         pc_reference_view_set_project  (PcReferenceView *self,
                                             PcProject       *project);
PcProject   *pc_reference_view_get_project  (PcReferenceView *self);
/* A table pc_row_list_get_tables() names; "tariffs" at first.  Any other
 * name shows an error in the view. */
void         pc_reference_view_set_table    (PcReferenceView *self,
                                             const char      *table);
const char  *pc_reference_view_get_table    (PcReferenceView *self);
/* Reads the shown table again, after an import; the table stays chosen. */
void         pc_reference_view_reload       (PcReferenceView *self);
/* The PcRowList shown, or NULL (no project, or the table could not be
 * read); for tests. */
GListModel  *pc_reference_view_get_model    (PcReferenceView *self);

G_END_DECLS
