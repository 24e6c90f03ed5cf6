/* pc-providers-view.h: the providers of a site side by side, for the
 * patients of an area or group (docs/MODEL.md, "Providers side by side").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-chart.h"
#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_PROVIDERS_VIEW (pc_providers_view_get_type ())
G_DECLARE_FINAL_TYPE (PcProvidersView, pc_providers_view, PC, PROVIDERS_VIEW, GtkWidget)

GtkWidget  *pc_providers_view_new          (void);
void        pc_providers_view_set_document (PcProvidersView *self,
                                            PcDocument      *document);
/* The site and place chosen (NULL when there is none), for the pack. */
const char *pc_providers_view_get_site     (PcProvidersView *self);
const char *pc_providers_view_get_place    (PcProvidersView *self);
/* Chooses by code; FALSE when the project has no such site or place. */
gboolean    pc_providers_view_select       (PcProvidersView *self,
                                            const char      *site,
                                            const char      *place);
/* The table as shown: row 0 the providers' names, then one row per figure
 * (column 0 its label); NULL past the table. */
const char *pc_providers_view_get_text     (PcProvidersView *self,
                                            int              row,
                                            int              column);
PcChart    *pc_providers_view_get_chart    (PcProvidersView *self);

G_END_DECLS
