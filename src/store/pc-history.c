/* pc-history.c: undo and redo for the window.  Each edit runs in one
 * transaction watched by an SQLite session; the changeset it yields is
 * inverted to undo the edit and applied as it is to redo it, and any row
 * that no longer holds what the changeset expects stops the whole step.
 *
 * A bulk edit (a large import) may name one table to keep by snapshot
 * instead: a session records every row it touches and then reads each back,
 * five times the import's own time, while copying the table into the
 * connection's temp schema before the edit is one statement.  Undo swaps
 * the table's rows with the snapshot's, and redo swaps them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-history"

#include "config.h"

#include <sqlite3.h>

#include "pc-error.h"
#include "pc-history.h"
#include "pc-project-private.h"

typedef struct
{
  char    *label;
  void    *changeset;   /* from sqlite3session_changeset: sqlite3_free it */
  int      size;
  sqlite3 *db;
  char    *table;       /* the table kept by snapshot, or NULL */
  char    *snapshot;    /* temp.NAME holding the table's other state */
} Entry;

struct _PcHistory
{
  GObject    parent_instance;
  PcProject *project;
  GPtrArray *undo;    /* of Entry, the most recent edit last */
  GPtrArray *redo;    /* of Entry, the next to redo last */
  guint      n_snapshots;
};

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PcHistory, pc_history, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  if (entry->snapshot != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS temp.\"%s\"", entry->snapshot);

      sqlite3_exec (entry->db, sql, NULL, NULL, NULL);
    }
  g_free (entry->label);
  g_free (entry->table);
  g_free (entry->snapshot);
  sqlite3_free (entry->changeset);
  g_free (entry);
}

/* Exchanges the rows of main.TABLE with those of temp.SNAPSHOT, inside the
 * caller's transaction. */
static int
swap_snapshot (sqlite3    *db,
               const char *table,
               const char *snapshot)
{
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE temp.\"%2$s_swap\" AS SELECT * FROM main.\"%1$s\";"
                     "DELETE FROM main.\"%1$s\";"
                     "INSERT INTO main.\"%1$s\" SELECT * FROM temp.\"%2$s\";"
                     "DROP TABLE temp.\"%2$s\";"
                     "ALTER TABLE temp.\"%2$s_swap\" RENAME TO \"%2$s\";",
                     table, snapshot);

  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static int
skip_snapshot_table (void       *table,
                     const char *name)
{
  return g_strcmp0 (table, name) != 0;
}

static const char *
top_label (GPtrArray *stack)
{
  return stack->len > 0 ? ((Entry *) g_ptr_array_index (stack, stack->len - 1))->label : NULL;
}

/* What the properties said before a change to the stacks, so that only
 * those whose value changed are notified. */
typedef struct
{
  gboolean  can_undo;
  gboolean  can_redo;
  char     *undo_label;
  char     *redo_label;
} State;

static void
state_save (PcHistory *self,
            State     *state)
{
  state->can_undo = self->undo->len > 0;
  state->can_redo = self->redo->len > 0;
  state->undo_label = g_strdup (top_label (self->undo));
  state->redo_label = g_strdup (top_label (self->redo));
}

static void
state_notify (PcHistory *self,
              State     *before)
{
  if (before->can_undo != (self->undo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != (self->redo->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (before->undo_label, top_label (self->undo)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, top_label (self->redo)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);
}

static void
pc_history_finalize (GObject *object)
{
  PcHistory *self = (PcHistory *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (pc_history_parent_class)->finalize (object);
}

static void
pc_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PcHistory *self = PC_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pc_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pc_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, pc_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, pc_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_history_class_init (PcHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_history_finalize;
  object_class->get_property = pc_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every edit, undo and redo: the project changed, views reload. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_history_init (PcHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

PcHistory *
pc_history_new (PcProject *project)
{
  PcHistory *self;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);

  self = g_object_new (PC_TYPE_HISTORY, NULL);
  self->project = g_object_ref (project);
  return self;
}

PcProject *
pc_history_get_project (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), NULL);
  return self->project;
}

gboolean
pc_history_get_can_undo (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

guint
pc_history_get_n_undo (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), 0);
  return self->undo->len;
}

gboolean
pc_history_get_can_redo (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
pc_history_get_undo_label (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), NULL);
  return top_label (self->undo);
}

const char *
pc_history_get_redo_label (PcHistory *self)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), NULL);
  return top_label (self->redo);
}

gboolean
pc_history_run (PcHistory      *self,
                const char     *label,
                PcHistoryEdit   edit,
                gpointer        user_data,
                GError        **error)
{
  return pc_history_run_full (self, label, NULL, edit, user_data, error);
}

gboolean
pc_history_run_full (PcHistory      *self,
                     const char     *label,
                     const char     *snapshot_table,
                     PcHistoryEdit   edit,
                     gpointer        user_data,
                     GError        **error)
{
  g_autofree char *snapshot = NULL;
  sqlite3 *db;
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  int size = 0;
  int rc;
  Entry *entry;
  State before;

  g_return_val_if_fail (PC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = pc_project_get_db (self->project);
  if (!pc_project_begin (self->project, error))
    return FALSE;

  if (snapshot_table != NULL)
    {
      g_autofree char *sql = NULL;

      snapshot = g_strdup_printf ("pc_undo_%u", ++self->n_snapshots);
      sql = g_strdup_printf ("CREATE TABLE temp.\"%s\" AS SELECT * FROM main.\"%s\"", snapshot, snapshot_table);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          /* The message first: a rollback resets what SQLite reports. */
          _pc_project_sqlite_error (self->project, rc, "record the change", error);
          pc_project_rollback (self->project);
          return FALSE;
        }
    }

  /* NULL attaches every table, including any a later schema adds; tables
   * without a primary key would be left out, so the schema has none. */
  rc = sqlite3session_create (db, "main", &session);
  if (rc == SQLITE_OK && snapshot_table != NULL)
    sqlite3session_table_filter (session, skip_snapshot_table, (void *) snapshot_table);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, NULL);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&session, sqlite3session_delete);
      pc_project_rollback (self->project);
      return _pc_project_sqlite_error (self->project, rc, "record the change", error);
    }

  if (!edit (self->project, user_data, error))
    {
      sqlite3session_delete (session);
      pc_project_rollback (self->project);
      return FALSE;
    }
  rc = sqlite3session_changeset (session, &size, &changeset);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (changeset);
      pc_project_rollback (self->project);
      return _pc_project_sqlite_error (self->project, rc, "record the change", error);
    }
  if (!pc_project_commit (self->project, error))
    {
      sqlite3_free (changeset);
      return FALSE;
    }

  if (size > 0 || snapshot != NULL)
    {
      state_save (self, &before);
      entry = g_new0 (Entry, 1);
      entry->label = g_strdup (label);
      entry->changeset = changeset;
      entry->size = size;
      entry->db = db;
      entry->table = g_strdup (snapshot_table);
      entry->snapshot = g_steal_pointer (&snapshot);
      g_ptr_array_set_size (self->redo, 0);
      g_ptr_array_add (self->undo, entry);
      state_notify (self, &before);
    }
  else
    sqlite3_free (changeset);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Any row that does not hold what the changeset expects means the project
 * changed outside the history since: stop rather than guess. */
static int
abort_on_conflict (void                *user_data,
                   int                  conflict,
                   sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

/* Applies @changeset (inverted first when @invert) in one change. */
static gboolean
apply_changeset (PcHistory  *self,
                 Entry      *entry,
                 gboolean    invert,
                 const char *verb,
                 GError    **error)
{
  sqlite3 *db = pc_project_get_db (self->project);
  void *inverse = NULL;
  int inverse_size = 0;
  int rc = SQLITE_OK;

  if (invert && entry->size > 0)
    {
      rc = sqlite3changeset_invert (entry->size, entry->changeset, &inverse_size, &inverse);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED, "cannot %s “%s”: %s",
                       verb, entry->label, sqlite3_errstr (rc));
          return FALSE;
        }
    }
  if (!pc_project_begin (self->project, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  if (entry->snapshot != NULL)
    rc = swap_snapshot (db, entry->table, entry->snapshot);
  if (rc == SQLITE_OK && entry->size > 0)
    rc = sqlite3changeset_apply (db, invert ? inverse_size : entry->size,
                                 invert ? inverse : entry->changeset,
                                 NULL, abort_on_conflict, NULL);
  sqlite3_free (inverse);
  if ((rc & 0xff) == SQLITE_ABORT || (rc & 0xff) == SQLITE_CONSTRAINT)
    {
      pc_project_rollback (self->project);
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "cannot %s “%s”: the project changed since", verb, entry->label);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      pc_project_rollback (self->project);
      _pc_project_sqlite_error (self->project, rc, verb, error);
      g_prefix_error (error, "cannot %s “%s”: ", verb, entry->label);
      return FALSE;
    }
  return pc_project_commit (self->project, error);
}

/* Moves the top entry of @from onto @to, once its changeset has been
 * applied to the project. */
static gboolean
step (PcHistory  *self,
      GPtrArray  *from,
      GPtrArray  *to,
      gboolean    invert,
      const char *verb,
      GError    **error)
{
  Entry *entry;
  State before;

  if (from->len == 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "there is nothing to %s", verb);
      return FALSE;
    }
  entry = g_ptr_array_index (from, from->len - 1);
  if (!apply_changeset (self, entry, invert, verb, error))
    return FALSE;

  state_save (self, &before);
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  state_notify (self, &before);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
pc_history_undo (PcHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return step (self, self->undo, self->redo, TRUE, "undo", error);
}

gboolean
pc_history_redo (PcHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (PC_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return step (self, self->redo, self->undo, FALSE, "redo", error);
}

void
pc_history_clear (PcHistory *self)
{
  State before;

  g_return_if_fail (PC_IS_HISTORY (self));

  state_save (self, &before);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  state_notify (self, &before);
}
