/* pc-file-stamp.h: what a project file on disk was when it was read or
 * written, to tell whether anything changed it since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean exists;
  guint64  device;
  guint64  inode;
  gint64   size;
  gint64   mtime_ns;
  guint32  change_counter;   /* SQLite's file change counter, header offset 24 */
} PcFileStamp;

/* Fills @stamp from the file at @path (exists FALSE when there is none). */
void     pc_file_stamp_read  (const char        *path,
                              PcFileStamp       *stamp);
gboolean pc_file_stamp_equal (const PcFileStamp *a,
                              const PcFileStamp *b);

G_END_DECLS
