/* pc-view-util.h: small pieces the views share: the teardown of a
 * template whose top widget is not bound, drop-downs of strings and the
 * warning line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Disposes @widget's template of @type, then unparents the children the
 * template does not bind (its top widget), which it leaves behind. */
void     pc_view_dispose_template (GtkWidget     *widget,
                                   GType          type);

/* Replaces @list's strings by @first (when not NULL) and then @names. */
void     pc_view_fill_strings     (GtkStringList *list,
                                   const char    *first,
                                   GStrv          names);

/* Selects @text in @drop_down showing @list; FALSE when it is not there. */
gboolean pc_view_select_string    (GtkDropDown   *drop_down,
                                   GtkStringList *list,
                                   const char    *text);

/* Shows @text in @label, hiding the label when there is none. */
void     pc_view_show_warning     (GtkLabel      *label,
                                   const char    *text);

G_END_DECLS
