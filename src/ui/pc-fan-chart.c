/* pc-fan-chart.c: the PSA's mean and 95% interval by year (see
 * pc-fan-chart.h).  Sizes itself from its allocation.
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
#include "pc-fan-chart.h"

struct _PcFanChart
{
  GtkWidget  parent_instance;

  char      *title;
  char      *description;
  GStrv      years;
  guint      n_years;
  double    *mean;
  double    *low;
  double    *high;
};

G_DEFINE_FINAL_TYPE (PcFanChart, pc_fan_chart, GTK_TYPE_WIDGET)

/* One hue: the band a light wash of the mean's colour, readable on light and dark. */
enum { COLOUR_BAND = 0, COLOUR_MEAN = 0 };

static double
paint_legend (cairo_t       *cr,
              PangoContext  *context,
              double         y,
              const GdkRGBA *fg)
{
  GdkRGBA band;
  GdkRGBA mean;
  double x = PC_CHART_MARGIN;
  int h;

  pc_chart_series_colour (COLOUR_BAND, &band);
  band.alpha = 0.35f;
  pc_chart_series_colour (COLOUR_MEAN, &mean);
  pc_chart_text_size (context, _("Mean"), PC_CHART_TEXT_PLAIN, NULL, &h);
  pc_chart_paint_swatch (cr, context, &mean, _("Mean"), &x, y, fg);
  pc_chart_paint_swatch (cr, context, &band, _("95% interval"), &x, y, fg);
  return h;
}

static void
paint_band (PcFanChart            *self,
            cairo_t               *cr,
            const graphene_rect_t *plot,
            double                 min,
            double                 max)
{
  double slot = plot->size.width / self->n_years;
  GdkRGBA colour;

#define X(i) pc_chart_slot_x (plot, self->n_years, (i))
#define Y(v) pc_chart_value_to_y (plot, (v), min, max)
  pc_chart_series_colour (COLOUR_BAND, &colour);
  colour.alpha = 0.35f;
  gdk_cairo_set_source_rgba (cr, &colour);
  /* Text leaves a current point: the band starts a path of its own. */
  cairo_new_path (cr);
  for (guint i = 0; i < self->n_years; i++)
    cairo_line_to (cr, X (i), Y (self->high[i]));
  for (guint i = self->n_years; i-- > 0;)
    cairo_line_to (cr, X (i), Y (self->low[i]));
  cairo_close_path (cr);
  cairo_fill (cr);
  /* A single year has no area: its interval as a bar. */
  if (self->n_years == 1)
    {
      cairo_rectangle (cr, X (0) - slot * 0.2, Y (self->high[0]), slot * 0.4, Y (self->low[0]) - Y (self->high[0]));
      cairo_fill (cr);
    }

  pc_chart_series_colour (COLOUR_MEAN, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  pc_chart_paint_slot_line (cr, plot, self->mean, self->n_years, min, max);
#undef X
#undef Y
}

static void
paint_chart (gpointer       chart,
             cairo_t       *cr,
             PangoContext  *context,
             int            width,
             int            height,
             const GdkRGBA *fg)
{
  PcFanChart *self = chart;
  double y;
  double min = 0, max = 0, axis_min, axis_max, step;
  graphene_rect_t plot;
  int text_height;
  int left;

  if (!pc_chart_paint_heading (cr, context, self->title, self->n_years == 0, width, height, fg, &y))
    return;
  y += paint_legend (cr, context, y, fg) + PC_CHART_GAP;
  pc_chart_text_size (context, self->years[0], PC_CHART_TEXT_PLAIN, NULL, &text_height);
  for (guint i = 0; i < self->n_years; i++)
    {
      min = MIN (min, self->low[i]);
      max = MAX (max, self->high[i]);
    }
  pc_axis_nice (min, max, MAX (2, (guint) ((height - y) / PC_CHART_TICK_SPACING)), 0, &axis_min, &axis_max, &step);
  left = pc_chart_tick_label_width (context, axis_min, axis_max, step, PC_AXIS_MONEY);
  plot = GRAPHENE_RECT_INIT (PC_CHART_MARGIN + left + PC_CHART_GAP, y + text_height / 2.0,
                             MAX (1, width - 2 * PC_CHART_MARGIN - left - PC_CHART_GAP),
                             MAX (1, height - y - text_height / 2.0 - text_height - PC_CHART_GAP - PC_CHART_MARGIN));
  pc_chart_paint_value_grid (cr, context, &plot, axis_min, axis_max, step, PC_AXIS_MONEY, FALSE, fg);
  paint_band (self, cr, &plot, axis_min, axis_max);
  pc_chart_paint_slot_labels (cr, context, (const char * const *) self->years, self->n_years, &plot, fg);
}

void
pc_fan_chart_paint (cairo_t      *cr,
                    PangoContext *context,
                    int           width,
                    int           height,
                    gpointer      self)
{
  paint_chart (PC_FAN_CHART (self), cr, context, width, height, &pc_chart_frame_black);
}

static void
pc_fan_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  pc_chart_frame_snapshot (widget, snapshot, paint_chart);
}

static void
pc_fan_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  pc_chart_frame_measure (orientation, 200, 300, minimum, natural);
}

static void
clear_data (PcFanChart *self)
{
  g_clear_pointer (&self->years, g_strfreev);
  g_clear_pointer (&self->mean, g_free);
  g_clear_pointer (&self->low, g_free);
  g_clear_pointer (&self->high, g_free);
  self->n_years = 0;
}

static void
pc_fan_chart_finalize (GObject *object)
{
  PcFanChart *self = PC_FAN_CHART (object);

  clear_data (self);
  pc_chart_frame_clear_text (&self->title, &self->description);
  G_OBJECT_CLASS (pc_fan_chart_parent_class)->finalize (object);
}

static void
pc_fan_chart_class_init (PcFanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_fan_chart_finalize;
  pc_chart_frame_class_init (widget_class, pc_fan_chart_snapshot, pc_fan_chart_measure);
}

static void
pc_fan_chart_init (PcFanChart *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pc_fan_chart_new (void)
{
  return g_object_new (PC_TYPE_FAN_CHART, NULL);
}

static char *
describe (PcFanChart *self)
{
  GString *text = g_string_new (NULL);

  if (self->n_years == 0)
    g_string_append (text, _("No data"));
  for (guint i = 0; i < self->n_years; i++)
    {
      g_autofree char *mean = pc_axis_format_short (self->mean[i], PC_AXIS_MONEY);
      g_autofree char *low = pc_axis_format_short (self->low[i], PC_AXIS_MONEY);
      g_autofree char *high = pc_axis_format_short (self->high[i], PC_AXIS_MONEY);

      g_string_append_printf (text, _("%s: mean %s, 95%% between %s and %s. "), self->years[i], mean, low, high);
    }
  return g_string_free (text, FALSE);
}

void
pc_fan_chart_set_data (PcFanChart         *self,
                       const char         *title,
                       const char * const *years,
                       guint               n_years,
                       const double       *mean,
                       const double       *low,
                       const double       *high)
{
  g_return_if_fail (PC_IS_FAN_CHART (self));

  clear_data (self);
  if (n_years > 0)
    {
      self->years = g_strdupv ((char **) years);
      self->n_years = n_years;
      self->mean = g_memdup2 (mean, n_years * sizeof (double));
      self->low = g_memdup2 (low, n_years * sizeof (double));
      self->high = g_memdup2 (high, n_years * sizeof (double));
    }
  pc_chart_frame_set_text (GTK_WIDGET (self), &self->title, &self->description, title, describe (self),
                           _("Fan chart"));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
pc_fan_chart_get_title (PcFanChart *self)
{
  g_return_val_if_fail (PC_IS_FAN_CHART (self), NULL);
  return self->title;
}

const char *
pc_fan_chart_get_description (PcFanChart *self)
{
  g_return_val_if_fail (PC_IS_FAN_CHART (self), NULL);
  return self->description;
}

guint
pc_fan_chart_get_n_years (PcFanChart *self)
{
  g_return_val_if_fail (PC_IS_FAN_CHART (self), 0);
  return self->n_years;
}

void
pc_fan_chart_get_year (PcFanChart *self,
                       guint       index,
                       double     *mean,
                       double     *low,
                       double     *high)
{
  g_return_if_fail (PC_IS_FAN_CHART (self) && index < self->n_years);
  *mean = self->mean[index];
  *low = self->low[index];
  *high = self->high[index];
}

gboolean
pc_fan_chart_save (PcFanChart  *self,
                   const char  *path,
                   int          width,
                   int          height,
                   GError     **error)
{
  g_return_val_if_fail (PC_IS_FAN_CHART (self), FALSE);
  return pc_chart_frame_save (GTK_WIDGET (self), pc_fan_chart_paint, path, width, height, error);
}
