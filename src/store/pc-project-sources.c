/* pc-project-sources.c: where every figure came from.  Each import leaves a
 * record (kind, file name, SHA-256, rows, time and the publication the
 * user named); a table that holds rows no record accounts for was filled
 * before records were kept, and says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"

/* The table each kind of import fills, for "source not recorded". */
static const struct
{
  const char *kind;
  const char *table;
} kind_tables[] = {
  { "tariffs", "tariffs" }, { "providers", "providers" }, { "areas", "areas" },
  { "area_groups", "area_groups" }, { "population", "population" },
  { "population_ons", "population" }, { "sites", "sites" }, { "incidence", "incidence" },
  { "stages", "stages" }, { "survival", "survival" }, { "pathway_steps", "pathway_steps" },
  { "scenario_changes", "scenario_changes" },
  { "scenario_investments", "scenario_investments" }, { "activity", "activity" },
};

void
pc_source_free (PcSource *source)
{
  if (source == NULL)
    return;
  g_free (source->kind);
  g_free (source->table);
  g_free (source->file_name);
  g_free (source->sha256);
  g_free (source->imported_at);
  g_free (source->source);
  g_free (source);
}

static const char *
table_of_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_tables); i++)
    if (strcmp (kind_tables[i].kind, kind) == 0)
      return kind_tables[i].table;
  return kind;
}

gboolean
pc_project_record_import (PcProject   *self,
                          const char  *kind,
                          const char  *file_name,
                          const char  *sha256,
                          guint64      rows,
                          const char  *source,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = _pc_project_prepare (self, "INSERT INTO imports (kind, file_name, sha256, "
                                            "rows, imported_at, source) VALUES (?, ?, ?, ?, ?, ?)",
                                            kind, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) rows);
  sqlite3_bind_text (stmt, 5, when, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, source != NULL ? source : "", -1, SQLITE_TRANSIENT);
  return _pc_project_finish (self, stmt, sqlite3_step (stmt), "record the import", error);
}

static PcSource *
read_record (sqlite3_stmt *stmt)
{
  PcSource *source = g_new0 (PcSource, 1);
  const char *text = (const char *) sqlite3_column_text (stmt, 5);

  source->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  source->table = g_strdup (table_of_kind (source->kind));
  source->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  source->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  source->rows = (guint64) sqlite3_column_int64 (stmt, 3);
  source->imported_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  source->source = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  return source;
}

static gboolean
table_has_rows (PcProject  *self,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 1", table);
  g_auto(GStrv) any = _pc_project_list_names (self, sql, NULL, "", NULL);

  return any != NULL && any[0] != NULL;
}

static gboolean
table_is_recorded (GPtrArray  *sources,
                   const char *table)
{
  for (guint i = 0; i < sources->len; i++)
    if (strcmp (((PcSource *) g_ptr_array_index (sources, i))->table, table) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
pc_project_list_sources (PcProject  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_source_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT kind, file_name, sha256, rows, imported_at, source "
                              "FROM imports ORDER BY id DESC", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sources, read_record (stmt));
  if (!_pc_project_finish (self, stmt, rc, "read its import records", error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kind_tables); i++)
    {
      PcSource *unrecorded;

      if (strcmp (kind_tables[i].kind, kind_tables[i].table) != 0
          || table_is_recorded (sources, kind_tables[i].table)
          || !table_has_rows (self, kind_tables[i].table))
        continue;
      unrecorded = g_new0 (PcSource, 1);
      unrecorded->kind = g_strdup (kind_tables[i].kind);
      unrecorded->table = g_strdup (kind_tables[i].table);
      g_ptr_array_add (sources, unrecorded);
    }
  return g_steal_pointer (&sources);
}

char *
pc_project_get_last_source (PcProject  *self,
                            const char *kind)
{
  g_auto(GStrv) last = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  last = _pc_project_list_names (self, "SELECT source FROM imports WHERE kind = ? "
                                 "AND source != '' ORDER BY id DESC LIMIT 1", kind, "", NULL);
  return last != NULL && last[0] != NULL ? g_strdup (last[0]) : NULL;
}
