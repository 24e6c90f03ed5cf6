/* pc-project-private.h: what the project's own files share beyond
 * pc-project.h: the checks on open and the handling of a left-over journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project.h"

G_BEGIN_DECLS

/* Every listed column of every table has a value of its type and range, as
 * an import would have written it, and so has every setting; else a
 * PC_ERROR_DAMAGED naming the table and row (pc-project-check.c). */
gboolean _pc_project_check_values   (PcProject   *self,
                                     GError     **error);
/* @text (from the file) as a message quotes it: UTF-8, one line, cut at
 * 40 characters. */
char    *_pc_project_shown_text     (const char  *text);
/* Every setting pc-project-read.c knows holds a value in its range. */
gboolean _pc_project_check_settings (PcProject   *self,
                                     GError     **error);

/* Deals with a rollback journal left beside @path by an interrupted write,
 * before the project is opened (pc-project-journal.c): one that belongs to
 * the file is rolled back where the file can be written, one that does not
 * is renamed out of SQLite's way.  @notice gets a one-line message for the
 * user when something was done; FALSE and @error when the file cannot be
 * opened until the user acts. */
gboolean _pc_project_settle_journal (const char  *path,
                                     const char  *display_name,
                                     char       **notice,
                                     GError     **error);

/* The error for a failed write: "the disk is full" when it is. */
gboolean _pc_project_is_disk_full   (sqlite3     *db,
                                     int          rc);

G_END_DECLS
