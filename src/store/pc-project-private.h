/* pc-project-private.h: what the store's own files share beyond
 * pc-project.h: statement helpers, the checks on open and the handling of a
 * left-over journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-activity-tally.h"
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

/* The activity summaries (pc-project-activity.c), always written in the
 * transaction that changed the activity: from @tally, finished, fed every
 * record of the activity … */
gboolean     _pc_activity_write_summaries   (sqlite3         *db,
                                             PcActivityTally *tally,
                                             GError         **error);
/* … or from the activity's rows, read in patient order. */
gboolean     _pc_activity_summarise         (sqlite3         *db,
                                             GError         **error);
/* Feeds @tally (not sorted) the activity's rows in file order, so that an
 * append may go on tallying; it stops early when they come apart. */
gboolean     _pc_activity_tally_rows        (sqlite3         *db,
                                             PcActivityTally *tally,
                                             GError         **error);

/* Compliance for several providers (the risk register's). */
GPtrArray   *_pc_project_compliance_by_provider (PcProject          *self,
                                                 const char         *pathway,
                                                 const char * const *providers,
                                                 GError            **error);

/* How many pc_project_begin calls are still open: 0 outside a change. */
guint        _pc_project_get_depth          (PcProject     *self);
/* The first column of every row @sql returns, @bound (when not NULL) bound
 * to its first parameter. */
GStrv        _pc_project_list_names         (PcProject     *self,
                                             const char    *sql,
                                             const char    *bound,
                                             const char    *doing,
                                             GError       **error);
/* Sets a PC_ERROR_NOT_FOUND naming @name and the pathways there are. */
gboolean     _pc_project_set_not_found_pathway (PcProject  *self,
                                                const char *name,
                                                GError    **error);

/* Ends the change begun (pc_project_begin) for an edit: committed when
 * @ok, else undone and FALSE (the edit's @error already set). */
gboolean     _pc_project_end_change         (PcProject     *self,
                                             gboolean       ok,
                                             GError       **error);

/* Prepares @sql, binding @bound (when not NULL) to its first parameter. */
sqlite3_stmt *_pc_project_prepare           (PcProject     *self,
                                             const char    *sql,
                                             const char    *bound,
                                             GError       **error);
/* Finalizes @stmt after a row loop that ended with @rc: SQLITE_DONE is
 * success, anything else an error while @doing. */
gboolean     _pc_project_finish             (PcProject     *self,
                                             sqlite3_stmt  *stmt,
                                             int            rc,
                                             const char    *doing,
                                             GError       **error);
/* Steps a prepared @stmt that returns no rows once and resets it (and its
 * bindings) for the next: a writer's statements are prepared once and run
 * per row.  Anything but SQLITE_DONE is an error while @doing. */
gboolean     _pc_project_step_reset         (PcProject     *self,
                                             sqlite3_stmt  *stmt,
                                             const char    *doing,
                                             GError       **error);
/* Runs @sql once, @first and @second (when not NULL) bound as ?1 and ?2. */
gboolean     _pc_project_run                (PcProject     *self,
                                             const char    *sql,
                                             const char    *first,
                                             const char    *second,
                                             const char    *doing,
                                             GError       **error);
/* Turns an SQLite failure into a PcError with a message for the user. */
gboolean     _pc_project_sqlite_error       (PcProject    *self,
                                             int           rc,
                                             const char   *doing,
                                             GError      **error);

G_END_DECLS
