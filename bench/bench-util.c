/* bench-util.c: what the window benchmarks share (see bench-util.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"

char *
bench_copy_to_tmp (const char *sample)
{
  g_autofree char *dir = g_dir_make_tmp ("pathcost-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "bench.pathcost", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

void
bench_grow_pathway (const char *path,
                    const char *pathway_name)
{
  g_autoptr(PcProject) project = pc_project_open (path, NULL);
  g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, pathway_name, NULL);
  guint n = pathway->steps->len;

  g_assert (pc_project_begin (project, NULL));
  for (guint i = n; i < 500; i++)
    {
      g_autoptr(PcStep) step = pc_step_copy (g_ptr_array_index (pathway->steps, i % n));

      g_free (step->name);
      step->name = g_strdup_printf ("Bench step %u", i);
      g_assert (pc_project_insert_step (project, pathway_name, i, step, NULL));
    }
  g_assert (pc_project_commit (project, NULL));
}

PcWindow *
bench_new_window (const char *path,
                  int         width,
                  int         height)
{
  PcWindow *window = pc_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  pc_window_open (window, path);
  return window;
}

double
bench_ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

double
bench_ms_until_drawn (PcChart *chart,
                      guint64  before,
                      gint64   t0)
{
  while (pc_chart_get_draw_count (chart) <= before)
    g_main_context_iteration (NULL, TRUE);
  return bench_ms_since (t0);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

void
bench_report (const char *what,
              GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("%s: runs=%u median_ms=%.2f p95_ms=%.2f max_ms=%.2f frame_budget_ms=16.7\n", what, times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint) (times->len * 0.95)),
           g_array_index (times, double, times->len - 1));
}
