/* pc-box-plot.c: box plots of quartiles beside an expected value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-box-plot"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-axis.h"
#include "pc-box-plot.h"
#include "pc-chart-paint.h"
#include "pc-format.h"

#define ROW_HEIGHT 34
#define LABEL_WIDTH 220
#define AXIS_HEIGHT 28
#define PAD 12

typedef struct
{
  char   *group;
  char   *label;
  guint64 count;
  double  q1, median, q3, mean, expected;
} Item;

struct _PcBoxPlot
{
  GtkWidget  parent_instance;

  GArray    *items;   /* of Item */
};

G_DEFINE_FINAL_TYPE (PcBoxPlot, pc_box_plot, GTK_TYPE_WIDGET)

static void
item_clear (Item *item)
{
  g_free (item->group);
  g_free (item->label);
}

/* An item opens a group when its group differs from the one before. */
static gboolean
opens_group (PcBoxPlot *self,
             guint      i)
{
  const Item *item = &g_array_index (self->items, Item, i);

  return item->group != NULL
         && (i == 0 || g_strcmp0 (g_array_index (self->items, Item, i - 1).group, item->group) != 0);
}

static guint
count_rows (PcBoxPlot *self)
{
  guint rows = self->items->len;

  for (guint i = 0; i < self->items->len; i++)
    rows += opens_group (self, i);
  return rows;
}

static double
largest_value (PcBoxPlot *self)
{
  double largest = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      largest = MAX (largest, MAX (item->q3, item->mean));
      if (isfinite (item->expected))
        largest = MAX (largest, item->expected);
    }
  return largest;
}

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         align,
           int            width)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_axis (cairo_t       *cr,
           PangoLayout   *layout,
           const GdkRGBA *fg,
           double         x0,
           double         scale,
           double         axis_max,
           double         step,
           double         bottom)
{
  for (double v = 0; v <= axis_max + step / 2; v += step)
    {
      g_autofree char *tick = pc_axis_format_tick (v, PC_AXIS_MONEY);
      double x = x0 + v * scale;

      pc_chart_set_source (cr, fg, 0.15);
      cairo_rectangle (cr, round (x), PAD + AXIS_HEIGHT, 1, bottom - PAD - AXIS_HEIGHT);
      cairo_fill (cr);
      pc_chart_set_source (cr, fg, 0.7);
      /* Above the rows and below them: a long list scrolls. */
      show_text (cr, layout, tick, x, PAD + AXIS_HEIGHT / 2.0, 0.5, 0);
      show_text (cr, layout, tick, x, bottom + AXIS_HEIGHT / 2.0, 0.5, 0);
    }
}

static char *
item_caption (const Item *item)
{
  g_autofree char *number = pc_format_number ((double) item->count, 0);

  return g_strdup_printf (g_dngettext (NULL, "%s: %s patient", "%s: %s patients", (gulong) item->count),
                          item->label, number);
}

/* The captions' column: at least LABEL_WIDTH, wider where large text
 * needs it, so "Stage 1: 246 patients" is not cut short; never more than
 * a little under half the plot. */
static double
caption_width (PcBoxPlot   *self,
               PangoLayout *layout,
               int          width)
{
  int widest = 0;

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *caption = item_caption (&g_array_index (self->items, Item, i));
      int w;

      pango_layout_set_text (layout, caption, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return MAX (LABEL_WIDTH, MIN (widest + 3 * PAD, width * 0.45));
}

static void
draw_item (cairo_t       *cr,
           PangoLayout   *layout,
           const GdkRGBA *fg,
           const GdkRGBA *accent,
           const Item    *item,
           double         x0,
           double         scale,
           double         y)
{
  g_autofree char *count = item_caption (item);
  double mid = y + ROW_HEIGHT / 2.0;

  pc_chart_set_source (cr, fg, 1.0);
  show_text (cr, layout, count, 2 * PAD, mid, 0, (int) (x0 - 3 * PAD));
  pc_chart_set_source (cr, accent, 0.35);
  cairo_rectangle (cr, x0 + item->q1 * scale, y + 7, MAX (1.0, (item->q3 - item->q1) * scale), ROW_HEIGHT - 14);
  cairo_fill_preserve (cr);
  pc_chart_set_source (cr, accent, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_rectangle (cr, x0 + item->median * scale - 1.5, y + 5, 3, ROW_HEIGHT - 10);
  cairo_fill (cr);
  pc_chart_set_source (cr, fg, 1.0);
  cairo_arc (cr, x0 + item->mean * scale, mid, 3.5, 0, 2 * G_PI);
  cairo_fill (cr);
  if (isfinite (item->expected))
    {
      double ex = x0 + item->expected * scale;

      cairo_move_to (cr, ex, mid - 8);
      cairo_line_to (cr, ex + 6, mid);
      cairo_line_to (cr, ex, mid + 8);
      cairo_line_to (cr, ex - 6, mid);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 0.9, 0.38, 0.0);
      cairo_fill (cr);
    }
}

#define LEGEND _("Box: Q1 to Q3, bar: median, dot: mean, diamond: the pathway’s expected cost per patient")

/* The legend wraps onto a second line where the text is large or the
 * window narrow; @y is the middle of its first line. */
static void
draw_legend (cairo_t       *cr,
             PangoLayout   *layout,
             const GdkRGBA *fg,
             double         x,
             double         y,
             int            width)
{
  int line_height;

  pango_layout_set_text (layout, "M", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  pc_chart_set_source (cr, fg, 0.8);
  pango_layout_set_text (layout, LEGEND, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  cairo_move_to (cr, x, y - line_height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
pc_box_plot_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PcBoxPlot *self = PC_BOX_PLOT (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  double axis_min, axis_max, step, x0 = LABEL_WIDTH, scale, bottom;
  cairo_t *cr;

  if (self->items->len == 0 || width <= LABEL_WIDTH + 2 * PAD)
    return;
  x0 = caption_width (self, layout, width);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pc_axis_nice (0, MAX (largest_value (self), 1.0), 5, 0, &axis_min, &axis_max, &step);
  scale = (width - x0 - 3 * PAD) / (axis_max > 0 ? axis_max : 1.0);
  bottom = PAD + AXIS_HEIGHT + count_rows (self) * ROW_HEIGHT;
  draw_axis (cr, layout, &fg, x0, scale, axis_max, step, bottom);
  for (guint i = 0, row = 0; i < self->items->len; i++, row++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (opens_group (self, i))
        {
          PangoFontDescription *bold = pango_font_description_from_string ("Bold");

          pango_layout_set_font_description (layout, bold);
          pc_chart_set_source (cr, &fg, 1.0);
          show_text (cr, layout, item->group, PAD, PAD + AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT * 0.6, 0,
                     width - 2 * PAD);
          pango_layout_set_font_description (layout, NULL);
          pango_font_description_free (bold);
          row++;
        }
      draw_item (cr, layout, &fg, &accent, item, x0, scale, PAD + AXIS_HEIGHT + row * ROW_HEIGHT);
    }
  draw_legend (cr, layout, &fg, PAD, bottom + AXIS_HEIGHT + 14, width - 2 * PAD);
  cairo_destroy (cr);
}

static void
pc_box_plot_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  PcBoxPlot *self = PC_BOX_PLOT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + 240;
      *natural = LABEL_WIDTH + 600;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "M");
      int line_height;

      /* Room below the axis for the legend on two lines of the text's size. */
      pango_layout_get_pixel_size (layout, NULL, &line_height);
      *minimum = *natural = self->items->len > 0
                              ? 2 * PAD + (int) count_rows (self) * ROW_HEIGHT + 2 * AXIS_HEIGHT + 2 * line_height + 8
                              : 0;
    }
}

char *
pc_box_plot_describe (PcBoxPlot *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PC_IS_BOX_PLOT (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *q1 = pc_axis_format_short (item->q1, PC_AXIS_MONEY);
      g_autofree char *median = pc_axis_format_short (item->median, PC_AXIS_MONEY);
      g_autofree char *q3 = pc_axis_format_short (item->q3, PC_AXIS_MONEY);
      g_autofree char *mean = pc_axis_format_short (item->mean, PC_AXIS_MONEY);

      g_string_append_printf (text, _("%s%s%s: %" G_GUINT64_FORMAT " patients, quartiles %s, %s, %s, mean %s"),
                              item->group != NULL ? item->group : "", item->group != NULL ? ", " : "", item->label, item->count, q1, median, q3, mean);
      if (isfinite (item->expected))
        {
          g_autofree char *expected = pc_axis_format_short (item->expected, PC_AXIS_MONEY);

          g_string_append_printf (text, _(", pathway expects %s"), expected);
        }
      g_string_append (text, ". ");
    }
  return g_string_free (text, FALSE);
}

void
pc_box_plot_set_items (PcBoxPlot           *self,
                       const PcBoxPlotItem *items,
                       guint                n_items)
{
  g_autofree char *description = NULL;

  g_return_if_fail (PC_IS_BOX_PLOT (self));
  g_array_set_size (self->items, 0);
  for (guint i = 0; i < n_items; i++)
    {
      Item item = { g_strdup (items[i].group), g_strdup (items[i].label), items[i].count, items[i].q1, items[i].median,
                    items[i].q3, items[i].mean, items[i].expected };

      g_array_append_val (self->items, item);
    }
  description = pc_box_plot_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pc_box_plot_get_n_items (PcBoxPlot *self)
{
  g_return_val_if_fail (PC_IS_BOX_PLOT (self), 0);
  return self->items->len;
}

GtkWidget *
pc_box_plot_new (void)
{
  return g_object_new (PC_TYPE_BOX_PLOT, NULL);
}

static void
pc_box_plot_finalize (GObject *object)
{
  g_array_unref (PC_BOX_PLOT (object)->items);
  G_OBJECT_CLASS (pc_box_plot_parent_class)->finalize (object);
}

static void
pc_box_plot_class_init (PcBoxPlotClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = pc_box_plot_finalize;
  widget_class->snapshot = pc_box_plot_snapshot;
  widget_class->measure = pc_box_plot_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "pcboxplot");
}

static void
pc_box_plot_init (PcBoxPlot *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, (GDestroyNotify) item_clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actual cost per patient beside the pathway’s expected cost"), -1);
}
