/* pc-compliance-view.h: compliance of a provider's (or all) patients with
 * a best-practice pathway, as a step × stage heat map of actual against
 * expected share, shortfalls beyond the tolerance marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"

G_BEGIN_DECLS

#define PC_TYPE_COMPLIANCE_VIEW (pc_compliance_view_get_type ())
G_DECLARE_FINAL_TYPE (PcComplianceView, pc_compliance_view, PC, COMPLIANCE_VIEW, GtkWidget)

void      pc_compliance_view_set_document (PcComplianceView *self,
                                           PcDocument       *document);
void      pc_compliance_view_refresh      (PcComplianceView *self);
/* Chooses the pathway and the provider (NULL for all). */
gboolean  pc_compliance_view_choose       (PcComplianceView *self,
                                           const char       *pathway,
                                           const char       *provider);
/* Row 0 the stages, column 0 the steps; each cell "ACTUAL of EXPECTED",
 * "not measurable", or "—" where the stage has no patients. */
GtkGrid  *pc_compliance_view_get_grid     (PcComplianceView *self);

G_END_DECLS
