/* bench-levers.c: presentation mode's live levers on a 500-step pathway.
 * What we control: from a lever's value change to the projection's cost
 * chart laid out and painted at its on-screen size (the work done
 * synchronously, no wait for the frame clock), against the 16 ms of a
 * frame and against the chart's paint alone measured the same way (the
 * named baseline, same run).  Also the end-to-end figure, which includes
 * the wait for the next frame-clock tick.  Prints figures and asserts
 * nothing.
 *   bench-levers SAMPLE RUNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "bench-util.h"

static void
report (const char *what,
        GArray     *times,
        double      baseline)
{
  double m = bench_median (times);

  double p95 = g_array_index (times, double, MIN ((guint) (times->len * 0.95), times->len - 1));

  g_print ("%s: runs=%u median_ms=%.2f p95_ms=%.2f max_ms=%.2f frame_budget_ms=16.0 "
           "median_of_frame=%.2f p95_of_frame=%.2f x_baseline=%.2f\n", what, times->len, m, p95,
           g_array_index (times, double, times->len - 1), m / 16.0, p95 / 16.0, baseline > 0 ? m / baseline : 0);
}

/* When the frame clock last began a frame's work (after its wait) and
 * ended it (the window laid out, snapshot and rendered). */
typedef struct
{
  gint64 began;
  gint64 ended;
} FrameTimes;

static void
on_before_paint (GdkFrameClock *clock,
                 FrameTimes    *frame)
{
  frame->began = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameTimes    *frame)
{
  frame->ended = g_get_monotonic_time ();
}

/* The named baseline: the chart asked to draw again with nothing new;
 * end to end, and the frame's own work without its wait (@frame_work). */
static double
redraw_alone (PcChart    *chart,
              guint       runs,
              FrameTimes *frame,
              double     *frame_work)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_frame = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      guint64 before = pc_chart_get_draw_count (chart);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_widget_queue_draw (GTK_WIDGET (chart));
      ms = bench_ms_until_drawn (chart, before, t0);
      g_array_append_val (times, ms);
      while (frame->ended < frame->began)
        g_main_context_iteration (NULL, TRUE);
      ms = (frame->ended - frame->began) / 1000.0;
      g_array_append_val (in_frame, ms);
    }
  report ("our_work_whole_frame_chart_redraw_alone", in_frame, 0);
  *frame_work = bench_median (in_frame);
  report ("including_wait_for_next_frame_chart_redraw_alone", times, 0);
  return bench_median (times);
}

/* Lays out and paints @chart into an image of its on-screen size, as its
 * snapshot does, and returns when the pixels are written. */
static void
paint_chart (PcChart *chart)
{
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  pc_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* The named baseline of our work: the chart laid out and painted with
 * nothing new. */
static double
paint_alone (PcChart *chart,
             guint    runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      paint_chart (chart);
      ms = bench_ms_since (t0);
      g_array_append_val (times, ms);
    }
  report ("our_work_chart_paint_alone", times, 0);
  return bench_median (times);
}

/* Our work for one lever move: the scenario, projection and comparison
 * recomputed (the value change's handlers), then the chart laid out and
 * painted; no frame clock involved. */
static void
lever_work (GtkRange *shift,
            PcChart  *chart,
            guint     runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double baseline = paint_alone (chart, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      gtk_range_set_value (shift, 0.05 * (1 + (i + 5) % 10));
      paint_chart (chart);
      ms = bench_ms_since (t0);
      g_array_append_val (times, ms);
      /* Let the window catch up between moves, untimed. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  report ("our_work_lever_to_chart_painted", times, baseline);
}

static int
levers (const char *sample,
        guint       runs)
{
  g_autofree char *path = bench_copy_to_tmp (sample);
  PcWindow *window;
  PcProjectionView *view;
  PcChart *chart;
  GtkRange *shift;
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_frame = g_array_new (FALSE, FALSE, sizeof (double));
  FrameTimes frame = { 0, };
  GdkFrameClock *clock;
  double baseline, frame_baseline;

  bench_grow_pathway (path, "breast_best_practice");
  window = bench_new_window (path, 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "presenting", TRUE, NULL);
  view = pc_window_get_projection_view (window);
  chart = pc_projection_view_get_cost_chart (view);
  shift = GTK_RANGE (pc_lever_panel_get_shift_scale (pc_projection_view_get_lever_panel (view)));
  g_print ("steps=%u\n", pc_document_get_pathway (pc_window_get_document (window))->steps->len);
  while (pc_chart_get_draw_count (chart) == 0)
    g_main_context_iteration (NULL, TRUE);

  lever_work (shift, chart, runs);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frame);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frame);
  baseline = redraw_alone (chart, runs, &frame, &frame_baseline);
  for (guint i = 0; i < runs; i++)
    {
      guint64 before = pc_chart_get_draw_count (chart);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      /* 5% to 50% and back, as a presenter's arrow keys move it. */
      gtk_range_set_value (shift, 0.05 * (1 + i % 10));
      ms = bench_ms_since (t0);
      g_array_append_val (computed, ms);
      ms = bench_ms_until_drawn (chart, before, t0);
      g_array_append_val (moved, ms);
      /* The frame that drew the chart ends with its render. */
      while (frame.ended < frame.began)
        g_main_context_iteration (NULL, TRUE);
      ms = g_array_index (computed, double, computed->len - 1) + (frame.ended - frame.began) / 1000.0;
      g_array_append_val (in_frame, ms);
    }
  report ("including_wait_for_next_frame_lever_to_chart_redrawn", moved, baseline);
  report ("lever_scenario_projection_comparison_before_drawing", computed, baseline);
  report ("our_work_lever_compute_plus_whole_frame_without_wait", in_frame, frame_baseline);
  g_signal_handlers_disconnect_by_data (clock, &frame);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int argc, char *argv[])
{
  gtk_init ();
  adw_init ();
  if (argc == 3)
    return levers (argv[1], (guint) g_ascii_strtoull (argv[2], NULL, 10));
  g_printerr ("usage: bench-levers SAMPLE RUNS\n");
  return 2;
}
