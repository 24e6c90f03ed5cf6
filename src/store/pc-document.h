/* pc-document.h: one project open in the window, the way a document editor
 * holds one: a working copy that every edit is committed to at once, an undo
 * history, and Save writing the working copy back over the user's file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-history.h"
#include "pc-project.h"

G_BEGIN_DECLS

/* What an edit touched: the steps of the shown pathway, or anything. */
typedef enum
{
  PC_CHANGE_STEPS,
  PC_CHANGE_DATA,
} PcChange;

#define PC_TYPE_DOCUMENT (pc_document_get_type ())
G_DECLARE_FINAL_TYPE (PcDocument, pc_document, PC, DOCUMENT, GObject)

/* TRUE when an earlier run left unsaved edits to @path in a working copy. */
gboolean         pc_document_has_recovery     (const char     *path);
/* The files an earlier run left unsaved edits of, for the start screen. */
GStrv            pc_document_list_recoverable (void);
/* Opens @path through a fresh working copy, or (with @recover) through the
 * one an earlier run left behind. */
PcDocument      *pc_document_open             (const char     *path,
                                               gboolean        recover,
                                               GError        **error);
/* Creates an empty project at @path and opens it. */
PcDocument      *pc_document_create           (const char     *path,
                                               GError        **error);
const char      *pc_document_get_path         (PcDocument     *self);
/* The file's name for the title bar. */
const char      *pc_document_get_title        (PcDocument     *self);
PcProject       *pc_document_get_project      (PcDocument     *self);
PcHistory       *pc_document_get_history      (PcDocument     *self);
/* The working copy every edit is committed to: long reads (an export) open
 * it a second time rather than share the window's connection. */
const char      *pc_document_get_working_path (PcDocument     *self);
gboolean         pc_document_get_dirty        (PcDocument     *self);

/* Runs @edit as one undoable change of the working copy. */
gboolean         pc_document_edit             (PcDocument     *self,
                                               const char     *label,
                                               PcChange        scope,
                                               PcHistoryEdit   edit,
                                               gpointer        user_data,
                                               GError        **error);
/* Sets the project's setting @key to @value as one undoable change. */
gboolean         pc_document_edit_setting     (PcDocument     *self,
                                               const char     *label,
                                               const char     *key,
                                               const char     *value,
                                               GError        **error);
/* The same as pc_document_edit, with @edit run in a worker thread (a large import); the window
 * must not touch the project until @callback has run.  @snapshot_table,
 * when not NULL, is kept for undo by a copy rather than row by row (see
 * pc_history_run_full). */
void             pc_document_edit_async       (PcDocument     *self,
                                               const char     *label,
                                               PcChange        scope,
                                               const char     *snapshot_table,
                                               PcHistoryEdit   edit,
                                               gpointer        user_data,
                                               GDestroyNotify  user_data_free,
                                               GAsyncReadyCallback callback,
                                               gpointer        callback_data);
gboolean         pc_document_edit_finish      (PcDocument     *self,
                                               GAsyncResult   *result,
                                               GError        **error);
gboolean         pc_document_undo             (PcDocument     *self,
                                               GError        **error);
gboolean         pc_document_redo             (PcDocument     *self,
                                               GError        **error);
/* Writes the edits to the file; refuses with PC_ERROR_EXISTS when the file
 * changed on disk since it was opened or last saved (another program,
 * another window), never overwriting that change silently: the window
 * asks, then calls pc_document_save_anyway or Save As, or reopens. */
gboolean         pc_document_save             (PcDocument     *self,
                                               GError        **error);
gboolean         pc_document_save_anyway      (PcDocument     *self,
                                               GError        **error);
/* Whether the file on disk is no longer as this document read or wrote it. */
gboolean         pc_document_changed_on_disk  (PcDocument     *self);
/* What opening the file did that the user should hear of (an interrupted
 * change undone), or NULL. */
const char      *pc_document_get_notice       (PcDocument     *self);
gboolean         pc_document_save_as          (PcDocument     *self,
                                               const char     *path,
                                               GError        **error);
/* Drops the working copy: the window is closing and the user chose. */
void             pc_document_close            (PcDocument     *self);

/* The pathway the views show: the saved one, or while a field is being
 * typed, the preview with that field's value. */
const char      *pc_document_get_pathway_name (PcDocument     *self);
gboolean         pc_document_set_pathway_name (PcDocument     *self,
                                               const char     *name,
                                               GError        **error);
const PcPathway *pc_document_get_pathway      (PcDocument     *self);
void             pc_document_preview_step     (PcDocument     *self,
                                               guint           index,
                                               const PcStep   *step);
void             pc_document_end_preview      (PcDocument     *self);

G_END_DECLS
