/* pc-temp-file.h: the temporary files Save and export write beside their
 * target before renaming them into place, named so that one left behind by
 * a crash is recognised and removed by the next save or export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates an empty file ".BASE.pc-PID-XXXXXX" beside @target (0666 less
 * the umask) and returns its path; NULL with errno set on failure.  First
 * removes those files (and their -journal) of earlier processes that no
 * longer run: a crash during a save or an export leaves one of full size. */
char     *pc_temp_file_new         (const char  *target);
/* Whether @name (a file name, no folder) is one of ours for @target's base
 * name whose process is gone. */
gboolean  pc_temp_file_is_stale    (const char  *target_base,
                                    const char  *name);

G_END_DECLS
