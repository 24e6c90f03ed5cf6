/* pc-activity-util.c: names, choices and shading for the activity views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-activity-util.h"
#include "pc-grid-table.h"
#include "pc-labels.h"
#include "pc-project-activity-views.h"
#include "pc-scenario-choice.h"

const char *
pc_activity_name_of (GHashTable *names,
                     const char *code)
{
  const char *name = names != NULL && code != NULL ? g_hash_table_lookup (names, code) : NULL;

  return name != NULL && *name != '\0' ? name : code;
}

GtkDropDown *
pc_activity_choice_new (const char *accessible_label)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *[]) { NULL }));
  g_autoptr(GtkListItemFactory) shown = pc_choice_label_factory_new (-1, 26);
  g_autoptr(GtkListItemFactory) listed = pc_choice_label_factory_new (-1, -1);

  /* A long provider's name is cut short on the button, whole in the list:
   * the bar of choices fits a window 1024 pixels wide. */
  gtk_drop_down_set_factory (drop_down, shown);
  gtk_drop_down_set_list_factory (drop_down, listed);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), accessible_label);
  gtk_widget_set_valign (GTK_WIDGET (drop_down), GTK_ALIGN_CENTER);
  return drop_down;
}

/* The codes ride along as object data of the model they name: the model
 * and its codes are replaced together, never one without the other. */
#define CODES_KEY "pc-activity-codes"

void
pc_activity_choice_fill (GtkDropDown *drop_down,
                         const char  *all_label,
                         GStrv        codes,
                         GHashTable  *names)
{
  g_autofree char *kept = g_strdup (pc_activity_choice_get (drop_down));
  g_autoptr(GStrvBuilder) all_codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (all_label != NULL)
    {
      gtk_string_list_append (labels, all_label);
      g_strv_builder_add (all_codes, "");
    }
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      gtk_string_list_append (labels, pc_activity_name_of (names, codes[i]));
      g_strv_builder_add (all_codes, codes[i]);
    }
  g_object_set_data_full (G_OBJECT (labels), CODES_KEY, g_strv_builder_end (all_codes),
                          (GDestroyNotify) g_strfreev);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  if (kept == NULL || !pc_activity_choice_select (drop_down, kept))
    gtk_drop_down_set_selected (drop_down, 0);
}

const char *
pc_activity_choice_get (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GStrv codes = model != NULL ? g_object_get_data (G_OBJECT (model), CODES_KEY) : NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (codes)
      || codes[selected][0] == '\0')
    return NULL;
  return codes[selected];
}

gboolean
pc_activity_choice_select (GtkDropDown *drop_down,
                           const char  *code)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  GStrv codes = model != NULL ? g_object_get_data (G_OBJECT (model), CODES_KEY) : NULL;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code != NULL ? code : "") == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return TRUE;
      }
  return FALSE;
}

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
pc_activity_sorted_keys (GHashTable *names)
{
  g_autofree gpointer *keys = names != NULL ? g_hash_table_get_keys_as_array (names, NULL) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sorted = NULL;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    g_strv_builder_add (builder, keys[i]);
  sorted = g_strv_builder_end (builder);
  qsort (sorted, g_strv_length (sorted), sizeof (char *), compare_codes);
  return g_steal_pointer (&sorted);
}

GtkWidget *
pc_activity_shaded_cell (const char *text,
                         double      fraction)
{
  GtkWidget *cell = pc_grid_table_cell (text, TRUE, FALSE);
  g_autofree char *shade = NULL;

  gtk_widget_add_css_class (cell, "pc-cell");
  if (isfinite (fraction))
    {
      shade = g_strdup_printf ("pc-shade-%d", (int) round (CLAMP (fraction, 0.0, 1.0) * 5));
      gtk_widget_add_css_class (cell, shade);
    }
  return cell;
}

GtkWidget *
pc_activity_page_new (GtkWidget *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_parent (box, view);
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 12, NULL);
  return box;
}

GtkGrid *
pc_activity_matrix_append (GtkWidget  *box,
                           const char *accessible_label)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_grid_set_column_spacing (grid, 2);
  gtk_grid_set_row_spacing (grid, 2);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "pc-matrix");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return grid;
}

GtkWidget *
pc_activity_note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

char *
pc_activity_format_share (double share)
{
  return isfinite (share) ? g_strdup_printf ("%.1f%%", share * 100) : g_strdup ("—");
}

GtkWidget *
pc_activity_labelled (const char *text,
                      GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  return box;
}

/* A view reads the project again when it changes, at once if it is on
 * screen, else when it is next shown: five views that each read on every
 * edit would make each edit slower. */
#define REFRESH_KEY "pc-activity-refresh"
#define STALE_KEY "pc-activity-stale"

static void
on_view_map (GtkWidget *view)
{
  PcActivityRefresh refresh = g_object_get_data (G_OBJECT (view), REFRESH_KEY);

  if (g_object_get_data (G_OBJECT (view), STALE_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (view), STALE_KEY, NULL);
      refresh (view);
    }
}

static void
on_document_changed (PcDocument *document,
                     PcChange    scope,
                     GtkWidget  *view)
{
  if (g_object_get_data (G_OBJECT (view), PC_ACTIVITY_EDITING_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (view), STALE_KEY, GINT_TO_POINTER (TRUE));
  if (gtk_widget_get_mapped (view))
    on_view_map (view);
}

void
pc_activity_follow_document (GtkWidget         *view,
                             PcDocument       **slot,
                             PcDocument        *document,
                             PcActivityRefresh  refresh)
{
  if (g_object_get_data (G_OBJECT (view), REFRESH_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (view), REFRESH_KEY, refresh);
      g_signal_connect (view, "map", G_CALLBACK (on_view_map), NULL);
    }
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_document_changed, view);
  g_set_object (slot, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), view, 0);
  g_object_set_data (G_OBJECT (view), STALE_KEY, GINT_TO_POINTER (TRUE));
  if (gtk_widget_get_mapped (view) || document == NULL)
    {
      g_object_set_data (G_OBJECT (view), STALE_KEY, NULL);
      refresh (view);
    }
}

GHashTable *
pc_activity_describe_pathways (PcProject          *project,
                               const char * const *names,
                               gboolean            with_provider)
{
  g_autoptr(GHashTable) sites = pc_project_load_site_names (project, NULL);
  GHashTable *described = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, names[i], NULL);

      if (pathway == NULL)
        continue;
      if (with_provider)
        g_hash_table_insert (described, g_strdup (names[i]), pc_project_describe_pathway (project, pathway));
      else
        g_hash_table_insert (described, g_strdup (names[i]),
                             g_strdup_printf ("%s, %s", pc_activity_name_of (sites, pathway->site),
                                              pc_kind_label (pathway->kind)));
    }
  return described;
}

void
pc_activity_wrap_column (GtkGrid *grid,
                         int      column,
                         int      max_chars)
{
  for (int row = 0; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    {
      GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

      if (GTK_IS_LABEL (cell))
        {
          gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (cell), max_chars);
        }
    }
}
