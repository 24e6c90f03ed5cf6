/* pc-activity.h: what patient-level activity says: flows between areas
 * and providers, actual cost per patient, compliance with a best-practice
 * pathway, provider unit costs, and the pathway risk register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"

G_BEGIN_DECLS

typedef struct
{
  char    *area;
  char    *provider;
  guint64  patients;
  double   cost;
  double   tariff_paid;
} PcFlow;

typedef struct
{
  char    *site;
  char    *provider;
  PcStage  stage;
  guint64  patients;
  double   mean;
  double   q1;
  double   median;
  double   q3;
  double   mean_by_activity[PC_N_ACTIVITIES];
} PcActualCost;

typedef struct
{
  char     *step;
  PcStage   stage;
  int       offset;
  gboolean  measurable;      /* the step names a tariff code */
  guint64   patients;
  double    expected_share;
  double    actual_share;    /* NAN when not measurable or no patients */
} PcCompliance;

typedef struct
{
  char    *provider;
  char    *hrg;
  guint64  records;
  double   quantity;
  double   cost;
  double   mean_unit_cost;   /* cost / quantity; NAN with no units */
} PcUnitCost;

typedef enum
{
  PC_RISK_COMPLIANCE,        /* actual share short of the expected by more than the tolerance */
  PC_RISK_COST,              /* mean cost per unit above tariff × MFF by more than the threshold */
} PcRiskKind;

typedef struct
{
  char       *pathway;
  char       *step;
  char       *provider;
  int         stage;         /* a PcStage for compliance, -1 for cost */
  PcRiskKind  kind;
  double      expected;      /* share, or tariff × MFF */
  double      actual;        /* share, or mean cost per unit */
  char       *owner;
  char       *action;
  char       *status;
  char       *due;           /* YYYY-MM-DD, or NULL for none */
} PcRisk;

void        pc_flow_free          (PcFlow       *flow);
void        pc_actual_cost_free   (PcActualCost *cost);
void        pc_compliance_free    (PcCompliance *row);
void        pc_unit_cost_free     (PcUnitCost   *cost);
void        pc_risk_free          (PcRisk       *risk);
const char *pc_risk_kind_to_string   (PcRiskKind  kind);
gboolean    pc_risk_kind_from_string (const char *text,
                                      PcRiskKind *kind);

/* "YYYY-MM-DD", a real calendar date from 0001-01-01 to 9999-12-31, as
 * its day number (1 = 0001-01-01); 0 for anything else. */
int         pc_date_to_day        (const char   *text);

/* Excel's QUARTILE.INC / PERCENTILE.INC: linear interpolation between the
 * closest ranks of @sorted (ascending, n ≥ 1) at fraction @q of the way. */
double      pc_quantile_inc       (const double *sorted,
                                   gsize         n,
                                   double        q);

G_END_DECLS
