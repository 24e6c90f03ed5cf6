/* pc-window-private.h: what pc-window.c shares with pc-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-providers-view.h"
#include "pc-compare-view.h"
#include "pc-reference-view.h"
#include "pc-sensitivity-view.h"
#include "pc-settings-view.h"
#include "pc-scenario-view.h"
#include "pc-window.h"

G_BEGIN_DECLS

struct _PcWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwFlap              *nav_flap;
  GtkListView          *nav_list;
  GtkWidget            *nav_button;
  GtkWidget            *open_button;
  GtkWidget            *menu_button;
  GtkWidget            *present_button;
  GtkWidget            *undo_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *save_button;
  GtkWidget            *export_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *progress_cancel_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *start_page;
  AdwStatusPage        *busy_page;
  GtkLabel             *open_error_label;
  GtkListBox           *recent_list;
  AdwViewStack         *view_stack;
  PcPathwayEditor      *pathway_editor;
  PcCostingView        *costing_view;
  PcProjectionView     *projection_view;
  PcReferenceView      *reference_view;
  PcSettingsView       *settings_view;
  PcProvidersView      *providers_view;
  PcCompareView        *compare_view;
  PcSensitivityView    *sensitivity_view;
  PcScenarioView       *scenario_view;
  PcActivityView       *activity_view;
  GMenu                *recent_section;
  GMenu                *import_section;

  GSettings            *settings;
  PcDocument           *document;
  char                 *open_error;
  GStrv                 import_problems;
  /* the kind the import chooser was opened for */
  PcImportKind          import_kind;
  AdwToast             *import_toast;   /* the last import's, for its Undo */
  /* the file the recovery question is about */
  char                 *recovery_path;
  gboolean              close_confirmed;
  /* Presentation mode (pc-presentation.c): full screen, large type, levers */
  gboolean              presenting;
  char                 *view_before_presenting;
  gboolean              busy;
  guint                 progress_source;
  /* Written by an import's worker thread, read by the progress timer. */
  gint                  progress_permille;
  GMutex                progress_lock;
  guint64               progress_done;      /* bytes read, under progress_lock */
  guint64               progress_total;
  /* The running import's: when it began, its file's bytes per row (from
   * its first 64 KiB) for the rows read, and what cancels it. */
  gint64                job_started;
  double                job_bytes_per_row;
  char                 *job_title;
  GCancellable         *job_cancellable;
};

void _pc_window_class_install_actions (GtkWidgetClass *widget_class);
/* pc-presentation.c: the "presenting" property, win.present (F5),
 * Escape to leave, and the chrome that presenting hides. */
void _pc_window_class_install_presentation (GtkWidgetClass *widget_class);
void _pc_window_init_presentation (PcWindow *self);
void _pc_window_set_presenting    (PcWindow *self,
                                   gboolean  presenting);
void _pc_window_install_actions (PcWindow *self);
void _pc_window_update_actions  (PcWindow *self);
void _pc_window_fill_recent     (PcWindow *self);
/* Asks what to do about a file changed on disk: Save Anyway, Save As…,
 * Reopen or Cancel. */
void _pc_window_ask_changed_on_disk (PcWindow *self);
char *_pc_window_describe_import (PcImportKind  kind,
                                  PcImportFlags flags,
                                  guint64       n_rows,
                                  GPtrArray    *notes);
void _pc_window_show_error      (PcWindow   *self,
                                 const char *heading,
                                 const char *message,
                                 GStrv       details);

G_END_DECLS
