/* pc-box-plot.h: horizontal box plots of cost per patient, one row per
 * item: the box from Q1 to Q3, the median as a bar across it, the mean as
 * a dot and the pathway's expected cost as a diamond, each row labelled
 * with its count of patients, rows grouped under headings.  Drawn with cairo; a screen reader gets
 * every row's figures as the description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *group;      /* a heading above the first item of each group; may be NULL */
  const char *label;
  guint64     count;
  double      q1;
  double      median;
  double      q3;
  double      mean;
  double      expected;   /* NAN when there is no pathway to expect from */
} PcBoxPlotItem;

#define PC_TYPE_BOX_PLOT (pc_box_plot_get_type ())
G_DECLARE_FINAL_TYPE (PcBoxPlot, pc_box_plot, PC, BOX_PLOT, GtkWidget)

GtkWidget  *pc_box_plot_new             (void);
/* Copies @items. */
void        pc_box_plot_set_items       (PcBoxPlot           *self,
                                         const PcBoxPlotItem *items,
                                         guint                n_items);
guint       pc_box_plot_get_n_items     (PcBoxPlot           *self);
/* What a screen reader is told: every row's count and figures. */
char       *pc_box_plot_describe        (PcBoxPlot           *self);

G_END_DECLS
