/* pc-chart-export.c: a chart as a PNG, SVG or PDF file (see
 * pc-chart-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-chart"
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pc-chart-export.h"
#include "pc-chart-paint.h"
#include "pc-error.h"

/* A context for file surfaces: the widget's font, unhinted metrics so that
 * the layout does not depend on the screen. */
static PangoContext *
create_export_context (cairo_t                    *cr,
                      const PangoFontDescription *font)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_font_description (context, font);
  return context;
}

/* Black on white, whatever the theme: files go into reports and slides. */
static void
paint_on_white (cairo_t                    *cr,
                PcChartPainter              paint,
                gpointer                    paint_data,
                const PangoFontDescription *font,
                int                         width,
                int                         height)
{
  PangoContext *context = create_export_context (cr, font);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  paint (cr, context, width, height, paint_data);
  cairo_restore (cr);
  g_object_unref (context);
}

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

typedef struct
{
  const PcChartData *data;
} StackedChart;

static void
paint_stacked (cairo_t      *cr,
               PangoContext *context,
               int           width,
               int           height,
               gpointer      user_data)
{
  static const GdkRGBA black = { 0.f, 0.f, 0.f, 1.f };
  const StackedChart *chart = user_data;
  g_autoptr(PcChartLayout) layout = pc_chart_layout_new (chart->data, context, width, height);

  pc_chart_paint (cr, context, chart->data, layout, &black, -1, -1);
}

static cairo_status_t
render_to (PcChartPainter              paint,
           gpointer                    paint_data,
           const PangoFontDescription *font,
           FileFormat                  format,
           WriteState                 *state,
           int                         width,
           int                         height)
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
  paint_on_white (cr, paint, paint_data, font, width, height);
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
pc_chart_export (const PcChartData           *data,
                 const PangoFontDescription  *font,
                 const char                  *path,
                 int                          width,
                 int                          height,
                 GError                     **error)
{
  StackedChart chart = { data };

  g_return_val_if_fail (data != NULL, FALSE);
  return pc_chart_export_painted (paint_stacked, &chart, font, path, width, height, error);
}

gboolean
pc_chart_export_painted (PcChartPainter               paint,
                         gpointer                     paint_data,
                         const PangoFontDescription  *font,
                         const char                  *path,
                         int                          width,
                         int                          height,
                         GError                     **error)
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

  g_return_val_if_fail (paint != NULL, FALSE);
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

  status = render_to (paint, paint_data, font, format, &state, width, height);
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

