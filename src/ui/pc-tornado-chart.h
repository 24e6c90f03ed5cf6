/* pc-tornado-chart.h: the one-way sensitivity as a tornado: one row per
 * parameter, largest swing first, the total cost at its low and at its
 * high value either side of the base, each end labelled with the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-sensitivity.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;       /* the parameter as a person reads it */
  double      total_low;
  double      total_high;
  const char *low_text;    /* the low value tried, as shown */
  const char *high_text;
} PcTornadoBar;

#define PC_TYPE_TORNADO_CHART (pc_tornado_chart_get_type ())
G_DECLARE_FINAL_TYPE (PcTornadoChart, pc_tornado_chart, PC, TORNADO_CHART, GtkWidget)

GtkWidget  *pc_tornado_chart_new       (void);
/* Copies everything; @n_bars 0 clears the chart. */
void        pc_tornado_chart_set_data  (PcTornadoChart     *self,
                                        const char         *title,
                                        double              base,
                                        const PcTornadoBar *bars,
                                        guint               n_bars);
const char *pc_tornado_chart_get_title (PcTornadoChart     *self);
const char *pc_tornado_chart_get_description (PcTornadoChart *self);
/* The bars shown, largest swing first. */
guint       pc_tornado_chart_get_n_bars (PcTornadoChart    *self);
void        pc_tornado_chart_get_bar   (PcTornadoChart     *self,
                                        guint               index,
                                        PcTornadoBar       *bar);
void        pc_tornado_chart_paint     (cairo_t            *cr,
                                        PangoContext       *context,
                                        int                 width,
                                        int                 height,
                                        gpointer            self);
gboolean    pc_tornado_chart_save      (PcTornadoChart     *self,
                                        const char         *path,
                                        int                 width,
                                        int                 height,
                                        GError            **error);

/* The @max_bars largest swings of @one_way (NULL clears the chart). */
void        pc_tornado_chart_set_one_way  (PcTornadoChart       *self,
                                           const char           *title,
                                           const PcOneWay       *one_way,
                                           guint                 max_bars);
/* "Unit cost of Mastectomy", "Share diagnosed at stage 4"; a value tried
 * as "£4,000.00", "12.5%", "×0.9". */
char       *pc_tornado_describe_parameter (const PcOneWayResult *parameter);
char       *pc_tornado_format_value       (const PcOneWayResult *parameter,
                                           double                value);

G_END_DECLS
