/* pc-compare.c: a scenario beside its baseline (see pc-compare.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-compare.h"

PcScenarioComparison *
pc_scenario_compare (const PcPathway         *pathway,
                     const PcProjectionInput *input,
                     const PcScenario        *scenario,
                     GError                 **error)
{
  g_autoptr(PcPathway) changed_pathway = NULL;
  g_autoptr(PcProjectionInput) changed_input = NULL;
  PcScenarioComparison *result;

  g_return_val_if_fail (pathway != NULL && input != NULL && scenario != NULL, NULL);

  changed_pathway = pc_pathway_copy (pathway);
  changed_input = pc_projection_input_copy (input);
  if (!pc_scenario_apply (scenario, changed_pathway, changed_input, error))
    return NULL;
  result = g_new0 (PcScenarioComparison, 1);
  result->baseline = pc_projection_compute (pathway, input);
  result->scenario = pc_projection_compute (changed_pathway, changed_input);
  result->comparison = pc_comparison_compute (result->baseline, result->scenario, input->discount_rate);
  result->discount_rate = input->discount_rate;
  result->scenario_inflation = changed_input->inflation;
  result->changed_pathway = g_steal_pointer (&changed_pathway);
  return result;
}

void
pc_scenario_comparison_free (PcScenarioComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_pointer (&comparison->changed_pathway, pc_pathway_free);
  g_clear_pointer (&comparison->baseline, pc_projection_free);
  g_clear_pointer (&comparison->scenario, pc_projection_free);
  g_clear_pointer (&comparison->comparison, pc_comparison_free);
  g_free (comparison);
}
