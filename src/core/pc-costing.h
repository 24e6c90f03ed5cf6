/* pc-costing.h: what a pathway costs per patient, by stage, basis and year
 * after diagnosis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"

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
/* Checks one step against the model's rules; the message names the field. */
gboolean pc_step_validate             (const PcStep     *step,
                                       GError          **error);

G_END_DECLS
