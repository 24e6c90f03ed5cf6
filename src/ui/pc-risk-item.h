/* pc-risk-item.h: one entry of the risk register as an item of a list
 * model: the entry (owned by the register it came from) and its reason as
 * a person reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pc-activity.h"

G_BEGIN_DECLS

#define PC_TYPE_RISK_ITEM (pc_risk_item_get_type ())
G_DECLARE_FINAL_TYPE (PcRiskItem, pc_risk_item, PC, RISK_ITEM, GObject)

/* Holds @register (of PcRisk) for as long as the item lives. */
PcRiskItem *pc_risk_item_new        (GPtrArray  *register_,
                                     PcRisk     *risk,
                                     const char *reason);
PcRisk     *pc_risk_item_get_risk   (PcRiskItem *self);
const char *pc_risk_item_get_reason (PcRiskItem *self);

G_END_DECLS
