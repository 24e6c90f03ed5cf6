/* bench-ui.c: the window's two speeds the issue names.
 *   1. From main() to the first frame of the window with the sample open.
 *   2. For a pathway of 500 steps, from a step's quantity changing to the
 *      projection chart redrawn: while typing (the preview) and on leaving
 *      the cell (saved to the working copy as an undoable edit).
 * Prints figures and asserts nothing.
 *   bench-ui first-frame SAMPLE | bench-ui edit SAMPLE RUNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "pc-pathway-editor-private.h"

static gint64 started;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  g_print ("first_frame_ms=%.1f\n", (now - started) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, data);
  *(gboolean *) data = TRUE;
}

static int
first_frame (const char *sample)
{
  g_autofree char *path = bench_copy_to_tmp (sample);
  gint64 t0 = g_get_monotonic_time ();
  PcWindow *window = pc_window_new (NULL);
  gboolean painted = FALSE;
  gint64 t1 = g_get_monotonic_time ();

  g_print ("gtk_init_ms=%.1f new_window_ms=%.1f ", (t0 - started) / 1000.0, (t1 - t0) / 1000.0);
  pc_window_open (window, path);
  g_print ("open_ms=%.1f ", (g_get_monotonic_time () - t1) / 1000.0);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
edit (const char *sample, guint runs)
{
  g_autofree char *path = bench_copy_to_tmp (sample);
  PcWindow *window;
  PcPathwayEditor *editor;
  PcChart *chart;
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving_sync = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typing_sync = g_array_new (FALSE, FALSE, sizeof (double));

  bench_grow_pathway (path, "breast_best_practice");
  window = bench_new_window (path, 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  pc_window_show_view (window, "projection");
  editor = pc_window_get_pathway_editor (window);
  chart = pc_projection_view_get_cost_chart (pc_window_get_projection_view (window));
  g_print ("steps=%u\n", g_list_model_get_n_items (pc_pathway_editor_get_rows (editor)));
  while (pc_chart_get_draw_count (chart) == 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *quantity = g_strdup_printf ("%u", 2 + i % 7);
      guint64 before = pc_chart_get_draw_count (chart);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      pc_pathway_editor_type (editor, 250, PC_STEP_FIELD_QUANTITY, quantity);
      ms = bench_ms_since (t0);
      g_array_append_val (typing_sync, ms);
      ms = bench_ms_until_drawn (chart, before, t0);
      g_array_append_val (typing, ms);

      before = pc_chart_get_draw_count (chart);
      t0 = g_get_monotonic_time ();
      pc_pathway_editor_enter (editor, 250, PC_STEP_FIELD_QUANTITY, quantity);
      ms = bench_ms_since (t0);
      g_array_append_val (saving_sync, ms);
      ms = bench_ms_until_drawn (chart, before, t0);
      g_array_append_val (saving, ms);
    }
  bench_report ("typing_to_chart_redrawn", typing);
  bench_report ("typing_engine_and_views_before_drawing", typing_sync);
  bench_report ("saved_edit_to_chart_redrawn", saving);
  bench_report ("saved_edit_engine_and_views_before_drawing", saving_sync);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int argc, char *argv[])
{
  started = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();
  if (argc == 3 && g_str_equal (argv[1], "first-frame"))
    return first_frame (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "edit"))
    return edit (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  g_printerr ("usage: bench-ui first-frame SAMPLE | bench-ui edit SAMPLE RUNS\n");
  return 2;
}
