/* pc-chart-layout.h: where everything in a stacked bar chart goes, as pure
 * geometry from its data, its size and its font: no widget, no painting,
 * so it can be computed for the screen or a file and tested alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <graphene.h>
#include <pango/pango.h>

#include "pc-axis.h"

G_BEGIN_DECLS

/* Sizes in pixels, chosen so that 1366×768 on a projector stays legible. */
#define PC_CHART_MARGIN          12.0
#define PC_CHART_GAP              8.0
#define PC_CHART_SWATCH          12.0
#define PC_CHART_SWATCH_GAP       6.0
#define PC_CHART_LEGEND_SPACING  20.0
#define PC_CHART_LEGEND_ROW_GAP   4.0
#define PC_CHART_TICK_SPACING    56.0   /* about this much between gridlines */
#define PC_CHART_LABEL_MAX_WIDTH 160.0  /* longer category names are ellipsized */
#define PC_CHART_BAR_FILL         0.7   /* share of a category's slot the bar takes */
#define PC_CHART_BAR_MAX_WIDTH   96.0


/* What a chart shows; the strings and values belong to the caller. */
typedef struct
{
  const char          *title;
  const char          *x_label;
  const char          *y_label;
  PcAxisUnit           unit;
  const char * const  *categories;
  guint                n_categories;
  const char * const  *series;
  guint                n_series;
  const double        *values;        /* n_series × n_categories, by series */
} PcChartData;

typedef enum
{
  PC_CHART_TEXT_PLAIN,
  PC_CHART_TEXT_TITLE,
} PcChartTextStyle;

/* Everything the painting and the hit-testing need, computed once per size
 * so that the pointer is tested against exactly what was drawn. */
typedef struct
{
  int               width;
  int               height;
  gboolean          empty;            /* no categories: axes and "No data" */
  graphene_rect_t   plot;
  double            axis_min;
  double            axis_max;
  double            step;
  guint             n_ticks;
  double            title_y;
  double            legend_row_height;
  graphene_point_t *legend;           /* n_series: each entry's top-left */
  double            slot_width;
  double            bar_width;
  guint             label_step;       /* a label every label_step categories */
  double            labels_y;
  double            x_title_y;
  double            y_title_x;
  guint             n_categories;
  graphene_rect_t  *segments;         /* n_series × n_categories, as values */
} PcChartLayout;

PcChartLayout *pc_chart_layout_new        (const PcChartData   *data,
                                          PangoContext        *context,
                                          int                  width,
                                          int                  height);
void           pc_chart_layout_free       (PcChartLayout       *layout);
double         pc_chart_layout_value_to_y (const PcChartLayout *layout,
                                          double               value);
/* The segment under (@x, @y), FALSE when there is none. */
gboolean       pc_chart_layout_hit_test   (const PcChartLayout *layout,
                                          const PcChartData   *data,
                                          double               x,
                                          double               y,
                                          guint               *series,
                                          guint               *category);
const graphene_rect_t *
               pc_chart_layout_segment    (const PcChartLayout *layout,
                                          guint                series,
                                          guint                category);

/* A value as stacked: a missing (non-finite) figure counts as zero. */
double         pc_chart_data_value        (const PcChartData   *data,
                                          guint                series,
                                          guint                category);
double         pc_chart_data_category_total (const PcChartData *data,
                                          guint                category);

/* Text as the chart sets it; @max_width > 0 ellipsizes longer text. */
PangoLayout   *pc_chart_make_text         (PangoContext        *context,
                                          const char          *text,
                                          PcChartTextStyle     style,
                                          double               max_width);
gboolean       pc_chart_has_text          (const char          *text);
double         pc_chart_legend_text_max   (int                  width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcChartLayout, pc_chart_layout_free)

G_END_DECLS
