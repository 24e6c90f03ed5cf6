/* pc-chart-frame.c: the widget side of the self-painting charts (see
 * pc-chart-frame.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-chart-frame.h"

const GdkRGBA pc_chart_frame_black = { 0.f, 0.f, 0.f, 1.f };

void
pc_chart_frame_class_init (GtkWidgetClass *widget_class,
                           void          (*snapshot) (GtkWidget   *widget,
                                                      GtkSnapshot *snapshot),
                           void          (*measure) (GtkWidget      *widget,
                                                     GtkOrientation  orientation,
                                                     int             for_size,
                                                     int            *minimum,
                                                     int            *natural,
                                                     int            *minimum_baseline,
                                                     int            *natural_baseline))
{
  widget_class->snapshot = snapshot;
  widget_class->measure = measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

void
pc_chart_frame_measure (GtkOrientation  orientation,
                        int             min_height,
                        int             natural_height,
                        int            *minimum,
                        int            *natural)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = horizontal ? 280 : min_height;
  *natural = horizontal ? 640 : natural_height;
}

gboolean
pc_chart_frame_snapshot (GtkWidget           *widget,
                         GtkSnapshot         *snapshot,
                         PcChartFramePainter  paint)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return FALSE;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint (widget, cr, gtk_widget_get_pango_context (widget), width, height, &fg);
  cairo_destroy (cr);
  return TRUE;
}

void
pc_chart_frame_set_text (GtkWidget   *widget,
                         char       **title_slot,
                         char       **description_slot,
                         const char  *title,
                         char        *description,
                         const char  *fallback)
{
  g_free (*title_slot);
  *title_slot = g_strdup (title);
  g_free (*description_slot);
  *description_slot = description;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : fallback,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
pc_chart_frame_clear_text (char **title_slot,
                           char **description_slot)
{
  g_clear_pointer (title_slot, g_free);
  g_clear_pointer (description_slot, g_free);
}

gboolean
pc_chart_frame_save (GtkWidget       *widget,
                     PcChartPainter   paint,
                     const char      *path,
                     int              width,
                     int              height,
                     GError         **error)
{
  return pc_chart_export_painted (paint, widget,
                                  pango_context_get_font_description (gtk_widget_get_pango_context (widget)),
                                  path, width, height, error);
}
