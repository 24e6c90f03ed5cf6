/* pc-window.h: a Pathcost window: the start screen, or one project with its
 * pathway editor, costing, projection and reference data views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-activity-view.h"
#include "pc-compare-view.h"
#include "pc-costing-view.h"
#include "pc-document.h"
#include "pc-importer.h"
#include "pc-pathway-editor.h"
#include "pc-projection-view.h"
#include "pc-sensitivity-view.h"
#include "pc-settings-view.h"

G_BEGIN_DECLS

#define PC_TYPE_WINDOW (pc_window_get_type ())
G_DECLARE_FINAL_TYPE (PcWindow, pc_window, PC, WINDOW, AdwApplicationWindow)

PcWindow         *pc_window_new                 (GtkApplication *app);
/* Opens @path here, asking first when a crash left unsaved edits of it.
 * A file that cannot be opened is explained in the window. */
void              pc_window_open                (PcWindow       *self,
                                                 const char     *path);
/* Shows @document (already open) in this window. */
void              pc_window_set_document        (PcWindow       *self,
                                                 PcDocument     *document);
PcDocument       *pc_window_get_document        (PcWindow       *self);
/* The reason the last open failed, or NULL. */
const char       *pc_window_get_open_error      (PcWindow       *self);
void              pc_window_show_view           (PcWindow       *self,
                                                 const char     *name);
/* Presentation mode (F5): full screen, large type, the levers. */
gboolean          pc_window_get_presenting      (PcWindow       *self);
void              pc_window_toast               (PcWindow       *self,
                                                 const char     *message);

PcPathwayEditor  *pc_window_get_pathway_editor  (PcWindow       *self);
PcCostingView    *pc_window_get_costing_view    (PcWindow       *self);
PcProjectionView *pc_window_get_projection_view (PcWindow       *self);
PcSettingsView   *pc_window_get_settings_view   (PcWindow       *self);
PcCompareView    *pc_window_get_compare_view    (PcWindow       *self);
PcSensitivityView *pc_window_get_sensitivity_view (PcWindow      *self);
PcActivityView   *pc_window_get_activity_view   (PcWindow       *self);

/* The long jobs, with progress in the window; the actions call these after
 * their file choosers.  @callback may be NULL. */
void              pc_window_import              (PcWindow       *self,
                                                 PcImportKind    kind,
                                                 const char     *path,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
void              pc_window_import_full         (PcWindow       *self,
                                                 PcImportKind    kind,
                                                 const char     *path,
                                                 const char     *source,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
/* With @flags: PC_IMPORT_REPLACE replaces the project's activity, without
 * it an activity file is added to it (pc_window_import_full replaces). */
void              pc_window_import_with_flags   (PcWindow       *self,
                                                 PcImportKind    kind,
                                                 const char     *path,
                                                 const char     *source,
                                                 PcImportFlags   flags,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
/* Stops the running import (the Cancel beside its progress); it finishes
 * as an error G_IO_ERROR_CANCELLED with the project as it was. */
void              pc_window_cancel_job          (PcWindow       *self);
/* As a dropped file: its kind from its name, else from its header; then
 * the question of its source before the import runs. */
void              pc_window_import_file         (PcWindow       *self,
                                                 const char     *path);
/* The toast of the last good import, with its Undo button. */
AdwToast         *pc_window_get_import_toast    (PcWindow       *self);
void              pc_window_export              (PcWindow       *self,
                                                 const char     *path,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
/* The negotiation pack of the site and place the Providers page shows. */
void              pc_window_export_negotiation  (PcWindow       *self,
                                                 const char     *path,
                                                 GAsyncReadyCallback callback,
                                                 gpointer        user_data);
gboolean          pc_window_job_finish          (PcWindow       *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
/* Problems of the last failed import, as "FILE:LINE:COLUMN (NAME): message". */
GStrv             pc_window_get_import_problems (PcWindow       *self);

G_END_DECLS
