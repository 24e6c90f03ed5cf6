/* pc-schema.h: the project file's schema, built by numbered migrations that
 * step forward one version at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  int         to_version;   /* user_version after this step */
  const char *sql;          /* run inside the step's transaction */
  /* then this, in the same transaction, when not NULL */
  gboolean  (*then) (sqlite3 *db, GError **error);
} PcMigration;

/* The migrations that build the current schema from an empty file. */
const PcMigration *_pc_schema_migrations (guint *n_migrations);

/* Applies every migration above the file's user_version, each in its own
 * BEGIN IMMEDIATE transaction; a failing step leaves the file as the previous
 * step left it.  Exposed with its table so tests can exercise the mechanism. */
gboolean _pc_schema_migrate (sqlite3            *db,
                             const PcMigration  *migrations,
                             guint               n_migrations,
                             GError            **error);

/* The tables a project must have; any other table, or any trigger or view,
 * marks a file that was not written by Pathcost. */
const char * const *_pc_schema_tables (void);

G_END_DECLS
