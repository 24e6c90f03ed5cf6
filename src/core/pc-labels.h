/* pc-labels.h: the names a person reads for the codes the model uses:
 * phases, funding streams, activities and pathway kinds.  A code the
 * vocabulary does not know is shown as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"

G_BEGIN_DECLS

const char *pc_phase_label     (const char    *phase);
const char *pc_funding_label   (const char    *funding);
const char *pc_activity_label  (PcActivity     activity);
const char *pc_kind_label      (PcPathwayKind  kind);
/* "Stage 1" … "Stage 4", "Unknown stage". */
const char *pc_stage_label     (PcStage        stage);

G_END_DECLS
