/* pc-template.h: what the views built from a template whose top widget is
 * not bound share when they go away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Disposes @widget's template of @type, then unparents the children the
 * template does not bind (its top widget), which it leaves behind. */
void pc_template_dispose (GtkWidget *widget,
                          GType      type);

G_END_DECLS
