/* bench-activity-ui.c: a switch between the Activity page's views, from
 * the switch to the window's next frame painted, with the view's figures
 * read before (the view already shown once since the last change) and
 * read again (the project changed since: each view reads when shown).
 * The Costing view, switched to in the same way, is the baseline.
 * Prints figures and asserts nothing.
 *   bench-activity-ui PROJECT RUNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "bench-util.h"

static const char * const views[] = {
  "costing", "activity/flows", "activity/costs", "activity/compliance", "activity/unit-costs",
  "activity/risks", NULL,
};

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* From the switch to the frame after it painted. */
static double
switch_to (PcWindow   *window,
           const char *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;
  gint64 t0;

  /* From a page that reads nothing, so each switch does the same work. */
  pc_window_show_view (window, "settings");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  t0 = g_get_monotonic_time ();
  pc_window_show_view (window, view);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return bench_ms_since (t0);
}

/* An edit each view must read again after: the risk tolerance, 10 and
 * 10.000001 percentage points by turns. */
static gboolean
touch (PcProject *project,
       gpointer   data,
       GError   **error)
{
  g_autofree char *value = g_strdup_printf ("%.17g", GPOINTER_TO_UINT (data) % 2 ? 0.10000001 : 0.10);

  return pc_project_set_setting (project, "risk_share_tolerance", value, error);
}

int
main (int argc, char *argv[])
{
  PcWindow *window;
  guint runs;
  g_autoptr(GArray) baseline_cached = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline_read = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_init ();
  adw_init ();
  if (argc != 3)
    {
      g_printerr ("usage: bench-activity-ui PROJECT RUNS\n");
      return 2;
    }
  runs = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  window = bench_new_window (argv[1], 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  for (guint v = 0; views[v] != NULL; v++)
    switch_to (window, views[v]);
  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < runs; i++)
        {
          double ms = switch_to (window, views[v]);

          g_array_append_val (cached, ms);
          g_assert (pc_document_edit (pc_window_get_document (window), "Touch", PC_CHANGE_DATA, touch, GUINT_TO_POINTER (i), NULL));
          ms = switch_to (window, views[v]);
          g_array_append_val (read, ms);
        }
      if (v == 0)
        {
          g_array_append_vals (baseline_cached, cached->data, cached->len);
          g_array_append_vals (baseline_read, read->data, read->len);
        }
      g_print ("%s: runs=%u shown_before_ms=%.1f read_again_ms=%.1f ratio_to_costing=%.2f/%.2f\n", views[v], runs,
               bench_median (cached), bench_median (read), bench_median (cached) / bench_median (baseline_cached),
               bench_median (read) / bench_median (baseline_read));
    }
  /* Saved, the working copy goes with the window: a copy of a large
   * project is not left behind as edits to recover. */
  g_assert (pc_document_save (pc_window_get_document (window), NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
