/* pc-project-activity-views.c: small queries for the activity views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"
#include "config.h"

#include "pc-project-activity-views.h"
#include "pc-project-private.h"

GHashTable *
pc_project_load_site_names (PcProject  *self,
                            GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  stmt = _pc_project_prepare (self, "SELECT code, name FROM sites", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                          g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!_pc_project_finish (self, stmt, rc, "read the sites", error))
    return NULL;
  return g_steal_pointer (&names);
}

GStrv
pc_project_list_best_practice (PcProject  *self,
                               GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return _pc_project_list_names (self, "SELECT name FROM pathways "
                                 "WHERE kind = 'best_practice' ORDER BY site, name",
                                 NULL, "list the best-practice pathways", error);
}

GStrv
pc_project_list_provider_pathways (PcProject   *self,
                                   const char  *provider,
                                   GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (provider != NULL, NULL);
  return _pc_project_list_names (self, "SELECT name FROM pathways WHERE provider = ? "
                                 "ORDER BY kind = 'best_practice', site, name",
                                 provider, "list the provider's pathways", error);
}
