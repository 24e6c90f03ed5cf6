/* pc-row-list.h: a reference table of a project (tariffs, population, …) as
 * a GListModel of PcRow, read lazily so that a million rows cost only their
 * row ids until they are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-project.h"
#include "pc-row.h"

G_BEGIN_DECLS

#define PC_TYPE_ROW_LIST (pc_row_list_get_type ())
G_DECLARE_FINAL_TYPE (PcRowList, pc_row_list, PC, ROW_LIST, GObject)

/* The tables a PcRowList can show, NULL-terminated, in the order a user
 * meets them: tariffs, providers, areas, population, sites, incidence,
 * stages, survival. */
const char * const *pc_row_list_get_tables        (void);

/* Fails with PC_ERROR_INVALID for a table that is not one of those, and
 * with the project's own errors when reading it fails. */
PcRowList   *pc_row_list_new                (PcProject   *project,
                                             const char  *table,
                                             GError     **error);
PcProject   *pc_row_list_get_project        (PcRowList   *self);
const char  *pc_row_list_get_table          (PcRowList   *self);
guint        pc_row_list_get_n_columns      (PcRowList   *self);
/* A translated title for the column's header. */
const char  *pc_row_list_get_column_title   (PcRowList   *self,
                                             guint        column);
/* TRUE for figures, which a table aligns right. */
gboolean     pc_row_list_column_is_numeric  (PcRowList   *self,
                                             guint        column);
/* The first failure to read rows since the last (re)load, or NULL; such
 * rows show empty cells.  Property "read-error" announces it. */
const GError *pc_row_list_get_read_error    (PcRowList   *self);
/* Reads the table again (after an import) and announces the change as one
 * items-changed over the whole list, and forgets the read error.  On
 * failure the list is unchanged. */
gboolean     pc_row_list_reload             (PcRowList   *self,
                                             GError     **error);
/* The store sorts and filters (ORDER BY, WHERE … LIKE), so a table of
 * millions of rows is never sorted in memory.  Both reload the list;
 * on failure nothing changes.  Properties "sort-column",
 * "sort-descending" and "filter" announce the result. */
gboolean     pc_row_list_set_order          (PcRowList   *self,
                                             int          column,
                                             gboolean     descending,
                                             GError     **error);
gboolean     pc_row_list_set_filter         (PcRowList   *self,
                                             const char  *text,
                                             GError     **error);
const char  *pc_row_list_get_filter         (PcRowList   *self);

G_END_DECLS
