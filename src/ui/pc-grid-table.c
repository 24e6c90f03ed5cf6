/* pc-grid-table.c: tables of figures in a GtkGrid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-grid-table"
#include "config.h"

#include "pc-grid-table.h"

void
pc_grid_table_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

GtkWidget *
pc_grid_table_cell (const char *text,
                    gboolean    numeric,
                    gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels take focus; Tab should move between controls. */
  gtk_widget_set_focusable (label, FALSE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

void
pc_grid_table_add_row (GtkGrid            *grid,
                       int                 row,
                       const char * const *texts,
                       gboolean            heading)
{
  for (int c = 0; texts[c] != NULL; c++)
    gtk_grid_attach (grid, pc_grid_table_cell (texts[c], c > 0, heading), c, row, 1, 1);
}

const char *
pc_grid_table_get_text (GtkGrid *grid,
                        int      row,
                        int      column)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

  return cell != NULL && GTK_IS_LABEL (cell) ? gtk_label_get_text (GTK_LABEL (cell)) : NULL;
}

void
pc_grid_table_set_text (GtkGrid    *grid,
                        int         row,
                        int         column,
                        const char *text,
                        gboolean    numeric,
                        gboolean    heading)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

  if (cell == NULL || !GTK_IS_LABEL (cell)
      || gtk_widget_has_css_class (cell, "heading") != heading
      || gtk_widget_has_css_class (cell, "numeric") != numeric)
    {
      if (cell != NULL)
        gtk_grid_remove (grid, cell);
      gtk_grid_attach (grid, pc_grid_table_cell (text, numeric, heading), column, row, 1, 1);
      return;
    }
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (cell)), text) != 0)
    gtk_label_set_text (GTK_LABEL (cell), text);
}

void
pc_grid_table_trim (GtkGrid *grid,
                    int      n_rows,
                    int      n_columns)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int row, column;

      gtk_grid_query_child (grid, child, &column, &row, NULL, NULL);
      if (row >= n_rows || column >= n_columns)
        gtk_grid_remove (grid, child);
      child = next;
    }
}
