/* pc-chart-layout.c: a stacked bar chart's geometry (see pc-chart-layout.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pc-chart-layout.h"

void
pc_chart_layout_free (PcChartLayout *layout)
{
  g_free (layout->legend);
  g_free (layout->segments);
  g_free (layout);
}

/* Text */

/* @max_width > 0 ellipsizes longer text, so one long name cannot push the
 * rest of the chart off the picture. */
PangoLayout *
pc_chart_make_text (PangoContext     *context,
                    const char       *text,
                    PcChartTextStyle  style,
                    double            max_width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (style == PC_CHART_TEXT_TITLE)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (1.25));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (max_width > 0)
    {
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width > max_width)
        {
          pango_layout_set_width (layout, (int) (MAX (1, max_width) * PANGO_SCALE));
          /* A title at large text on a narrow chart wraps rather than
           * lose its end; labels keep one line. */
          if (style == PC_CHART_TEXT_TITLE)
            pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          else
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  return layout;
}

static void
text_size (PangoContext     *context,
           const char       *text,
           PcChartTextStyle  style,
           double            max_width,
           int              *width,
           int              *height)
{
  g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, style, max_width);

  pango_layout_get_pixel_size (layout, width, height);
}

gboolean
pc_chart_has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Data */

double
pc_chart_data_category_total (const PcChartData *data,
                              guint              category)
{
  double total = 0.0;

  for (guint s = 0; s < data->n_series; s++)
    total += pc_chart_data_value (data, s, category);
  return total;
}

/* Geometry */

double
pc_chart_legend_text_max (int width)
{
  return width - 2 * PC_CHART_MARGIN - PC_CHART_SWATCH - PC_CHART_SWATCH_GAP;
}

double
pc_chart_layout_value_to_y (const PcChartLayout *g,
                            double               value)
{
  double span = g->axis_max - g->axis_min;

  return g->plot.origin.y + g->plot.size.height * (g->axis_max - value) / span;
}

double
pc_chart_data_value (const PcChartData *data,
                     guint              series,
                     guint              category)
{
  double value = data->values[(gsize) series * data->n_categories + category];

  /* A missing figure draws nothing rather than poisoning the scale. */
  return isfinite (value) ? value : 0.0;
}

static void
data_range (const PcChartData *data,
            double            *min,
            double            *max)
{
  *min = 0.0;
  *max = 0.0;
  for (guint c = 0; c < data->n_categories; c++)
    {
      double above = 0.0;
      double below = 0.0;

      for (guint s = 0; s < data->n_series; s++)
        {
          double value = pc_chart_data_value (data, s, c);

          if (value > 0)
            above += value;
          else
            below += value;
        }
      *max = MAX (*max, above);
      *min = MIN (*min, below);
    }
}

/* The title and the legend, which wraps into rows across the full width;
 * returns where the plot may start. */
static double
place_title_and_legend (PcChartLayout     *g,
                        const PcChartData *data,
                        PangoContext      *context,
                        int                line)
{
  double top = PC_CHART_MARGIN;
  double left = PC_CHART_MARGIN;
  double right = g->width - PC_CHART_MARGIN;
  int w;
  int h;

  g->title_y = top;
  if (pc_chart_has_text (data->title))
    {
      text_size (context, data->title, PC_CHART_TEXT_TITLE, g->width - 2 * PC_CHART_MARGIN, NULL, &h);
      top += h + PC_CHART_GAP;
    }
  if (data->n_series > 0 && !g->empty)
    {
      double x = left;
      double y = top;

      g->legend_row_height = MAX (line, PC_CHART_SWATCH);
      for (guint s = 0; s < data->n_series; s++)
        {
          double entry;

          text_size (context, data->series[s], PC_CHART_TEXT_PLAIN, pc_chart_legend_text_max (g->width), &w, NULL);
          entry = PC_CHART_SWATCH + PC_CHART_SWATCH_GAP + w;
          if (x > left && x + entry > right)
            {
              x = left;
              y += g->legend_row_height + PC_CHART_LEGEND_ROW_GAP;
            }
          g->legend[s] = GRAPHENE_POINT_INIT (x, y);
          x += entry + PC_CHART_LEGEND_SPACING;
        }
      top = y + g->legend_row_height + PC_CHART_GAP;
    }
  /* Room for the top tick label, centred on its gridline. */
  return top + line / 2.0;
}

/* The value axis between @top and the category labels, and the plot
 * beside its widest tick label. */
static void
place_axes (PcChartLayout     *g,
            const PcChartData *data,
            PangoContext      *context,
            int                line,
            double             top)
{
  double bottom = g->height - PC_CHART_MARGIN;
  double left = PC_CHART_MARGIN;
  double right = g->width - PC_CHART_MARGIN;
  double plot_left;
  double plot_bottom;
  double data_min;
  double data_max;
  double widest_tick = 0.0;
  int w;

  if (pc_chart_has_text (data->x_label))
    {
      g->x_title_y = bottom - line;
      bottom -= line + PC_CHART_GAP;
    }
  g->labels_y = bottom - line;
  /* A full gap: the lowest tick label hangs half a line below the axis. */
  plot_bottom = bottom - line - PC_CHART_GAP;
  if (plot_bottom - top < 1)
    plot_bottom = top + 1;

  data_range (data, &data_min, &data_max);
  pc_axis_nice (data_min, data_max,
                (guint) CLAMP ((plot_bottom - top) / PC_CHART_TICK_SPACING, 2, 10),
                data->unit == PC_AXIS_COUNT ? 1.0 : 0.0,
                &g->axis_min, &g->axis_max, &g->step);
  g->n_ticks = g->empty ? 0 : (guint) round ((g->axis_max - g->axis_min) / g->step) + 1;
  for (guint i = 0; i < g->n_ticks; i++)
    {
      g_autofree char *text = pc_axis_format_tick (g->axis_min + i * g->step, data->unit);

      text_size (context, text, PC_CHART_TEXT_PLAIN, 0, &w, NULL);
      widest_tick = MAX (widest_tick, w);
    }

  g->y_title_x = left;
  if (pc_chart_has_text (data->y_label))
    left += line + PC_CHART_GAP;
  plot_left = round (left + widest_tick + PC_CHART_GAP);
  g->plot = GRAPHENE_RECT_INIT (plot_left, round (top),
                                MAX (1, round (right) - plot_left),
                                MAX (1, round (plot_bottom) - round (top)));
}

/* Each category's segments, stacked up from zero for gains and down for
 * refunds, in whole pixels so that neighbours never overlap. */
static void
place_bar (PcChartLayout     *g,
           const PcChartData *data,
           guint              c)
{
  double x = round (g->plot.origin.x + (c + 0.5) * g->slot_width - g->bar_width / 2);
  double above = 0.0;
  double below = 0.0;

  for (guint s = 0; s < data->n_series; s++)
    {
      double value = pc_chart_data_value (data, s, c);
      double from;
      double to;

      if (value >= 0)
        {
          from = round (pc_chart_layout_value_to_y (g, above + value));
          to = round (pc_chart_layout_value_to_y (g, above));
          above += value;
        }
      else
        {
          from = round (pc_chart_layout_value_to_y (g, below));
          to = round (pc_chart_layout_value_to_y (g, below + value));
          below += value;
        }
      g->segments[(gsize) s * data->n_categories + c] = GRAPHENE_RECT_INIT (x, from, g->bar_width, to - from);
    }
}

PcChartLayout *
pc_chart_layout_new (const PcChartData *data,
                     PangoContext      *context,
                     int                width,
                     int                height)
{
  PcChartLayout *g = g_new0 (PcChartLayout, 1);
  double widest_label = 0.0;
  int line;
  int w;

  g->width = width;
  g->height = height;
  g->empty = data->n_categories == 0;
  g->n_categories = data->n_categories;
  g->legend = g_new0 (graphene_point_t, MAX (data->n_series, 1));
  g->segments = g_new0 (graphene_rect_t, MAX ((gsize) data->n_series * data->n_categories, 1));

  text_size (context, "Ag", PC_CHART_TEXT_PLAIN, 0, NULL, &line);
  place_axes (g, data, context, line, place_title_and_legend (g, data, context, line));
  if (g->empty)
    return g;

  g->slot_width = g->plot.size.width / data->n_categories;
  g->bar_width = MAX (1, round (MIN (g->slot_width * PC_CHART_BAR_FILL, PC_CHART_BAR_MAX_WIDTH)));
  for (guint c = 0; c < data->n_categories; c++)
    {
      place_bar (g, data, c);
      text_size (context, data->categories[c], PC_CHART_TEXT_PLAIN, PC_CHART_LABEL_MAX_WIDTH, &w, NULL);
      widest_label = MAX (widest_label, MIN (w, PC_CHART_LABEL_MAX_WIDTH));
    }

  /* Skip labels rather than let them overlap: twenty "2026/27" in a narrow
   * window show every second or third year. */
  g->label_step = MAX (1, (guint) ceil ((widest_label + PC_CHART_GAP) / g->slot_width));
  return g;
}

gboolean
pc_chart_layout_hit_test (const PcChartLayout *g,
                          const PcChartData   *data,
                          double               x,
                          double               y,
                          guint               *series,
                          guint               *category)
{
  double slot;
  guint c;

  if (g == NULL || g->empty || data->n_series == 0)
    return FALSE;
  slot = (x - g->plot.origin.x) / g->slot_width;
  if (slot < 0 || slot >= data->n_categories)
    return FALSE;
  c = (guint) slot;
  for (guint s = 0; s < data->n_series; s++)
    {
      const graphene_rect_t *r = &g->segments[(gsize) s * data->n_categories + c];

      if (r->size.height > 0
          && x >= r->origin.x && x < r->origin.x + r->size.width
          && y >= r->origin.y && y < r->origin.y + r->size.height)
        {
          *series = s;
          *category = c;
          return TRUE;
        }
    }
  return FALSE;
}

const graphene_rect_t *
pc_chart_layout_segment (const PcChartLayout *layout,
                         guint                series,
                         guint                category)
{
  return &layout->segments[(gsize) series * layout->n_categories + category];
}
