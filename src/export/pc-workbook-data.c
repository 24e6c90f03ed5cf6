/* pc-workbook-data.c: gathers, through the store's functions, what the
 * workbook shows beyond the engine's own types: the population rows behind
 * each year's expected cases, the incidence rates, the tariffs the pathway
 * uses, names of areas, pathway and providers, and where the project's
 * data came from.  The projection itself is pc_projection_compute's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <string.h>

#include "pc-error.h"
#include "pc-project.h"
#include "pc-workbook-private.h"

static void
population_free (PcWbPopulation *row)
{
  if (row == NULL)
    return;
  g_free (row->area);
  g_free (row);
}

static void
tariff_free (PcWbTariff *tariff)
{
  g_free (tariff->code);
  g_free (tariff->description);
  g_free (tariff->unit);
  g_free (tariff);
}

/* The rows of @area the projection's years can use (the store picks
 * them), each ready to be marked with the years it stands for. */
static gboolean
read_area_years (PcWb        *wb,
                 const char  *area,
                 const char  *label,
                 GPtrArray   *years,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = pc_project_load_population_span (wb->project, area,
                                                               wb->input->first_year,
                                                               wb->input->first_year
                                                               + (int) wb->input->n_years - 1,
                                                               error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const PcPopulationYear *year = g_ptr_array_index (rows, i);
      PcWbPopulation *row = g_new0 (PcWbPopulation, 1);

      row->area = g_strdup (area);
      row->label = label;
      row->year = year->year;
      row->used_from = G_MAXINT;
      row->used_to = G_MININT;
      memcpy (row->count, year->count, sizeof row->count);
      g_ptr_array_add (years, row);
    }
  return TRUE;
}

/* Σ count × rate in the order SUMPRODUCT takes them, then / 100 000. */
static double
expected_cases (PcWb                 *wb,
                const PcWbPopulation *row)
{
  double sum = 0.0;

  for (guint sex = 0; sex < PC_N_SEXES; sex++)
    for (guint band = 0; band < PC_N_AGE_BANDS; band++)
      sum += row->count[sex][band] * wb->rates[sex][band];
  return sum / 100000.0;
}

/* Keeps the rows the projection's years use, as the engine chooses them
 * (pc-project-epidemiology.c): the latest year not after the year, or the
 * first year for a year before it. */
static gboolean
load_area_population (PcWb        *wb,
                      const char  *area,
                      const char  *label,
                      GError     **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) population_free);

  if (!read_area_years (wb, area, label, years, error))
    return FALSE;
  for (guint t = 0; t < wb->input->n_years && years->len > 0; t++)
    {
      int year = wb->input->first_year + (int) t;
      guint i = 0;
      PcWbPopulation *row;

      while (i + 1 < years->len
             && ((PcWbPopulation *) g_ptr_array_index (years, i + 1))->year <= year)
        i++;
      row = g_ptr_array_index (years, i);
      row->used_from = MIN (row->used_from, year);
      row->used_to = MAX (row->used_to, year);
    }
  for (guint i = 0; i < years->len; i++)
    {
      PcWbPopulation *row = g_ptr_array_index (years, i);

      if (row->used_from > row->used_to)
        continue;
      row->cases = expected_cases (wb, row);
      g_ptr_array_add (wb->population, g_steal_pointer (&years->pdata[i]));
    }
  return TRUE;
}

/* Each area the selection covers, a group standing for its members. */
static gboolean
load_areas (PcWb    *wb,
            GError **error)
{
  g_auto(GStrv) areas = pc_project_expand_areas (wb->project, wb->request->areas, error);

  if (areas == NULL)
    return FALSE;
  for (guint i = 0; areas[i] != NULL; i++)
    {
      const char *code = areas[i];
      g_autofree char *name = pc_project_get_area_name (wb->project, code);
      char *label;

      label = name != NULL ? g_strdup_printf ("%s (%s)", name, code) : g_strdup (code);
      g_ptr_array_add (wb->areas, label);
      if (!load_area_population (wb, code, label, error))
        return FALSE;
    }
  wb->areas_name = pc_project_describe_areas (wb->project, wb->request->areas);
  return TRUE;
}

/* The window exports from a working copy named by a hash in its state
 * folder (HACKING.md): a name that means nothing to the reader. */
static gboolean
is_working_copy (const char *path)
{
  g_autofree char *folder = g_build_filename (g_get_user_state_dir (), "pathcost", "working",
                                              NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  return g_strcmp0 (dir, folder) == 0;
}

/* The project's file name as its user knows it: never the folders it sits
 * in, which the other side of a negotiation has no use for. */
char *
_pc_wb_project_name (PcWb *wb)
{
  const char *given = wb->negotiation != NULL ? wb->negotiation->project_name
                                              : wb->request->project_name;
  const char *path = given != NULL ? given : pc_project_get_path (wb->project);
  g_autofree char *base = NULL;

  if (given == NULL && is_working_copy (path))
    return g_strdup ("the project open in Pathcost");
  base = g_path_get_basename (path);
  return g_filename_display_name (base);
}

const char *
_pc_wb_provider_name (PcWb       *wb,
                      const char *code)
{
  const char *name = code != NULL ? g_hash_table_lookup (wb->provider_names, code) : NULL;

  return name != NULL ? name : code;
}

static gboolean
load_descriptions (PcWb    *wb,
                   GError **error)
{
  wb->provider_names = pc_project_load_provider_names (wb->project, error);
  if (wb->provider_names == NULL)
    return FALSE;
  wb->pathway_name = pc_project_describe_pathway (wb->project, wb->pathway);
  wb->project_name = _pc_wb_project_name (wb);
  wb->sources = pc_project_list_sources (wb->project, error);
  return wb->sources != NULL;
}

static PcWbTariff *
find_tariff (PcWb       *wb,
             const char *code)
{
  for (guint i = 0; i < wb->tariffs->len; i++)
    {
      PcWbTariff *tariff = g_ptr_array_index (wb->tariffs, i);

      if (strcmp (tariff->code, code) == 0)
        return tariff;
    }
  return NULL;
}

/* The tariffs the steps name, in the order the pathway first uses them. */
static gboolean
load_tariffs (PcWb    *wb,
              GError **error)
{
  for (guint i = 0; i < wb->pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (wb->pathway->steps, i);
      PcWbTariff *tariff;

      if (step->tariff_code == NULL || find_tariff (wb, step->tariff_code) != NULL)
        continue;
      tariff = g_new0 (PcWbTariff, 1);
      tariff->code = g_strdup (step->tariff_code);
      tariff->price = step->tariff_price;
      g_ptr_array_add (wb->tariffs, tariff);
      if (!pc_project_describe_tariff (wb->project, tariff->code, &tariff->description,
                                       &tariff->unit, &tariff->year, error))
        return FALSE;
    }
  return TRUE;
}

static void
find_activities (PcWb *wb)
{
  gboolean used[PC_N_ACTIVITIES] = { FALSE, };

  for (guint i = 0; i < wb->pathway->steps->len; i++)
    used[((PcStep *) g_ptr_array_index (wb->pathway->steps, i))->activity] = TRUE;
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    if (used[a])
      {
        PcActivity activity = a;

        g_array_append_val (wb->activities, activity);
      }
}

gboolean
_pc_wb_load (PcWb    *wb,
             GError **error)
{
  const PcWorkbookRequest *request = wb->request;

  wb->population = g_ptr_array_new_with_free_func ((GDestroyNotify) population_free);
  wb->tariffs = g_ptr_array_new_with_free_func ((GDestroyNotify) tariff_free);
  wb->areas = g_ptr_array_new_with_free_func (g_free);
  wb->activities = g_array_new (FALSE, FALSE, sizeof (PcActivity));
  wb->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  wb->pathway = pc_project_load_pathway (wb->project, request->pathway, error);
  if (wb->pathway == NULL)
    return FALSE;
  wb->input = pc_project_load_projection_input (wb->project, wb->pathway->site, request->areas,
                                                request->from, request->years, error);
  if (wb->input == NULL)
    return FALSE;
  wb->projection = pc_projection_compute (wb->pathway, wb->input);

  if (!pc_project_load_incidence_rates (wb->project, wb->pathway->site, wb->rates, error)
      || !load_areas (wb, error) || !load_tariffs (wb, error) || !load_descriptions (wb, error))
    return FALSE;
  if (wb->pathway->provider != NULL)
    wb->provider_name = g_strdup (g_hash_table_lookup (wb->provider_names, wb->pathway->provider));
  find_activities (wb);
  return TRUE;
}

gboolean
_pc_wb_load_negotiation (PcWb    *wb,
                         GError **error)
{
  const PcNegotiationRequest *request = wb->negotiation;

  wb->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wb->comparison = pc_project_compare_providers (wb->project, request->site, request->areas, error);
  if (wb->comparison == NULL)
    return FALSE;
  wb->project_name = _pc_wb_project_name (wb);
  return TRUE;
}

void
_pc_wb_clear (PcWb *wb)
{
  g_clear_pointer (&wb->pathway, pc_pathway_free);
  g_clear_pointer (&wb->input, pc_projection_input_free);
  g_clear_pointer (&wb->projection, pc_projection_free);
  g_clear_pointer (&wb->population, g_ptr_array_unref);
  g_clear_pointer (&wb->tariffs, g_ptr_array_unref);
  g_clear_pointer (&wb->areas, g_ptr_array_unref);
  g_clear_pointer (&wb->activities, g_array_unref);
  g_clear_pointer (&wb->names, g_hash_table_unref);
  g_clear_pointer (&wb->provider_name, g_free);
  g_clear_pointer (&wb->sc_untouched, g_free);
  g_clear_pointer (&wb->areas_name, g_free);
  g_clear_pointer (&wb->pathway_name, g_free);
  g_clear_pointer (&wb->project_name, g_free);
  g_clear_pointer (&wb->sources, g_ptr_array_unref);
  g_clear_pointer (&wb->provider_names, g_hash_table_unref);
  g_clear_pointer (&wb->comparison, pc_provider_comparison_free);
  g_clear_pointer (&wb->np_cells, g_array_unref);
  g_clear_error (&wb->error);
}
