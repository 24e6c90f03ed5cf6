/* bench-projection.c: time to load and compute a 20-year projection for
 * every area of a project, one area at a time.
 *   bench-projection FILE.pathcost PATHWAY FROM YEARS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pc-project.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_auto(GStrv) areas = NULL;
  gint64 start, loaded, computed = 0;
  double total = 0.0;
  int from, years;

  if (argc != 5)
    {
      fprintf (stderr, "usage: bench-projection FILE PATHWAY FROM YEARS\n");
      return 2;
    }
  from = atoi (argv[3]);
  years = atoi (argv[4]);

  start = g_get_monotonic_time ();
  project = pc_project_open_full (argv[1], PC_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL || (pathway = pc_project_load_pathway (project, argv[2], &error)) == NULL)
    {
      fprintf (stderr, "bench-projection: %s\n", error->message);
      return 1;
    }
  areas = pc_project_list_areas (project, NULL);
  loaded = g_get_monotonic_time ();

  for (guint i = 0; areas[i] != NULL; i++)
    {
      const char *one[] = { areas[i], NULL };
      g_autoptr(PcProjectionInput) input = NULL;
      g_autoptr(PcProjection) projection = NULL;
      gint64 t0 = g_get_monotonic_time ();

      input = pc_project_load_projection_input (project, pathway->site, one, from, years, &error);
      if (input == NULL)
        {
          fprintf (stderr, "bench-projection: %s\n", error->message);
          return 1;
        }
      projection = pc_projection_compute (pathway, input);
      total += projection->total_cost;
      computed += g_get_monotonic_time () - t0;
    }

  printf ("areas=%u years=%d open_ms=%.2f projections_ms=%.2f per_area_ms=%.3f checksum=%.2f\n",
          g_strv_length (areas), years, (loaded - start) / 1000.0, computed / 1000.0,
          computed / 1000.0 / MAX (g_strv_length (areas), 1), total);
  return 0;
}
