/* pc-activity.c: the activity analyses' result types and their statistics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"

#include "config.h"

#include <math.h>
#include <stdlib.h>
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
  g_free (risk->due);
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

static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

int
pc_date_to_day (const char *text)
{
  static const guint8 days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int year, month, day, y, era, yoe, doy, doe;

  if (text == NULL || text[0] == '\0' || text[1] == '\0' || text[2] == '\0' || text[3] == '\0'
      || text[4] != '-' || text[5] == '\0' || text[6] == '\0' || text[7] != '-'
      || text[8] == '\0' || text[9] == '\0' || text[10] != '\0')
    return 0;
  year = digits (text, 4), month = digits (text + 5, 2), day = digits (text + 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1
      || day > days_in_month[month - 1] + (month == 2 && g_date_is_leap_year (year)))
    return 0;
  /* days from civil (H. Hinnant), shifted so that 0001-01-01 is day 1 */
  y = year - (month <= 2);
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 305;
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
