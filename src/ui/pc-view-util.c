/* pc-view-util.c: pieces the views share (see pc-view-util.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-view-util.h"

void
pc_view_dispose_template (GtkWidget *widget,
                          GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

void
pc_view_fill_strings (GtkStringList *list,
                      const char    *first,
                      GStrv          names)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  if (first != NULL)
    g_strv_builder_add (builder, first);
  if (names != NULL)
    g_strv_builder_addv (builder, (const char **) names);
  all = g_strv_builder_end (builder);
  gtk_string_list_splice (list, 0, old, (const char * const *) all);
}

gboolean
pc_view_select_string (GtkDropDown   *drop_down,
                       GtkStringList *list,
                       const char    *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), text) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return TRUE;
      }
  return FALSE;
}

void
pc_view_show_warning (GtkLabel   *label,
                      const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}
