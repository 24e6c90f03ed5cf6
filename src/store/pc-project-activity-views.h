/* pc-project-activity-views.h: what the window's activity views ask of a
 * project besides the analyses themselves: sites by name, the pathways a
 * compliance or unit-cost view can be about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-project.h"

G_BEGIN_DECLS

/* Site code → name, for every site. */
GHashTable *pc_project_load_site_names        (PcProject   *self,
                                               GError     **error);
/* Names of the best-practice pathways, by site then name. */
GStrv       pc_project_list_best_practice     (PcProject   *self,
                                               GError     **error);
/* Names of the pathways of @provider, current ones first, each kind by
 * site then name. */
GStrv       pc_project_list_provider_pathways (PcProject   *self,
                                               const char  *provider,
                                               GError     **error);

G_END_DECLS
