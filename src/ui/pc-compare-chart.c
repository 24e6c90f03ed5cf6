/* pc-compare-chart.c: baseline and scenario by year, the cumulative
 * difference and the payback year (see pc-compare-chart.h).  Sizes itself
 * from its allocation; the text is the widget's font.
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
#include "pc-compare-chart.h"

struct _PcCompareChart
{
  GtkWidget  parent_instance;

  char      *title;
  char      *description;
  GStrv      years;
  guint      n_years;
  double    *baseline;
  double    *scenario;
  double    *cumulative;
  int        payback;
  guint64    draw_count;
};

G_DEFINE_FINAL_TYPE (PcCompareChart, pc_compare_chart, GTK_TYPE_WIDGET)

enum { COLOUR_BASELINE = 0, COLOUR_SCENARIO = 3, COLOUR_CUMULATIVE = 5 };

/* The costs' range and the cumulative difference's, each holding zero. */
static void
value_ranges (PcCompareChart *self,
              double          costs[2],
              double          cumulative[2])
{
  costs[0] = costs[1] = cumulative[0] = cumulative[1] = 0.0;
  for (guint i = 0; i < self->n_years; i++)
    {
      costs[0] = MIN (costs[0], MIN (self->baseline[i], self->scenario[i]));
      costs[1] = MAX (costs[1], MAX (self->baseline[i], self->scenario[i]));
      cumulative[0] = MIN (cumulative[0], self->cumulative[i]);
      cumulative[1] = MAX (cumulative[1], self->cumulative[i]);
    }
}

/* The legend in one row, or as many as the width needs; returns its height. */
static double
paint_legend (cairo_t       *cr,
              PangoContext  *context,
              int            width,
              double         y,
              const GdkRGBA *fg)
{
  const char *names[] = { _("Baseline"), _("Scenario"), _("Cumulative difference (line)") };
  const guint colours[] = { COLOUR_BASELINE, COLOUR_SCENARIO, COLOUR_CUMULATIVE };

  return pc_chart_paint_legend (cr, context, names, colours, G_N_ELEMENTS (names), width, y, fg);
}

static void
paint_payback (PcCompareChart        *self,
               cairo_t               *cr,
               PangoContext          *context,
               const graphene_rect_t *plot,
               double                 bottom,
               const GdkRGBA         *fg)
{
  double slot = plot->size.width / self->n_years;
  double x = round (plot->origin.x + (self->payback + 0.5) * slot) + 0.5;
  g_autofree char *text = g_strdup_printf (_("Pays back in %s"), self->years[self->payback]);
  const double dash[] = { 4.0, 3.0 };
  int w;

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.5);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, x, plot->origin.y);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
  pc_chart_text_size (context, text, PC_CHART_TEXT_PLAIN, &w, NULL);
  /* Beside the line, on whichever side it fits. */
  if (x + PC_CHART_GAP / 2 + w <= plot->origin.x + plot->size.width)
    pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, x + PC_CHART_GAP / 2, plot->origin.y, 0, fg);
  else
    pc_chart_paint_text (cr, context, text, PC_CHART_TEXT_PLAIN, 0, x - PC_CHART_GAP / 2, plot->origin.y, 1, fg);
}

static void
paint_bars (PcCompareChart        *self,
            cairo_t               *cr,
            const graphene_rect_t *plot,
            double                 min,
            double                 max)
{
  double slot = plot->size.width / self->n_years;
  double bar = MIN (slot * 0.7 / 2, 48.0);
  double zero = pc_chart_value_to_y (plot, 0, min, max);
  GdkRGBA colour;

  for (guint s = 0; s < 2; s++)
    {
      const double *values = s == 0 ? self->baseline : self->scenario;

      pc_chart_series_colour (s == 0 ? COLOUR_BASELINE : COLOUR_SCENARIO, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      for (guint i = 0; i < self->n_years; i++)
        {
          double x = plot->origin.x + (i + 0.5) * slot - bar + s * bar;
          double y = pc_chart_value_to_y (plot, values[i], min, max);

          cairo_rectangle (cr, x, MIN (y, zero), bar - 1, fabs (zero - y));
        }
      cairo_fill (cr);
    }
}

/* Two panels on one year axis: the costs as paired bars above, the
 * cumulative difference as a line on its own scale below (a saving of
 * £100k a year would be a flat line beside costs of millions), the
 * payback year marked across both. */
static void
paint_chart (gpointer       chart,
             cairo_t       *cr,
             PangoContext  *context,
             int            width,
             int            height,
             const GdkRGBA *fg)
{
  PcCompareChart *self = chart;
  double y;
  double costs[2], cumulative[2], cost_axis[3], line_axis[3], plots_height;
  graphene_rect_t top, bottom;
  int text_height;
  int left;
  GdkRGBA colour;

  if (!pc_chart_paint_heading (cr, context, self->title, self->n_years == 0, width, height, fg, &y))
    return;
  y += paint_legend (cr, context, width, y, fg) + PC_CHART_GAP;
  pc_chart_text_size (context, "2026/27", PC_CHART_TEXT_PLAIN, NULL, &text_height);
  plots_height = MAX (2, height - y - text_height / 2.0 - text_height - 2 * PC_CHART_GAP - PC_CHART_MARGIN);
  value_ranges (self, costs, cumulative);
  pc_axis_nice (costs[0], costs[1], MAX (2, (guint) (plots_height * 0.62 / PC_CHART_TICK_SPACING)), 0,
                &cost_axis[0], &cost_axis[1], &cost_axis[2]);
  pc_axis_nice (cumulative[0], cumulative[1], MAX (2, (guint) (plots_height * 0.38 / PC_CHART_TICK_SPACING)), 0,
                &line_axis[0], &line_axis[1], &line_axis[2]);
  left = MAX (pc_chart_tick_label_width (context, cost_axis[0], cost_axis[1], cost_axis[2], PC_AXIS_MONEY),
              pc_chart_tick_label_width (context, line_axis[0], line_axis[1], line_axis[2], PC_AXIS_MONEY));
  top = GRAPHENE_RECT_INIT (PC_CHART_MARGIN + left + PC_CHART_GAP, y + text_height / 2.0,
                            MAX (1, width - 2 * PC_CHART_MARGIN - left - PC_CHART_GAP), plots_height * 0.62);
  bottom = GRAPHENE_RECT_INIT (top.origin.x, top.origin.y + top.size.height + text_height + PC_CHART_GAP,
                               top.size.width, MAX (1, plots_height * 0.38 - text_height));
  pc_chart_paint_value_grid (cr, context, &top, cost_axis[0], cost_axis[1], cost_axis[2], PC_AXIS_MONEY, FALSE, fg);
  paint_bars (self, cr, &top, cost_axis[0], cost_axis[1]);
  pc_chart_paint_value_grid (cr, context, &bottom, line_axis[0], line_axis[1], line_axis[2], PC_AXIS_MONEY, FALSE,
                             fg);
  pc_chart_series_colour (COLOUR_CUMULATIVE, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  pc_chart_paint_slot_line (cr, &bottom, self->cumulative, self->n_years, line_axis[0], line_axis[1]);
  pc_chart_paint_text (cr, context, _("Cumulative difference (scenario minus baseline)"), PC_CHART_TEXT_PLAIN,
                       top.size.width, top.origin.x + PC_CHART_GAP, bottom.origin.y - text_height - PC_CHART_GAP / 2,
                       0, fg);
  pc_chart_paint_slot_labels (cr, context, (const char * const *) self->years, self->n_years, &bottom, fg);
  if (self->payback >= 0 && (guint) self->payback < self->n_years)
    paint_payback (self, cr, context, &top, bottom.origin.y + bottom.size.height, fg);
}

void
pc_compare_chart_paint (cairo_t      *cr,
                        PangoContext *context,
                        int           width,
                        int           height,
                        gpointer      self)
{
  paint_chart (PC_COMPARE_CHART (self), cr, context, width, height, &pc_chart_frame_black);
}

static void
pc_compare_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  if (pc_chart_frame_snapshot (widget, snapshot, paint_chart))
    PC_COMPARE_CHART (widget)->draw_count++;
}

guint64
pc_compare_chart_get_draw_count (PcCompareChart *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), 0);
  return self->draw_count;
}

static void
pc_compare_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  pc_chart_frame_measure (orientation, 340, 400, minimum, natural);
}

static void
clear_data (PcCompareChart *self)
{
  g_clear_pointer (&self->years, g_strfreev);
  g_clear_pointer (&self->baseline, g_free);
  g_clear_pointer (&self->scenario, g_free);
  g_clear_pointer (&self->cumulative, g_free);
  self->n_years = 0;
  self->payback = -1;
}

static void
pc_compare_chart_finalize (GObject *object)
{
  PcCompareChart *self = PC_COMPARE_CHART (object);

  clear_data (self);
  pc_chart_frame_clear_text (&self->title, &self->description);
  G_OBJECT_CLASS (pc_compare_chart_parent_class)->finalize (object);
}

static void
pc_compare_chart_class_init (PcCompareChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_compare_chart_finalize;
  pc_chart_frame_class_init (widget_class, pc_compare_chart_snapshot, pc_compare_chart_measure);
}

static void
pc_compare_chart_init (PcCompareChart *self)
{
  self->payback = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pc_compare_chart_new (void)
{
  return g_object_new (PC_TYPE_COMPARE_CHART, NULL);
}

/* What a screen reader says: each year's two costs, then the payback. */
static char *
describe (PcCompareChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->n_years; i++)
    {
      g_autofree char *baseline = pc_axis_format_short (self->baseline[i], PC_AXIS_MONEY);
      g_autofree char *scenario = pc_axis_format_short (self->scenario[i], PC_AXIS_MONEY);
      g_autofree char *cumulative = pc_axis_format_short (self->cumulative[i], PC_AXIS_MONEY);

      g_string_append_printf (text, _("%s: baseline %s, scenario %s, cumulative difference %s. "),
                              self->years[i], baseline, scenario, cumulative);
    }
  if (self->payback >= 0)
    g_string_append_printf (text, _("Pays back in %s."), self->years[self->payback]);
  else if (self->n_years > 0)
    g_string_append (text, _("Does not pay back in these years."));
  else
    g_string_append (text, _("No data"));
  return g_string_free (text, FALSE);
}

void
pc_compare_chart_set_data (PcCompareChart     *self,
                           const char         *title,
                           const char * const *years,
                           guint               n_years,
                           const double       *baseline,
                           const double       *scenario,
                           const double       *cumulative,
                           int                 payback)
{
  g_return_if_fail (PC_IS_COMPARE_CHART (self));

  clear_data (self);
  if (n_years > 0)
    {
      self->years = g_strdupv ((char **) years);
      self->n_years = n_years;
      self->baseline = g_memdup2 (baseline, n_years * sizeof (double));
      self->scenario = g_memdup2 (scenario, n_years * sizeof (double));
      self->cumulative = g_memdup2 (cumulative, n_years * sizeof (double));
      self->payback = payback;
    }
  pc_chart_frame_set_text (GTK_WIDGET (self), &self->title, &self->description, title, describe (self),
                           _("Comparison chart"));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
pc_compare_chart_get_title (PcCompareChart *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), NULL);
  return self->title;
}

const char *
pc_compare_chart_get_description (PcCompareChart *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), NULL);
  return self->description;
}

guint
pc_compare_chart_get_n_years (PcCompareChart *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), 0);
  return self->n_years;
}

void
pc_compare_chart_get_year (PcCompareChart *self,
                           guint           index,
                           double         *baseline,
                           double         *scenario,
                           double         *cumulative)
{
  g_return_if_fail (PC_IS_COMPARE_CHART (self) && index < self->n_years);
  *baseline = self->baseline[index];
  *scenario = self->scenario[index];
  *cumulative = self->cumulative[index];
}

int
pc_compare_chart_get_payback (PcCompareChart *self)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), -1);
  return self->payback;
}

gboolean
pc_compare_chart_save (PcCompareChart  *self,
                       const char      *path,
                       int              width,
                       int              height,
                       GError         **error)
{
  g_return_val_if_fail (PC_IS_COMPARE_CHART (self), FALSE);
  return pc_chart_frame_save (GTK_WIDGET (self), pc_compare_chart_paint, path, width, height, error);
}
