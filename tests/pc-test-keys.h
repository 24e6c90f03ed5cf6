/* pc-test-keys.h: real key events for the GUI tests, and the widgets they
 * press keys on, found by what they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presses and releases @keyval with @modifiers (Shift, Control, Alt) as a
 * keyboard would, through the X server (XTest), to @window, which gets the
 * X input focus first; returns when GTK has handled the events. */
void pc_test_key  (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers);
/* Types @text (printable ASCII) into whatever has the focus in @window. */
void pc_test_type (GtkWindow       *window,
                   const char      *text);

typedef gboolean (*PcTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);
/* The first widget under @root (itself included), depth first, that
 * @match accepts; NULL if none. */
GtkWidget *pc_test_find_widget (GtkWidget         *root,
                                PcTestWidgetMatch  match,
                                gconstpointer      data);

G_END_DECLS
