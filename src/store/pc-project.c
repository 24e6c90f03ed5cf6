/* pc-project.c: opening, checking and changing a project file.  A project
 * may come from another organisation, so nothing it carries is trusted: its
 * header is read before SQLite sees it, SQLite runs in defensive mode with
 * triggers, views and extensions off, and its schema must be exactly ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-project-private.h"
#include "pc-schema.h"
#include "pc-temp-file.h"

#define HEADER_SIZE 100
/* Past this size a read-only open checks every table but the activity
 * table (quick_check of the whole file is O(size): 1.7 s for 370 MB, nearly
 * all of it activity) and that the file has the size its header says; the
 * activity pages it reads are still checked as they are read
 * (cell_size_check). */
#define QUICK_CHECK_READ_ONLY_LIMIT (64 * 1024 * 1024)
#define BUSY_TIMEOUT_MS 1500

struct _PcProject
{
  GObject  parent_instance;
  char    *path;
  char    *display_name;
  sqlite3 *db;
  gboolean read_only;
  /* what the open did that the user should hear of, once (a journal) */
  char    *notice;
  /* pc_project_begin calls not yet committed or rolled back: the first
   * opens the transaction, each deeper one a savepoint pc_DEPTH. */
  guint    depth;
};

G_DEFINE_FINAL_TYPE (PcProject, pc_project, G_TYPE_OBJECT)

static void
pc_project_finalize (GObject *object)
{
  PcProject *self = (PcProject *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (pc_project_parent_class)->finalize (object);
}

static void
pc_project_class_init (PcProjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_project_finalize;
}

static void
pc_project_init (PcProject *self)
{
}

/* SQLITE_FULL, or a write that failed for want of space or over the
 * file-size limit (SQLite reports those as I/O errors). */
gboolean
_pc_project_is_disk_full (sqlite3 *db,
                          int      rc)
{
  int saved_errno = errno;
  int primary = rc & 0xff;
  /* SQLite does not always record the errno of a failed write (not for
   * one that failed at COMMIT): the C library's is still the write's then */
  int system_errno = db != NULL && sqlite3_system_errno (db) != 0 ? sqlite3_system_errno (db)
                                                                   : saved_errno;

  return primary == SQLITE_FULL
         || (primary == SQLITE_IOERR
             && (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT));
}

gboolean
_pc_project_sqlite_error (PcProject   *self,
                          int          rc,
                          const char  *doing,
                          GError     **error)
{
  int primary = rc & 0xff;
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, PC_ERROR, PC_ERROR_IN_USE,
                 "%s is in use by another program (close it there and try again)",
                 self->display_name);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                 "%s is damaged (%s while %s)", self->display_name, detail, doing);
  else if (_pc_project_is_disk_full (self->db, rc))
    g_set_error (error, PC_ERROR, PC_ERROR_IO,
                 "%s: could not %s: the disk is full (free some space and try again; "
                 "the project is unchanged)", self->display_name, doing);
  else if (primary == SQLITE_READONLY && rc != SQLITE_READONLY_ROLLBACK)
    g_set_error (error, PC_ERROR, PC_ERROR_IO,
                 "%s: could not %s: the file or its folder is read-only "
                 "(check its permissions, or save a copy elsewhere)", self->display_name, doing);
  else if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN
           || primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_PERM)
    g_set_error (error, PC_ERROR, PC_ERROR_IO,
                 "%s: could not %s: %s", self->display_name, doing, detail);
  else
    g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                 "%s: could not %s: %s", self->display_name, doing, detail);
  return FALSE;
}

sqlite3_stmt *
_pc_project_prepare (PcProject   *self,
                     const char  *sql,
                     const char  *bound,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _pc_project_sqlite_error (self, rc, "read it", error);
      return NULL;
    }
  if (bound != NULL)
    sqlite3_bind_text (stmt, 1, bound, -1, SQLITE_TRANSIENT);
  return stmt;
}

gboolean
_pc_project_finish (PcProject     *self,
                    sqlite3_stmt  *stmt,
                    int            rc,
                    const char    *doing,
                    GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, doing, error);
  return TRUE;
}

gboolean
_pc_project_end_change (PcProject  *self,
                        gboolean    ok,
                        GError    **error)
{
  if (!ok)
    {
      pc_project_rollback (self);
      return FALSE;
    }
  return pc_project_commit (self, error);
}

gboolean
_pc_project_step_reset (PcProject     *self,
                        sqlite3_stmt  *stmt,
                        const char    *doing,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return _pc_project_sqlite_error (self, rc, doing, error);
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
         | ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

/* Reads the SQLite header ourselves, before SQLite opens the file (it would
 * accept any junk until the first statement), and says what the file is. */
static gboolean
check_header (const char  *path,
              const char  *name,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[HEADER_SIZE];
  size_t n_read;
  FILE *file = g_fopen (path, "rb");
  guint32 version;

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read == 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_PROJECT,
                   "%s is not a Pathcost project (the file is empty)", name);
      return FALSE;
    }
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_PROJECT,
                   "%s is not a Pathcost project", name);
      return FALSE;
    }
  if (read_be32 (header + 68) != PC_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_PROJECT,
                   "%s is not a Pathcost project (it is a database of another program)", name);
      return FALSE;
    }
  version = read_be32 (header + 60);
  if (version > PC_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NEWER_VERSION,
                   "%s was saved by a newer version of Pathcost (project format %u; "
                   "this version reads up to %d): update Pathcost to open it",
                   name, version, PC_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
harden_connection (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* Pathcost writes no triggers or views; a file that carries them must not
   * get to run them. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 10 * 1000 * 1000);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 1000 * 1000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;", NULL, NULL, NULL);
}

static PcProject *
project_new (const char *path)
{
  PcProject *self = g_object_new (PC_TYPE_PROJECT, NULL);

  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);
  return self;
}

static gboolean
open_connection (PcProject  *self,
                 int         flags,
                 GError    **error)
{
  /* One connection, used by one thread at a time: no mutex on every call. */
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    return _pc_project_sqlite_error (self, rc, "open it", error);
  sqlite3_extended_result_codes (self->db, 1);
  harden_connection (self->db);
  return TRUE;
}

static gboolean
is_large_read_only (PcProject *self)
{
  GStatBuf info;

  return self->read_only && g_stat (self->path, &info) == 0
         && info.st_size > QUICK_CHECK_READ_ONLY_LIMIT;
}

/* PRAGMA quick_check(1), or quick_check of one table: @table is trusted
 * (one of ours). */
static gboolean
run_quick_check (PcProject   *self,
                 const char  *table,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = table != NULL ? g_strdup_printf ("PRAGMA quick_check(\"%s\")", table)
                                       : g_strdup ("PRAGMA quick_check(1)");
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *answer = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (answer, "ok") == 0;
      if (!ok)
        {
          /* SQLite's report spans lines; a message to the user does not. */
          g_autofree char *detail = g_strdelimit (g_strdup (answer ? answer : "unreadable"),
                                                  "\r\n", ' ');

          g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                       "%s is damaged (%s)", self->display_name, g_strstrip (detail));
        }
    }
  else
    _pc_project_sqlite_error (self, rc, "check it", error);
  sqlite3_finalize (stmt);
  return ok;
}

/* The checks of a large file opened read-only, which stay fast: the size
 * the header records against the file's own (a truncated or extended copy
 * fails), then every table but activity. */
static gboolean
run_large_file_check (PcProject  *self,
                      GError    **error)
{
  const char * const *tables = _pc_schema_tables ();
  sqlite3_stmt *stmt = NULL;
  gint64 page_size = 0, page_count = 0;
  GStatBuf info;

  if (sqlite3_prepare_v2 (self->db, "SELECT page_size, page_count FROM pragma_page_size, "
                          "pragma_page_count", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      page_size = sqlite3_column_int64 (stmt, 0);
      page_count = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  if (g_stat (self->path, &info) != 0 || page_size <= 0 || page_size * page_count != info.st_size)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged (its size does not match its header: cut short or extended)",
                   self->display_name);
      return FALSE;
    }
  for (guint t = 0; tables[t] != NULL; t++)
    if (strcmp (tables[t], "activity") != 0 && !run_quick_check (self, tables[t], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_integrity (PcProject  *self,
                 GError    **error)
{
  if (is_large_read_only (self))
    return run_large_file_check (self, error);
  return run_quick_check (self, NULL, error);
}

/* The schema a file of the current version must have, built the same way a
 * new project is: name → CREATE statement. */
static GHashTable *
expected_schema (int version)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_migrations, n_wanted = 0;
  const PcMigration *migrations = _pc_schema_migrations (&n_migrations);
  sqlite3 *memory = NULL;
  sqlite3_stmt *stmt = NULL;

  while (n_wanted < n_migrations && migrations[n_wanted].to_version <= version)
    n_wanted++;
  sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);
  if (!_pc_schema_migrate (memory, migrations, n_wanted, NULL))
    g_error ("the built-in schema does not build: %s", sqlite3_errmsg (memory));
  sqlite3_prepare_v2 (memory, "SELECT name, sql FROM sqlite_schema", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (schema,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (memory);
  return schema;
}

/* The file's schema is exactly that of project format @version. */
static gboolean
check_schema (PcProject  *self,
              int         version,
              GError    **error)
{
  g_autoptr(GHashTable) expected = expected_schema (version);
  sqlite3_stmt *stmt = NULL;
  guint n_found = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _pc_project_sqlite_error (self, rc, "read its schema", error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      gpointer want = NULL;

      /* Automatic indexes have no SQL: the name alone must match. */
      if (name == NULL || !g_hash_table_lookup_extended (expected, name, NULL, &want)
          || g_strcmp0 (want, sql) != 0)
        {
          g_autofree char *shown_type = _pc_project_shown_text (type ? type : "object");
          g_autofree char *shown_name = _pc_project_shown_text (name ? name : "");

          g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                       "%s is damaged or was changed outside Pathcost "
                       "(unexpected %s '%s')", self->display_name, shown_type, shown_name);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      n_found++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read its schema", error);
  if (n_found != g_hash_table_size (expected))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged (%u of its %u tables are missing)", self->display_name,
                   g_hash_table_size (expected) - n_found, g_hash_table_size (expected));
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_into_memory (PcProject  *self,
                  GError    **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", self->db, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (memory);
      sqlite3_backup_finish (backup);
    }
  if (rc != SQLITE_DONE)
    {
      sqlite3_close (memory);
      return _pc_project_sqlite_error (self, rc, "read it", error);
    }
  sqlite3_close (self->db);
  self->db = memory;
  harden_connection (self->db);
  return TRUE;
}

static gboolean
bring_up_to_date (PcProject  *self,
                  GError    **error)
{
  guint n_migrations;
  const PcMigration *migrations = _pc_schema_migrations (&n_migrations);
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version == PC_PROJECT_SCHEMA_VERSION)
    return TRUE;
  if (version < 1)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged (it has no project format version)", self->display_name);
      return FALSE;
    }
  /* A migration writes: a file that would be refused afterwards must be
   * refused before, unchanged. */
  if (!check_schema (self, version, error))
    return FALSE;
  /* Reading never changes the file: an older project read-only is copied
   * into memory and upgraded there. */
  if (self->read_only && !copy_into_memory (self, error))
    return FALSE;
  return _pc_schema_migrate (self->db, migrations, n_migrations, error);
}

/* A folder or a symbolic link says so, rather than "empty" or SQLite's
 * "unable to open database file".  A link is not followed: SQLite would put
 * the journal beside the link, where a crash would leave it unseen by the
 * file's other names. */
static gboolean
check_kind_of_file (PcProject  *self,
                    GError    **error)
{
  GStatBuf info;

  if (g_lstat (self->path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: no such file", self->display_name);
      else
        g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: %s", self->display_name,
                     g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISLNK (info.st_mode))
    {
      g_autofree char *target = g_file_read_link (self->path, NULL);
      g_autofree char *shown = target != NULL ? g_filename_display_name (target) : g_strdup ("?");

      g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s is a symbolic link to %s: open the file "
                   "it points to instead", self->display_name, shown);
      return FALSE;
    }
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_PROJECT,
                   "%s is a folder, not a Pathcost project", self->display_name);
      return FALSE;
    }
  return TRUE;
}

PcProject *
pc_project_open_full (const char        *path,
                      PcProjectOpenFlags flags,
                      GError           **error)
{
  g_autoptr(PcProject) self = NULL;
  int sqlite_flags;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = project_new (path);
  if (!check_kind_of_file (self, error)
      || !check_header (path, self->display_name, error)
      || !_pc_project_settle_journal (path, self->display_name, &self->notice, error))
    return NULL;

  self->read_only = (flags & PC_PROJECT_OPEN_READ_ONLY) != 0;
  sqlite_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!open_connection (self, sqlite_flags, error)
      || !check_integrity (self, error)
      || !bring_up_to_date (self, error)
      || !check_schema (self, PC_PROJECT_SCHEMA_VERSION, error)
      || !_pc_project_check_values (self, error))
    return NULL;

  /* A rollback journal, never WAL: a user who copies the file alone must
   * copy the whole project. */
  if (!self->read_only)
    sqlite3_exec (self->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

PcProject *
pc_project_open (const char  *path,
                 GError     **error)
{
  return pc_project_open_full (path, PC_PROJECT_OPEN_DEFAULT, error);
}

/* Builds the new project beside its final name and renames it into place,
 * so an interrupted create never leaves a half-built project. */
PcProject *
pc_project_create (const char  *path,
                   GError     **error)
{
  g_autoptr(PcProject) building = NULL;
  g_autofree char *display = NULL;
  g_autofree char *temp_path = NULL;
  guint n_migrations;
  const PcMigration *migrations = _pc_schema_migrations (&n_migrations);
  gboolean built, full;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_EXISTS,
                   "%s already exists; choose another name or remove it first", display);
      return NULL;
    }

  temp_path = g_strdup_printf ("%s.new-%08x", path, g_random_int ());
  building = project_new (temp_path);
  built = open_connection (building, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                     | SQLITE_OPEN_EXCLUSIVE, error)
          && sqlite3_exec (building->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK
          && _pc_schema_migrate (building->db, migrations, n_migrations, error);
  full = !built && error != NULL && g_error_matches (*error, PC_ERROR, PC_ERROR_IO)
         && strstr ((*error)->message, "the disk is full") != NULL;
  g_clear_pointer (&building->db, sqlite3_close);

  if (!built)
    {
      if (full)
        {
          g_clear_error (error);
          g_set_error (error, PC_ERROR, PC_ERROR_IO,
                       "%s: could not create the project: the disk is full", display);
        }
      if (error != NULL && *error == NULL)
        g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: could not create the project", display);
      g_unlink (temp_path);
      return NULL;
    }
  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, PC_ERROR, PC_ERROR_IO, "%s: %s", display, g_strerror (saved_errno));
      return NULL;
    }
  return pc_project_open (path, error);
}

const char *
pc_project_get_notice (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return self->notice;
}

const char *
pc_project_get_path (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return self->path;
}

const char *
pc_project_get_display_name (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return self->display_name;
}

sqlite3 *
pc_project_get_db (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return self->db;
}

/* Runs "@verb pc_@level" on savepoint pc_@level; its failure is for the
 * caller to report. */
static int
exec_control (PcProject  *self,
              const char *verb,
              guint       level)
{
  g_autofree char *sql = g_strdup_printf ("%s pc_%u", verb, level);

  return sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

gboolean
pc_project_begin (PcProject  *self,
                  GError    **error)
{
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO,
                   "%s was opened read-only and cannot be changed", self->display_name);
      return FALSE;
    }
  if (self->depth == 0)
    rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  else if (sqlite3_get_autocommit (self->db))
    {
      /* SQLite ended the outer transaction itself (a full disk, an I/O
       * error): a savepoint now would start a new one nobody commits. */
      g_set_error (error, PC_ERROR, PC_ERROR_IO,
                   "%s: could not start a change: the change around it was cancelled",
                   self->display_name);
      return FALSE;
    }
  else
    rc = exec_control (self, "SAVEPOINT", self->depth + 1);
  if (rc != SQLITE_OK)
    return _pc_project_sqlite_error (self, rc, "start a change", error);
  self->depth++;
  return TRUE;
}

gboolean
pc_project_commit (PcProject  *self,
                   GError    **error)
{
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* An inner level only folds its savepoint into the outer transaction:
   * nothing reaches the file until the outermost commit. */
  if (self->depth == 1)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  else
    rc = exec_control (self, "RELEASE", self->depth);
  if (rc != SQLITE_OK)
    {
      _pc_project_sqlite_error (self, rc, "save the change", error);
      pc_project_rollback (self);
      return FALSE;
    }
  self->depth--;
  return TRUE;
}

/* After a full disk or an I/O error SQLite may leave the transaction's
 * journal hot and the file grown, to be rolled back by the next reader: a
 * process that exits now would leave the disk full and the file locked
 * against read-only opens.  A read makes SQLite play the journal back at
 * once. */
static void
finish_rollback (PcProject *self)
{
  g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);

  if (self->read_only || !g_file_test (journal, G_FILE_TEST_EXISTS))
    return;
  sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

void
pc_project_rollback (PcProject *self)
{
  g_return_if_fail (PC_IS_PROJECT (self));

  if (self->depth > 1)
    {
      /* ROLLBACK TO undoes the savepoint's work but keeps it open;
       * RELEASE then removes it, leaving the outer transaction as it was
       * before pc_project_begin. */
      exec_control (self, "ROLLBACK TO", self->depth);
      exec_control (self, "RELEASE", self->depth);
      self->depth--;
      return;
    }
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->depth = 0;
  finish_rollback (self);
}

/* The number of pc_project_begin calls still open, 0 outside a change. */
guint
_pc_project_get_depth (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  return self->depth;
}

/* fsync()s @path (a file or a folder), so a rename that follows or
 * preceded it survives a power cut. */
static gboolean
sync_path (const char *path,
           int         flags,
           int        *saved_errno)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      *saved_errno = errno;
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf info_a, info_b;

  return g_stat (a, &info_a) == 0 && g_stat (b, &info_b) == 0
         && info_a.st_dev == info_b.st_dev && info_a.st_ino == info_b.st_ino;
}

/* Copies the open database page by page into @temp_path, an empty file,
 * and leaves it in rollback-journal mode; FALSE and @reason on failure. */
static gboolean
back_up_into (PcProject   *self,
              const char  *temp_path,
              char       **reason)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (temp_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW
                                              | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (copy);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          /* The backup takes the source's header, which says WAL when a
           * read-only project was in WAL mode: a user's file never is. */
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
        }
    }
  if (rc != SQLITE_OK && _pc_project_is_disk_full (copy, rc))
    *reason = g_strdup ("the disk is full");
  else if (rc != SQLITE_OK)
    *reason = g_strdup (copy != NULL && sqlite3_errcode (copy) != SQLITE_OK
                        ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  if (sqlite3_close (copy) != SQLITE_OK && rc == SQLITE_OK)
    {
      rc = SQLITE_ERROR;
      *reason = g_strdup ("the copy could not be closed");
    }
  return rc == SQLITE_OK;
}

gboolean
pc_project_write_copy (PcProject   *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *temp_journal = NULL;
  g_autofree char *reason = NULL;
  GStatBuf info;
  int saved_errno = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (dest_path);
  if (self->depth > 0 || !sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO,
                   "cannot save to %s: a change is still being made", display);
      return FALSE;
    }
  /* Renaming over the open database would leave this connection writing
   * to a file nobody can see. */
  if (is_same_file (dest_path, self->path))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO,
                   "cannot save to %s: it is the project being copied", display);
      return FALSE;
    }

  /* Beside the destination, so the rename stays in one file system; it is
   * closed before SQLite opens it (a close() of ours later would drop
   * SQLite's locks on it), and one a crash left is removed next time. */
  folder = g_path_get_dirname (dest_path);
  temp_path = pc_temp_file_new (dest_path);
  if (temp_path == NULL)
    {
      saved_errno = errno;
      g_set_error (error, PC_ERROR, PC_ERROR_IO, "cannot save to %s: %s",
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  temp_journal = g_strconcat (temp_path, "-journal", NULL);

  /* Saving over a file keeps who may read it. */
  if (g_stat (dest_path, &info) == 0)
    g_chmod (temp_path, info.st_mode & 07777);

  ok = back_up_into (self, temp_path, &reason);
  if (ok && !sync_path (temp_path, O_RDONLY, &saved_errno))
    ok = FALSE;
  if (ok && g_rename (temp_path, dest_path) != 0)
    {
      saved_errno = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (temp_path);
      g_unlink (temp_journal);
      g_set_error (error, PC_ERROR, PC_ERROR_IO, "cannot save to %s: %s", display,
                   reason != NULL ? reason : g_strerror (saved_errno));
      return FALSE;
    }
  /* The copy is in place; without this its name may not survive a power cut. */
  if (!sync_path (folder, O_RDONLY | O_DIRECTORY, &saved_errno))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO, "cannot save to %s: %s",
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
