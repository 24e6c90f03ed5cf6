/* test-chart.c: the stacked bar chart as a user meets it: its figures, its
 * summary for screen readers, its tooltips, its redraws and its files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <pango/pangocairo.h>

#include "pc-chart.h"
#include "pc-chart-layout.h"
#include "pc-chart-private.h"
#include "pc-error.h"
#include "pc-test-util.h"

/* Three years of two series.  Bar totals: 2026/27 £1,250.50, 2027/28
 * £2,300.00, 2028/29 £1,500.25 + £4,000 = £5,500.25 (the highest); the
 * grand total £9,050.75, "£9.05k" to three figures. */
static const char * const years[] = { "2026/27", "2027/28", "2028/29" };
static const char * const kinds[] = { "Surgery", "Follow-up" };
static const double costs[] = {
  1000.0, 2000.0, 1500.25,   /* Surgery */
  250.5,  300.0,  4000.0,    /* Follow-up */
};

static PcChart *
make_chart (void)
{
  PcChart *chart = PC_CHART (pc_chart_new ());

  g_object_ref_sink (chart);
  pc_chart_set_title (chart, "Cost by year");
  pc_chart_set_axis_labels (chart, "Financial year", "Cost");
  pc_chart_set_data (chart, years, G_N_ELEMENTS (years), kinds, G_N_ELEMENTS (kinds), costs);
  return chart;
}

typedef struct
{
  PcChart *chart;
  guint64  after;
} DrawWait;

static gboolean
drawn_since (gpointer data)
{
  DrawWait *wait = data;

  return pc_chart_get_draw_count (wait->chart) > wait->after;
}

/* Iterates the main loop until the chart has been drawn more than @after
 * times; fails after 5 s rather than hang. */
static void
wait_for_draw (PcChart *chart,
               guint64  after)
{
  DrawWait wait = { chart, after };

  pc_test_wait_until (drawn_since, &wait, 5, "the chart to be drawn");
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWindow *
show_in_window (PcChart *chart,
                int      width,
                int      height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (chart));
  gtk_window_present (window);
  wait_for_draw (chart, 0);
  return window;
}

static void
test_data_is_copied (void)
{
  double values[G_N_ELEMENTS (costs)];
  char *categories[] = { g_strdup ("2026/27"), g_strdup ("2027/28"), g_strdup ("2028/29") };
  char *series[] = { g_strdup ("Surgery"), g_strdup ("Follow-up") };
  g_autoptr(PcChart) chart = PC_CHART (g_object_ref_sink (pc_chart_new ()));
  g_autofree char *summary = NULL;

  memcpy (values, costs, sizeof values);
  pc_chart_set_data (chart, (const char * const *) categories, 3,
                     (const char * const *) series, 2, values);

  /* The caller's buffers are scribbled over and freed: the chart keeps its own. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = -1.0;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      categories[i][0] = 'X';
      g_free (categories[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      series[i][0] = 'X';
      g_free (series[i]);
    }

  g_assert_cmpuint (pc_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpuint (pc_chart_get_n_series (chart), ==, 2);
  g_assert_cmpfloat (pc_chart_get_value (chart, 0, 0), ==, 1000.0);
  g_assert_cmpfloat (pc_chart_get_value (chart, 0, 2), ==, 1500.25);
  g_assert_cmpfloat (pc_chart_get_value (chart, 1, 0), ==, 250.5);
  g_assert_cmpfloat (pc_chart_get_value (chart, 1, 2), ==, 4000.0);

  summary = pc_chart_describe (chart);
  g_assert_nonnull (strstr (summary, "from 2026/27 to 2028/29"));
  g_assert_nonnull (strstr (summary, "Surgery, Follow-up"));
}

static void
test_describe (void)
{
  g_autoptr(PcChart) chart = make_chart ();
  g_autofree char *summary = pc_chart_describe (chart);
  g_autofree char *empty = NULL;

  g_assert_cmpstr (summary, ==,
                   "Cost by year, 3 bars from 2026/27 to 2028/29, split into 2 series: "
                   "Surgery, Follow-up; highest 2028/29 at £5.5k; total £9.05k.");

  /* The same figures as patients. */
  pc_chart_set_value_kind (chart, PC_CHART_COUNT);
  g_clear_pointer (&summary, g_free);
  summary = pc_chart_describe (chart);
  g_assert_nonnull (strstr (summary, "highest 2028/29 at 5,500.25; total 9,050.75."));

  pc_chart_set_data (chart, NULL, 0, NULL, 0, NULL);
  empty = pc_chart_describe (chart);
  g_assert_cmpstr (empty, ==, "Cost by year: no data.");
}

static void
test_describe_millions (void)
{
  static const char * const decade[] = {
    "2026/27", "2027/28", "2028/29", "2029/30", "2030/31",
    "2031/32", "2032/33", "2033/34", "2034/35", "2035/36",
  };
  double values[10];
  g_autoptr(PcChart) chart = PC_CHART (g_object_ref_sink (pc_chart_new ()));
  const char *one = "Treatment";
  g_autofree char *summary = NULL;

  /* £0.9m, £0.93m, … £1.14m (9 × 900,000 + 30,000 × 36 = 9,180,000), then
   * £1,234,567: total 10,414,567, "£10.4m". */
  for (guint i = 0; i < 9; i++)
    values[i] = 900000.0 + 30000.0 * i;
  values[9] = 1234567.0;
  pc_chart_set_title (chart, "Cost by year");
  pc_chart_set_data (chart, decade, 10, &one, 1, values);
  summary = pc_chart_describe (chart);
  g_assert_cmpstr (summary, ==,
                   "Cost by year, 10 bars from 2026/27 to 2035/36; "
                   "highest 2035/36 at £1.23m; total £10.4m.");

  /* £999,999 is "£1m", not "£1000k". */
  values[0] = 999999.0;
  pc_chart_set_data (chart, decade, 1, &one, 1, values);
  g_clear_pointer (&summary, g_free);
  summary = pc_chart_describe (chart);
  g_assert_cmpstr (summary, ==,
                   "Cost by year, 1 bar, 2026/27; highest 2026/27 at £1m; total £1m.");
}

static void
test_accessible_role (void)
{
  g_autoptr(PcChart) chart = make_chart ();
  int minimum_width;
  int minimum_height;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum_height, NULL, NULL, NULL);
  /* Two side by side fit a 1024-pixel projector at 1.5× text. */
  g_assert_cmpint (minimum_width, ==, 240);
  g_assert_cmpint (minimum_height, >=, 200);

  /* Its height floor grows with the text, so large text is not clipped:
   * seven lines (title, two of legend, year labels, axis title…) and the
   * plot, 1.5 times the lines at 1.5× text. */
  {
    GtkWidget *window = gtk_window_new ();
    int normal, larger;

    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
    gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &normal, NULL, NULL, NULL);
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
    pc_test_wait_idle (5);
    gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &larger, NULL, NULL, NULL);
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
    g_test_message ("minimum height %d px at 1x text, %d px at 1.5x", normal, larger);
    g_assert_cmpint (larger, >, normal + 7 * 4);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* "title" says it changed once per change, never for the same title. */
static void
test_title_notify (void)
{
  PcChart *chart = make_chart ();
  guint count = 0;
  g_autofree char *title = NULL;

  g_signal_connect (chart, "notify::title", G_CALLBACK (count_notify), &count);
  pc_chart_set_title (chart, "Cost by year");
  g_assert_cmpuint (count, ==, 0);
  g_object_set (chart, "title", "Patients by stage", NULL);
  g_assert_cmpuint (count, ==, 1);
  pc_chart_set_title (chart, "Patients by stage");
  g_assert_cmpuint (count, ==, 1);
  pc_chart_set_title (chart, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_object_get (chart, "title", &title, NULL);
  g_assert_null (title);
  g_assert_finalize_object (chart);
}

/* The axis labels and the value kind, one notify per real change: the
 * template sets them as properties. */
static void
test_axis_notify (void)
{
  PcChart *chart = make_chart ();
  guint x_count = 0, y_count = 0, kind_count = 0;
  PcChartValueKind kind;

  g_signal_connect (chart, "notify::x-label", G_CALLBACK (count_notify), &x_count);
  g_signal_connect (chart, "notify::y-label", G_CALLBACK (count_notify), &y_count);
  g_signal_connect (chart, "notify::value-kind", G_CALLBACK (count_notify), &kind_count);
  pc_chart_set_axis_labels (chart, "Financial year", "Cost");
  g_assert_cmpuint (x_count, ==, 0);
  g_assert_cmpuint (y_count, ==, 0);
  g_object_set (chart, "y-label", "Patients", NULL);
  g_assert_cmpuint (x_count, ==, 0);
  g_assert_cmpuint (y_count, ==, 1);
  pc_chart_set_axis_labels (chart, "Year", "Patients");
  g_assert_cmpuint (x_count, ==, 1);
  g_assert_cmpuint (y_count, ==, 1);

  g_object_set (chart, "value-kind", PC_CHART_MONEY, NULL);
  g_assert_cmpuint (kind_count, ==, 0);
  g_object_set (chart, "value-kind", PC_CHART_COUNT, NULL);
  g_assert_cmpuint (kind_count, ==, 1);
  g_object_get (chart, "value-kind", &kind, NULL);
  g_assert_cmpint (kind, ==, PC_CHART_COUNT);
  g_assert_cmpint (pc_chart_get_value_kind (chart), ==, PC_CHART_COUNT);
  g_assert_finalize_object (chart);
}

/* The layout alone, from the data and a font, without a widget: bars
 * stack from the zero line in proportion to their values, and the
 * pointer finds the segment drawn where it is. */
static void
test_layout (void)
{
  PangoFontMap *fonts = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context = G_OBJECT (pango_font_map_create_context (fonts));
  PcChartData data = {
    .title = "Cost by year", .unit = PC_AXIS_MONEY,
    .categories = years, .n_categories = G_N_ELEMENTS (years),
    .series = kinds, .n_series = G_N_ELEMENTS (kinds), .values = costs,
  };
  g_autoptr(PcChartLayout) layout = pc_chart_layout_new (&data, PANGO_CONTEXT (context), 800, 400);
  const graphene_rect_t *surgery = pc_chart_layout_segment (layout, 0, 2);
  const graphene_rect_t *follow_up = pc_chart_layout_segment (layout, 1, 2);
  double zero = round (pc_chart_layout_value_to_y (layout, 0.0));
  guint series, category;

  /* £5,500.25 at most: steps of £1k or £2k, so the axis ends at £6k. */
  g_assert_cmpfloat (layout->axis_min, ==, 0);
  g_assert_cmpfloat (layout->axis_max, ==, 6000);
  g_assert_cmpfloat (surgery->origin.y + surgery->size.height, ==, zero);
  g_assert_cmpfloat (follow_up->origin.y + follow_up->size.height, ==, surgery->origin.y);
  /* £4,000 on £1,500.25: about 2.67 times the height, to the pixel. */
  g_assert_cmpfloat_with_epsilon (follow_up->size.height / surgery->size.height, 4000 / 1500.25, 0.02);
  g_assert_true (pc_chart_layout_hit_test (layout, &data, follow_up->origin.x + 1, follow_up->origin.y + 1,
                                           &series, &category));
  g_assert_cmpuint (series, ==, 1);
  g_assert_cmpuint (category, ==, 2);
  g_assert_false (pc_chart_layout_hit_test (layout, &data, 1, 1, &series, &category));
}

static void
test_redraw (void)
{
  PcChart *chart = make_chart ();
  GtkWindow *window = show_in_window (chart, 800, 400);
  guint64 drawn = pc_chart_get_draw_count (chart);
  static const double more[] = { 1, 2, 3, 4, 5, 6 };

  g_assert_cmpuint (drawn, >, 0);
  pc_chart_set_data (chart, years, 3, kinds, 2, more);
  wait_for_draw (chart, drawn);
  g_assert_cmpuint (pc_chart_get_draw_count (chart), >, drawn);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      GtkEventController *controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        found = controller;
      /* The widget keeps its controllers: a borrowed pointer is enough. */
      g_object_unref (controller);
    }
  g_object_unref (controllers);
  return found;
}

static cairo_surface_t *
render_on_screen_colours (PcChart *chart)
{
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  pc_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_describe_point (void)
{
  PcChart *chart = make_chart ();
  GtkWindow *window = show_in_window (chart, 800, 400);
  graphene_rect_t area;
  graphene_rect_t surgery;
  double x;
  double y;
  g_autofree char *text = NULL;
  g_autofree char *above = NULL;
  g_autofree char *corner = NULL;
  cairo_surface_t *surface;

  /* The Follow-up segment of 2028/29 sits on top of the tallest bar. */
  g_assert_true (_pc_chart_get_segment_area (chart, 1, 2, &area));
  g_assert_true (_pc_chart_get_segment_area (chart, 0, 2, &surgery));
  x = area.origin.x + area.size.width / 2;
  y = area.origin.y + area.size.height / 2;
  g_assert_cmpfloat (x, >, 400);
  g_assert_cmpfloat (x, <, 800);
  g_assert_cmpfloat (y, >, 0);
  /* £4,000 is drawn a little over 2.6 times as tall as £1,500.25. */
  g_assert_cmpfloat (fabs (area.size.height / surgery.size.height - 4000 / 1500.25), <, 0.1);
  g_assert_cmpfloat (area.origin.y + area.size.height, ==, surgery.origin.y);

  text = pc_chart_describe_point (chart, x, y);
  g_assert_cmpstr (text, ==, "Follow-up — 2028/29: £4,000.00 (bar total £5,500.25)");

  /* Above the bar, and in the title's corner, there is nothing to describe. */
  above = pc_chart_describe_point (chart, x, area.origin.y - 5);
  g_assert_null (above);
  corner = pc_chart_describe_point (chart, 1, 1);
  g_assert_null (corner);

  /* What is drawn is where the pointer is tested: the segment's middle is
   * painted in the second palette colour, GNOME green #33d17a. */
  surface = render_on_screen_colours (chart);
  g_assert_cmphex (pixel_at (surface, (int) x, (int) y), ==, 0x33d17a);
  g_assert_cmphex (pixel_at (surface, (int) x, (int) (surgery.origin.y + surgery.size.height / 2)),
                   ==, 0x3584e4);
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
}

static void
test_hover (void)
{
  PcChart *chart = make_chart ();
  GtkWindow *window = show_in_window (chart, 800, 400);
  GtkEventController *motion = find_motion_controller (GTK_WIDGET (chart));
  graphene_rect_t area;
  guint64 drawn;
  double y;
  guint32 edge;
  cairo_surface_t *surface;

  g_assert_nonnull (motion);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (chart)));
  g_assert_true (_pc_chart_get_segment_area (chart, 1, 2, &area));
  y = area.origin.y + area.size.height / 2;

  /* Before: the segment's left edge is plain green. */
  surface = render_on_screen_colours (chart);
  g_assert_cmphex (pixel_at (surface, (int) area.origin.x + 1, (int) y), ==, 0x33d17a);
  cairo_surface_destroy (surface);

  /* The pointer over it: redrawn, with an outline in the text colour. */
  drawn = pc_chart_get_draw_count (chart);
  g_signal_emit_by_name (motion, "motion", area.origin.x + area.size.width / 2, y);
  wait_for_draw (chart, drawn);
  surface = render_on_screen_colours (chart);
  edge = pixel_at (surface, (int) area.origin.x + 1, (int) y);
  g_assert_cmphex (edge, !=, 0x33d17a);
  g_assert_cmphex ((edge >> 8) & 0xff, <, 0x80);   /* green channel: dark, not bar green */
  /* The middle keeps its colour: the figure stays readable. */
  g_assert_cmphex (pixel_at (surface, (int) (area.origin.x + area.size.width / 2), (int) y),
                   ==, 0x33d17a);
  cairo_surface_destroy (surface);

  /* The pointer leaves: the outline goes. */
  drawn = pc_chart_get_draw_count (chart);
  g_signal_emit_by_name (motion, "leave");
  wait_for_draw (chart, drawn);
  surface = render_on_screen_colours (chart);
  g_assert_cmphex (pixel_at (surface, (int) area.origin.x + 1, (int) y), ==, 0x33d17a);
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
}

static void
test_many_series (void)
{
  static const char * const one[] = { "2026/27" };
  char *names[12];
  double values[12];
  PcChart *chart = PC_CHART (g_object_ref_sink (pc_chart_new ()));
  GtkWindow *window;
  cairo_surface_t *surface;
  guint32 colours[12];

  for (guint i = 0; i < 12; i++)
    {
      names[i] = g_strdup_printf ("Phase %u", i + 1);
      values[i] = 100.0;
    }
  pc_chart_set_data (chart, one, 1, (const char * const *) names, 12, values);
  for (guint i = 0; i < 12; i++)
    g_free (names[i]);
  window = show_in_window (chart, 800, 600);

  /* Eleven and twelve do not repeat one and two: every segment its own colour. */
  surface = render_on_screen_colours (chart);
  for (guint i = 0; i < 12; i++)
    {
      graphene_rect_t area;

      g_assert_true (_pc_chart_get_segment_area (chart, i, 0, &area));
      colours[i] = pixel_at (surface, (int) (area.origin.x + area.size.width / 2),
                             (int) (area.origin.y + area.size.height / 2));
      for (guint j = 0; j < i; j++)
        g_assert_cmphex (colours[i], !=, colours[j]);
    }
  cairo_surface_destroy (surface);

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
}

static void
test_negative (void)
{
  static const char * const one[] = { "2026/27" };
  static const char * const flows[] = { "Spend", "Refunds" };
  static const double values[] = { 1000.0, -400.0 };
  PcChart *chart = PC_CHART (pc_chart_new ());
  GtkWindow *window;
  graphene_rect_t spend;
  graphene_rect_t refunds;
  g_autofree char *text = NULL;

  g_object_ref_sink (chart);
  pc_chart_set_data (chart, one, 1, flows, 2, values);
  window = show_in_window (chart, 800, 400);

  /* Refunds hang below the zero line that Spend stands on. */
  g_assert_true (_pc_chart_get_segment_area (chart, 0, 0, &spend));
  g_assert_true (_pc_chart_get_segment_area (chart, 1, 0, &refunds));
  g_assert_cmpfloat (refunds.origin.y, ==, spend.origin.y + spend.size.height);
  g_assert_cmpfloat (fabs (refunds.size.height / spend.size.height - 0.4), <, 0.02);
  g_assert_cmpfloat (refunds.origin.y + refunds.size.height, <, 400);

  text = pc_chart_describe_point (chart, refunds.origin.x + 2,
                                  refunds.origin.y + refunds.size.height / 2);
  g_assert_cmpstr (text, ==, "Refunds — 2026/27: -£400.00 (bar total £600.00)");

  gtk_window_destroy (window);
  g_assert_finalize_object (chart);
}

static void
test_label_step (void)
{
  char *names[20];
  double values[20];
  const char *one = "Cost";
  g_autoptr(PcChart) chart = PC_CHART (g_object_ref_sink (pc_chart_new ()));

  for (guint i = 0; i < 20; i++)
    {
      names[i] = g_strdup_printf ("%u/%02u", 2026 + i, (27 + i) % 100);
      values[i] = 1000.0 * (i + 1);
    }
  pc_chart_set_data (chart, (const char * const *) names, 10, &one, 1, values);
  /* Ten financial years fit side by side at 1366 pixels... */
  g_assert_cmpuint (_pc_chart_get_label_step (chart, 1366, 400), ==, 1);

  /* ...twenty in the narrowest chart skip some, so none overlap. */
  pc_chart_set_data (chart, (const char * const *) names, 20, &one, 1, values);
  g_assert_cmpuint (_pc_chart_get_label_step (chart, 320, 220), >=, 3);
  for (guint i = 0; i < 20; i++)
    g_free (names[i]);
}

static gboolean
starts_with (GBytes     *bytes,
             const char *prefix)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return length >= strlen (prefix) && memcmp (data, prefix, strlen (prefix)) == 0;
}

static guint
count_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_save (void)
{
  g_autoptr(PcChart) chart = make_chart ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *upper = g_build_filename (dir, "CHART.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png_bytes = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  cairo_surface_t *image;

  g_assert_true (pc_chart_save (chart, png, 1366, 768, &error));
  g_assert_no_error (error);
  g_assert_true (pc_chart_save (chart, upper, 640, 360, &error));
  g_assert_no_error (error);
  g_assert_true (pc_chart_save (chart, svg, 800, 400, &error));
  g_assert_no_error (error);
  g_assert_true (pc_chart_save (chart, pdf, 800, 400, &error));
  g_assert_no_error (error);

  png_bytes = pc_test_read_bytes (png);
  svg_bytes = pc_test_read_bytes (svg);
  pdf_bytes = pc_test_read_bytes (pdf);
  g_assert_true (starts_with (png_bytes, "\x89PNG"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL),
                                  g_bytes_get_size (svg_bytes), "<svg"));
  g_assert_true (starts_with (pdf_bytes, "%PDF"));
  /* Only the four pictures: no temporary file left over. */
  g_assert_cmpuint (count_dir (dir), ==, 4);

  /* The picture is the size asked for, on white for a printed report. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1366);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 768);
  g_assert_cmphex (pixel_at (image, 1365, 767), ==, 0xffffff);
  cairo_surface_destroy (image);
}

static void
test_save_errors (void)
{
  g_autoptr(PcChart) chart = make_chart ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *bmp = g_build_filename (dir, "chart.bmp", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *folder = g_build_filename (dir, "taken.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_chart_save (chart, bmp, 800, 400, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ".bmp"));
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (pc_chart_save (chart, missing, 800, 400, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_true (g_str_has_prefix (error->message, "cannot write the chart to "));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The rename fails onto a folder: the picture written so far goes too. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (pc_chart_save (chart, folder, 800, 400, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_cmpuint (count_dir (dir), ==, 1);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static guint
count_dark (cairo_surface_t *surface,
            int              x0,
            int              y0,
            int              width,
            int              height)
{
  guint n = 0;

  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      if ((pixel_at (surface, x, y) & 0xff) < 0x80)
        n++;
  return n;
}

static void
test_empty (void)
{
  g_autoptr(PcChart) chart = PC_CHART (g_object_ref_sink (pc_chart_new ()));
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "empty.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  pc_chart_set_title (chart, "Cost by year");
  g_assert_true (pc_chart_save (chart, png, 400, 300, &error));
  g_assert_no_error (error);

  /* "No data" is written in the middle of the plot, not left blank. */
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpuint (count_dark (image, 150, 120, 150, 80), >, 20);
  cairo_surface_destroy (image);
}

static void
test_finalized_with_window (void)
{
  PcChart *chart = PC_CHART (pc_chart_new ());
  GtkWindow *window;
  g_autofree char *text = NULL;

  pc_chart_set_data (chart, years, 3, kinds, 2, costs);
  window = show_in_window (chart, 800, 400);
  g_object_add_weak_pointer (G_OBJECT (chart), (gpointer *) &chart);
  text = pc_chart_describe_point (chart, 400, 200);

  gtk_window_destroy (window);
  pc_test_wait_until (is_null, &chart, 5, "the chart to be finalized");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/data-is-copied", test_data_is_copied);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/describe-millions", test_describe_millions);
  g_test_add_func ("/chart/accessible-role", test_accessible_role);
  g_test_add_func ("/chart/title-notify", test_title_notify);
  g_test_add_func ("/chart/axis-notify", test_axis_notify);
  g_test_add_func ("/chart/layout", test_layout);
  g_test_add_func ("/chart/redraw", test_redraw);
  g_test_add_func ("/chart/describe-point", test_describe_point);
  g_test_add_func ("/chart/hover", test_hover);
  g_test_add_func ("/chart/many-series", test_many_series);
  g_test_add_func ("/chart/negative", test_negative);
  g_test_add_func ("/chart/label-step", test_label_step);
  g_test_add_func ("/chart/save", test_save);
  g_test_add_func ("/chart/save-errors", test_save_errors);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/finalized-with-window", test_finalized_with_window);

  return g_test_run ();
}
