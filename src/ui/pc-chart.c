/* pc-chart.c: PcChart, a stacked bar chart (one bar per category, stacked by
 * series) for the costing and projection views.  One drawing function serves
 * the screen and the PNG, SVG and PDF exports, so what a finance team sees on
 * the projector is what lands in their report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-chart"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pc-axis.h"
#include "pc-chart.h"
#include "pc-chart-private.h"
#include "pc-error.h"
#include "pc-format.h"

/* Sizes in pixels, chosen so that 1366×768 on a projector stays legible. */
#define MARGIN          12.0
#define GAP              8.0
#define SWATCH          12.0
#define SWATCH_GAP       6.0
#define LEGEND_SPACING  20.0
#define LEGEND_ROW_GAP   4.0
#define TICK_SPACING    56.0   /* about this much between gridlines */
#define LABEL_MAX_WIDTH 160.0  /* longer category names are ellipsized */
#define BAR_FILL         0.7   /* share of a category's slot the bar takes */
#define BAR_MAX_WIDTH   96.0
#define MIN_WIDTH      320
#define MIN_HEIGHT     220

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
  graphene_rect_t  *segments;         /* n_series × n_categories, as values */
} PcChartLayout;

typedef enum
{
  TEXT_PLAIN,
  TEXT_TITLE,
} TextStyle;

struct _PcChart
{
  GtkWidget         parent_instance;

  char             *title;
  char             *x_label;
  char             *y_label;
  PcChartValueKind  kind;

  char            **categories;
  guint             n_categories;
  char            **series;
  guint             n_series;
  double           *values;

  guint64           draw_count;
  /* Set while pc_chart_save() draws: file colours, no hover outline. */
  gboolean          exporting;
  int               hover_series;
  int               hover_category;
  PcChartLayout    *geometry;         /* of the last on-screen draw */
};

G_DEFINE_FINAL_TYPE (PcChart, pc_chart, GTK_TYPE_WIDGET)

static void
chart_layout_free (PcChartLayout *layout)
{
  g_free (layout->legend);
  g_free (layout->segments);
  g_free (layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcChartLayout, chart_layout_free)

/* Numbers */

/* Text */

/* @max_width > 0 ellipsizes longer text, so one long name cannot push the
 * rest of the chart off the picture. */
static PangoLayout *
make_text (PangoContext *context,
           const char   *text,
           TextStyle     style,
           double        max_width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (style == TEXT_TITLE)
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
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  return layout;
}

static void
text_size (PangoContext *context,
           const char   *text,
           TextStyle     style,
           double        max_width,
           int          *width,
           int          *height)
{
  g_autoptr(PangoLayout) layout = make_text (context, text, style, max_width);

  pango_layout_get_pixel_size (layout, width, height);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* Geometry */

static double
legend_text_max (int width)
{
  return width - 2 * MARGIN - SWATCH - SWATCH_GAP;
}

static double
value_to_y (const PcChartLayout *g,
            double               value)
{
  double span = g->axis_max - g->axis_min;

  return g->plot.origin.y + g->plot.size.height * (g->axis_max - value) / span;
}

static double
stack_value (PcChart *self,
             guint    series,
             guint    category)
{
  double value = self->values[(gsize) series * self->n_categories + category];

  /* A missing figure draws nothing rather than poisoning the scale. */
  return isfinite (value) ? value : 0.0;
}

static void
data_range (PcChart *self,
            double  *min,
            double  *max)
{
  *min = 0.0;
  *max = 0.0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      double above = 0.0;
      double below = 0.0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = stack_value (self, s, c);

          if (value > 0)
            above += value;
          else
            below += value;
        }
      *max = MAX (*max, above);
      *min = MIN (*min, below);
    }
}

static PcChartLayout *
chart_layout_new (PcChart      *self,
                  PangoContext *context,
                  int           width,
                  int           height)
{
  PcChartLayout *g = g_new0 (PcChartLayout, 1);
  double top = MARGIN;
  double bottom = height - MARGIN;
  double left = MARGIN;
  double right = width - MARGIN;
  double plot_left;
  double plot_bottom;
  double data_min;
  double data_max;
  double widest_tick = 0.0;
  double widest_label = 0.0;
  int line;
  int w;
  int h;

  g->width = width;
  g->height = height;
  g->empty = self->n_categories == 0;
  g->legend = g_new0 (graphene_point_t, MAX (self->n_series, 1));
  g->segments = g_new0 (graphene_rect_t, MAX ((gsize) self->n_series * self->n_categories, 1));

  text_size (context, "Ag", TEXT_PLAIN, 0, NULL, &line);

  g->title_y = top;
  if (has_text (self->title))
    {
      text_size (context, self->title, TEXT_TITLE, width - 2 * MARGIN, NULL, &h);
      top += h + GAP;
    }

  /* The legend wraps into rows across the full width. */
  if (self->n_series > 0 && !g->empty)
    {
      double x = left;
      double y = top;

      g->legend_row_height = MAX (line, SWATCH);
      for (guint s = 0; s < self->n_series; s++)
        {
          double entry;

          text_size (context, self->series[s], TEXT_PLAIN, legend_text_max (width), &w, NULL);
          entry = SWATCH + SWATCH_GAP + w;
          if (x > left && x + entry > right)
            {
              x = left;
              y += g->legend_row_height + LEGEND_ROW_GAP;
            }
          g->legend[s] = GRAPHENE_POINT_INIT (x, y);
          x += entry + LEGEND_SPACING;
        }
      top = y + g->legend_row_height + GAP;
    }
  /* Room for the top tick label, centred on its gridline. */
  top += line / 2.0;

  if (has_text (self->x_label))
    {
      g->x_title_y = bottom - line;
      bottom -= line + GAP;
    }
  g->labels_y = bottom - line;
  /* A full gap: the lowest tick label hangs half a line below the axis. */
  plot_bottom = bottom - line - GAP;
  if (plot_bottom - top < 1)
    plot_bottom = top + 1;

  data_range (self, &data_min, &data_max);
  pc_axis_nice (data_min, data_max,
                       (guint) CLAMP ((plot_bottom - top) / TICK_SPACING, 2, 10),
                       self->kind == PC_CHART_COUNT ? 1.0 : 0.0,
                       &g->axis_min, &g->axis_max, &g->step);
  g->n_ticks = g->empty ? 0 : (guint) round ((g->axis_max - g->axis_min) / g->step) + 1;
  for (guint i = 0; i < g->n_ticks; i++)
    {
      g_autofree char *text = pc_axis_format_tick (g->axis_min + i * g->step, (PcAxisUnit) self->kind);

      text_size (context, text, TEXT_PLAIN, 0, &w, NULL);
      widest_tick = MAX (widest_tick, w);
    }

  g->y_title_x = left;
  if (has_text (self->y_label))
    left += line + GAP;
  plot_left = round (left + widest_tick + GAP);
  g->plot = GRAPHENE_RECT_INIT (plot_left, round (top),
                                MAX (1, round (right) - plot_left),
                                MAX (1, round (plot_bottom) - round (top)));

  if (g->empty)
    return g;

  g->slot_width = g->plot.size.width / self->n_categories;
  g->bar_width = MAX (1, round (MIN (g->slot_width * BAR_FILL, BAR_MAX_WIDTH)));
  for (guint c = 0; c < self->n_categories; c++)
    {
      double x = round (g->plot.origin.x + (c + 0.5) * g->slot_width - g->bar_width / 2);
      double above = 0.0;
      double below = 0.0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = stack_value (self, s, c);
          graphene_rect_t *segment = &g->segments[(gsize) s * self->n_categories + c];
          double from;
          double to;

          if (value >= 0)
            {
              from = round (value_to_y (g, above + value));
              to = round (value_to_y (g, above));
              above += value;
            }
          else
            {
              from = round (value_to_y (g, below));
              to = round (value_to_y (g, below + value));
              below += value;
            }
          *segment = GRAPHENE_RECT_INIT (x, from, g->bar_width, to - from);
        }

      text_size (context, self->categories[c], TEXT_PLAIN, LABEL_MAX_WIDTH, &w, NULL);
      widest_label = MAX (widest_label, MIN (w, LABEL_MAX_WIDTH));
    }

  /* Skip labels rather than let them overlap: twenty "2026/27" in a narrow
   * window show every second or third year. */
  g->label_step = MAX (1, (guint) ceil ((widest_label + GAP) / g->slot_width));
  return g;
}

static gboolean
geometry_is_current (PcChart             *self,
                     const PcChartLayout *g)
{
  return g != NULL
         && g->width == gtk_widget_get_width (GTK_WIDGET (self))
         && g->height == gtk_widget_get_height (GTK_WIDGET (self));
}

/* The geometry of the widget at its current size: the last draw's, or the
 * same computation again if the widget has not been drawn at this size. */
static const PcChartLayout *
ensure_geometry (PcChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return NULL;
  if (!geometry_is_current (self, self->geometry))
    {
      g_clear_pointer (&self->geometry, chart_layout_free);
      self->geometry = chart_layout_new (self, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                         width, height);
    }
  return self->geometry;
}

static gboolean
hit_test (PcChart *self,
          double   x,
          double   y,
          guint   *series,
          guint   *category)
{
  const PcChartLayout *g = ensure_geometry (self);
  double slot;
  guint c;

  if (g == NULL || g->empty || self->n_series == 0)
    return FALSE;
  slot = (x - g->plot.origin.x) / g->slot_width;
  if (slot < 0 || slot >= self->n_categories)
    return FALSE;
  c = (guint) slot;
  for (guint s = 0; s < self->n_series; s++)
    {
      const graphene_rect_t *r = &g->segments[(gsize) s * self->n_categories + c];

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

/* Painting */

static void
set_colour (cairo_t       *cr,
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
paint_axes (PcChart             *self,
            cairo_t             *cr,
            PangoContext        *context,
            const PcChartLayout *g,
            const GdkRGBA       *fg)
{
  const graphene_rect_t *p = &g->plot;
  double zero = round (value_to_y (g, 0.0)) + 0.5;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < g->n_ticks; i++)
    {
      double value = g->axis_min + i * g->step;
      double y = round (value_to_y (g, value)) + 0.5;
      g_autofree char *text = pc_axis_format_tick (value, (PcAxisUnit) self->kind);
      g_autoptr(PangoLayout) layout = make_text (context, text, TEXT_PLAIN, 0);
      int w;
      int h;

      set_colour (cr, fg, 0.15);
      cairo_move_to (cr, p->origin.x, y);
      cairo_line_to (cr, p->origin.x + p->size.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      set_colour (cr, fg, 1.0);
      show_text (cr, layout, p->origin.x - GAP - w, y - h / 2.0);
    }

  set_colour (cr, fg, 0.7);
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
paint_bars (PcChart             *self,
            cairo_t             *cr,
            const PcChartLayout *g,
            const GdkRGBA       *fg)
{
  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA colour;

      series_colour (s, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      for (guint c = 0; c < self->n_categories; c++)
        {
          const graphene_rect_t *r = &g->segments[(gsize) s * self->n_categories + c];

          if (r->size.height > 0)
            cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
        }
      cairo_fill (cr);
    }

  if (!self->exporting && self->hover_series >= 0
      && (guint) self->hover_series < self->n_series
      && (guint) self->hover_category < self->n_categories)
    {
      const graphene_rect_t *r =
        &g->segments[(gsize) self->hover_series * self->n_categories + self->hover_category];

      /* Inside the segment, so neighbours and the axis stay visible. */
      set_colour (cr, fg, 1.0);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, r->origin.x + 1, r->origin.y + 1,
                       MAX (0, r->size.width - 2), MAX (0, r->size.height - 2));
      cairo_stroke (cr);
    }
}

static void
paint_labels (PcChart             *self,
              cairo_t             *cr,
              PangoContext        *context,
              const PcChartLayout *g,
              const GdkRGBA       *fg)
{
  const graphene_rect_t *p = &g->plot;
  int w;
  int h;

  set_colour (cr, fg, 1.0);

  for (guint c = 0; !g->empty && c < self->n_categories; c += g->label_step)
    {
      g_autoptr(PangoLayout) layout = make_text (context, self->categories[c], TEXT_PLAIN,
                                                 LABEL_MAX_WIDTH);

      pango_layout_get_pixel_size (layout, &w, NULL);
      show_text (cr, layout, p->origin.x + (c + 0.5) * g->slot_width - w / 2.0, g->labels_y);
    }

  for (guint s = 0; !g->empty && s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = make_text (context, self->series[s], TEXT_PLAIN,
                                                 legend_text_max (g->width));
      const graphene_point_t *at = &g->legend[s];
      GdkRGBA colour;

      pango_layout_get_pixel_size (layout, NULL, &h);
      series_colour (s, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_rectangle (cr, at->x, round (at->y + (g->legend_row_height - SWATCH) / 2),
                       SWATCH, SWATCH);
      cairo_fill (cr);
      set_colour (cr, fg, 1.0);
      show_text (cr, layout, at->x + SWATCH + SWATCH_GAP,
                 at->y + (g->legend_row_height - h) / 2);
    }

  if (has_text (self->title))
    {
      g_autoptr(PangoLayout) layout = make_text (context, self->title, TEXT_TITLE,
                                                 g->width - 2 * MARGIN);

      show_text (cr, layout, MARGIN, g->title_y);
    }

  if (has_text (self->x_label))
    {
      g_autoptr(PangoLayout) layout = make_text (context, self->x_label, TEXT_PLAIN,
                                                 p->size.width);

      pango_layout_get_pixel_size (layout, &w, NULL);
      show_text (cr, layout, p->origin.x + (p->size.width - w) / 2, g->x_title_y);
    }

  if (has_text (self->y_label))
    {
      g_autoptr(PangoLayout) layout = make_text (context, self->y_label, TEXT_PLAIN,
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
      g_autoptr(PangoLayout) layout = make_text (context, _("No data"), TEXT_PLAIN, 0);

      pango_layout_get_pixel_size (layout, &w, &h);
      show_text (cr, layout, p->origin.x + (p->size.width - w) / 2,
                 p->origin.y + (p->size.height - h) / 2);
    }
}

/* A context for file surfaces: the widget's font, unhinted metrics so that
 * the layout does not depend on the screen. */
static PangoContext *
create_export_context (PcChart *self,
                       cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  PangoContext *widget_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_font_description (context,
                                      pango_context_get_font_description (widget_context));
  return context;
}

void
pc_chart_draw (PcChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  PangoContext *context;
  g_autoptr(PcChartLayout) geometry = NULL;
  GdkRGBA fg;

  g_return_if_fail (PC_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  if (self->exporting)
    {
      context = create_export_context (self, cr);
      fg = (GdkRGBA) { 0.f, 0.f, 0.f, 1.f };
      cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
      cairo_paint (cr);
    }
  else
    {
      context = g_object_ref (gtk_widget_get_pango_context (GTK_WIDGET (self)));
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
    }

  geometry = chart_layout_new (self, context, width, height);
  paint_axes (self, cr, context, geometry, &fg);
  paint_bars (self, cr, geometry, &fg);
  paint_labels (self, cr, context, geometry, &fg);
  cairo_restore (cr);
  g_object_unref (context);

  /* Keep what the screen shows for hit-testing the pointer. */
  if (!self->exporting && geometry_is_current (self, geometry))
    {
      g_clear_pointer (&self->geometry, chart_layout_free);
      self->geometry = g_steal_pointer (&geometry);
    }
}

/* Descriptions */

static double
category_total (PcChart *self,
                guint    category)
{
  double total = 0.0;

  for (guint s = 0; s < self->n_series; s++)
    total += stack_value (self, s, category);
  return total;
}

char *
pc_chart_describe_point (PcChart *self,
                         double   x,
                         double   y)
{
  guint s;
  guint c;
  g_autofree char *value = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (PC_IS_CHART (self), NULL);

  if (!hit_test (self, x, y, &s, &c))
    return NULL;
  value = pc_axis_format_exact (pc_chart_get_value (self, s, c), (PcAxisUnit) self->kind);
  total = pc_axis_format_exact (category_total (self, c), (PcAxisUnit) self->kind);
  /* Translators: series — category: value (bar total total), e.g.
   * "Surgery — 2026/27: £1,234.56 (bar total £9,999.00)" */
  return g_strdup_printf (_("%s — %s: %s (bar total %s)"),
                          self->series[s], self->categories[c], value, total);
}

char *
pc_chart_describe (PcChart *self)
{
  const char *title;
  GString *text;
  guint highest = 0;
  double highest_total;
  double total = 0.0;
  g_autofree char *highest_text = NULL;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (PC_IS_CHART (self), NULL);

  title = has_text (self->title) ? self->title : _("Chart");
  if (self->n_categories == 0)
    return g_strdup_printf (_("%s: no data."), title);

  highest_total = category_total (self, 0);
  for (guint c = 0; c < self->n_categories; c++)
    {
      double bar = category_total (self, c);

      total += bar;
      if (bar > highest_total)
        {
          highest_total = bar;
          highest = c;
        }
    }

  text = g_string_new (title);
  g_string_append (text, ", ");
  if (self->n_categories == 1)
    g_string_append_printf (text, _("1 bar, %s"), self->categories[0]);
  else
    g_string_append_printf (text, _("%u bars from %s to %s"), self->n_categories,
                            self->categories[0], self->categories[self->n_categories - 1]);

  if (self->n_series > 1)
    {
      const guint listed = MIN (self->n_series, 6);

      g_string_append_printf (text, _(", split into %u series: "), self->n_series);
      for (guint s = 0; s < listed; s++)
        {
          if (s > 0)
            g_string_append (text, ", ");
          g_string_append (text, self->series[s]);
        }
      if (listed < self->n_series)
        g_string_append_printf (text, _(" and %u more"), self->n_series - listed);
    }

  highest_text = pc_axis_format_short (highest_total, (PcAxisUnit) self->kind);
  total_text = pc_axis_format_short (total, (PcAxisUnit) self->kind);
  g_string_append_printf (text, _("; highest %s at %s; total %s."),
                          self->categories[highest], highest_text, total_text);
  return g_string_free (text, FALSE);
}

static void
update_accessible (PcChart *self)
{
  g_autofree char *description = pc_chart_describe (self);

  if (has_text (self->title))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Saving */

typedef struct
{
  FILE *stream;
  int   saved_errno;
} WriteState;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  WriteState *state = closure;

  if (fwrite (data, 1, length, state->stream) != length)
    {
      state->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} FileFormat;

static FileFormat
format_for_extension (const char *extension)
{
  if (extension == NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (extension, ".png") == 0)
    return FORMAT_PNG;
  if (g_ascii_strcasecmp (extension, ".svg") == 0)
    return FORMAT_SVG;
  if (g_ascii_strcasecmp (extension, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

static cairo_status_t
render_to (PcChart    *self,
           FileFormat  format,
           WriteState *state,
           int         width,
           int         height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, state, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, state, width, height);
      break;
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  self->exporting = TRUE;
  pc_chart_draw (self, cr, width, height);
  self->exporting = FALSE;
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, state);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PC_ERROR, PC_ERROR_IO, _("cannot write the chart to %s: %s"),
               display, reason);
  return FALSE;
}

gboolean
pc_chart_save (PcChart     *self,
               const char  *path,
               int          width,
               int          height,
               GError     **error)
{
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temporary = NULL;
  const char *extension;
  FileFormat format;
  WriteState state = { NULL, 0 };
  cairo_status_t status;
  gboolean closed;
  int fd;

  g_return_val_if_fail (PC_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = g_path_get_basename (path);
  extension = strrchr (base, '.');
  format = format_for_extension (extension);
  if (format == FORMAT_NONE)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (extension != NULL && extension != base)
        g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                     _("cannot write the chart to %s: “%s” is not a picture format "
                       "Pathcost writes; end the name with .png, .svg or .pdf"),
                     display, extension);
      else
        g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                     _("cannot write the chart to %s: end the name with .png, .svg or .pdf"),
                     display);
      return FALSE;
    }
  /* cairo's image surfaces stop at 32,767 pixels a side. */
  if (width <= 0 || height <= 0 || width > 32767 || height > 32767)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("cannot write the chart to %s: %d × %d is not a possible picture size"),
                   display, width, height);
      return FALSE;
    }

  /* Beside the target, so that the rename stays on one file system; 0666
   * less the umask like any new file, not mkstemp's 0600. */
  dir = g_path_get_dirname (path);
  template = g_strdup_printf (".%s.XXXXXX", base);
  temporary = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno));
  state.stream = fdopen (fd, "wb");
  if (state.stream == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_remove (temporary);
      return set_write_error (error, path, g_strerror (saved_errno));
    }

  status = render_to (self, format, &state, width, height);
  /* On disk before the rename, so a crash leaves the old picture or the new. */
  if (status == CAIRO_STATUS_SUCCESS
      && (fflush (state.stream) != 0 || fsync (fileno (state.stream)) != 0))
    state.saved_errno = errno;
  closed = fclose (state.stream) == 0;
  if (!closed && state.saved_errno == 0)
    state.saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || state.saved_errno != 0)
    {
      g_remove (temporary);
      return set_write_error (error, path,
                              state.saved_errno != 0 ? g_strerror (state.saved_errno)
                                                     : cairo_status_to_string (status));
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_remove (temporary);
      return set_write_error (error, path, g_strerror (saved_errno));
    }
  return TRUE;
}

/* Widget */

static void
set_hover (PcChart *self,
           int      series,
           int      category)
{
  if (self->hover_series == series && self->hover_category == category)
    return;
  self->hover_series = series;
  self->hover_category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PcChart                  *self)
{
  guint s;
  guint c;

  if (hit_test (self, x, y, &s, &c))
    set_hover (self, (int) s, (int) c);
  else
    set_hover (self, -1, -1);
}

static void
on_leave (GtkEventControllerMotion *controller,
          PcChart                  *self)
{
  set_hover (self, -1, -1);
}

static gboolean
pc_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_tooltip,
                        GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_tooltip)
    return FALSE;
  text = pc_chart_describe_point (PC_CHART (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pc_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 2 * MIN_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = 360;
    }
}

static void
pc_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  PcChart *self = PC_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pc_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
  self->draw_count++;
}

static void
clear_data (PcChart *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->geometry, chart_layout_free);
  self->n_categories = 0;
  self->n_series = 0;
}

static void
pc_chart_finalize (GObject *object)
{
  PcChart *self = PC_CHART (object);

  clear_data (self);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->x_label, g_free);
  g_clear_pointer (&self->y_label, g_free);

  G_OBJECT_CLASS (pc_chart_parent_class)->finalize (object);
}

static void
pc_chart_class_init (PcChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_chart_finalize;

  widget_class->measure = pc_chart_measure;
  widget_class->snapshot = pc_chart_snapshot;
  widget_class->query_tooltip = pc_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pc_chart_init (PcChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->kind = PC_CHART_MONEY;
  self->hover_series = -1;
  self->hover_category = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  update_accessible (self);
}

GtkWidget *
pc_chart_new (void)
{
  return g_object_new (PC_TYPE_CHART, NULL);
}

/* Setters: each one that changes what is drawn invalidates the geometry. */

static void
changed (PcChart *self)
{
  g_clear_pointer (&self->geometry, chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pc_chart_set_title (PcChart    *self,
                    const char *title)
{
  g_return_if_fail (PC_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  changed (self);
  update_accessible (self);
}

const char *
pc_chart_get_title (PcChart *self)
{
  g_return_val_if_fail (PC_IS_CHART (self), NULL);
  return self->title;
}

void
pc_chart_set_axis_labels (PcChart    *self,
                          const char *x_label,
                          const char *y_label)
{
  g_return_if_fail (PC_IS_CHART (self));

  g_free (self->x_label);
  g_free (self->y_label);
  self->x_label = g_strdup (x_label);
  self->y_label = g_strdup (y_label);
  changed (self);
}

void
pc_chart_set_value_kind (PcChart          *self,
                         PcChartValueKind  kind)
{
  g_return_if_fail (PC_IS_CHART (self));
  g_return_if_fail (kind == PC_CHART_MONEY || kind == PC_CHART_COUNT);

  if (self->kind == kind)
    return;
  self->kind = kind;
  changed (self);
  update_accessible (self);
}

PcChartValueKind
pc_chart_get_value_kind (PcChart *self)
{
  g_return_val_if_fail (PC_IS_CHART (self), PC_CHART_MONEY);
  return self->kind;
}

static char **
copy_names (const char * const *names,
            guint               n_names)
{
  char **copy = g_new0 (char *, n_names + 1);

  for (guint i = 0; i < n_names; i++)
    copy[i] = g_strdup (names[i] != NULL ? names[i] : "");
  return copy;
}

void
pc_chart_set_data (PcChart            *self,
                   const char * const *categories,
                   guint               n_categories,
                   const char * const *series,
                   guint               n_series,
                   const double       *values)
{
  gsize n_values = (gsize) n_categories * n_series;

  g_return_if_fail (PC_IS_CHART (self));
  g_return_if_fail (n_categories == 0 || categories != NULL);
  g_return_if_fail (n_series == 0 || series != NULL);
  g_return_if_fail (n_values == 0 || values != NULL);
  g_return_if_fail (n_values <= G_MAXSIZE / sizeof (double));

  clear_data (self);
  self->categories = copy_names (categories, n_categories);
  self->n_categories = n_categories;
  self->series = copy_names (series, n_series);
  self->n_series = n_series;
  self->values = n_values > 0 ? g_memdup2 (values, n_values * sizeof (double)) : NULL;
  self->hover_series = -1;
  self->hover_category = -1;

  changed (self);
  update_accessible (self);
}

guint
pc_chart_get_n_categories (PcChart *self)
{
  g_return_val_if_fail (PC_IS_CHART (self), 0);
  return self->n_categories;
}

guint
pc_chart_get_n_series (PcChart *self)
{
  g_return_val_if_fail (PC_IS_CHART (self), 0);
  return self->n_series;
}

double
pc_chart_get_value (PcChart *self,
                    guint    series,
                    guint    category)
{
  g_return_val_if_fail (PC_IS_CHART (self), 0.0);
  g_return_val_if_fail (series < self->n_series, 0.0);
  g_return_val_if_fail (category < self->n_categories, 0.0);

  return self->values[(gsize) series * self->n_categories + category];
}

guint64
pc_chart_get_draw_count (PcChart *self)
{
  g_return_val_if_fail (PC_IS_CHART (self), 0);
  return self->draw_count;
}

/* Private helpers for the tests */

gboolean
_pc_chart_get_segment_area (PcChart         *self,
                            guint            series,
                            guint            category,
                            graphene_rect_t *area)
{
  const PcChartLayout *g;

  g_return_val_if_fail (PC_IS_CHART (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (series >= self->n_series || category >= self->n_categories)
    return FALSE;
  g = ensure_geometry (self);
  if (g == NULL)
    return FALSE;
  *area = g->segments[(gsize) series * self->n_categories + category];
  return area->size.height > 0;
}

guint
_pc_chart_get_label_step (PcChart *self,
                          int      width,
                          int      height)
{
  g_autoptr(PcChartLayout) g = NULL;

  g_return_val_if_fail (PC_IS_CHART (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  g = chart_layout_new (self, gtk_widget_get_pango_context (GTK_WIDGET (self)), width, height);
  return MAX (g->label_step, 1);
}
