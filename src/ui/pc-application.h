/* pc-application.h: the Pathcost application: one window per project file,
 * settings, recent files and the application-wide actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PC_TYPE_APPLICATION (pc_application_get_type ())
G_DECLARE_FINAL_TYPE (PcApplication, pc_application, PC, APPLICATION, AdwApplication)

PcApplication *pc_application_new               (void);
GSettings     *pc_application_get_settings      (PcApplication *self);
/* The bundled sample project, or NULL when it cannot be found. */
char          *pc_application_find_sample       (void);
/* Opens @path in a window of its own (or the empty one), raising the
 * window that already has it open. */
void           pc_application_open_path        (PcApplication *self,
                                                 const char    *path);
/* Most recent first; the list GSettings keeps. */
void           pc_application_note_recent       (PcApplication *self,
                                                 const char    *path);
/* Creates the settings object, from the build folder's compiled schema
 * when the schema is not installed. */
GSettings     *pc_settings_new                  (void);

G_END_DECLS
