/* pc-tornado-chart.c: the one-way sensitivity as a tornado (see
 * pc-tornado-chart.h).  Sizes itself from its allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pc-axis.h"
#include "pc-chart-frame.h"
#include "pc-chart-paint.h"
#include "pc-format.h"
#include "pc-tornado-chart.h"

typedef struct
{
  char   *label;
  double  total_low;
  double  total_high;
  char   *low_text;
  char   *high_text;
} Bar;

struct _PcTornadoChart
{
  GtkWidget  parent_instance;

  char      *title;
  char      *description;
  double     base;
  Bar       *bars;
  guint      n_bars;
};

G_DEFINE_FINAL_TYPE (PcTornadoChart, pc_tornado_chart, GTK_TYPE_WIDGET)

enum { COLOUR_LOW = 0, COLOUR_HIGH = 3 };

static double
paint_legend (cairo_t       *cr,
              PangoContext  *context,
              int            width,
              double         y,
              const GdkRGBA *fg)
{
  const char *names[] = { _("Total cost at the low value"), _("Total cost at the high value") };
  const guint colours[] = { COLOUR_LOW, COLOUR_HIGH };

  return pc_chart_paint_legend (cr, context, names, colours, G_N_ELEMENTS (names), width, y, fg);
}

/* A bar from the base to @total in its half of the row, and the value tried
 * at its far end (inside the plot, whichever side has room). */
static void
paint_half (cairo_t               *cr,
            PangoContext          *context,
            const graphene_rect_t *plot,
            double                 x_base,
            double                 x_end,
            double                 top,
            double                 height,
            guint                  colour_index,
            const char            *text,
            const GdkRGBA         *fg)
{
  GdkRGBA colour;
  int w;
  int h;

  pc_chart_series_colour (colour_index, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_rectangle (cr, MIN (x_base, x_end), top, MAX (1, fabs (x_end - x_base)), height);
  cairo_fill (cr);
  pc_chart_text_size (context, text, PC_CHART_TEXT_PLAIN, &w, &h);
  if (x_end >= x_base && x_end + PC_CHART_GAP / 2 + w <= plot->origin.x + plot->size.width)
    pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, x_end + PC_CHART_GAP / 2, top + (height - h) / 2, 0, fg);
  else if (x_end < x_base && x_end - PC_CHART_GAP / 2 - w >= plot->origin.x)
    pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, x_end - PC_CHART_GAP / 2, top + (height - h) / 2, 1, fg);
  else
    /* No room outside: on the other side of the base line. */
    pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0,
                         x_end >= x_base ? x_base - PC_CHART_GAP / 2 : x_base + PC_CHART_GAP / 2,
                         top + (height - h) / 2, x_end >= x_base ? 1 : 0, fg);
}

/* A parameter's name right-aligned before its row, in two lines when it
 * needs them, cut only past that. */
static void
paint_label (cairo_t       *cr,
             PangoContext  *context,
             const char    *text,
             double         width,
             double         right,
             double         middle,
             const GdkRGBA *fg)
{
  g_autoptr(PangoLayout) layout = pc_chart_make_text (context, text, PC_CHART_TEXT_PLAIN, 0);
  int w;
  int h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, right - width, middle - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
paint_chart (gpointer       chart,
             cairo_t       *cr,
             PangoContext  *context,
             int            width,
             int            height,
             const GdkRGBA *fg)
{
  PcTornadoChart *self = chart;
  double y;
  double min = self->base, max = self->base, axis_min, axis_max, step, span, label_width = 0, row, right;
  graphene_rect_t plot;
  int text_height;

  if (!pc_chart_paint_heading (cr, context, self->title, self->n_bars == 0, width, height, fg, &y))
    return;
  y += paint_legend (cr, context, width, y, fg) + PC_CHART_GAP;
  pc_chart_text_size (context, "£0", PC_CHART_TEXT_PLAIN, NULL, &text_height);
  for (guint i = 0; i < self->n_bars; i++)
    {
      int w;

      min = MIN (min, MIN (self->bars[i].total_low, self->bars[i].total_high));
      max = MAX (max, MAX (self->bars[i].total_low, self->bars[i].total_high));
      pc_chart_text_size (context, self->bars[i].label, PC_CHART_TEXT_PLAIN, &w, NULL);
      label_width = MAX (label_width, w);
    }
  /* Room for the values at the ends of the bars. */
  span = MAX (max - min, fabs (self->base) * 0.01 + 1);
  /* The axis need not hold zero: a swing is read against the base.  The
   * step from the span alone, the ends on whole steps around it. */
  pc_axis_nice (0, span * 1.5, MAX (2, (guint) (width / 2 / PC_CHART_TICK_SPACING / 2)), 0,
                &axis_min, &axis_max, &step);
  axis_min = floor ((min - span * 0.25) / step) * step;
  axis_max = ceil ((max + span * 0.25) / step) * step;
  label_width = MIN (label_width, width * 0.35);
  /* The last tick's text is centred on the plot's right edge. */
  right = pc_chart_tick_label_width (context, axis_max, axis_max, step, PC_AXIS_MONEY) / 2.0;
  plot = GRAPHENE_RECT_INIT (PC_CHART_MARGIN + label_width + PC_CHART_GAP, y,
                             MAX (1, width - 2 * PC_CHART_MARGIN - label_width - PC_CHART_GAP - right),
                             MAX (1, height - y - text_height - PC_CHART_GAP - PC_CHART_MARGIN));
  pc_chart_paint_value_grid (cr, context, &plot, axis_min, axis_max, step, PC_AXIS_MONEY, TRUE, fg);
  row = plot.size.height / self->n_bars;

#define X(v) (plot.origin.x + ((v) - axis_min) / (axis_max - axis_min) * plot.size.width)
  for (guint i = 0; i < self->n_bars; i++)
    {
      double top = plot.origin.y + i * row;
      double bar = MIN (row * 0.8, 2.6 * text_height) / 2;
      double middle = top + row / 2;

      paint_label (cr, context, self->bars[i].label, label_width, plot.origin.x - PC_CHART_GAP, middle, fg);
      paint_half (cr, context, &plot, X (self->base), X (self->bars[i].total_low), middle - bar, bar - 0.5,
                  COLOUR_LOW, self->bars[i].low_text, fg);
      paint_half (cr, context, &plot, X (self->base), X (self->bars[i].total_high), middle + 0.5, bar - 0.5,
                  COLOUR_HIGH, self->bars[i].high_text, fg);
    }
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, round (X (self->base)) + 0.5, plot.origin.y);
  cairo_line_to (cr, round (X (self->base)) + 0.5, plot.origin.y + plot.size.height);
  cairo_stroke (cr);
#undef X
}

void
pc_tornado_chart_paint (cairo_t      *cr,
                        PangoContext *context,
                        int           width,
                        int           height,
                        gpointer      self)
{
  paint_chart (PC_TORNADO_CHART (self), cr, context, width, height, &pc_chart_frame_black);
}

static void
pc_tornado_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  pc_chart_frame_snapshot (widget, snapshot, paint_chart);
}

static void
pc_tornado_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PcTornadoChart *self = PC_TORNADO_CHART (widget);
  int text_height, height;

  /* In a scrolled view a widget gets its minimum height: room for every
   * row's label on its two lines, and for the title, legend and axis,
   * in the text's own size, so large text does not overlap. */
  pc_chart_text_size (gtk_widget_get_pango_context (widget), "£0", PC_CHART_TEXT_PLAIN, NULL, &text_height);
  height = 8 * text_height + (2 * text_height + 6) * MAX (self->n_bars, 4);
  pc_chart_frame_measure (orientation, height, height, minimum, natural);
}

static void
clear_data (PcTornadoChart *self)
{
  for (guint i = 0; i < self->n_bars; i++)
    {
      g_free (self->bars[i].label);
      g_free (self->bars[i].low_text);
      g_free (self->bars[i].high_text);
    }
  g_clear_pointer (&self->bars, g_free);
  self->n_bars = 0;
}

static void
pc_tornado_chart_finalize (GObject *object)
{
  PcTornadoChart *self = PC_TORNADO_CHART (object);

  clear_data (self);
  pc_chart_frame_clear_text (&self->title, &self->description);
  G_OBJECT_CLASS (pc_tornado_chart_parent_class)->finalize (object);
}

static void
pc_tornado_chart_class_init (PcTornadoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_tornado_chart_finalize;
  pc_chart_frame_class_init (widget_class, pc_tornado_chart_snapshot, pc_tornado_chart_measure);
}

static void
pc_tornado_chart_init (PcTornadoChart *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pc_tornado_chart_new (void)
{
  return g_object_new (PC_TYPE_TORNADO_CHART, NULL);
}

static char *
describe (PcTornadoChart *self)
{
  g_autofree char *base = pc_axis_format_short (self->base, PC_AXIS_MONEY);
  GString *text = g_string_new (NULL);

  if (self->n_bars == 0)
    return g_strdup (_("No data"));
  g_string_append_printf (text, _("Total cost at base %s. "), base);
  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *low = pc_axis_format_short (self->bars[i].total_low, PC_AXIS_MONEY);
      g_autofree char *high = pc_axis_format_short (self->bars[i].total_high, PC_AXIS_MONEY);

      g_string_append_printf (text, _("%s: %s at %s, %s at %s. "), self->bars[i].label,
                              low, self->bars[i].low_text, high, self->bars[i].high_text);
    }
  return g_string_free (text, FALSE);
}

void
pc_tornado_chart_set_data (PcTornadoChart     *self,
                           const char         *title,
                           double              base,
                           const PcTornadoBar *bars,
                           guint               n_bars)
{
  g_return_if_fail (PC_IS_TORNADO_CHART (self));

  clear_data (self);
  self->base = base;
  self->bars = g_new0 (Bar, MAX (n_bars, 1));
  for (guint i = 0; i < n_bars; i++)
    self->bars[i] = (Bar) { g_strdup (bars[i].label), bars[i].total_low, bars[i].total_high,
                            g_strdup (bars[i].low_text), g_strdup (bars[i].high_text) };
  self->n_bars = n_bars;
  pc_chart_frame_set_text (GTK_WIDGET (self), &self->title, &self->description, title, describe (self),
                           _("Tornado chart"));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
pc_tornado_chart_get_title (PcTornadoChart *self)
{
  g_return_val_if_fail (PC_IS_TORNADO_CHART (self), NULL);
  return self->title;
}

const char *
pc_tornado_chart_get_description (PcTornadoChart *self)
{
  g_return_val_if_fail (PC_IS_TORNADO_CHART (self), NULL);
  return self->description;
}

guint
pc_tornado_chart_get_n_bars (PcTornadoChart *self)
{
  g_return_val_if_fail (PC_IS_TORNADO_CHART (self), 0);
  return self->n_bars;
}

void
pc_tornado_chart_get_bar (PcTornadoChart *self,
                          guint           index,
                          PcTornadoBar   *bar)
{
  g_return_if_fail (PC_IS_TORNADO_CHART (self) && index < self->n_bars);
  *bar = (PcTornadoBar) { self->bars[index].label, self->bars[index].total_low, self->bars[index].total_high,
                          self->bars[index].low_text, self->bars[index].high_text };
}

gboolean
pc_tornado_chart_save (PcTornadoChart  *self,
                       const char      *path,
                       int              width,
                       int              height,
                       GError         **error)
{
  g_return_val_if_fail (PC_IS_TORNADO_CHART (self), FALSE);
  return pc_chart_frame_save (GTK_WIDGET (self), pc_tornado_chart_paint, path, width, height, error);
}

/* The one-way sensitivity's parameters as a person reads them. */

char *
pc_tornado_describe_parameter (const PcOneWayResult *parameter)
{
  g_autofree char *stage = parameter->stage >= 0 ? g_strdup (pc_stage_to_string (parameter->stage)) : NULL;

  switch (parameter->kind)
    {
    case PC_SENSITIVITY_UNIT_COST:
      return g_strdup_printf (_("Unit cost of %s"), parameter->step);
    case PC_SENSITIVITY_QUANTITY:
      return g_strdup_printf (_("Quantity of %s"), parameter->step);
    case PC_SENSITIVITY_SHARE:
      return g_strdup_printf (_("Share getting %s at stage %s"), parameter->step, stage);
    case PC_SENSITIVITY_STAGE_MIX:
      return g_strdup_printf (_("Share diagnosed at stage %s"), stage);
    case PC_SENSITIVITY_INCIDENCE:
      return g_strdup (_("Incidence (multiplier)"));
    case PC_SENSITIVITY_TREND:
      return g_strdup (_("Incidence trend a year"));
    case PC_SENSITIVITY_SURVIVAL:
      return g_strdup_printf (_("Survival at stage %s (multiplier)"), stage);
    case PC_SENSITIVITY_INFLATION:
      return g_strdup (_("Cost inflation a year"));
    case PC_SENSITIVITY_DISCOUNT_RATE:
      return g_strdup (_("Discount rate a year"));
    case PC_N_SENSITIVITY_KINDS:
    default:
      return g_strdup (parameter->id);
    }
}

char *
pc_tornado_format_value (const PcOneWayResult *parameter,
                         double                value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (parameter->kind)
    {
    case PC_SENSITIVITY_UNIT_COST:
      return pc_format_money (value);
    case PC_SENSITIVITY_SHARE:
    case PC_SENSITIVITY_STAGE_MIX:
    case PC_SENSITIVITY_TREND:
    case PC_SENSITIVITY_INFLATION:
    case PC_SENSITIVITY_DISCOUNT_RATE:
      return g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.4g", value * 100.0));
    case PC_SENSITIVITY_INCIDENCE:
    case PC_SENSITIVITY_SURVIVAL:
      return g_strdup_printf ("×%s", g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
    case PC_SENSITIVITY_QUANTITY:
    case PC_N_SENSITIVITY_KINDS:
    default:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
    }
}

void
pc_tornado_chart_set_one_way (PcTornadoChart *self,
                              const char     *title,
                              const PcOneWay *one_way,
                              guint           max_bars)
{
  guint n = one_way != NULL ? MIN (one_way->parameters->len, max_bars) : 0;
  g_autofree PcTornadoBar *bars = g_new0 (PcTornadoBar, MAX (n, 1));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      const PcOneWayResult *parameter = g_ptr_array_index (one_way->parameters, i);
      char *label = pc_tornado_describe_parameter (parameter);
      char *low = pc_tornado_format_value (parameter, parameter->low);
      char *high = pc_tornado_format_value (parameter, parameter->high);

      g_ptr_array_add (texts, label);
      g_ptr_array_add (texts, low);
      g_ptr_array_add (texts, high);
      bars[i] = (PcTornadoBar) { label, parameter->total_low, parameter->total_high, low, high };
    }
  pc_tornado_chart_set_data (self, title, one_way != NULL ? one_way->base_total : 0, bars, n);
}
