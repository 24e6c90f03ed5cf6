/* pc-settings-view.h: the project's settings page: discount rate, inflation,
 * the base years and the risk register's tolerances, each an undoable edit
 * of the project saved with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_SETTINGS_VIEW (pc_settings_view_get_type ())

G_DECLARE_FINAL_TYPE (PcSettingsView, pc_settings_view, PC, SETTINGS_VIEW, GtkWidget)

GtkWidget  *pc_settings_view_new          (void);
void        pc_settings_view_set_document (PcSettingsView *self,
                                           PcDocument     *document);
/* Types @text into the field of setting @key (a rate as a percentage, a year
 * as YYYY) and commits it as leaving the field does; FALSE (and the reason
 * shown beside the field) when refused. */
gboolean    pc_settings_view_enter        (PcSettingsView *self,
                                           const char     *key,
                                           const char     *text);
/* What the field of @key shows. */
const char *pc_settings_view_get_text     (PcSettingsView *self,
                                           const char     *key);
/* The reason shown for a refused value of @key, NULL when none. */
const char *pc_settings_view_get_error    (PcSettingsView *self,
                                           const char     *key);

G_END_DECLS
