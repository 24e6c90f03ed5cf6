/* pc-activity.c: the activity analyses' result types and their statistics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-activity.h"

void
pc_flow_free (PcFlow *flow)
{
  if (flow == NULL)
    return;
  g_free (flow->area);
  g_free (flow->provider);
  g_free (flow);
}

void
pc_actual_cost_free (PcActualCost *cost)
{
  if (cost == NULL)
    return;
  g_free (cost->site);
  g_free (cost->provider);
  g_free (cost);
}

void
pc_compliance_free (PcCompliance *row)
{
  if (row == NULL)
    return;
  g_free (row->step);
  g_free (row);
}

void
pc_unit_cost_free (PcUnitCost *cost)
{
  if (cost == NULL)
    return;
  g_free (cost->provider);
  g_free (cost->hrg);
  g_free (cost);
}

void
pc_risk_free (PcRisk *risk)
{
  if (risk == NULL)
    return;
  g_free (risk->pathway);
  g_free (risk->step);
  g_free (risk->provider);
  g_free (risk->owner);
  g_free (risk->action);
  g_free (risk->status);
  g_free (risk);
}

const char *
pc_risk_kind_to_string (PcRiskKind kind)
{
  return kind == PC_RISK_COMPLIANCE ? "compliance" : "cost";
}

gboolean
pc_risk_kind_from_string (const char *text,
                          PcRiskKind *kind)
{
  if (g_strcmp0 (text, "compliance") == 0)
    *kind = PC_RISK_COMPLIANCE;
  else if (g_strcmp0 (text, "cost") == 0)
    *kind = PC_RISK_COST;
  else
    return FALSE;
  return TRUE;
}

double
pc_quantile_inc (const double *sorted,
                 gsize         n,
                 double        q)
{
  double rank;
  gsize below, above;

  g_return_val_if_fail (sorted != NULL && n >= 1, NAN);

  rank = q * (double) (n - 1);
  below = (gsize) floor (rank);
  above = MIN (below + 1, n - 1);
  return sorted[below] + (rank - (double) below) * (sorted[above] - sorted[below]);
}
