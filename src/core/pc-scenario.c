/* pc-scenario.c: applying a scenario's overrides and investments, and
 * comparing its projection with the baseline's (docs/MODEL.md,
 * "Comparison": difference per year, cumulative difference, NPV of the
 * difference, payback year).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scenario"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-scenario.h"

#define SHARE_TOLERANCE 0.001

static const char * const parameter_names[PC_N_PARAMETERS] = {
  "stage_share", "step_quantity", "step_share", "step_unit_cost", "trend", "inflation",
};

const char *
pc_parameter_to_string (PcParameter parameter)
{
  g_return_val_if_fail (parameter < PC_N_PARAMETERS, NULL);
  return parameter_names[parameter];
}

gboolean
pc_parameter_from_string (const char  *text,
                          PcParameter *parameter)
{
  for (guint i = 0; text != NULL && i < PC_N_PARAMETERS; i++)
    if (strcmp (parameter_names[i], text) == 0)
      {
        *parameter = i;
        return TRUE;
      }
  return FALSE;
}

static void
override_free (PcOverride *override)
{
  g_free (override->site);
  g_free (override->pathway);
  g_free (override->step);
  g_free (override);
}

PcScenario *
pc_scenario_new (const char *name)
{
  PcScenario *scenario = g_new0 (PcScenario, 1);

  scenario->name = g_strdup (name);
  scenario->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) override_free);
  scenario->investments = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_investment_free);
  return scenario;
}

void
pc_scenario_free (PcScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_clear_pointer (&scenario->overrides, g_ptr_array_unref);
  g_clear_pointer (&scenario->investments, g_ptr_array_unref);
  g_free (scenario);
}

void
pc_scenario_add_override (PcScenario  *scenario,
                          PcParameter  parameter,
                          const char  *site,
                          const char  *pathway,
                          const char  *step,
                          int          stage,
                          double       value)
{
  PcOverride *override = g_new0 (PcOverride, 1);

  g_return_if_fail (scenario != NULL);
  g_return_if_fail (parameter < PC_N_PARAMETERS);

  override->parameter = parameter;
  override->site = g_strdup (site);
  override->pathway = g_strdup (pathway);
  override->step = g_strdup (step);
  override->stage = stage;
  override->value = value;
  g_ptr_array_add (scenario->overrides, override);
}

void
pc_stage_mix_shift (const double mix[PC_N_STAGES],
                    double       fraction,
                    PcStage      from_first,
                    PcStage      from_last,
                    PcStage      to_first,
                    PcStage      to_last,
                    double       shifted[PC_N_STAGES])
{
  double moved = 0, receiving = 0;
  guint n_receiving = 0;

  g_return_if_fail (from_first <= from_last && from_last < PC_N_STAGES);
  g_return_if_fail (to_first <= to_last && to_last < PC_N_STAGES);
  g_return_if_fail (from_last < to_first || to_last < from_first);

  fraction = CLAMP (fraction, 0.0, 1.0);
  for (int stage = 0; stage < PC_N_STAGES; stage++)
    shifted[stage] = mix[stage];
  for (int stage = from_first; stage <= (int) from_last; stage++)
    {
      moved += mix[stage] * fraction;
      shifted[stage] = mix[stage] * (1.0 - fraction);
    }
  for (int stage = to_first; stage <= (int) to_last; stage++, n_receiving++)
    receiving += mix[stage];
  for (int stage = to_first; stage <= (int) to_last; stage++)
    shifted[stage] += receiving > 0 ? moved * mix[stage] / receiving : moved / n_receiving;
}

void
pc_scenario_add_stage_shift (PcScenario   *scenario,
                             const char   *site,
                             const double  mix[PC_N_STAGES],
                             double        fraction,
                             PcStage       from_first,
                             PcStage       from_last,
                             PcStage       to_first,
                             PcStage       to_last)
{
  double shifted[PC_N_STAGES];

  pc_stage_mix_shift (mix, fraction, from_first, from_last, to_first, to_last, shifted);
  for (int stage = 0; stage < PC_N_STAGES; stage++)
    pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, site, NULL, NULL,
                              stage, shifted[stage]);
}

void
pc_scenario_add_price_fraction (PcScenario      *scenario,
                                const PcPathway *pathway,
                                double           mff,
                                double           fraction)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_if_fail (scenario != NULL && pathway != NULL);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (step->tariff_code == NULL || !g_hash_table_add (seen, step->name))
        continue;
      pc_scenario_add_override (scenario, PC_PARAMETER_STEP_UNIT_COST, NULL, pathway->name, step->name, -1,
                                fraction * step->tariff_price * mff);
    }
}

void
pc_scenario_add_investment (PcScenario *scenario,
                            const char *name,
                            int         first_year,
                            int         last_year,
                            double      cost_per_year,
                            const char *funding,
                            const char *site,
                            const char *pathway)
{
  g_return_if_fail (scenario != NULL);

  g_ptr_array_add (scenario->investments,
                   pc_investment_new (name, first_year, last_year, cost_per_year, funding,
                                      site, pathway));
}

static gboolean
override_touches (const PcOverride *override,
                  const PcPathway  *pathway)
{
  switch (override->parameter)
    {
    case PC_PARAMETER_STAGE_SHARE:
    case PC_PARAMETER_TREND:
      return g_strcmp0 (override->site, pathway->site) == 0;
    case PC_PARAMETER_STEP_QUANTITY:
    case PC_PARAMETER_STEP_SHARE:
    case PC_PARAMETER_STEP_UNIT_COST:
      return g_strcmp0 (override->pathway, pathway->name) == 0;
    case PC_PARAMETER_INFLATION:
      /* Inflation has no site: it changes every pathway's cost. */
      return TRUE;
    case PC_N_PARAMETERS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
pc_scenario_touches (const PcScenario *scenario,
                     const PcPathway  *pathway)
{
  g_return_val_if_fail (scenario != NULL && pathway != NULL, FALSE);

  for (guint i = 0; i < scenario->overrides->len; i++)
    if (override_touches (g_ptr_array_index (scenario->overrides, i), pathway))
      return TRUE;
  for (guint i = 0; i < scenario->investments->len; i++)
    if (pc_investment_applies_to (g_ptr_array_index (scenario->investments, i), pathway))
      return TRUE;
  return FALSE;
}

char *
pc_scenario_untouched_warning (const PcScenario *scenario,
                               const PcPathway  *pathway)
{
  return g_strdup_printf ("scenario '%s' changes nothing in pathway '%s' (none of its "
                          "changes is for site '%s' or this pathway's steps, and none "
                          "of its investments applies to it)",
                          scenario->name, pathway->name, pathway->site);
}

/* Applies a step override to every step of that name (a step may recur at
 * several offsets); a name the pathway does not have is an error. */
static gboolean
apply_to_steps (const PcScenario *scenario,
                const PcOverride *override,
                PcPathway        *pathway,
                GError          **error)
{
  guint n_matched = 0;

  for (guint i = 0; i < pathway->steps->len; i++)
    {
      PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (g_strcmp0 (step->name, override->step) != 0)
        continue;
      n_matched++;
      if (override->parameter == PC_PARAMETER_STEP_QUANTITY)
        step->quantity = override->value;
      else if (override->parameter == PC_PARAMETER_STEP_SHARE)
        step->share[override->stage] = override->value;
      else
        {
          step->has_unit_cost_override = TRUE;
          step->unit_cost_override = override->value;
        }
    }
  if (n_matched == 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "scenario '%s': %s: pathway '%s' has no step '%s'", scenario->name,
                   pc_parameter_to_string (override->parameter), pathway->name, override->step);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_stage_shares (const PcScenario        *scenario,
                    const PcPathway         *pathway,
                    const PcProjectionInput *input,
                    GError                 **error)
{
  double sum = 0.0;

  for (guint s = 0; s < PC_N_STAGES; s++)
    sum += input->stage_share[s];
  if (fabs (sum - 1.0) <= SHARE_TOLERANCE)
    return TRUE;
  g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
               "scenario '%s': the stage shares of site '%s' sum to %.4f, not 1",
               scenario->name, pathway->site, sum);
  return FALSE;
}

gboolean
pc_scenario_apply (const PcScenario   *scenario,
                   PcPathway          *pathway,
                   PcProjectionInput  *input,
                   GError            **error)
{
  gboolean stage_mix_changed = FALSE;

  g_return_val_if_fail (scenario != NULL && pathway != NULL && input != NULL, FALSE);

  for (guint i = 0; i < scenario->overrides->len; i++)
    {
      const PcOverride *override = g_ptr_array_index (scenario->overrides, i);
      gboolean for_site = g_strcmp0 (override->site, pathway->site) == 0;
      gboolean for_pathway = g_strcmp0 (override->pathway, pathway->name) == 0;

      switch (override->parameter)
        {
        case PC_PARAMETER_STAGE_SHARE:
          if (for_site)
            {
              input->stage_share[override->stage] = override->value;
              stage_mix_changed = TRUE;
            }
          break;
        case PC_PARAMETER_TREND:
          if (for_site)
            input->trend = override->value;
          break;
        case PC_PARAMETER_INFLATION:
          input->inflation = override->value;
          break;
        case PC_PARAMETER_STEP_QUANTITY:
        case PC_PARAMETER_STEP_SHARE:
        case PC_PARAMETER_STEP_UNIT_COST:
          if (for_pathway && !apply_to_steps (scenario, override, pathway, error))
            return FALSE;
          break;
        case PC_N_PARAMETERS:
        default:
          g_assert_not_reached ();
        }
    }
  if (stage_mix_changed && !check_stage_shares (scenario, pathway, input, error))
    return FALSE;

  for (guint i = 0; i < scenario->investments->len; i++)
    {
      const PcInvestment *investment = g_ptr_array_index (scenario->investments, i);

      if (pc_investment_applies_to (investment, pathway))
        g_ptr_array_add (input->investments, pc_investment_copy (investment));
    }
  if (!pc_scenario_touches (scenario, pathway))
    g_ptr_array_add (input->warnings, pc_scenario_untouched_warning (scenario, pathway));
  return TRUE;
}

PcComparison *
pc_comparison_compute (const PcProjection *baseline,
                       const PcProjection *scenario,
                       double              discount_rate)
{
  PcComparison *comparison;
  gboolean was_above = FALSE;
  double cumulative = 0.0;

  g_return_val_if_fail (baseline != NULL && scenario != NULL, NULL);
  g_return_val_if_fail (baseline->n_years == scenario->n_years, NULL);

  comparison = g_new0 (PcComparison, 1);
  comparison->n_years = baseline->n_years;
  comparison->years = g_new0 (PcComparisonYear, comparison->n_years);
  for (guint t = 0; t < comparison->n_years; t++)
    {
      PcComparisonYear *year = &comparison->years[t];

      year->year = baseline->years[t].year;
      year->difference = scenario->years[t].cost - baseline->years[t].cost;
      cumulative += year->difference;
      year->cumulative = cumulative;
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        year->activity[a] = scenario->years[t].activity[a] - baseline->years[t].activity[a];
      comparison->npv_difference += year->difference / pow (1.0 + discount_rate, (double) t);

      /* Payback (docs/MODEL.md, "Payback year"): the first year the
       * cumulative difference is below zero, or back to zero after having
       * been above it; a scenario that saves from its first year pays
       * back in it. */
      if (cumulative > 0)
        was_above = TRUE;
      else if (!comparison->has_payback && (cumulative < 0 || was_above))
        {
          comparison->has_payback = TRUE;
          comparison->payback_year = year->year;
        }
    }
  return comparison;
}

void
pc_comparison_free (PcComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->years);
  g_free (comparison);
}
