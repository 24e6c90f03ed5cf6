/* pc-grid-table.h: small tables of figures laid out in a GtkGrid: headings
 * in bold, money right-aligned with tabular digits, every cell selectable
 * so a figure can be copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       pc_grid_table_clear    (GtkGrid            *grid);
GtkWidget *pc_grid_table_cell     (const char         *text,
                                   gboolean            numeric,
                                   gboolean            heading);
/* Appends a row: texts[0] left-aligned, the rest right-aligned. */
void       pc_grid_table_add_row  (GtkGrid            *grid,
                                   int                 row,
                                   const char * const *texts,
                                   gboolean            heading);
/* Sets the text at (row, column), reusing the label there: rebuilding a
 * table on every keystroke would cost more than computing it. */
void       pc_grid_table_set_text (GtkGrid            *grid,
                                   int                 row,
                                   int                 column,
                                   const char         *text,
                                   gboolean            numeric,
                                   gboolean            heading);
/* Removes the cells at or beyond @n_rows or @n_columns. */
void       pc_grid_table_trim     (GtkGrid            *grid,
                                   int                 n_rows,
                                   int                 n_columns);
/* The text at (row, column), NULL when there is none. */
const char *pc_grid_table_get_text (GtkGrid           *grid,
                                    int                row,
                                    int                column);

G_END_DECLS
