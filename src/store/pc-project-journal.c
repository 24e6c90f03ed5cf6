/* pc-project-journal.c: a rollback journal left beside a project by a
 * write that never finished (a kill, a crash, a power cut, a full disk).
 *
 * SQLite calls a journal "hot" when it exists, its first byte is not zero,
 * the database is not empty and no connection holds a RESERVED lock on the
 * database (a writer at work).  A read-write connection then plays the
 * journal back before it reads anything; a read-only one cannot, and every
 * statement fails with "attempt to write a readonly database".  So before
 * any open we look for a hot journal ourselves, under a SHARED lock taken
 * through SQLite's own file handle (SQLITE_FCNTL_FILE_POINTER: our own
 * open()/close() of the database would drop SQLite's POSIX locks), and roll
 * it back with a short read-write connection where the file can be written.
 *
 * SQLite plays any "-journal" beside the file, even one copied from
 * another database, and the playback first truncates the file to the size
 * the journal's header gives and writes its pages over ours.  A journal
 * carries no identity of its database (its nonce is random, for its
 * checksums only), so we test what must hold for a journal of this file:
 * - the journal header's magic, and a page size equal to the database's
 *   (SQLite would otherwise adopt the journal's page size);
 * - page 1, which every transaction that grows the file or reaches its
 *   commit journals (the change counter and the page count live there):
 *   its saved copy must be a Pathcost project with our page size, and the
 *   database's change counter must be the copy's or one more (one
 *   transaction increments it once);
 * - a journal that holds no valid page at all never let the database be
 *   written (the page count is synced into the header first), so the file
 *   must still have the size the header gives, else playback would cut it.
 * A journal that fails is renamed aside (never deleted: it is not ours to
 * destroy) and the user told.  SQLITE_FCNTL_HAS_MOVED is no help here: it
 * says whether the database file was renamed or unlinked while open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-project-private.h"

#define JOURNAL_HEADER_SIZE 28

static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

static guint32
be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
         | ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static guint32
page_size_of (const guint8 *db_header)
{
  guint32 size = ((guint32) db_header[16] << 8) | db_header[17];

  return size == 1 ? 65536 : size;
}

static gboolean
read_at (FILE   *file,
         gint64  offset,
         guint8 *buffer,
         gsize   length)
{
  return fseeko (file, offset, SEEK_SET) == 0 && fread (buffer, 1, length, file) == length;
}

/* Whether the journal at @journal_path can be the journal of the database
 * whose first 100 bytes are @db_header and whose size is @db_size. */
static gboolean
journal_belongs (const char   *journal_path,
                 const guint8 *db_header,
                 gint64        db_size)
{
  FILE *file = g_fopen (journal_path, "rb");
  guint8 header[JOURNAL_HEADER_SIZE];
  guint32 n_records, nonce, initial_pages, sector, page_size;
  g_autofree guint8 *record = NULL;
  GStatBuf info;
  gint64 offset, record_size;
  guint n_valid = 0;
  gboolean belongs = FALSE, seen_page_1 = FALSE;

  if (file == NULL)
    return FALSE;
  if (g_stat (journal_path, &info) != 0 || !read_at (file, 0, header, sizeof header)
      || memcmp (header, journal_magic, sizeof journal_magic) != 0)
    goto out;
  n_records = be32 (header + 8);
  nonce = be32 (header + 12);
  initial_pages = be32 (header + 16);
  sector = be32 (header + 20);
  page_size = be32 (header + 24);
  if (page_size != page_size_of (db_header) || sector < 512 || sector > 65536
      || (sector & (sector - 1)) != 0)
    goto out;

  record_size = 4 + (gint64) page_size + 4;
  if (n_records == 0xffffffff)
    n_records = (info.st_size - sector) / record_size;
  record = g_malloc (record_size);
  belongs = TRUE;
  for (offset = sector; n_valid < n_records; offset += record_size, n_valid++)
    {
      guint32 sum = nonce, page_number;

      if (!read_at (file, offset, record, record_size))
        break;
      for (gint64 i = page_size - 200; i > 0; i -= 200)
        sum += record[4 + i];
      if (sum != be32 (record + 4 + page_size))
        break;   /* where SQLite's playback would stop too */
      page_number = be32 (record);
      if (page_number == 1)
        {
          const guint8 *copy = record + 4;
          guint32 counter = be32 (copy + 24), now = be32 (db_header + 24);

          seen_page_1 = TRUE;
          belongs = memcmp (copy, "SQLite format 3", 16) == 0
                    && be32 (copy + 68) == PC_PROJECT_APPLICATION_ID
                    && page_size_of (copy) == page_size
                    && (now == counter || now == counter + 1);
          break;
        }
    }
  if (!seen_page_1)
    belongs = n_valid > 0 || (guint64) db_size == (guint64) initial_pages * page_size;

out:
  fclose (file);
  return belongs;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/* Opens @path read-write just long enough for SQLite to play its journal. */
static gboolean
roll_back (const char  *path,
           const char  *display_name,
           GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_busy_timeout (db, 1500);
      rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode (db);
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        g_set_error (error, PC_ERROR, PC_ERROR_IN_USE,
                     "%s is in use by another program (close it there and try again)",
                     display_name);
      else
        g_set_error (error, PC_ERROR, PC_ERROR_IO,
                     "%s: could not undo a change that was interrupted: %s", display_name,
                     _pc_project_is_disk_full (db, rc) ? "the disk is full"
                     : db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

typedef enum
{
  JOURNAL_NONE,      /* nothing to do: no journal, or not hot */
  JOURNAL_OURS,      /* hot and belongs to the file */
  JOURNAL_FOREIGN,   /* hot and from elsewhere: set aside */
} JournalState;

/* Looks at the journal under a SHARED lock on the database, as SQLite
 * does, and sets a foreign one aside while the lock keeps writers out. */
static JournalState
inspect (const char  *path,
         const char  *journal_path,
         char       **aside_path,
         int         *rename_errno)
{
  sqlite3 *db = NULL;
  sqlite3_file *file = NULL;
  guint8 db_header[100];
  int reserved = 0;
  JournalState state = JOURNAL_NONE;
  GStatBuf info, journal_info;
  FILE *stream;
  int first = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK
      || sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK
      || file == NULL || file->pMethods == NULL)
    goto out;
  /* A writer past RESERVED (committing) holds PENDING or EXCLUSIVE: then
   * this fails, and the open that follows waits or says "in use". */
  if (file->pMethods->xLock (file, SQLITE_LOCK_SHARED) != SQLITE_OK)
    goto out;
  if (file->pMethods->xCheckReservedLock (file, &reserved) == SQLITE_OK && !reserved
      && g_stat (path, &info) == 0 && info.st_size >= (gint64) sizeof db_header
      && g_stat (journal_path, &journal_info) == 0 && journal_info.st_size > 0
      && (stream = g_fopen (journal_path, "rb")) != NULL)
    {
      first = fgetc (stream);
      fclose (stream);
      if (first > 0 && file->pMethods->xRead (file, db_header, sizeof db_header, 0) == SQLITE_OK)
        {
          if (journal_belongs (journal_path, db_header, info.st_size))
            state = JOURNAL_OURS;
          else
            {
              g_autoptr(GDateTime) now = g_date_time_new_now_local ();
              g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

              state = JOURNAL_FOREIGN;
              *aside_path = g_strdup_printf ("%s.set-aside-%s", journal_path, stamp);
              if (g_rename (journal_path, *aside_path) != 0)
                *rename_errno = errno;
            }
        }
    }
  file->pMethods->xUnlock (file, SQLITE_LOCK_NONE);
out:
  sqlite3_close (db);
  return state;
}

gboolean
_pc_project_settle_journal (const char  *path,
                            const char  *display_name,
                            char       **notice,
                            GError     **error)
{
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  g_autofree char *aside_path = NULL;
  int rename_errno = 0;
  GStatBuf info;

  if (g_lstat (journal_path, &info) != 0)
    return TRUE;
  switch (inspect (path, journal_path, &aside_path, &rename_errno))
    {
    case JOURNAL_NONE:
      return TRUE;
    case JOURNAL_FOREIGN:
      {
        g_autofree char *journal_name = g_filename_display_basename (journal_path);
        g_autofree char *aside_name = g_filename_display_basename (aside_path);

        if (rename_errno != 0)
          {
            g_set_error (error, PC_ERROR, PC_ERROR_IO,
                         "%s: the file %s beside it is a journal of another database and "
                         "could not be moved away (%s): move it elsewhere and open the "
                         "project again", display_name, journal_name, g_strerror (rename_errno));
            return FALSE;
          }
        *notice = g_strdup_printf ("%s: the file %s beside it is a journal of another "
                                   "database; it was set aside as %s, the project is unchanged",
                                   display_name, journal_name, aside_name);
        return TRUE;
      }
    case JOURNAL_OURS:
    default:
      break;
    }
  if (!can_write (path))
    {
      g_autofree char *journal_name = g_filename_display_basename (journal_path);

      g_set_error (error, PC_ERROR, PC_ERROR_IO,
                   "%s: a change to it was interrupted and must be undone before it can be "
                   "read, but the file or its folder is read-only: make both writable (or copy "
                   "the file together with %s into a folder you can write) and open it again",
                   display_name, journal_name);
      return FALSE;
    }
  if (!roll_back (path, display_name, error))
    return FALSE;
  *notice = g_strdup_printf ("%s: a change that was interrupted (by a crash, a kill or a "
                             "full disk) was undone; the project is as its last complete "
                             "change left it", display_name);
  return TRUE;
}
