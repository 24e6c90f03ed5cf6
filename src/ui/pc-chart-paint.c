/* pc-chart-paint.c: paints a stacked bar chart (see pc-chart-paint.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pc-chart-paint.h"

#define RGB(r, g, b) { (r) / 255.f, (g) / 255.f, (b) / 255.f, 1.f }

/* The GNOME palette's mid tones: distinct from each other and readable on the
 * light backgrounds of slides and printed reports. */
static const GdkRGBA palette[] = {
  RGB (0x35, 0x84, 0xe4),  /* blue */
  RGB (0x33, 0xd1, 0x7a),  /* green */
  RGB (0xf6, 0xd3, 0x2d),  /* yellow */
  RGB (0xff, 0x78, 0x00),  /* orange */
  RGB (0xe0, 0x1b, 0x24),  /* red */
  RGB (0x91, 0x41, 0xac),  /* purple */
  RGB (0x98, 0x6a, 0x44),  /* brown */
  RGB (0x1a, 0x5f, 0xb4),  /* dark blue */
  RGB (0x26, 0xa2, 0x69),  /* dark green */
  RGB (0x77, 0x76, 0x7b),  /* grey */
};

/* Past ten series the palette repeats, lighter then darker, so that
 * neighbouring segments still differ. */
static void
series_colour (guint    series,
               GdkRGBA *colour)
{
  guint round_ = series / G_N_ELEMENTS (palette);

  *colour = palette[series % G_N_ELEMENTS (palette)];
  if (round_ % 3 == 1)
    {
      colour->red += (1.f - colour->red) * 0.45f;
      colour->green += (1.f - colour->green) * 0.45f;
      colour->blue += (1.f - colour->blue) * 0.45f;
    }
  else if (round_ % 3 == 2)
    {
      colour->red *= 0.6f;
      colour->green *= 0.6f;
      colour->blue *= 0.6f;
    }
}

void
pc_chart_set_source (cairo_t       *cr,
                     const GdkRGBA *colour,
                     double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
paint_axes (const PcChartData   *data,
            cairo_t             *cr,
            PangoContext        *context,
            const PcChartLayout *g,
            const GdkRGBA       *fg)
{
  const graphene_rect_t *p = &g->plot;
  double zero = round (pc_chart_layout_value_to_y (g, 0.0)) + 0.5;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < g->n_ticks; i++)
    {
      double value = g->axis_min + i * g->step;
      double y = round (pc_chart_layout_value_to_y (g, value)) + 0.5;
      g_autofree char *text = pc_axis_format_tick (value, data->unit);
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, PC_CHART_TEXT_PLAIN, 0);
      int w;
      int h;

      pc_chart_set_source (cr, fg, 0.15);
      cairo_move_to (cr, p->origin.x, y);
      cairo_line_to (cr, p->origin.x + p->size.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      pc_chart_set_source (cr, fg, 1.0);
      show_text (cr, layout, p->origin.x - PC_CHART_GAP - w, y - h / 2.0);
    }

  pc_chart_set_source (cr, fg, 0.7);
  cairo_move_to (cr, p->origin.x + 0.5, p->origin.y);
  cairo_line_to (cr, p->origin.x + 0.5, p->origin.y + p->size.height);
  cairo_stroke (cr);
  if (g->empty)
    zero = p->origin.y + p->size.height - 0.5;
  cairo_move_to (cr, p->origin.x, zero);
  cairo_line_to (cr, p->origin.x + p->size.width, zero);
  cairo_stroke (cr);
}

static void
paint_bars (const PcChartData   *data,
            cairo_t             *cr,
            const PcChartLayout *g,
            const GdkRGBA       *fg,
            int                  hover_series,
            int                  hover_category)
{
  for (guint s = 0; s < data->n_series; s++)
    {
      GdkRGBA colour;

      series_colour (s, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      for (guint c = 0; c < data->n_categories; c++)
        {
          const graphene_rect_t *r = &g->segments[(gsize) s * data->n_categories + c];

          if (r->size.height > 0)
            cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
        }
      cairo_fill (cr);
    }

  if (hover_series >= 0 && (guint) hover_series < data->n_series
      && hover_category >= 0 && (guint) hover_category < data->n_categories)
    {
      const graphene_rect_t *r =
        &g->segments[(gsize) hover_series * data->n_categories + hover_category];

      /* Inside the segment, so neighbours and the axis stay visible. */
      pc_chart_set_source (cr, fg, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, r->origin.x + 1, r->origin.y + 1,
                       MAX (0, r->size.width - 2), MAX (0, r->size.height - 2));
      cairo_stroke (cr);
    }
}

static void
paint_labels (const PcChartData   *data,
              cairo_t             *cr,
              PangoContext        *context,
              const PcChartLayout *g,
              const GdkRGBA       *fg)
{
  const graphene_rect_t *p = &g->plot;
  int w;
  int h;

  pc_chart_set_source (cr, fg, 1.0);

  for (guint c = 0; !g->empty && c < data->n_categories; c += g->label_step)
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, data->categories[c], PC_CHART_TEXT_PLAIN,
                                                 PC_CHART_LABEL_MAX_WIDTH);

      pango_layout_get_pixel_size (layout, &w, NULL);
      /* Centred under its bar, but never past the chart's edge: the last
       * year at large text would lose its end. */
      show_text (cr, layout, CLAMP (p->origin.x + (c + 0.5) * g->slot_width - w / 2.0, 0, MAX (0, g->width - w)),
                 g->labels_y);
    }

  for (guint s = 0; !g->empty && s < data->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, data->series[s], PC_CHART_TEXT_PLAIN,
                                                 pc_chart_legend_text_max (g->width));
      const graphene_point_t *at = &g->legend[s];
      GdkRGBA colour;

      pango_layout_get_pixel_size (layout, NULL, &h);
      series_colour (s, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_rectangle (cr, at->x, round (at->y + (g->legend_row_height - PC_CHART_SWATCH) / 2),
                       PC_CHART_SWATCH, PC_CHART_SWATCH);
      cairo_fill (cr);
      pc_chart_set_source (cr, fg, 1.0);
      show_text (cr, layout, at->x + PC_CHART_SWATCH + PC_CHART_SWATCH_GAP,
                 at->y + (g->legend_row_height - h) / 2);
    }

  if (pc_chart_has_text (data->title))
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, data->title, PC_CHART_TEXT_TITLE,
                                                 g->width - 2 * PC_CHART_MARGIN);

      show_text (cr, layout, PC_CHART_MARGIN, g->title_y);
    }

  if (pc_chart_has_text (data->x_label))
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, data->x_label, PC_CHART_TEXT_PLAIN,
                                                 p->size.width);

      pango_layout_get_pixel_size (layout, &w, NULL);
      show_text (cr, layout, p->origin.x + (p->size.width - w) / 2, g->x_title_y);
    }

  if (pc_chart_has_text (data->y_label))
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, data->y_label, PC_CHART_TEXT_PLAIN,
                                                 p->size.height);

      pango_layout_get_pixel_size (layout, &w, NULL);
      cairo_save (cr);
      /* Reads bottom to top, beside the axis it names. */
      cairo_translate (cr, g->y_title_x, p->origin.y + (p->size.height + w) / 2);
      cairo_rotate (cr, -G_PI / 2);
      show_text (cr, layout, 0, 0);
      cairo_restore (cr);
    }

  if (g->empty)
    {
      g_autoptr(PangoLayout) layout = pc_chart_make_text (context, _("No data"), PC_CHART_TEXT_PLAIN, 0);

      pango_layout_get_pixel_size (layout, &w, &h);
      show_text (cr, layout, p->origin.x + (p->size.width - w) / 2,
                 p->origin.y + (p->size.height - h) / 2);
    }
}

void
pc_chart_paint (cairo_t             *cr,
                PangoContext        *context,
                const PcChartData   *data,
                const PcChartLayout *layout,
                const GdkRGBA       *fg,
                int                  hover_series,
                int                  hover_category)
{
  paint_axes (data, cr, context, layout, fg);
  paint_bars (data, cr, layout, fg, hover_series, hover_category);
  paint_labels (data, cr, context, layout, fg);
}

/* Pieces the business charts (compare, tornado, fan) paint with, so that
 * they look like the stacked bar chart. */

void
pc_chart_series_colour (guint    series,
                        GdkRGBA *colour)
{
  series_colour (series, colour);
}

int
pc_chart_paint_text (cairo_t          *cr,
                     PangoContext     *context,
                     const char       *text,
                     PcChartTextStyle  style,
                     double            max_width,
                     double            x,
                     double            y,
                     double            align,
                     const GdkRGBA    *fg)
{
  g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, style, max_width);
  int w;
  int h;

  pango_layout_get_pixel_size (layout, &w, &h);
  pc_chart_set_source (cr, fg, 1.0);
  show_text (cr, layout, x - align * w, y);
  return h;
}

void
pc_chart_text_size (PangoContext     *context,
                    const char       *text,
                    PcChartTextStyle  style,
                    int              *width,
                    int              *height)
{
  g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, style, 0);

  pango_layout_get_pixel_size (layout, width, height);
}

int
pc_chart_tick_label_width (PangoContext *context,
                           double        min,
                           double        max,
                           double        step,
                           PcAxisUnit    unit)
{
  int widest = 0;

  for (double value = min; step > 0 && value <= max + step / 2; value += step)
    {
      g_autofree char *text = pc_axis_format_tick (value, unit);
      int w;

      pc_chart_text_size (context, text, PC_CHART_TEXT_PLAIN, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

void
pc_chart_paint_value_grid (cairo_t               *cr,
                           PangoContext          *context,
                           const graphene_rect_t *plot,
                           double                 min,
                           double                 max,
                           double                 step,
                           PcAxisUnit             unit,
                           gboolean               horizontal,
                           const GdkRGBA         *fg)
{
  double span = max > min ? max - min : 1.0;

  cairo_set_line_width (cr, 1.0);
  for (double value = min; step > 0 && value <= max + step / 2; value += step)
    {
      g_autofree char *text = pc_axis_format_tick (value, unit);
      double at;

      pc_chart_set_source (cr, fg, fabs (value) < step / 1000 ? 0.7 : 0.15);
      if (horizontal)
        {
          at = round (plot->origin.x + (value - min) / span * plot->size.width) + 0.5;
          cairo_move_to (cr, at, plot->origin.y);
          cairo_line_to (cr, at, plot->origin.y + plot->size.height);
          cairo_stroke (cr);
          pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, at,
                               plot->origin.y + plot->size.height + PC_CHART_GAP / 2, 0.5, fg);
        }
      else
        {
          g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, PC_CHART_TEXT_PLAIN, 0);
          int w;
          int h;

          at = round (plot->origin.y + plot->size.height - (value - min) / span * plot->size.height) + 0.5;
          cairo_move_to (cr, plot->origin.x, at);
          cairo_line_to (cr, plot->origin.x + plot->size.width, at);
          cairo_stroke (cr);
          pango_layout_get_pixel_size (layout, &w, &h);
          pc_chart_set_source (cr, fg, 1.0);
          show_text (cr, layout, plot->origin.x - PC_CHART_GAP - w, at - h / 2.0);
        }
    }
}

void
pc_chart_paint_swatch (cairo_t          *cr,
                       PangoContext     *context,
                       const GdkRGBA    *colour,
                       const char       *text,
                       double           *x,
                       double            y,
                       const GdkRGBA    *fg)
{
  int w;
  int h;

  pc_chart_text_size (context, text, PC_CHART_TEXT_PLAIN, &w, &h);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_rectangle (cr, *x, round (y + (h - PC_CHART_SWATCH) / 2), PC_CHART_SWATCH, PC_CHART_SWATCH);
  cairo_fill (cr);
  pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, *x + PC_CHART_SWATCH + PC_CHART_SWATCH_GAP,
                       y, 0, fg);
  *x += PC_CHART_SWATCH + PC_CHART_SWATCH_GAP + w + PC_CHART_LEGEND_SPACING;
}

int
pc_chart_paint_title (cairo_t       *cr,
                      PangoContext  *context,
                      const char    *text,
                      double         width,
                      const GdkRGBA *fg)
{
  g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, PC_CHART_TEXT_TITLE, 0);
  int h;

  /* Wrapped, not cut: a title names pathway, area, scenario and prices. */
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_get_pixel_size (layout, NULL, &h);
  pc_chart_set_source (cr, fg, 1.0);
  show_text (cr, layout, PC_CHART_MARGIN, PC_CHART_MARGIN);
  return h;
}

gboolean
pc_chart_paint_heading (cairo_t       *cr,
                        PangoContext  *context,
                        const char    *title,
                        gboolean       empty,
                        int            width,
                        int            height,
                        const GdkRGBA *fg,
                        double        *y)
{
  *y = PC_CHART_MARGIN;
  if (title != NULL)
    *y += pc_chart_paint_title (cr, context, title, width - 2 * PC_CHART_MARGIN, fg) + PC_CHART_GAP;
  if (empty)
    pc_chart_paint_text (cr, context, _("No data"), PC_CHART_TEXT_PLAIN, 0, width / 2.0, height / 2.0, 0.5, fg);
  return !empty;
}

double
pc_chart_paint_legend (cairo_t       *cr,
                       PangoContext  *context,
                       const char    *const *names,
                       const guint   *colours,
                       guint          n,
                       int            width,
                       double         y,
                       const GdkRGBA *fg)
{
  double x = PC_CHART_MARGIN;
  double top = y;
  int h = 0;

  for (guint i = 0; i < n; i++)
    {
      GdkRGBA colour;
      int w;

      pc_chart_text_size (context, names[i], PC_CHART_TEXT_PLAIN, &w, &h);
      if (x > PC_CHART_MARGIN && x + PC_CHART_SWATCH + PC_CHART_SWATCH_GAP + w > width - PC_CHART_MARGIN)
        {
          x = PC_CHART_MARGIN;
          y += h + PC_CHART_LEGEND_ROW_GAP;
        }
      pc_chart_series_colour (colours[i], &colour);
      pc_chart_paint_swatch (cr, context, &colour, names[i], &x, y, fg);
    }
  return y + h - top;
}

double
pc_chart_value_to_y (const graphene_rect_t *plot,
                     double                 value,
                     double                 min,
                     double                 max)
{
  double span = max > min ? max - min : 1.0;

  return plot->origin.y + plot->size.height - (value - min) / span * plot->size.height;
}

double
pc_chart_slot_x (const graphene_rect_t *plot,
                 guint                  n,
                 guint                  i)
{
  return plot->origin.x + (i + 0.5) * (plot->size.width / n);
}

void
pc_chart_paint_slot_labels (cairo_t               *cr,
                            PangoContext          *context,
                            const char    *const  *labels,
                            guint                  n,
                            const graphene_rect_t *plot,
                            const GdkRGBA         *fg)
{
  double slot = plot->size.width / n;
  int w;
  guint step;

  /* As many as fit, the first one's width apart. */
  pc_chart_text_size (context, labels[0], PC_CHART_TEXT_PLAIN, &w, NULL);
  step = MAX (1, (guint) ceil ((w + PC_CHART_GAP) / slot));
  for (guint i = 0; i < n; i += step)
    pc_chart_paint_text (cr, context, labels[i], PC_CHART_TEXT_PLAIN, 0, plot->origin.x + (i + 0.5) * slot,
                         plot->origin.y + plot->size.height + PC_CHART_GAP / 2, 0.5, fg);
}

void
pc_chart_paint_slot_line (cairo_t               *cr,
                          const graphene_rect_t *plot,
                          const double          *values,
                          guint                  n,
                          double                 min,
                          double                 max)
{
  cairo_set_line_width (cr, 2.5);
  /* Text leaves a current point: the line starts a path of its own. */
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, pc_chart_slot_x (plot, n, i), pc_chart_value_to_y (plot, values[i], min, max));
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      cairo_arc (cr, pc_chart_slot_x (plot, n, i), pc_chart_value_to_y (plot, values[i], min, max), 3.5,
                 0, 2 * G_PI);
      cairo_fill (cr);
    }
}
