/* pc-file-stamp.c: a file's identity, size, modification time and SQLite
 * change counter.  The time alone can miss a change: a file system may
 * keep whole seconds, and a project changed in place keeps its size.
 * SQLite increments the change counter in the header with every committed
 * write in rollback-journal mode, so a change by another program (the
 * CLI's set, another window) shows there even in the same second; a file
 * replaced by rename (a Save elsewhere) has another inode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "pc-file-stamp.h"

void
pc_file_stamp_read (const char  *path,
                    PcFileStamp *stamp)
{
  GStatBuf info;
  guint8 header[28];
  FILE *file;

  g_return_if_fail (path != NULL && stamp != NULL);

  memset (stamp, 0, sizeof *stamp);
  if (g_stat (path, &info) != 0)
    return;
  stamp->exists = TRUE;
  stamp->device = info.st_dev;
  stamp->inode = info.st_ino;
  stamp->size = info.st_size;
  stamp->mtime_ns = (gint64) info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + info.st_mtim.tv_nsec;
  /* Read with stdio and closed at once: never while SQLite has this file
   * open in this process (the close would drop its locks); callers stamp
   * the user's file, which only a save copies onto. */
  file = g_fopen (path, "rb");
  if (file != NULL)
    {
      if (fread (header, 1, sizeof header, file) == sizeof header)
        stamp->change_counter = ((guint32) header[24] << 24) | ((guint32) header[25] << 16)
                                | ((guint32) header[26] << 8) | header[27];
      fclose (file);
    }
}

gboolean
pc_file_stamp_equal (const PcFileStamp *a,
                     const PcFileStamp *b)
{
  return a->exists == b->exists && a->device == b->device && a->inode == b->inode
         && a->size == b->size && a->mtime_ns == b->mtime_ns
         && a->change_counter == b->change_counter;
}
