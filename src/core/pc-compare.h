/* pc-compare.h: a scenario beside its baseline, from one pathway and one
 * projection input: the one place the window, the CLI and the business
 * case get a comparison from (docs/MODEL.md, "Comparison").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"
#include "pc-projection.h"
#include "pc-scenario.h"

G_BEGIN_DECLS

typedef struct
{
  PcPathway    *changed_pathway;   /* the pathway under the scenario */
  PcProjection *baseline;
  PcProjection *scenario;          /* its warnings hold the baseline's and its own */
  PcComparison *comparison;
  double        discount_rate;     /* the baseline's: the NPV's rate */
  double        scenario_inflation;
} PcScenarioComparison;

/* Projects @pathway over @input without and with @scenario (the inputs are
 * not changed) and compares the two.  Fails, naming the override, when the
 * scenario cannot be applied. */
PcScenarioComparison *pc_scenario_compare            (const PcPathway         *pathway,
                                                      const PcProjectionInput *input,
                                                      const PcScenario        *scenario,
                                                      GError                 **error);
void                  pc_scenario_comparison_free    (PcScenarioComparison    *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcScenarioComparison, pc_scenario_comparison_free)

G_END_DECLS
