/* pc-projection.c: the projection of docs/MODEL.md ("Cost by year"):
 *   incident(y, stage) = crude(y) × (1 + trend)^(y − incidence_year) × stage_share
 *   cost(y) = (1 + inflation)^(y − price_year) × Σ_stage Σ_k incident(y − k, stage)
 *             × [S(k) cost_k,patient + (S(k) − S(k + 1)) cost_k,death]
 * with the trend counted from the incidence year and inflation from the
 * price year (docs/MODEL.md, "Base years").  Nothing is rounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-projection"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-projection.h"

PcInvestment *
pc_investment_new (const char *name,
                   int         first_year,
                   int         last_year,
                   double      cost_per_year,
                   const char *funding,
                   const char *site,
                   const char *pathway)
{
  PcInvestment *investment = g_new0 (PcInvestment, 1);

  investment->name = g_strdup (name);
  investment->first_year = first_year;
  investment->last_year = last_year;
  investment->cost_per_year = cost_per_year;
  investment->funding = g_strdup (funding);
  investment->site = g_strdup (site);
  investment->pathway = g_strdup (pathway);
  return investment;
}

gboolean
pc_investment_applies_to (const PcInvestment *investment,
                          const PcPathway    *pathway)
{
  g_return_val_if_fail (investment != NULL && pathway != NULL, FALSE);

  if (investment->pathway != NULL)
    return g_strcmp0 (investment->pathway, pathway->name) == 0;
  if (investment->site != NULL)
    return g_strcmp0 (investment->site, pathway->site) == 0;
  return TRUE;
}

PcInvestment *
pc_investment_copy (const PcInvestment *investment)
{
  return pc_investment_new (investment->name, investment->first_year, investment->last_year,
                            investment->cost_per_year, investment->funding,
                            investment->site, investment->pathway);
}

void
pc_investment_free (PcInvestment *investment)
{
  if (investment == NULL)
    return;
  g_free (investment->name);
  g_free (investment->funding);
  g_free (investment->site);
  g_free (investment->pathway);
  g_free (investment);
}

PcProjectionInput *
pc_projection_input_new (int   base_year,
                         guint horizon)
{
  PcProjectionInput *input = g_new0 (PcProjectionInput, 1);

  g_return_val_if_fail (horizon >= 1, NULL);

  input->base_year = base_year;
  input->incidence_year = base_year;
  input->price_year = base_year;
  input->first_year = base_year - PC_MAX_OFFSET;
  input->n_years = horizon + PC_MAX_OFFSET;
  input->crude_incidence = g_new0 (double, input->n_years);
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint k = 0; k <= PC_N_OFFSETS; k++)
      input->survival[s][k] = 1.0;
  input->discount_rate = 0.035;
  input->investments = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_investment_free);
  input->warnings = g_ptr_array_new_with_free_func (g_free);
  return input;
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

PcProjectionInput *
pc_projection_input_copy (const PcProjectionInput *input)
{
  PcProjectionInput *copy;

  g_return_val_if_fail (input != NULL, NULL);

  copy = g_memdup2 (input, sizeof *input);
  copy->crude_incidence = g_memdup2 (input->crude_incidence,
                                     sizeof (double) * input->n_years);
  copy->investments = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_investment_free);
  for (guint i = 0; i < input->investments->len; i++)
    g_ptr_array_add (copy->investments, pc_investment_copy (g_ptr_array_index (input->investments, i)));
  copy->warnings = copy_strings (input->warnings);
  return copy;
}

void
pc_projection_input_free (PcProjectionInput *input)
{
  if (input == NULL)
    return;
  g_free (input->crude_incidence);
  g_clear_pointer (&input->investments, g_ptr_array_unref);
  g_clear_pointer (&input->warnings, g_ptr_array_unref);
  g_free (input);
}

guint
pc_projection_input_get_horizon (const PcProjectionInput *input)
{
  return input->n_years - PC_MAX_OFFSET;
}

double
pc_projection_incident (const PcProjectionInput *input,
                        int                      year,
                        PcStage                  stage)
{
  int t = year - input->first_year;

  g_return_val_if_fail (t >= 0 && (guint) t < input->n_years, 0.0);
  g_return_val_if_fail (stage < PC_N_STAGES, 0.0);

  return input->crude_incidence[t]
         * pow (1.0 + input->trend, year - input->incidence_year)
         * input->stage_share[stage];
}

/* Adds each distinct name to @names (first use first) and returns its index. */
static guint
intern_name (GPtrArray  *names,
             const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), name) == 0)
      return i;
  g_ptr_array_add (names, g_strdup (name));
  return names->len - 1;
}

static GStrv
steal_strv (GPtrArray *names)
{
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

typedef struct
{
  guint  phase;
  guint  funding;
  double unit_cost;
} StepIndex;

/* Weighted patients receiving a step at offset k in year y, by basis:
 * alive at the start of year k, or dying during it. */
static void
stage_weights (const PcProjectionInput *input,
               int                      year,
               PcStage                  stage,
               double                   weights[PC_N_BASES][PC_N_OFFSETS])
{
  const double *S = input->survival[stage];

  for (guint k = 0; k < PC_N_OFFSETS; k++)
    {
      double incident = pc_projection_incident (input, year - (int) k, stage);

      weights[PC_BASIS_PATIENT][k] = incident * pc_survival_weight (S, PC_BASIS_PATIENT, k);
      weights[PC_BASIS_DEATH][k] = incident * pc_survival_weight (S, PC_BASIS_DEATH, k);
    }
}

static void
compute_year (const PcPathway         *pathway,
              const PcProjectionInput *input,
              const StepIndex         *index,
              const PcCostPerPatient   cpp,
              PcYearResult            *result)
{
  double inflation = pow (1.0 + input->inflation, result->year - input->price_year);
  double cost = 0.0;

  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      double w[PC_N_BASES][PC_N_OFFSETS];

      result->incident[s] = pc_projection_incident (input, result->year, s);
      result->incident_total += result->incident[s];
      stage_weights (input, result->year, s, w);

      for (guint k = 0; k < PC_N_OFFSETS; k++)
        cost += w[PC_BASIS_PATIENT][k] * cpp[s][PC_BASIS_PATIENT][k]
                + w[PC_BASIS_DEATH][k] * cpp[s][PC_BASIS_DEATH][k];

      for (guint i = 0; i < pathway->steps->len; i++)
        {
          const PcStep *step = g_ptr_array_index (pathway->steps, i);
          double units = w[step->basis][step->year_offset] * step->share[s] * step->quantity;
          double step_cost = units * index[i].unit_cost * inflation;

          result->activity[step->activity] += units;
          result->cost_by_phase[index[i].phase] += step_cost;
          result->cost_by_funding[index[i].funding] += step_cost;
        }
    }
  result->cost = cost * inflation;
}

/* Investment lines add their yearly cost, inflated like every other cost,
 * to their funding stream and to the phase "investment". */
static void
add_investments (const PcProjectionInput *input,
                 const guint             *funding_index,
                 guint                    investment_phase,
                 PcYearResult            *result)
{
  double inflation = pow (1.0 + input->inflation, result->year - input->price_year);

  for (guint i = 0; i < input->investments->len; i++)
    {
      const PcInvestment *investment = g_ptr_array_index (input->investments, i);
      double cost;

      if (result->year < investment->first_year || result->year > investment->last_year)
        continue;
      cost = investment->cost_per_year * inflation;
      result->cost += cost;
      result->cost_by_phase[investment_phase] += cost;
      result->cost_by_funding[funding_index[i]] += cost;
    }
}

PcProjection *
pc_projection_compute (const PcPathway         *pathway,
                       const PcProjectionInput *input)
{
  g_autoptr(GPtrArray) phases = g_ptr_array_new ();
  g_autoptr(GPtrArray) fundings = g_ptr_array_new ();
  g_autofree StepIndex *index = NULL;
  g_autofree guint *investment_funding = NULL;
  guint investment_phase = 0;
  PcProjection *projection;
  guint n_phases, n_fundings;

  g_return_val_if_fail (pathway != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  projection = g_new0 (PcProjection, 1);
  projection->from = input->base_year;
  projection->incidence_year = input->incidence_year;
  projection->price_year = input->price_year;
  projection->n_years = pc_projection_input_get_horizon (input);
  pc_pathway_cost_per_patient (pathway, projection->cost_per_patient);
  projection->expected_cost_all_stages =
    pc_expected_cost_per_patient (projection->cost_per_patient,
                                  (const double (*)[PC_N_OFFSETS + 1]) input->survival,
                                  input->stage_share, projection->expected_cost_per_patient);

  index = g_new0 (StepIndex, MAX (pathway->steps->len, 1));
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      index[i].phase = intern_name (phases, step->phase);
      index[i].funding = intern_name (fundings, step->funding);
      index[i].unit_cost = pc_step_unit_cost (step, pathway->mff);
    }
  investment_funding = g_new0 (guint, MAX (input->investments->len, 1));
  if (input->investments->len > 0)
    investment_phase = intern_name (phases, "investment");
  for (guint i = 0; i < input->investments->len; i++)
    investment_funding[i] = intern_name (fundings, ((PcInvestment *) g_ptr_array_index (input->investments, i))->funding);

  n_phases = phases->len;
  n_fundings = fundings->len;
  projection->phases = steal_strv (g_steal_pointer (&phases));
  projection->fundings = steal_strv (g_steal_pointer (&fundings));

  projection->years = g_new0 (PcYearResult, projection->n_years);
  for (guint t = 0; t < projection->n_years; t++)
    {
      PcYearResult *result = &projection->years[t];

      result->year = input->base_year + (int) t;
      result->cost_by_phase = g_new0 (double, MAX (n_phases, 1));
      result->cost_by_funding = g_new0 (double, MAX (n_fundings, 1));
      compute_year (pathway, input, index, projection->cost_per_patient, result);
      add_investments (input, investment_funding, investment_phase, result);
      projection->total_cost += result->cost;
      projection->npv += result->cost / pow (1.0 + input->discount_rate, (double) t);
    }

  projection->warnings = copy_strings (input->warnings);
  return projection;
}

void
pc_projection_free (PcProjection *projection)
{
  if (projection == NULL)
    return;
  for (guint t = 0; t < projection->n_years; t++)
    {
      g_free (projection->years[t].cost_by_phase);
      g_free (projection->years[t].cost_by_funding);
    }
  g_free (projection->years);
  g_strfreev (projection->phases);
  g_strfreev (projection->fundings);
  g_clear_pointer (&projection->warnings, g_ptr_array_unref);
  g_free (projection);
}
