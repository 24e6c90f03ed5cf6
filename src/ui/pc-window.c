/* pc-window.c: the Pathcost window: opening and closing a project, the
 * title, long jobs with progress, and messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-window"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "pc-application.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-window-private.h"
#include "pc-workbook.h"

G_DEFINE_FINAL_TYPE (PcWindow, pc_window, ADW_TYPE_APPLICATION_WINDOW)

/* Messages */

void
pc_window_toast (PcWindow   *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pc_window_show_error (PcWindow   *self,
                       const char *heading,
                       const char *message,
                       GStrv       details)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  if (details != NULL && details[0] != NULL)
    {
      GtkWidget *scroll = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; details[i] != NULL; i++)
        {
          GtkWidget *label = gtk_label_new (details[i]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_start (label, 8);
          gtk_widget_set_margin_end (label, 8);
          gtk_widget_set_margin_top (label, 4);
          gtk_widget_set_margin_bottom (label, 4);
          gtk_list_box_append (GTK_LIST_BOX (list), label);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems found"), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), list);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroll), 200);
      gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroll), 520);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroll);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A question whose answers are Cancel, a destructive "discard" and the
 * suggested @keep: Escape and closing it mean Cancel, never discard. */
static GtkWidget *
ask_before_losing (PcWindow   *self,
                   const char *heading,
                   const char *body,
                   const char *discard_label,
                   const char *keep,
                   const char *keep_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "discard", discard_label,
                                    keep, keep_label, NULL);
  adw_message_dialog_set_response_appearance (message, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (message, keep, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, keep);
  adw_message_dialog_set_close_response (message, "cancel");
  return dialog;
}

/* The file changed on disk */

static void
reopen_document (PcWindow *self)
{
  g_autoptr(PcDocument) old = g_object_ref (self->document);
  g_autoptr(PcDocument) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = pc_document_open (pc_document_get_path (old), FALSE, &error);
  if (fresh == NULL)
    {
      _pc_window_show_error (self, _("The project could not be opened"), error->message, NULL);
      return;
    }
  pc_window_set_document (self, fresh);
  pc_document_close (old);
  pc_window_toast (self, _("Reopened as it is on disk"));
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             PcWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (g_strcmp0 (response, "save-anyway") == 0)
    {
      if (!pc_document_save_anyway (self->document, &error))
        _pc_window_show_error (self, _("The project was not saved"), error->message, NULL);
      else
        pc_window_toast (self, _("Saved"));
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "save-as", NULL);
  else if (g_strcmp0 (response, "reopen") == 0)
    reopen_document (self);
}

/* As GNOME Text Editor does: the file changed on disk since it was opened
 * or saved (the CLI, another window), so Save would overwrite that change.
 * Closing the question means Cancel. */
void
_pc_window_ask_changed_on_disk (PcWindow *self)
{
  g_autofree char *body = g_strdup_printf (_("“%s” was changed by another program since it was "
                                             "opened or last saved. Saving now would overwrite "
                                             "those changes; reopening drops the changes made "
                                             "here."), pc_document_get_title (self->document));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "reopen", _("_Reopen"),
                                    "save-as", _("Save _As…"), "save-anyway", _("Save A_nyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message, "reopen", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (message, "save-anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (message, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "save-as");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Title and state */

static void
update_title (PcWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), "Pathcost");
      adw_window_title_set_title (self->window_title, "Pathcost");
      adw_window_title_set_subtitle (self->window_title, "");
      return;
    }
  /* A bullet before the name marks unsaved changes, as GNOME editors do;
   * the views have a list of their own, so the title always shows it. */
  title = g_strdup_printf ("%s%s", pc_document_get_dirty (self->document) ? "• " : "",
                           pc_document_get_title (self->document));
  folder = g_path_get_dirname (pc_document_get_path (self->document));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  {
    g_autofree char *window_title = g_strdup_printf ("%s — Pathcost", title);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

static void
on_dirty_changed (PcDocument *document,
                  GParamSpec *pspec,
                  PcWindow   *self)
{
  update_title (self);
  _pc_window_update_actions (self);
}

static void
on_document_changed (PcDocument *document,
                     PcChange    scope,
                     PcWindow   *self)
{
  if (scope != PC_CHANGE_STEPS)
    pc_reference_view_reload (self->reference_view);
  _pc_window_update_actions (self);
}

/* The first pathway, so the views show something at once. */
static void
choose_first_pathway (PcWindow *self)
{
  g_auto(GStrv) names = pc_project_list_pathways (pc_document_get_project (self->document), NULL);

  if (names != NULL && names[0] != NULL)
    pc_document_set_pathway_name (self->document, names[0], NULL);
}

/* The views' list is the stack's own pages: a page another part of the
 * window adds appears in it with its title and icon, and choosing a row
 * shows its page (the pages model is a selection model). */
static void
init_navigation (PcWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  gtk_list_view_set_model (self->nav_list, pages);
}

/* Over the view in a narrow window, the list gets out of the way once a
 * view is chosen. */
static void
on_nav_activate (GtkListView *list,
                 guint        position,
                 PcWindow    *self)
{
  if (adw_flap_get_folded (self->nav_flap))
    adw_flap_set_reveal_flap (self->nav_flap, FALSE);
}

static void
on_visible_view_changed (PcWindow *self)
{
  if (adw_flap_get_folded (self->nav_flap) && adw_flap_get_reveal_flap (self->nav_flap)
      && !gtk_widget_has_focus (GTK_WIDGET (self->nav_list)))
    adw_flap_set_reveal_flap (self->nav_flap, FALSE);
}

void
pc_window_set_document (PcWindow   *self,
                        PcDocument *document)
{
  g_return_if_fail (PC_IS_WINDOW (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect (document, "notify::dirty", G_CALLBACK (on_dirty_changed), self);
      g_signal_connect (document, "notify::path", G_CALLBACK (on_dirty_changed), self);
      g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
      if (pc_document_get_pathway_name (document) == NULL)
        choose_first_pathway (self);
    }
  pc_pathway_editor_set_document (self->pathway_editor, document);
  pc_costing_view_set_document (self->costing_view, document);
  pc_projection_view_set_document (self->projection_view, document);
  pc_reference_view_set_project (self->reference_view, document != NULL ? pc_document_get_project (document) : NULL);
  pc_settings_view_set_document (self->settings_view, document);
  if (document == NULL && self->presenting)
    _pc_window_set_presenting (self, FALSE);
  pc_providers_view_set_document (self->providers_view, document);
  pc_compare_view_set_document (self->compare_view, document);
  pc_sensitivity_view_set_document (self->sensitivity_view, document);
  pc_scenario_view_set_document (self->scenario_view, document);
  pc_activity_view_set_document (self->activity_view, document);
  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "project" : "start");
  update_title (self);
  _pc_window_update_actions (self);
}

PcDocument *
pc_window_get_document (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->document;
}

const char *
pc_window_get_open_error (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->open_error;
}

/* Opening */

static void
show_open_error (PcWindow   *self,
                 const char *message)
{
  g_free (self->open_error);
  self->open_error = g_strdup (message);
  gtk_label_set_text (self->open_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->open_error_label), message != NULL);
  if (message != NULL && self->document != NULL)
    _pc_window_show_error (self, _("The project could not be opened"), message, NULL);
}

static void
open_now (PcWindow   *self,
          const char *path,
          gboolean    recover)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcDocument) document = pc_document_open (path, recover, &error);
  GApplication *app = g_application_get_default ();

  if (document == NULL)
    {
      show_open_error (self, error->message);
      return;
    }
  show_open_error (self, NULL);
  pc_window_set_document (self, document);
  if (PC_IS_APPLICATION (app))
    pc_application_note_recent (PC_APPLICATION (app), pc_document_get_path (document));
  /* an interrupted change undone as the file opened: said once, here */
  if (pc_document_get_notice (document) != NULL)
    _pc_window_show_error (self, _("An Interrupted Change Was Undone"),
                           pc_document_get_notice (document), NULL);
  if (recover)
    pc_window_toast (self, _("Unsaved changes were recovered. Save to keep them."));
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PcWindow         *self)
{
  g_autofree char *path = g_steal_pointer (&self->recovery_path);

  if (path != NULL && (g_strcmp0 (response, "recover") == 0 || g_strcmp0 (response, "discard") == 0))
    open_now (self, path, g_strcmp0 (response, "recover") == 0);
}

void
pc_window_open (PcWindow   *self,
                const char *path)
{
  GtkWidget *dialog;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!pc_document_has_recovery (path))
    {
      open_now (self, path, FALSE);
      return;
    }
  name = g_path_get_basename (path);
  body = g_strdup_printf (_("Pathcost stopped before changes to “%s” were saved. "
                            "Recover them, or open the file as it was last saved?"), name);
  dialog = ask_before_losing (self, _("Recover Unsaved Changes?"), body,
                              _("Open _Saved Version"), "recover", _("_Recover"));
  g_free (self->recovery_path);
  self->recovery_path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recover_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pc_window_show_view (PcWindow   *self,
                     const char *name)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  /* "activity/flows": a page of the Activity view (--view on the command line). */
  if (g_str_has_prefix (name, "activity/"))
    {
      pc_activity_view_show (self->activity_view, name + strlen ("activity/"));
      name = "activity";
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

PcPathwayEditor *
pc_window_get_pathway_editor (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->pathway_editor;
}

PcCompareView *
pc_window_get_compare_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->compare_view;
}

PcSensitivityView *
pc_window_get_sensitivity_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->sensitivity_view;
}

PcSettingsView *
pc_window_get_settings_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->settings_view;
}

PcActivityView *
pc_window_get_activity_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->activity_view;
}

PcCostingView *
pc_window_get_costing_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->costing_view;
}

PcProjectionView *
pc_window_get_projection_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->projection_view;
}

AdwToast *
pc_window_get_import_toast (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->import_toast;
}

GStrv
pc_window_get_import_problems (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);
  return self->import_problems;
}

/* Long jobs: the views are frozen (not the window, which keeps drawing and
 * shows the progress) until the job is done. */

/* "about 1,200,000 rows read, about 40 s left": the rows from the bytes
 * read and the file's bytes per row, the time from the pace so far. */
static char *
describe_progress (PcWindow *self,
                   guint64   done,
                   guint64   total)
{
  double elapsed = (g_get_monotonic_time () - self->job_started) / (double) G_USEC_PER_SEC;
  double left = done > 0 ? elapsed * (double) (total - MIN (done, total)) / (double) done : NAN;
  g_autofree char *rows = pc_format_number (self->job_bytes_per_row > 0 ? done / self->job_bytes_per_row : 0, 0);
  g_autofree char *time_left = NULL;

  if (!isfinite (left) || elapsed < 0.5)
    time_left = g_strdup (_("time left not yet known"));
  else if (left < 90)
    time_left = g_strdup_printf (_("about %.0f s left"), MAX (left, 1.0));
  else
    time_left = g_strdup_printf (_("about %.0f min left"), left / 60);
  return g_strdup_printf (_("%s: about %s rows read, %s"), self->job_title, rows, time_left);
}

static gboolean
on_progress_tick (gpointer data)
{
  PcWindow *self = data;
  int permille = g_atomic_int_get (&self->progress_permille);
  guint64 done, total;

  if (permille < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  g_mutex_lock (&self->progress_lock);
  done = self->progress_done;
  total = self->progress_total;
  g_mutex_unlock (&self->progress_lock);
  if (self->job_title != NULL && total > 0)
    {
      g_autofree char *text = done < total ? describe_progress (self, done, total)
                              : g_strdup_printf (_("%s: every row read, finishing"), self->job_title);

      gtk_label_set_text (self->progress_label, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
begin_job (PcWindow   *self,
           const char *what)
{
  self->busy = TRUE;
  g_atomic_int_set (&self->progress_permille, -1);
  g_mutex_lock (&self->progress_lock);
  self->progress_done = self->progress_total = 0;
  g_mutex_unlock (&self->progress_lock);
  self->job_started = g_get_monotonic_time ();
  gtk_label_set_text (self->progress_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), FALSE);
  self->progress_source = g_timeout_add (100, on_progress_tick, self);
  _pc_window_update_actions (self);
}

static void
end_job (PcWindow *self)
{
  self->busy = FALSE;
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->job_title, g_free);
  gtk_widget_set_visible (self->progress_cancel_button, FALSE);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), TRUE);
  _pc_window_update_actions (self);
}

typedef struct
{
  PcWindow      *window;
  PcImportKind   kind;
  PcImportFlags  flags;
  char          *path;
  char          *source;
  GCancellable  *cancellable;
  PcImportResult result;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_free (job->source);
  g_clear_object (&job->cancellable);
  pc_import_result_clear (&job->result);
  g_free (job);
}

static void
on_import_progress (guint64  done,
                    guint64  total,
                    gpointer data)
{
  ImportJob *job = data;

  /* Once the file is read, the rest (indexes, the undo record) has no
   * measure of its own: the bar pulses rather than stand at 100%. */
  if (total > 0)
    g_atomic_int_set (&job->window->progress_permille, done >= total ? -1 : (gint) (1000.0 * done / total));
  g_mutex_lock (&job->window->progress_lock);
  job->window->progress_done = done;
  job->window->progress_total = total;
  g_mutex_unlock (&job->window->progress_lock);
}

static gboolean
import_edit (PcProject *project,
             gpointer   data,
             GError   **error)
{
  ImportJob *job = data;
  PcImportOptions options = {
    job->flags, job->source, on_import_progress, job, job->cancellable,
  };

  /* The run records the file, its SHA-256 and the source in the same
   * transaction: undo takes the record back with the rows. */
  return pc_import_run (project, job->kind, job->path, &options, &job->result, error);
}

static char **
describe_problems (GPtrArray *problems)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      PcImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, problem->line);

      if (problem->column > 0)
        line = g_strdup_printf (_("%s, line %s, column %u (%s): %s"), problem->file,
                                number, problem->column, problem->column_name, problem->message);
      else
        line = g_strdup_printf (_("%s, line %s: %s"), problem->file, number, problem->message);
      g_strv_builder_add (lines, line);
    }
  return g_strv_builder_end (lines);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  PcWindow *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  end_job (self);
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  g_clear_pointer (&self->import_problems, g_strfreev);
  if (!pc_document_edit_finish (PC_DOCUMENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nothing to explain: the user asked for it, and the import's
       * transaction took everything back. */
      pc_window_toast (self, _("Import cancelled: the project is as it was"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *heading = g_strdup_printf (_("Nothing was imported from “%s”"), name);

      self->import_problems = describe_problems (job->result.problems);
      _pc_window_show_error (self, heading, error->message, self->import_problems);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  {
    g_autofree char *message = _pc_window_describe_import (job->kind, job->flags, job->result.n_rows, job->result.notes);
    AdwToast *toast = adw_toast_new (message);

    /* Long enough to read the notes and think better of it. */
    adw_toast_set_timeout (toast, 10);
    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
    g_set_object (&self->import_toast, toast);
  }
  g_task_return_boolean (task, TRUE);
}

/* A large file is kept for undo by a copy of the table it fills: the
 * session's row-by-row record made a 570,000-row import take 4.1 s and
 * 345 MB instead of 0.9 s and 17 MB. */
#define SNAPSHOT_FROM_BYTES (1024 * 1024)

static const char *
snapshot_for (PcImportKind  kind,
              const char   *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0 || info.st_size < SNAPSHOT_FROM_BYTES)
    return NULL;
  /* Every kind fills the table of its own name. */
  return pc_import_kind_to_string (kind);
}

void
pc_window_import (PcWindow            *self,
                  PcImportKind         kind,
                  const char          *path,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  pc_window_import_full (self, kind, path, NULL, callback, user_data);
}

void
pc_window_import_full (PcWindow            *self,
                       PcImportKind         kind,
                       const char          *path,
                       const char          *source,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  pc_window_import_with_flags (self, kind, path, source,
                               kind == PC_IMPORT_ACTIVITY ? PC_IMPORT_REPLACE : PC_IMPORT_DEFAULT,
                               callback, user_data);
}

/* The bytes of a row, from the first 64 KiB of @path: the rows read are
 * told from the bytes read, which is all the import reports. */
static double
bytes_per_row (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char buffer[65536];
  gssize n = stream != NULL ? g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, NULL) : -1;
  guint lines = 0;

  for (gssize i = 0; i < n; i++)
    lines += buffer[i] == '\n';
  return lines > 0 ? (double) n / lines : 0;
}

void
pc_window_import_with_flags (PcWindow            *self,
                             PcImportKind         kind,
                             const char          *path,
                             const char          *source,
                             PcImportFlags        flags,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  ImportJob *job;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL && !self->busy);

  task = g_task_new (self, NULL, callback, user_data);
  job = g_new0 (ImportJob, 1);
  job->window = self;
  job->kind = kind;
  job->flags = flags;
  job->path = g_strdup (path);
  job->source = source != NULL && source[0] != '\0' ? g_strdup (source) : NULL;
  job->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, job, NULL);
  name = g_path_get_basename (path);
  label = g_strdup_printf (_("Import %s"), name);
  begin_job (self, label);
  self->job_title = g_strdup (label);
  self->job_bytes_per_row = bytes_per_row (path);
  g_set_object (&self->job_cancellable, job->cancellable);
  gtk_widget_set_visible (self->progress_cancel_button, TRUE);
  _pc_window_update_actions (self);
  /* The import's worker has the project's connection: no view may read
   * through it (a table binding rows as the window is resized) meanwhile. */
  adw_status_page_set_title (self->busy_page, label);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");
  /* The document owns the job until the worker is done; the task only
   * reads it in the callback, which runs before the document frees it. */
  pc_document_edit_async (self->document, label, PC_CHANGE_DATA, snapshot_for (kind, path), import_edit, job, (GDestroyNotify) import_job_free,
                          on_import_done, task);
}

/* Asks the running import to stop; it ends as a failed one, the project
 * as it was. */
void
pc_window_cancel_job (PcWindow *self)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

typedef struct
{
  char              *working_path;
  char              *pathway;
  GStrv              areas;
  int                from;
  int                years;
  PcScenario        *scenario;
  char              *output;
  char              *project_name;   /* the user's file, never the working copy */
  char              *site;           /* the negotiation pack's; NULL: the workbook */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->working_path);
  g_free (job->pathway);
  g_strfreev (job->areas);
  g_clear_pointer (&job->scenario, pc_scenario_free);
  g_free (job->output);
  g_free (job->project_name);
  g_free (job->site);
  g_free (job);
}

/* A second, read-only connection to the working copy: the window's own
 * stays free for drawing while the workbook is written. */
static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;
  g_autoptr(PcProject) project = pc_project_open_full (job->working_path, PC_PROJECT_OPEN_READ_ONLY, &error);
  PcWorkbookRequest request = { job->pathway, (const char * const *) job->areas, job->from, job->years,
                                job->scenario, job->output, job->project_name };
  PcNegotiationRequest pack = { job->site, (const char * const *) job->areas, job->from, job->years,
                                job->output, job->project_name };

  if (project == NULL
      || (job->site != NULL ? !pc_workbook_export_negotiation (project, &pack, NULL, &error)
                            : !pc_workbook_export_full (project, &request, NULL, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  PcWindow *self = PC_WINDOW (source);
  GTask *inner = G_TASK (result);
  g_autoptr(GTask) outer = data;
  ExportJob *job = g_task_get_task_data (inner);
  g_autoptr(GError) error = NULL;

  end_job (self);
  if (!g_task_propagate_boolean (inner, &error))
    {
      _pc_window_show_error (self, _("The workbook was not exported"), error->message, NULL);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (job->output);
    g_autofree char *message = g_strdup_printf (job->site != NULL
                                                ? _("Exported the negotiation pack to “%s”")
                                                : _("Exported the workbook to “%s”"), name);

    pc_window_toast (self, message);
  }
  g_task_return_boolean (outer, TRUE);
}

void
pc_window_export (PcWindow            *self,
                  const char          *path,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  PcWorkbookRequest request;
  ExportJob *job;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL && !self->busy);

  outer = g_task_new (self, NULL, callback, user_data);
  if (!pc_projection_view_get_request (self->projection_view, &request))
    {
      g_task_return_new_error (outer, PC_ERROR, PC_ERROR_INVALID, "%s",
                               _("There is no projection to export: choose a pathway and areas first."));
      _pc_window_show_error (self, _("The workbook was not exported"),
                             _("There is no projection to export: choose a pathway and areas first."), NULL);
      g_object_unref (outer);
      return;
    }
  job = g_new0 (ExportJob, 1);
  job->working_path = g_strdup (pc_document_get_working_path (self->document));
  job->pathway = g_strdup (request.pathway);
  job->areas = g_strdupv ((char **) request.areas);
  job->from = request.from;
  job->years = request.years;
  job->scenario = request.scenario != NULL ? pc_project_load_scenario (pc_document_get_project (self->document),
                                                                       request.scenario->name, NULL)
                                           : NULL;
  job->output = g_strdup (path);
  job->project_name = g_strdup (pc_document_get_path (self->document));
  begin_job (self, _("Exporting the negotiation workbook…"));
  inner = g_task_new (self, NULL, on_export_done, outer);
  g_task_set_task_data (inner, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (inner, export_in_thread);
}

void
pc_window_export_negotiation (PcWindow            *self,
                              const char          *path,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *site, *place;
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  ExportJob *job;

  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL && !self->busy);

  outer = g_task_new (self, NULL, callback, user_data);
  site = pc_providers_view_get_site (self->providers_view);
  place = pc_providers_view_get_place (self->providers_view);
  if (site == NULL || place == NULL)
    {
      const char *why = _("There are no providers to compare: the project needs a site and an area.");

      g_task_return_new_error (outer, PC_ERROR, PC_ERROR_INVALID, "%s", why);
      _pc_window_show_error (self, _("The negotiation pack was not exported"), why, NULL);
      g_object_unref (outer);
      return;
    }
  job = g_new0 (ExportJob, 1);
  job->working_path = g_strdup (pc_document_get_working_path (self->document));
  job->site = g_strdup (site);
  job->areas = g_new0 (char *, 2);
  job->areas[0] = g_strdup (place);
  job->from = pc_current_financial_year ();
  job->years = 10;
  job->output = g_strdup (path);
  job->project_name = g_strdup (pc_document_get_path (self->document));
  begin_job (self, _("Exporting the negotiation pack…"));
  inner = g_task_new (self, NULL, on_export_done, outer);
  g_task_set_task_data (inner, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (inner, export_in_thread);
}

gboolean
pc_window_job_finish (PcWindow      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Closing */

static void
save_window_state (PcWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PcWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && !pc_document_save (self->document, &error))
    {
      if (g_error_matches (error, PC_ERROR, PC_ERROR_EXISTS))
        _pc_window_ask_changed_on_disk (self);
      else
        _pc_window_show_error (self, _("The project was not saved"), error->message, NULL);
      return;
    }
  if (g_strcmp0 (response, "cancel") == 0)
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
pc_window_close_request (GtkWindow *window)
{
  PcWindow *self = PC_WINDOW (window);
  GtkWidget *dialog;

  if (self->busy)
    {
      pc_window_toast (self, _("Wait for the import or export to finish before closing."));
      return TRUE;
    }
  /* A value typed but not yet saved is an unsaved change too. */
  if (self->document != NULL)
    pc_pathway_editor_commit_pending (self->pathway_editor);
  if (self->document != NULL && !self->close_confirmed
      && pc_pathway_editor_ask_about_refused (self->pathway_editor, _("_Close Without It"), "window.close"))
    return TRUE;
  if (self->document != NULL && pc_document_get_dirty (self->document) && !self->close_confirmed)
    {
      g_autofree char *body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."),
                                               pc_document_get_title (self->document));

      dialog = ask_before_losing (self, _("Save Changes?"), body, _("_Discard"), "save", _("_Save"));
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  save_window_state (self);
  if (self->document != NULL)
    {
      g_autoptr(PcDocument) document = g_object_ref (self->document);

      pc_window_set_document (self, NULL);
      pc_document_close (document);
    }
  return GTK_WINDOW_CLASS (pc_window_parent_class)->close_request (window);
}

/* GObject */

static void
pc_window_dispose (GObject *object)
{
  PcWindow *self = PC_WINDOW (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      /* Destroyed without the close request's question: unsaved edits
       * stay in the working copy for the next start to recover. */
      if (!pc_document_get_dirty (self->document))
        pc_document_close (self->document);
      g_clear_object (&self->document);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->import_toast);
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->job_title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_WINDOW);
  G_OBJECT_CLASS (pc_window_parent_class)->dispose (object);
}

static void
pc_window_finalize (GObject *object)
{
  PcWindow *self = PC_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->open_error);
  g_free (self->recovery_path);
  g_free (self->view_before_presenting);
  g_strfreev (self->import_problems);
  g_mutex_clear (&self->progress_lock);
  G_OBJECT_CLASS (pc_window_parent_class)->finalize (object);
}

static void
pc_window_class_init (PcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pc_window_dispose;
  object_class->finalize = pc_window_finalize;
  window_class->close_request = pc_window_close_request;

  g_type_ensure (PC_TYPE_PATHWAY_EDITOR);
  g_type_ensure (PC_TYPE_COSTING_VIEW);
  g_type_ensure (PC_TYPE_PROJECTION_VIEW);
  g_type_ensure (PC_TYPE_REFERENCE_VIEW);
  g_type_ensure (PC_TYPE_SETTINGS_VIEW);
  g_type_ensure (PC_TYPE_PROVIDERS_VIEW);
  g_type_ensure (PC_TYPE_COMPARE_VIEW);
  g_type_ensure (PC_TYPE_SENSITIVITY_VIEW);
  g_type_ensure (PC_TYPE_SCENARIO_VIEW);
  g_type_ensure (PC_TYPE_ACTIVITY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, nav_flap);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, nav_list);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, nav_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, progress_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, open_error_label);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, pathway_editor);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, costing_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, projection_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, reference_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, settings_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, providers_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, sensitivity_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, scenario_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, activity_view);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, import_section);
  _pc_window_class_install_actions (widget_class);
  _pc_window_class_install_presentation (widget_class);
}

static void
pc_window_init (PcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = pc_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  pc_projection_view_set_period (self->projection_view,
                                   g_settings_get_int (self->settings, "default-first-year"),
                                   g_settings_get_int (self->settings, "default-horizon"));
  /* The business case's views start from the same years. */
  pc_compare_selection_set_period (pc_compare_view_get_selection (self->compare_view),
                                   g_settings_get_int (self->settings, "default-first-year"),
                                   g_settings_get_int (self->settings, "default-horizon"));
  pc_compare_selection_set_period (pc_sensitivity_view_get_selection (self->sensitivity_view),
                                   g_settings_get_int (self->settings, "default-first-year"),
                                   g_settings_get_int (self->settings, "default-horizon"));
  _pc_window_install_actions (self);
  _pc_window_fill_recent (self);
  g_signal_connect_swapped (self->settings, "changed::recent-files", G_CALLBACK (_pc_window_fill_recent), self);
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  init_navigation (self);
  g_signal_connect (self->nav_list, "activate", G_CALLBACK (on_nav_activate), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_view_changed), self);
  _pc_window_init_presentation (self);
  _pc_window_update_actions (self);
}

PcWindow *
pc_window_new (GtkApplication *app)
{
  return g_object_new (PC_TYPE_WINDOW, "application", app, NULL);
}
