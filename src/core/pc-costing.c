/* pc-costing.c: cost per patient of a pathway (docs/MODEL.md, "Unit cost"
 * and "Expected cost per patient"): unit_cost, cost_k(pathway, stage), E
 * and the provider's gap.  Nothing is rounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-costing"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-costing.h"
#include "pc-error.h"

double
pc_step_unit_cost (const PcStep *step,
                   double        mff)
{
  g_return_val_if_fail (step != NULL, 0.0);

  if (step->has_unit_cost_override)
    return step->unit_cost_override;
  if (step->tariff_code != NULL)
    return step->tariff_price * mff;
  return step->local_unit_cost;
}

double
pc_step_cost_for_stage (const PcStep *step,
                        double        mff,
                        PcStage       stage)
{
  g_return_val_if_fail (stage < PC_N_STAGES, 0.0);

  return step->share[stage] * step->quantity * pc_step_unit_cost (step, mff);
}

void
pc_pathway_cost_per_patient (const PcPathway  *pathway,
                             PcCostPerPatient  cost)
{
  g_return_if_fail (pathway != NULL);

  memset (cost, 0, sizeof (PcCostPerPatient));
  for (guint i = 0; i < pathway->steps->len; i++)
    pc_step_add_cost_per_patient (g_ptr_array_index (pathway->steps, i), pathway->mff, cost);
}

void
pc_step_add_cost_per_patient (const PcStep     *step,
                              double            mff,
                              PcCostPerPatient  cost)
{
  g_return_if_fail (step != NULL);

  for (guint s = 0; s < PC_N_STAGES; s++)
    cost[s][step->basis][step->year_offset] += pc_step_cost_for_stage (step, mff, s);
}

double
pc_expected_cost_per_patient (const PcCostPerPatient cost,
                              const double           survival[PC_N_STAGES][PC_N_OFFSETS + 1],
                              const double           stage_share[PC_N_STAGES],
                              double                 expected[PC_N_STAGES])
{
  double all = 0.0;

  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      const double *S = survival[s];

      expected[s] = 0.0;
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        expected[s] += pc_survival_weight (S, PC_BASIS_PATIENT, k) * cost[s][PC_BASIS_PATIENT][k]
                       + pc_survival_weight (S, PC_BASIS_DEATH, k) * cost[s][PC_BASIS_DEATH][k];
      all += stage_share[s] * expected[s];
    }
  return all;
}

double
pc_step_provider_gap (const PcStep *step,
                      double        mff)
{
  g_return_val_if_fail (step != NULL, 0.0);

  return step->provider_unit_cost - pc_step_unit_cost (step, mff);
}

static gboolean
check_range (const char  *step_name,
             const char  *field,
             double       value,
             double       low,
             double       high,
             GError     **error)
{
  if (isfinite (value) && value >= low && value <= high)
    return TRUE;
  if (high == INFINITY)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 "step '%s': %s must not be negative (it is %g)", step_name, field, value);
  else
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 "step '%s': %s must be between %g and %g (it is %g)",
                 step_name, field, low, high, value);
  return FALSE;
}

/* Sets @field to @refused when the caller asked for it; returns FALSE. */
static gboolean
refuse (PcStepField *field,
        PcStepField  refused)
{
  if (field != NULL)
    *field = refused;
  return FALSE;
}

gboolean
pc_step_check (const PcStep  *step,
               PcStepField   *field,
               GError       **error)
{
  static const char * const share_fields[PC_N_STAGES] = {
    "stage_1", "stage_2", "stage_3", "stage_4", "stage_unknown",
  };

  g_return_val_if_fail (step != NULL, FALSE);

  if (step->name == NULL || *step->name == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a step needs a name");
      return refuse (field, PC_STEP_FIELD_NAME);
    }
  if (step->year_offset < 0 || step->year_offset > PC_MAX_OFFSET)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "step '%s': year_offset must be between 0 and %d (it is %d)",
                   step->name, PC_MAX_OFFSET, step->year_offset);
      return refuse (field, PC_STEP_FIELD_YEAR_OFFSET);
    }
  if (!check_range (step->name, "quantity", step->quantity, 0, INFINITY, error))
    return refuse (field, PC_STEP_FIELD_QUANTITY);
  /* A local cost is what prices a step without a tariff code. */
  if (step->tariff_code == NULL && isnan (step->local_unit_cost))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "step '%s' needs a tariff_code or a local_unit_cost", step->name);
      return refuse (field, PC_STEP_FIELD_LOCAL_COST);
    }
  if ((step->tariff_code == NULL || !isnan (step->local_unit_cost))
      && !check_range (step->name, "local_unit_cost", step->local_unit_cost, 0, INFINITY, error))
    return refuse (field, PC_STEP_FIELD_LOCAL_COST);
  if (step->has_provider_unit_cost
      && !check_range (step->name, "provider_unit_cost", step->provider_unit_cost, 0, INFINITY, error))
    return refuse (field, PC_STEP_FIELD_PROVIDER_COST);
  for (guint s = 0; s < PC_N_STAGES; s++)
    if (!check_range (step->name, share_fields[s], step->share[s], 0, 1, error))
      return refuse (field, PC_STEP_FIELD_SHARE_1 + s);
  return TRUE;
}

gboolean
pc_step_validate (const PcStep  *step,
                  GError       **error)
{
  return pc_step_check (step, NULL, error);
}
