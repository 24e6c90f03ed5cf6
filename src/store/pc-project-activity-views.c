/* pc-project-activity-views.c: small queries for the activity views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"
#include "config.h"

#include "pc-project-activity-views.h"
#include "pc-project-private.h"

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
