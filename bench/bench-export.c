/* bench-export.c: the negotiation workbook's export time for the sample, and
 * cells per second for a large export (every area of a project summed)
 * against a bare libxlsxwriter program writing the same number of numbers,
 * strings and formulas (with cached values) in the same mode.
 *   bench-export SAMPLE.pathcost LARGE.pathcost PATHWAY FROM YEARS OUT_DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "pc-project.h"
#include "pc-workbook.h"

#define SAMPLE_RUNS 10
#define LARGE_RUNS 3
#define BASELINE_COLUMNS 40

static guint64
cells_of (const PcWorkbookStats *stats)
{
  return stats->numbers + stats->strings + stats->formulas;
}

/* Best and mean wall time in seconds of @runs exports of every area of
 * @path; fills @stats with the last run's counts. */
static gboolean
time_export (const char      *path,
             const char      *pathway,
             int              from,
             int              years,
             const char      *output,
             guint            runs,
             double          *best,
             double          *mean,
             PcWorkbookStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, &error);
  g_auto(GStrv) areas = project != NULL ? pc_project_list_areas (project, NULL) : NULL;
  PcWorkbookRequest request = {
    .pathway = pathway, .areas = (const char * const *) areas, .from = from, .years = years,
    .output_path = output,
  };

  *best = G_MAXDOUBLE;
  *mean = 0.0;
  for (guint run = 0; project != NULL && run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      if (!pc_workbook_export_full (project, &request, stats, &error))
        break;
      seconds = (g_get_monotonic_time () - start) / 1e6;
      *best = MIN (*best, seconds);
      *mean += seconds / runs;
    }
  if (error != NULL)
    fprintf (stderr, "bench-export: %s\n", error->message);
  return error == NULL;
}

/* What the export asks of the engine alone: load the pathway and the
 * projection's inputs for every area, and compute it (best of @runs). */
static double
time_engine (const char *path,
             const char *pathway_name,
             int         from,
             int         years,
             guint       runs)
{
  g_autoptr(PcProject) project = pc_project_open_full (path, PC_PROJECT_OPEN_READ_ONLY, NULL);
  g_auto(GStrv) areas = pc_project_list_areas (project, NULL);
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PcPathway) pathway = pc_project_load_pathway (project, pathway_name, NULL);
      g_autoptr(PcProjectionInput) input =
        pc_project_load_projection_input (project, pathway->site, (const char * const *) areas,
                                          from, years, NULL);
      g_autoptr(PcProjection) projection = pc_projection_compute (pathway, input);

      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
    }
  return best;
}

/* The same cells with nothing but libxlsxwriter: numbers, then strings
 * (from a pool, as a workbook's labels repeat), then formulas with their
 * cached value, BASELINE_COLUMNS to a row, one worksheet. */
static double
time_baseline (const PcWorkbookStats *stats,
               const char            *output)
{
  gint64 start = g_get_monotonic_time ();
  lxw_workbook *workbook = workbook_new (output);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Cells");
  lxw_format *money = workbook_add_format (workbook);
  guint64 cell = 0, total = cells_of (stats);
  lxw_error rc = LXW_NO_ERROR;
  char text[32];

  format_set_num_format (money, "[$£-809]#,##0.00");
  for (; cell < total && rc == LXW_NO_ERROR; cell++)
    {
      lxw_row_t row = cell / BASELINE_COLUMNS;
      lxw_col_t col = cell % BASELINE_COLUMNS;

      if (cell < stats->numbers)
        rc = worksheet_write_number (sheet, row, col, cell * 1.5, money);
      else if (cell < stats->numbers + stats->strings)
        {
          g_snprintf (text, sizeof text, "Label %u", (guint) (cell % 500));
          rc = worksheet_write_string (sheet, row, col, text, NULL);
        }
      else
        rc = worksheet_write_formula_num (sheet, row, col, "=SUMPRODUCT(A1:A40,B1:B40)*$C$1",
                                          money, cell * 0.5);
    }
  if (workbook_close (workbook) != LXW_NO_ERROR || rc != LXW_NO_ERROR)
    fprintf (stderr, "bench-export: the baseline failed\n");
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  PcWorkbookStats sample = { 0, }, large = { 0, };
  g_autofree char *sample_out = NULL, *large_out = NULL, *baseline_out = NULL;
  double best, mean, engine, baseline = G_MAXDOUBLE;
  int from, years;

  if (argc != 7)
    {
      fprintf (stderr, "usage: bench-export SAMPLE LARGE PATHWAY FROM YEARS OUT_DIR\n");
      return 2;
    }
  from = atoi (argv[4]);
  years = atoi (argv[5]);
  sample_out = g_build_filename (argv[6], "sample.xlsx", NULL);
  large_out = g_build_filename (argv[6], "large.xlsx", NULL);
  baseline_out = g_build_filename (argv[6], "baseline.xlsx", NULL);

  if (!time_export (argv[1], argv[3], from, 10, sample_out, SAMPLE_RUNS, &best, &mean, &sample))
    return 1;
  printf ("sample export (%s, 10 years): %.1f ms best, %.1f ms mean of %d; %" G_GUINT64_FORMAT
          " cells (%" G_GUINT64_FORMAT " formulas), %u charts\n", argv[3], best * 1000,
          mean * 1000, SAMPLE_RUNS, cells_of (&sample), sample.formulas, sample.charts);

  if (!time_export (argv[2], argv[3], from, years, large_out, LARGE_RUNS, &best, &mean, &large))
    return 1;
  for (guint run = 0; run < LARGE_RUNS; run++)
    baseline = MIN (baseline, time_baseline (&large, baseline_out));
  engine = time_engine (argv[2], argv[3], from, years, LARGE_RUNS);
  printf ("large export (every area, %d years): %" G_GUINT64_FORMAT " cells (%" G_GUINT64_FORMAT
          " numbers, %" G_GUINT64_FORMAT " strings, %" G_GUINT64_FORMAT " formulas) in %.3f s "
          "= %.0f cells/s, of which the engine's load and projection %.3f s\n"
          "bare libxlsxwriter, same cells: %.3f s = %.0f cells/s; ratio %.2f, %.2f without "
          "the engine's part (best of %d)\n", years, cells_of (&large), large.numbers,
          large.strings, large.formulas, best, cells_of (&large) / best, engine, baseline,
          cells_of (&large) / baseline, best / baseline, (best - engine) / baseline, LARGE_RUNS);
  g_remove (sample_out);
  g_remove (large_out);
  g_remove (baseline_out);
  return 0;
}
