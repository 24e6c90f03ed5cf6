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

#include "pc-pathway-editor-private.h"
#include "pc-window.h"

#define PATHWAY  "breast_current_RF4"
#define SCENARIO "enhanced_recovery_breast"

static char *
copy_to_tmp (const char *sample)
{
  g_autofree char *dir = g_dir_make_tmp ("pathcost-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "bench.pathcost", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

/* Grows the pathway to 500 steps, each a renamed copy of one of its own. */
static void
grow_pathway (const char *path)
{
  g_autoptr(PcProject) project = pc_project_open (path, NULL);
  g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, PATHWAY, NULL);
  guint n = pathway->steps->len;

  g_assert (pc_project_begin (project, NULL));
  for (guint i = n; i < 500; i++)
    {
      g_autoptr(PcStep) step = pc_step_copy (g_ptr_array_index (pathway->steps, i % n));

      g_free (step->name);
      step->name = g_strdup_printf ("Bench step %u", i);
      g_assert (pc_project_insert_step (project, PATHWAY, i, step, NULL));
    }
  g_assert (pc_project_commit (project, NULL));
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what, GArray *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("%s: runs=%u median_ms=%.2f p95_ms=%.2f max_ms=%.2f frame_budget_ms=16.7\n", what, times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint) (times->len * 0.95)),
           g_array_index (times, double, times->len - 1));
}

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
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static int
edit (const char *sample, guint runs)
{
  g_autofree char *path = copy_to_tmp (sample);
  g_autoptr(GArray) redrawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) computed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) saving = g_array_new (FALSE, FALSE, sizeof (double));
  PcWindow *window;
  PcPathwayEditor *editor;
  PcCompareView *view;
  PcCompareChart *chart;

  grow_pathway (path);
  window = pc_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  pc_window_open (window, path);
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
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (computed, ms);
        gtk_widget_queue_draw (GTK_WIDGET (chart));
        while (pc_compare_chart_get_draw_count (chart) == before)
          g_main_context_iteration (NULL, TRUE);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (redrawn, ms);
      }
    }
  report ("compare_recompute", computed);
  report ("compare_recompute_and_redraw", redrawn);
  report ("typing_to_compare_redrawn", typing);
  report ("saved_edit_to_compare_redrawn", saving);
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
