/* pc-risk-item.c: a risk register entry in a list model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include "pc-risk-item.h"

struct _PcRiskItem
{
  GObject    parent_instance;

  GPtrArray *register_;
  PcRisk    *risk;
  char      *reason;
};

G_DEFINE_FINAL_TYPE (PcRiskItem, pc_risk_item, G_TYPE_OBJECT)

PcRiskItem *
pc_risk_item_new (GPtrArray  *register_,
                  PcRisk     *risk,
                  const char *reason)
{
  PcRiskItem *self = g_object_new (PC_TYPE_RISK_ITEM, NULL);

  self->register_ = g_ptr_array_ref (register_);
  self->risk = risk;
  self->reason = g_strdup (reason);
  return self;
}

PcRisk *
pc_risk_item_get_risk (PcRiskItem *self)
{
  g_return_val_if_fail (PC_IS_RISK_ITEM (self), NULL);
  return self->risk;
}

const char *
pc_risk_item_get_reason (PcRiskItem *self)
{
  g_return_val_if_fail (PC_IS_RISK_ITEM (self), NULL);
  return self->reason;
}

static void
pc_risk_item_finalize (GObject *object)
{
  PcRiskItem *self = PC_RISK_ITEM (object);

  g_ptr_array_unref (self->register_);
  g_free (self->reason);
  G_OBJECT_CLASS (pc_risk_item_parent_class)->finalize (object);
}

static void
pc_risk_item_class_init (PcRiskItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_risk_item_finalize;
}

static void
pc_risk_item_init (PcRiskItem *self)
{
}
