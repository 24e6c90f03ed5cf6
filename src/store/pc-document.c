/* pc-document.c: a project opened for editing through a working copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-document"
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-document.h"
#include "pc-error.h"
#include "pc-file-stamp.h"

struct _PcDocument
{
  GObject     parent_instance;
  char       *path;
  char       *title;
  char       *working_path;
  PcProject  *project;
  PcHistory  *history;
  /* Each change gets a serial: the document is dirty when the change on top
   * of the undo stack is not the one that was saved. */
  GArray     *undo_serials;    /* of Change */
  GArray     *redo_serials;
  guint       next_serial;
  guint       saved_serial;
  gboolean    dirty;
  char       *pathway_name;
  PcPathway  *pathway;
  PcPathway  *preview;
  /* the file as it was when opened or last saved: a change by anything
   * else since is not overwritten without asking */
  PcFileStamp disk_stamp;
  char       *notice;
};

enum { PROP_0, PROP_DIRTY, PROP_PATH, PROP_PATHWAY_NAME, N_PROPS };
enum { CHANGED, PATHWAY_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PcDocument, pc_document, G_TYPE_OBJECT)

typedef struct
{
  guint    serial;
  PcChange scope;
} Change;

/* Working copies live in one folder; each has a marker naming the file its
 * unsaved edits belong to.  Recovery looks markers up by what they name, not
 * by the copy's file name, so a copy keeps serving its document after Save
 * As.  Copies open in this process are never reused or deleted. */
static GHashTable *working_in_use;

static char *
working_folder (void)
{
  char *folder = g_build_filename (g_get_user_state_dir (), "pathcost", "working", NULL);

  g_mkdir_with_parents (folder, 0700);
  return folder;
}

static char *
marker_path_for (const char *working_path)
{
  return g_strconcat (working_path, ".unsaved", NULL);
}

static gboolean
working_is_in_use (const char *working_path)
{
  return working_in_use != NULL && g_hash_table_contains (working_in_use, working_path);
}

static void
set_working_in_use (const char *working_path,
                    gboolean    in_use)
{
  if (working_in_use == NULL)
    working_in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (in_use)
    g_hash_table_add (working_in_use, g_strdup (working_path));
  else
    g_hash_table_remove (working_in_use, working_path);
}

/* A fresh name: the file's path hashed, with a number when that name is
 * taken by an open copy or by unsaved edits waiting to be recovered. */
static char *
new_working_path (const char *path)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  g_autofree char *folder = working_folder ();

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (digest, ".pathcost", NULL)
                                     : g_strdup_printf ("%s-%u.pathcost", digest, n);
      char *candidate = g_build_filename (folder, name, NULL);
      g_autofree char *marker = marker_path_for (candidate);

      if (!working_is_in_use (candidate) && !g_file_test (marker, G_FILE_TEST_EXISTS))
        return candidate;
      g_free (candidate);
    }
}

/* The working copy holding unsaved edits of @path, or NULL. */
static char *
find_recovery (const char *path)
{
  g_autofree char *folder = working_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *marker = NULL;
      g_autofree char *marked_path = NULL;
      g_autofree char *working = NULL;

      if (!g_str_has_suffix (name, ".pathcost.unsaved"))
        continue;
      marker = g_build_filename (folder, name, NULL);
      working = g_strndup (marker, strlen (marker) - strlen (".unsaved"));
      if (!working_is_in_use (working) && g_file_test (working, G_FILE_TEST_EXISTS)
          && g_file_get_contents (marker, &marked_path, NULL, NULL) && g_strcmp0 (marked_path, path) == 0)
        return g_steal_pointer (&working);
    }
  return NULL;
}

gboolean
pc_document_has_recovery (const char *given_path)
{
  g_autofree char *path = g_canonicalize_filename (given_path, NULL);
  g_autofree char *working = find_recovery (path);

  return working != NULL;
}

GStrv
pc_document_list_recoverable (void)
{
  g_autofree char *folder = working_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *marker = NULL;
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".pathcost.unsaved"))
        continue;
      marker = g_build_filename (folder, name, NULL);
      if (g_file_get_contents (marker, &path, NULL, NULL) && pc_document_has_recovery (path))
        g_strv_builder_add (paths, path);
    }
  return g_strv_builder_end (paths);
}

static void
remove_working_files (const char *working_path)
{
  g_autofree char *marker = marker_path_for (working_path);
  g_autofree char *journal = g_strconcat (working_path, "-journal", NULL);

  g_unlink (marker);
  g_unlink (journal);
  g_unlink (working_path);
}

static void
set_dirty (PcDocument *self,
           gboolean    dirty)
{
  g_autofree char *marker = NULL;

  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  marker = marker_path_for (self->working_path);
  if (dirty)
    g_file_set_contents (marker, self->path, -1, NULL);
  else
    g_unlink (marker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static guint
top_serial (PcDocument *self)
{
  if (self->undo_serials->len == 0)
    return 0;
  return g_array_index (self->undo_serials, Change, self->undo_serials->len - 1).serial;
}

static void
update_dirty (PcDocument *self)
{
  set_dirty (self, top_serial (self) != self->saved_serial);
}

/* Re-reads the shown pathway after any change; it may have been deleted
 * (an undone import), in which case nothing is shown. */
static void
load_pathway (PcDocument *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->preview, pc_pathway_free);
  g_clear_pointer (&self->pathway, pc_pathway_free);
  if (self->pathway_name != NULL)
    {
      self->pathway = pc_project_load_pathway (self->project, self->pathway_name, &error);
      if (self->pathway == NULL)
        {
          g_debug ("Pathway %s is gone: %s", self->pathway_name, error->message);
          g_clear_pointer (&self->pathway_name, g_free);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATHWAY_NAME]);
        }
    }
}

static void
reload_pathway (PcDocument *self)
{
  load_pathway (self);
  g_signal_emit (self, signals[PATHWAY_CHANGED], 0);
}

/* Listeners to "changed" find the pathway already reloaded; "pathway-changed"
 * follows, so figures are recomputed after caches were dropped. */
static void
announce_change (PcDocument *self,
                 PcChange    scope)
{
  update_dirty (self);
  load_pathway (self);
  g_signal_emit (self, signals[CHANGED], 0, scope);
  g_signal_emit (self, signals[PATHWAY_CHANGED], 0);
}

static PcDocument *
document_new (const char *path,
              const char *working_path,
              GError    **error)
{
  g_autoptr(PcDocument) self = NULL;
  g_autoptr(PcProject) project = pc_project_open (working_path, error);

  if (project == NULL)
    return NULL;
  self = g_object_new (PC_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);
  self->title = g_path_get_basename (path);
  self->working_path = g_strdup (working_path);
  self->project = g_steal_pointer (&project);
  self->history = pc_history_new (self->project);
  set_working_in_use (working_path, TRUE);
  return g_steal_pointer (&self);
}

PcDocument *
pc_document_open (const char *given_path,
                  gboolean    recover,
                  GError    **error)
{
  g_autofree char *working = NULL;
  g_autofree char *path = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(PcDocument) self = NULL;
  PcFileStamp stamp;

  g_return_val_if_fail (given_path != NULL, NULL);

  /* One spelling of each file, so a second open of it is recognised. */
  path = g_canonicalize_filename (given_path, NULL);
  if (recover)
    working = find_recovery (path);
  if (working == NULL)
    {
      /* Read-only: a file that is refused is never touched, and an older
       * version is upgraded in the copy, not in the user's file. */
      g_autoptr(PcProject) original = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, error);
      g_autofree char *discarded = NULL;

      if (original == NULL)
        return NULL;
      notice = g_strdup (pc_project_get_notice (original));
      /* Opening the saved version drops what a crash left of this file. */
      while ((discarded = find_recovery (path)) != NULL)
        {
          remove_working_files (discarded);
          g_clear_pointer (&discarded, g_free);
        }
      working = new_working_path (path);
      remove_working_files (working);
      if (!pc_project_write_copy (original, working, error))
        return NULL;
      recover = FALSE;
    }
  /* After the open, which may have rolled back an interrupted change.  A
   * recovered document's edits were made against the file as it is now. */
  pc_file_stamp_read (path, &stamp);
  self = document_new (path, working, error);
  if (self == NULL)
    return NULL;
  self->disk_stamp = stamp;
  self->notice = g_steal_pointer (&notice);
  if (recover)
    {
      /* The recovered edits are not in the file yet. */
      self->saved_serial = G_MAXUINT;
      update_dirty (self);
    }
  return g_steal_pointer (&self);
}

PcDocument *
pc_document_create (const char *path,
                    GError    **error)
{
  g_autoptr(PcProject) created = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  created = pc_project_create (path, error);
  if (created == NULL)
    return NULL;
  g_clear_object (&created);
  return pc_document_open (path, FALSE, error);
}

const char *
pc_document_get_path (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->path;
}

const char *
pc_document_get_title (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->title;
}

PcProject *
pc_document_get_project (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->project;
}

PcHistory *
pc_document_get_history (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->history;
}

const char *
pc_document_get_working_path (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->working_path;
}

gboolean
pc_document_get_dirty (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

/* After a successful run: a new undo step unless nothing changed. */
static void
record_edit (PcDocument *self,
             guint       n_undo_before,
             PcChange    scope)
{
  Change change = { 0, scope };

  if (pc_history_get_n_undo (self->history) == n_undo_before)
    {
      /* Nothing changed (the same value typed again): nothing to undo. */
      reload_pathway (self);
      return;
    }
  change.serial = ++self->next_serial;
  g_array_append_val (self->undo_serials, change);
  g_array_set_size (self->redo_serials, 0);
  announce_change (self, scope);
}

gboolean
pc_document_edit (PcDocument    *self,
                  const char    *label,
                  PcChange       scope,
                  PcHistoryEdit  edit,
                  gpointer       user_data,
                  GError       **error)
{
  guint before;

  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  before = pc_history_get_n_undo (self->history);
  if (!pc_history_run (self->history, label, edit, user_data, error))
    return FALSE;
  record_edit (self, before, scope);
  return TRUE;
}

typedef struct
{
  const char *key;
  const char *value;
} SettingEdit;

static gboolean
edit_setting (PcProject *project,
              gpointer   data,
              GError   **error)
{
  SettingEdit *edit = data;

  return pc_project_set_setting (project, edit->key, edit->value, error);
}

gboolean
pc_document_edit_setting (PcDocument  *self,
                          const char  *label,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  SettingEdit edit = { key, value };

  return pc_document_edit (self, label, PC_CHANGE_DATA, edit_setting, &edit, error);
}

typedef struct
{
  char           *label;
  PcHistoryEdit   edit;
  gpointer        user_data;
  GDestroyNotify  user_data_free;
  guint           n_undo_before;
  PcChange        scope;
  char           *snapshot_table;
} AsyncEdit;

static void
async_edit_free (AsyncEdit *job)
{
  if (job->user_data_free != NULL)
    job->user_data_free (job->user_data);
  g_free (job->label);
  g_free (job->snapshot_table);
  g_free (job);
}

static void
run_edit_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PcDocument *self = source;
  AsyncEdit *job = task_data;
  GError *error = NULL;

  if (pc_history_run_full (self->history, job->label, job->snapshot_table, job->edit, job->user_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pc_document_edit_async (PcDocument          *self,
                        const char          *label,
                        PcChange             scope,
                        const char          *snapshot_table,
                        PcHistoryEdit        edit,
                        gpointer             user_data,
                        GDestroyNotify       user_data_free,
                        GAsyncReadyCallback  callback,
                        gpointer             callback_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncEdit *job;

  g_return_if_fail (PC_IS_DOCUMENT (self));
  g_return_if_fail (edit != NULL);

  job = g_new0 (AsyncEdit, 1);
  job->label = g_strdup (label);
  job->edit = edit;
  job->user_data = user_data;
  job->user_data_free = user_data_free;
  job->n_undo_before = pc_history_get_n_undo (self->history);
  job->scope = scope;
  job->snapshot_table = g_strdup (snapshot_table);
  task = g_task_new (self, NULL, callback, callback_data);
  g_task_set_source_tag (task, pc_document_edit_async);
  g_task_set_task_data (task, job, (GDestroyNotify) async_edit_free);
  g_task_run_in_thread (task, run_edit_in_thread);
}

gboolean
pc_document_edit_finish (PcDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  AsyncEdit *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  record_edit (self, job->n_undo_before, job->scope);
  return TRUE;
}

/* Moves the last change of @from to @to; returns what it touched. */
static PcChange
move_serial (GArray *from,
             GArray *to)
{
  Change change = g_array_index (from, Change, from->len - 1);

  g_array_set_size (from, from->len - 1);
  g_array_append_val (to, change);
  return change.scope;
}

gboolean
pc_document_undo (PcDocument *self,
                  GError    **error)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);

  if (self->undo_serials->len == 0)
    return TRUE;
  if (!pc_history_undo (self->history, error))
    return FALSE;
  announce_change (self, move_serial (self->undo_serials, self->redo_serials));
  return TRUE;
}

gboolean
pc_document_redo (PcDocument *self,
                  GError    **error)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);

  if (self->redo_serials->len == 0)
    return TRUE;
  if (!pc_history_redo (self->history, error))
    return FALSE;
  announce_change (self, move_serial (self->redo_serials, self->undo_serials));
  return TRUE;
}

gboolean
pc_document_changed_on_disk (PcDocument *self)
{
  PcFileStamp now;

  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);
  pc_file_stamp_read (self->path, &now);
  return !pc_file_stamp_equal (&now, &self->disk_stamp);
}

const char *
pc_document_get_notice (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->notice;
}

gboolean
pc_document_save_anyway (PcDocument *self,
                         GError    **error)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);

  if (!pc_project_write_copy (self->project, self->path, error))
    return FALSE;
  pc_file_stamp_read (self->path, &self->disk_stamp);
  self->saved_serial = top_serial (self);
  update_dirty (self);
  return TRUE;
}

gboolean
pc_document_save (PcDocument *self,
                  GError    **error)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);

  if (pc_document_changed_on_disk (self))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_EXISTS,
                   _("“%s” was changed on disk since it was opened or last saved"), self->title);
      return FALSE;
    }
  return pc_document_save_anyway (self, error);
}

gboolean
pc_document_save_as (PcDocument *self,
                     const char *given_path,
                     GError    **error)
{
  g_autofree char *old_marker = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (given_path != NULL, FALSE);

  path = g_canonicalize_filename (given_path, NULL);
  if (!pc_project_write_copy (self->project, path, error))
    return FALSE;
  pc_file_stamp_read (path, &self->disk_stamp);
  /* The working copy keeps serving the open project; its marker, written
   * when the next edit comes, names the new file, which is what recovery
   * looks for. */
  old_marker = marker_path_for (self->working_path);
  g_unlink (old_marker);
  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->title);
  self->title = g_path_get_basename (path);
  self->saved_serial = top_serial (self);
  update_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  return TRUE;
}

void
pc_document_close (PcDocument *self)
{
  g_return_if_fail (PC_IS_DOCUMENT (self));

  if (self->project == NULL)
    return;
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  remove_working_files (self->working_path);
  set_working_in_use (self->working_path, FALSE);
}

const char *
pc_document_get_pathway_name (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->pathway_name;
}

gboolean
pc_document_set_pathway_name (PcDocument *self,
                              const char *name,
                              GError    **error)
{
  PcPathway *pathway = NULL;

  g_return_val_if_fail (PC_IS_DOCUMENT (self), FALSE);

  if (g_strcmp0 (name, self->pathway_name) == 0)
    return TRUE;
  if (name != NULL && (pathway = pc_project_load_pathway (self->project, name, error)) == NULL)
    return FALSE;
  g_free (self->pathway_name);
  self->pathway_name = g_strdup (name);
  g_clear_pointer (&self->preview, pc_pathway_free);
  g_clear_pointer (&self->pathway, pc_pathway_free);
  self->pathway = pathway;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATHWAY_NAME]);
  g_signal_emit (self, signals[PATHWAY_CHANGED], 0);
  return TRUE;
}

const PcPathway *
pc_document_get_pathway (PcDocument *self)
{
  g_return_val_if_fail (PC_IS_DOCUMENT (self), NULL);
  return self->preview != NULL ? self->preview : self->pathway;
}

void
pc_document_preview_step (PcDocument   *self,
                          guint         index,
                          const PcStep *step)
{
  PcStep *copy;

  g_return_if_fail (PC_IS_DOCUMENT (self));
  g_return_if_fail (self->pathway != NULL && index < self->pathway->steps->len);

  if (self->preview == NULL)
    self->preview = pc_pathway_copy (self->pathway);
  copy = pc_step_copy (step);
  /* The price comes from the tariffs: the typed code may not be saved yet. */
  if (copy->tariff_code != NULL
      && g_strcmp0 (copy->tariff_code, ((PcStep *) g_ptr_array_index (self->pathway->steps, index))->tariff_code) == 0)
    copy->tariff_price = ((PcStep *) g_ptr_array_index (self->pathway->steps, index))->tariff_price;
  pc_step_free (g_ptr_array_index (self->preview->steps, index));
  g_ptr_array_index (self->preview->steps, index) = copy;
  g_signal_emit (self, signals[PATHWAY_CHANGED], 0);
}

void
pc_document_end_preview (PcDocument *self)
{
  g_return_if_fail (PC_IS_DOCUMENT (self));

  if (self->preview == NULL)
    return;
  g_clear_pointer (&self->preview, pc_pathway_free);
  g_signal_emit (self, signals[PATHWAY_CHANGED], 0);
}

static void
pc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PcDocument *self = PC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_PATHWAY_NAME:
      g_value_set_string (value, self->pathway_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_document_finalize (GObject *object)
{
  PcDocument *self = PC_DOCUMENT (object);

  g_clear_object (&self->history);
  /* Not closed (a window destroyed with unsaved edits): the copy and its
   * marker stay for the next start to recover. */
  if (self->project != NULL)
    set_working_in_use (self->working_path, FALSE);
  g_clear_object (&self->project);
  g_free (self->path);
  g_free (self->title);
  g_free (self->working_path);
  g_free (self->pathway_name);
  g_free (self->notice);
  g_clear_pointer (&self->pathway, pc_pathway_free);
  g_clear_pointer (&self->preview, pc_pathway_free);
  g_array_unref (self->undo_serials);
  g_array_unref (self->redo_serials);
  G_OBJECT_CLASS (pc_document_parent_class)->finalize (object);
}

static void
pc_document_class_init (PcDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pc_document_get_property;
  object_class->finalize = pc_document_finalize;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATHWAY_NAME] =
    g_param_spec_string ("pathway-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The project's data changed: an edit, an undo, a redo or an import;
   * the argument (PcChange) says whether only the shown pathway's steps
   * did, so views keep what the edit cannot have touched. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* The shown pathway (or its preview) changed. */
  signals[PATHWAY_CHANGED] = g_signal_new ("pathway-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
pc_document_init (PcDocument *self)
{
  self->undo_serials = g_array_new (FALSE, FALSE, sizeof (Change));
  self->redo_serials = g_array_new (FALSE, FALSE, sizeof (Change));
}
