/* bench-compare.c: the business case's speeds.
 *   1. For a pathway of 500 steps, the Compare view recomputed (baseline
 *      and scenario projected, compared, figures and tables filled) and its
 *      chart redrawn after one change; and from a step's quantity changing
 *      (typed, then saved as an undoable edit) to that chart redrawn, which
 *      includes the edit itself and every other view's work.
 *   2. The PSA the Sensitivity view runs (with progress and a way to stop)
 *      against the same PSA without them: what the window's Cancel costs.
 * Prints figures and asserts nothing.
 *   bench-compare edit SAMPLE RUNS
 *   bench-compare psa FILE PATHWAY AREA FROM YEARS ITERATIONS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "pc-pathway-editor-private.h"

#define PATHWAY  "breast_current_RF4"
#define SCENARIO "enhanced_recovery_breast"

static double
time_to_redraw (PcCompareChart  *chart,
                PcPathwayEditor *editor,
                const char      *quantity,
                gboolean         enter)
{
  guint64 before = pc_compare_chart_get_draw_count (chart);
  gint64 t0 = g_get_monotonic_time ();

  if (enter)
    pc_pathway_editor_enter (editor, 250, PC_STEP_FIELD_QUANTITY, quantity);
  else
    pc_pathway_editor_type (editor, 250, PC_STEP_FIELD_QUANTITY, quantity);
  while (pc_compare_chart_get_draw_count (chart) == before)
    g_main_context_iteration (NULL, TRUE);
  return bench_ms_since (t0);
}

static int
edit (const char *sample, guint runs)
{
  g_autofree char *path = bench_copy_to_tmp (sample);
  g_autoptr(GArray) redrawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));
  PcWindow *window;
  PcPathwayEditor *editor;
  PcCompareView *view;
  PcCompareChart *chart;

  bench_grow_pathway (path, PATHWAY);
  window = bench_new_window (path, 1366, 768);
  g_assert (pc_document_set_pathway_name (pc_window_get_document (window), PATHWAY, NULL));
  gtk_window_present (GTK_WINDOW (window));
  pc_window_show_view (window, "compare");
  editor = pc_window_get_pathway_editor (window);
  view = pc_window_get_compare_view (window);
  chart = pc_compare_view_get_chart (view);
  g_assert (pc_compare_selection_set_scenario (pc_compare_view_get_selection (view), SCENARIO));
  g_print ("steps=%u scenario=%s years=%u\n", g_list_model_get_n_items (pc_pathway_editor_get_rows (editor)),
           SCENARIO, pc_compare_chart_get_n_years (chart));
  while (pc_compare_chart_get_draw_count (chart) == 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *quantity = g_strdup_printf ("%u", 2 + i % 7);

      /* While typing: the document previews the step, every view follows. */
      g_array_append_val (typing, (double) { time_to_redraw (chart, editor, quantity, FALSE) });
      /* On leaving the cell: saved as an undoable edit, then every view follows. */
      g_array_append_val (saving, (double) { time_to_redraw (chart, editor, quantity, TRUE) });
      /* The Compare view's own share: recomputed from the cached input and redrawn. */
      {
        guint64 before = pc_compare_chart_get_draw_count (chart);
        gint64 t0 = g_get_monotonic_time ();
        double ms;

        g_signal_emit_by_name (pc_compare_view_get_selection (view), "changed");
        ms = bench_ms_since (t0);
        g_array_append_val (computed, ms);
        gtk_widget_queue_draw (GTK_WIDGET (chart));
        while (pc_compare_chart_get_draw_count (chart) == before)
          g_main_context_iteration (NULL, TRUE);
        ms = bench_ms_since (t0);
        g_array_append_val (redrawn, ms);
      }
    }
  bench_report ("compare_recompute", computed);
  bench_report ("compare_recompute_and_redraw", redrawn);
  bench_report ("typing_to_compare_redrawn", typing);
  bench_report ("saved_edit_to_compare_redrawn", saving);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static gboolean
keep_going (guint done, guint total, gpointer data)
{
  return !g_cancellable_is_cancelled (data);
}

static double
time_psa (const PcPathway *pathway, const PcProjectionInput *input, guint iterations, gboolean with_progress)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(PcPsa) psa = pc_sensitivity_psa_full (pathway, input, NULL, iterations, 1, g_get_num_processors (),
                                                      with_progress ? keep_going : NULL, cancellable);

      g_assert (psa != NULL);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1000.0);
    }
  return best;
}

static int
psa (char **argv)
{
  const char *areas[] = { argv[3], NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open_full (argv[1], PC_PROJECT_OPEN_READ_ONLY, &error);
  g_autoptr(PcPathway) pathway = project != NULL ? pc_project_load_pathway (project, argv[2], &error) : NULL;
  g_autoptr(PcProjectionInput) input = pathway != NULL
    ? pc_project_load_projection_input (project, pathway->site, areas, atoi (argv[4]), atoi (argv[5]), &error)
    : NULL;
  guint iterations = (guint) atoi (argv[6]);

  if (input == NULL)
    {
      g_printerr ("bench-compare: %s\n", error->message);
      return 1;
    }
  g_print ("window_psa iterations=%u years=%s threads=%u with_progress_and_cancel_ms=%.1f without_ms=%.1f\n",
           iterations, argv[5], g_get_num_processors (), time_psa (pathway, input, iterations, TRUE),
           time_psa (pathway, input, iterations, FALSE));
  return 0;
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "edit"))
    {
      gtk_init ();
      adw_init ();
      return edit (argv[2], (guint) atoi (argv[3]));
    }
  if (argc == 8 && g_str_equal (argv[1], "psa"))
    return psa (argv + 1);
  g_printerr ("usage: bench-compare edit SAMPLE RUNS | bench-compare psa FILE PATHWAY AREA FROM YEARS ITERATIONS\n");
  return 2;
}
