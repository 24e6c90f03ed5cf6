/* pc-fan-chart.h: the probabilistic sensitivity by year: the mean cost as
 * a line inside its 95% interval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PC_TYPE_FAN_CHART (pc_fan_chart_get_type ())
G_DECLARE_FINAL_TYPE (PcFanChart, pc_fan_chart, PC, FAN_CHART, GtkWidget)

GtkWidget  *pc_fan_chart_new       (void);
/* Copies everything; @n_years 0 clears the chart. */
void        pc_fan_chart_set_data  (PcFanChart          *self,
                                    const char          *title,
                                    const char * const  *years,
                                    guint                n_years,
                                    const double        *mean,
                                    const double        *low,
                                    const double        *high);
const char *pc_fan_chart_get_title (PcFanChart          *self);
const char *pc_fan_chart_get_description (PcFanChart    *self);
/* The years shown and each one's mean and interval. */
guint       pc_fan_chart_get_n_years (PcFanChart        *self);
void        pc_fan_chart_get_year  (PcFanChart          *self,
                                    guint                index,
                                    double              *mean,
                                    double              *low,
                                    double              *high);
void        pc_fan_chart_paint     (cairo_t             *cr,
                                    PangoContext        *context,
                                    int                  width,
                                    int                  height,
                                    gpointer             self);
gboolean    pc_fan_chart_save      (PcFanChart          *self,
                                    const char          *path,
                                    int                  width,
                                    int                  height,
                                    GError             **error);

G_END_DECLS
