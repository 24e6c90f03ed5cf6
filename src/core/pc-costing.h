/* pc-costing.h: what a pathway costs per patient, by stage, basis and year
 * after diagnosis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"
#include "pc-step-field.h"

G_BEGIN_DECLS

typedef double PcCostPerPatient[PC_N_STAGES][PC_N_BASES][PC_N_OFFSETS];

/* tariff price × MFF when the step names a tariff code, else its local cost. */
double   pc_step_unit_cost            (const PcStep     *step,
                                       double            mff);
/* share × quantity × unit cost for one stage. */
double   pc_step_cost_for_stage       (const PcStep     *step,
                                       double            mff,
                                       PcStage           stage);
/* cost_k(stage) summed separately over `patient` and `death` steps. */
void     pc_pathway_cost_per_patient  (const PcPathway  *pathway,
                                       PcCostPerPatient  cost);
/* Who is there to receive a step at offset @k (docs/MODEL.md, "Expected
 * cost per patient"): for a `patient` step the share alive at the start of
 * year k, S(k); for a `death` step the share who die during it, S(k) −
 * S(k + 1).  @S holds S(0) … S(6).  Inline because the PSA calls it in its
 * innermost loop. */
static inline double
pc_survival_weight (const double *S,
                    PcBasis       basis,
                    guint         k)
{
  return basis == PC_BASIS_PATIENT ? S[k] : S[k] - S[k + 1];
}

/* Adds @step's share × quantity × unit cost, stage by stage, to @cost at
 * its basis and offset. */
void     pc_step_add_cost_per_patient (const PcStep     *step,
                                       double            mff,
                                       PcCostPerPatient  cost);
/* The expected cost per patient diagnosed (docs/MODEL.md, "Expected
 * cost per patient"): each offset's costs weighted by who is there to
 * receive them, S(k) for `patient` steps and S(k) − S(k + 1) for `death`
 * steps, before inflation.  @survival[s] holds S(0) … S(6).  @expected gets
 * E(stage); the return value is E over all stages, Σ stage_share × E. */
double   pc_expected_cost_per_patient (const PcCostPerPatient cost,
                                       const double      survival[PC_N_STAGES][PC_N_OFFSETS + 1],
                                       const double      stage_share[PC_N_STAGES],
                                       double            expected[PC_N_STAGES]);
/* The provider's gap on a step: its own unit cost − the step's unit cost
 * (tariff × MFF, or the local cost of a step without a tariff code),
 * positive when the provider's cost exceeds what it is paid
 * (docs/MODEL.md, "Provider gap").  Meaningful only for a step with a
 * provider unit cost. */
double   pc_step_provider_gap         (const PcStep     *step,
                                       double            mff);
/* Checks one step against the model's rules, the one place they are
 * written: the editor, the store and the importer all refuse a step
 * through it.  The message names the step and the field; @field (when
 * not NULL) gets the field refused, so an import can point at its column. */
gboolean pc_step_check                (const PcStep     *step,
                                       PcStepField      *field,
                                       GError          **error);
/* pc_step_check without the field. */
gboolean pc_step_validate             (const PcStep     *step,
                                       GError          **error);

G_END_DECLS
