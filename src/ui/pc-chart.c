/* pc-chart.c: PcChart, a stacked bar chart (one bar per category, stacked by
 * series) for the costing and projection views: the widget's data and
 * properties, its snapshot, hover and tooltip, and what it says to a screen
 * reader.  Where things go is pc-chart-layout's, the painting
 * pc-chart-paint's (the same for the screen and the files, so what a
 * finance team sees on the projector is what lands in their report), the
 * files pc-chart-export's, the axis numbers pc-axis's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-chart"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-chart.h"
#include "pc-chart-export.h"
#include "pc-chart-layout.h"
#include "pc-chart-paint.h"
#include "pc-chart-private.h"

/* The smallest size at which the chart stays legible. */
/* Two charts side by side still fit a 1024×768 projector at 1.5× text
 * (683 logical pixels); the height follows the allocation, and its floor
 * grows with the font so titles and labels are never clipped. */
#define MIN_WIDTH      240
#define MIN_PLOT       100

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
  int               hover_series;
  int               hover_category;
  PcChartLayout    *geometry;         /* of the last on-screen draw */
};

G_DEFINE_FINAL_TYPE (PcChart, pc_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PcChartValueKind, pc_chart_value_kind,
                    G_DEFINE_ENUM_VALUE (PC_CHART_MONEY, "money"),
                    G_DEFINE_ENUM_VALUE (PC_CHART_COUNT, "count"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_X_LABEL,
  PROP_Y_LABEL,
  PROP_VALUE_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the layout, the painting and the export read: borrowed pointers. */
static PcChartData
chart_data (PcChart *self)
{
  return (PcChartData) {
    .title = self->title,
    .x_label = self->x_label,
    .y_label = self->y_label,
    .unit = (PcAxisUnit) self->kind,
    .categories = (const char * const *) self->categories,
    .n_categories = self->n_categories,
    .series = (const char * const *) self->series,
    .n_series = self->n_series,
    .values = self->values,
  };
}

/* Geometry */

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
      PcChartData data = chart_data (self);

      g_clear_pointer (&self->geometry, pc_chart_layout_free);
      self->geometry = pc_chart_layout_new (&data, gtk_widget_get_pango_context (GTK_WIDGET (self)),
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
  PcChartData data = chart_data (self);

  return g != NULL && pc_chart_layout_hit_test (g, &data, x, y, series, category);
}

/* Painting */

void
pc_chart_draw (PcChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  PangoContext *context;
  PcChartData data;
  g_autoptr(PcChartLayout) geometry = NULL;
  GdkRGBA fg;

  g_return_if_fail (PC_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  data = chart_data (self);
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  geometry = pc_chart_layout_new (&data, context, width, height);
  cairo_save (cr);
  pc_chart_paint (cr, context, &data, geometry, &fg, self->hover_series, self->hover_category);
  cairo_restore (cr);

  /* Keep what the screen shows for hit-testing the pointer. */
  if (geometry_is_current (self, geometry))
    {
      g_clear_pointer (&self->geometry, pc_chart_layout_free);
      self->geometry = g_steal_pointer (&geometry);
    }
}

/* Descriptions */

static double
category_total (PcChart *self,
                guint    category)
{
  PcChartData data = chart_data (self);

  return pc_chart_data_category_total (&data, category);
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

  title = pc_chart_has_text (self->title) ? self->title : _("Chart");
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

  if (pc_chart_has_text (self->title))
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

gboolean
pc_chart_save (PcChart     *self,
               const char  *path,
               int          width,
               int          height,
               GError     **error)
{
  PcChartData data;

  g_return_val_if_fail (PC_IS_CHART (self), FALSE);

  data = chart_data (self);
  return pc_chart_export (&data,
                          pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))),
                          path, width, height, error);
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
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
      int line;

      pango_layout_get_pixel_size (layout, NULL, &line);
      /* The title, two rows of legend, the year labels and the axis
       * title, each a line, around a plot that can be read. */
      *minimum = 7 * line + MIN_PLOT;
      *natural = *minimum + 160;
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
  g_clear_pointer (&self->geometry, pc_chart_layout_free);
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
pc_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PcChart *self = PC_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_X_LABEL:
      g_value_set_string (value, self->x_label);
      break;
    case PROP_Y_LABEL:
      g_value_set_string (value, self->y_label);
      break;
    case PROP_VALUE_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PcChart *self = PC_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pc_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_X_LABEL:
      pc_chart_set_axis_labels (self, g_value_get_string (value), self->y_label);
      break;
    case PROP_Y_LABEL:
      pc_chart_set_axis_labels (self, self->x_label, g_value_get_string (value));
      break;
    case PROP_VALUE_KIND:
      pc_chart_set_value_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_chart_class_init (PcChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_chart_finalize;
  object_class->get_property = pc_chart_get_property;
  object_class->set_property = pc_chart_set_property;

  /**
   * PcChart:title:
   *
   * The heading drawn above the bars, and the name a screen reader gives
   * the chart.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PcChart:x-label:
   *
   * What the categories along the bottom are, e.g. "Financial year".
   */
  properties[PROP_X_LABEL] =
    g_param_spec_string ("x-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PcChart:y-label:
   *
   * What the values up the side are, e.g. "Cost".
   */
  properties[PROP_Y_LABEL] =
    g_param_spec_string ("y-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PcChart:value-kind:
   *
   * Money ("£1.5m" ticks) or counts (whole-number steps).
   */
  properties[PROP_VALUE_KIND] =
    g_param_spec_enum ("value-kind", NULL, NULL, PC_TYPE_CHART_VALUE_KIND, PC_CHART_MONEY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  g_clear_pointer (&self->geometry, pc_chart_layout_free);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
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
  gboolean x_changed;
  gboolean y_changed;

  g_return_if_fail (PC_IS_CHART (self));

  x_changed = g_strcmp0 (self->x_label, x_label) != 0;
  y_changed = g_strcmp0 (self->y_label, y_label) != 0;
  if (x_changed)
    {
      g_free (self->x_label);
      self->x_label = g_strdup (x_label);
    }
  if (y_changed)
    {
      g_free (self->y_label);
      self->y_label = g_strdup (y_label);
    }
  if (!x_changed && !y_changed)
    return;
  changed (self);
  if (x_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X_LABEL]);
  if (y_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y_LABEL]);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_KIND]);
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
  *area = *pc_chart_layout_segment (g, series, category);
  return area->size.height > 0;
}

guint
_pc_chart_get_label_step (PcChart *self,
                          int      width,
                          int      height)
{
  g_autoptr(PcChartLayout) g = NULL;
  PcChartData data;

  g_return_val_if_fail (PC_IS_CHART (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  data = chart_data (self);
  g = pc_chart_layout_new (&data, gtk_widget_get_pango_context (GTK_WIDGET (self)), width, height);
  return MAX (g->label_step, 1);
}
