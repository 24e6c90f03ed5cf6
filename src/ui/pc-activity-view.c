/* pc-activity-view.c: the Activity page and its inner switcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-activity-util.h"
#include "pc-activity-view.h"

struct _PcActivityView
{
  GtkWidget          parent_instance;

  GtkStack          *content_stack;
  AdwViewStack      *inner_stack;
  PcFlowsView       *flows_view;
  PcActualCostView  *costs_view;
  PcComplianceView  *compliance_view;
  PcUnitCostView    *unit_costs_view;
  PcRiskView        *risks_view;

  PcDocument        *document;
};

G_DEFINE_FINAL_TYPE (PcActivityView, pc_activity_view, GTK_TYPE_WIDGET)

/* Only the shown sub-view reads the project (pc_activity_follow_document):
 * the page itself only asks whether there is any activity. */
static void
refresh (PcActivityView *self)
{
  gboolean any = self->document != NULL && pc_project_has_activity (pc_document_get_project (self->document));

  gtk_stack_set_visible_child_name (self->content_stack, any ? "views" : "empty");
}

void
pc_activity_view_set_document (PcActivityView *self,
                               PcDocument     *document)
{
  g_return_if_fail (PC_IS_ACTIVITY_VIEW (self));

  if (self->document == document)
    return;
  pc_activity_follow_document (GTK_WIDGET (self), &self->document, document, (PcActivityRefresh) refresh);
  pc_flows_view_set_document (self->flows_view, document);
  pc_actual_cost_view_set_document (self->costs_view, document);
  pc_compliance_view_set_document (self->compliance_view, document);
  pc_unit_cost_view_set_document (self->unit_costs_view, document);
  pc_risk_view_set_document (self->risks_view, document);
}

void
pc_activity_view_show (PcActivityView *self,
                       const char     *name)
{
  g_return_if_fail (PC_IS_ACTIVITY_VIEW (self));
  adw_view_stack_set_visible_child_name (self->inner_stack, name);
}

const char *
pc_activity_view_get_shown (PcActivityView *self)
{
  g_return_val_if_fail (PC_IS_ACTIVITY_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->inner_stack);
}

gboolean
pc_activity_view_is_empty (PcActivityView *self)
{
  g_return_val_if_fail (PC_IS_ACTIVITY_VIEW (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}

PcFlowsView *
pc_activity_view_get_flows (PcActivityView *self)
{
  return self->flows_view;
}

PcActualCostView *
pc_activity_view_get_costs (PcActivityView *self)
{
  return self->costs_view;
}

PcComplianceView *
pc_activity_view_get_compliance (PcActivityView *self)
{
  return self->compliance_view;
}

PcUnitCostView *
pc_activity_view_get_unit_costs (PcActivityView *self)
{
  return self->unit_costs_view;
}

PcRiskView *
pc_activity_view_get_risks (PcActivityView *self)
{
  return self->risks_view;
}

static void
pc_activity_view_dispose (GObject *object)
{
  PcActivityView *self = PC_ACTIVITY_VIEW (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_ACTIVITY_VIEW);
  G_OBJECT_CLASS (pc_activity_view_parent_class)->dispose (object);
}

static void
pc_activity_view_class_init (PcActivityViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pc_activity_view_dispose;
  g_type_ensure (PC_TYPE_FLOWS_VIEW);
  g_type_ensure (PC_TYPE_ACTUAL_COST_VIEW);
  g_type_ensure (PC_TYPE_COMPLIANCE_VIEW);
  g_type_ensure (PC_TYPE_UNIT_COST_VIEW);
  g_type_ensure (PC_TYPE_RISK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/pathcost/Pathcost/pc-activity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, flows_view);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, costs_view);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, compliance_view);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, unit_costs_view);
  gtk_widget_class_bind_template_child (widget_class, PcActivityView, risks_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pc_activity_view_init (PcActivityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
