/* bench-psa.c: a 10,000-iteration PSA over a 20-year horizon for one pathway
 * and one area, and a deterministic recompute after one parameter changes.
 * Also writes the flattened model as JSON for bench/psa_numpy.py, the
 * baseline that runs the same sampling and arithmetic with numpy.
 *   bench-psa FILE.pathcost PATHWAY AREA FROM YEARS ITERATIONS MODEL.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "pc-project.h"
#include "pc-sensitivity.h"

static void
add_doubles (JsonBuilder *builder, const char *name, const double *values, guint n)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_double_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
write_model (const PcPathway *pathway, const PcProjectionInput *input, const char *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      double unit_cost = pc_step_unit_cost (step, pathway->mff);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, step->name);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, step->year_offset);
      json_builder_set_member_name (builder, "death");
      json_builder_add_boolean_value (builder, step->basis == PC_BASIS_DEATH);
      add_doubles (builder, "unit_cost", &unit_cost, 1);
      add_doubles (builder, "quantity", &step->quantity, 1);
      add_doubles (builder, "share", step->share, PC_N_STAGES);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_doubles (builder, "crude", input->crude_incidence, input->n_years);
  add_doubles (builder, "stage_share", input->stage_share, PC_N_STAGES);
  json_builder_set_member_name (builder, "survival");
  json_builder_begin_array (builder);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      json_builder_begin_array (builder);
      for (guint k = 0; k <= PC_N_OFFSETS; k++)
        json_builder_add_double_value (builder, input->survival[s][k]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  add_doubles (builder, "trend", &input->trend, 1);
  add_doubles (builder, "inflation", &input->inflation, 1);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, NULL);
}

static double
time_psa (const PcPathway *pathway, const PcProjectionInput *input, guint iterations,
          guint threads, double *mean)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PcPsa) psa = pc_sensitivity_psa (pathway, input, NULL, iterations, 1, threads);

  *mean = psa->total.mean;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The window's sliders: change one step's quantity, recompute everything. */
static double
time_recompute (PcPathway *pathway, const PcProjectionInput *input)
{
  const guint rounds = 2000;
  PcStep *step = g_ptr_array_index (pathway->steps, 0);
  gint64 start = g_get_monotonic_time ();
  double checksum = 0.0;

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(PcProjection) projection = NULL;

      step->quantity = 1.0 + (i % 7) * 0.1;
      projection = pc_projection_compute (pathway, input);
      checksum += projection->total_cost;
    }
  if (checksum <= 0)
    fprintf (stderr, "unexpected checksum\n");
  return (g_get_monotonic_time () - start) / 1000.0 / rounds;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  const char *areas[] = { NULL, NULL };
  guint iterations;
  double mean1, mean_n, ms1, ms_n;

  if (argc != 8)
    {
      fprintf (stderr, "usage: bench-psa FILE PATHWAY AREA FROM YEARS ITERATIONS MODEL.json\n");
      return 2;
    }
  areas[0] = argv[3];
  iterations = (guint) atoi (argv[6]);
  project = pc_project_open_full (argv[1], PC_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL
      || (pathway = pc_project_load_pathway (project, argv[2], &error)) == NULL
      || (input = pc_project_load_projection_input (project, pathway->site, areas, atoi (argv[4]),
                                                    atoi (argv[5]), &error)) == NULL)
    {
      fprintf (stderr, "bench-psa: %s\n", error->message);
      return 1;
    }
  write_model (pathway, input, argv[7]);
  ms1 = time_psa (pathway, input, iterations, 1, &mean1);
  ms_n = time_psa (pathway, input, iterations, g_get_num_processors (), &mean_n);
  printf ("pathcost_psa iterations=%u steps=%u years=%s one_thread_ms=%.1f "
          "%u_threads_ms=%.1f mean_total=%.2f\n", iterations, pathway->steps->len, argv[5],
          ms1, g_get_num_processors (), ms_n, mean_n);
  printf ("recompute_after_one_change_ms=%.4f\n", time_recompute (pathway, input));
  return 0;
}
