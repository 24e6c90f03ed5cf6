/* pc-history.h: undo and redo of a project's edits, each edit recorded as
 * the SQLite changeset it made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-project.h"

G_BEGIN_DECLS

#define PC_TYPE_HISTORY (pc_history_get_type ())
G_DECLARE_FINAL_TYPE (PcHistory, pc_history, PC, HISTORY, GObject)

/* One edit: changes @project (in changes of its own, which nest inside the
 * history's) and returns FALSE with @error set when it cannot. */
typedef gboolean (*PcHistoryEdit) (PcProject  *project,
                                   gpointer    user_data,
                                   GError    **error);

PcHistory  *pc_history_new            (PcProject      *project);
PcProject  *pc_history_get_project    (PcHistory      *self);
/* Runs @edit as one change and, when it changed anything, records it as
 * @label (what the Undo menu item names) and forgets what could be redone.
 * A failing edit changes nothing and records nothing. */
gboolean    pc_history_run            (PcHistory      *self,
                                       const char     *label,
                                       PcHistoryEdit   edit,
                                       gpointer        user_data,
                                       GError        **error);
/* The same, keeping @snapshot_table (when not NULL) by a copy of its rows
 * taken before @edit rather than by the session: for a bulk edit of one
 * large table, whose every row a session would record. */
gboolean    pc_history_run_full       (PcHistory      *self,
                                       const char     *label,
                                       const char     *snapshot_table,
                                       PcHistoryEdit   edit,
                                       gpointer        user_data,
                                       GError        **error);
/* Undo and redo refuse, changing nothing, when the rows the edit touched
 * have changed since (outside the history). */
gboolean    pc_history_undo           (PcHistory      *self,
                                       GError        **error);
gboolean    pc_history_redo           (PcHistory      *self,
                                       GError        **error);
void        pc_history_clear          (PcHistory      *self);
gboolean    pc_history_get_can_undo   (PcHistory      *self);
gboolean    pc_history_get_can_redo   (PcHistory      *self);
/* How many edits can be undone: the window tells a change from none. */
guint       pc_history_get_n_undo     (PcHistory      *self);
/* The label of the edit undo or redo would act on, NULL when none. */
const char *pc_history_get_undo_label (PcHistory      *self);
const char *pc_history_get_redo_label (PcHistory      *self);

G_END_DECLS
