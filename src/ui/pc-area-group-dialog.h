/* pc-area-group-dialog.h: a window to create, rename, fill and delete the
 * project's area groups (an ICB: a code standing for its member areas).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_AREA_GROUP_DIALOG (pc_area_group_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcAreaGroupDialog, pc_area_group_dialog, PC, AREA_GROUP_DIALOG, GtkWindow)

PcAreaGroupDialog *pc_area_group_dialog_new        (GtkWindow         *parent,
                                                    PcDocument        *document);
/* The refusal shown in place, or NULL when there is none. */
const char        *pc_area_group_dialog_get_error  (PcAreaGroupDialog *self);

G_END_DECLS
