/* pc-breakdown.h: a pathway's expected cost per patient taken apart (by
 * phase, funding stream, activity and step), the provider's gap, two
 * pathways of one site set side by side, and a projection's totals.  The
 * window, the CLI and the workbook show these figures; none computes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-costing.h"
#include "pc-projection.h"
#include "pc-scenario.h"

G_BEGIN_DECLS

/* A group of steps (all of them, a phase, a funding stream, an activity):
 * cost_k per patient alive (PC_BASIS_PATIENT) and per death
 * (PC_BASIS_DEATH), the units of activity (share × quantity) on the same
 * axes, and E(stage) and E over all stages of those steps alone
 * (docs/MODEL.md, "Expected cost per patient").  E is a sum over steps, so
 * the groups of one kind add up to the pathway's E. */
typedef struct
{
  char             *name;       /* the phase or funding stream; NULL otherwise */
  PcActivity        activity;   /* meaningful in PcBreakdown.activities */
  guint             n_steps;
  PcCostPerPatient  cost;
  PcCostPerPatient  units;
  double            expected[PC_N_STAGES];
  double            expected_all;
} PcCostGroup;

/* One step: its cost per patient reached (share × quantity × unit cost),
 * the share of patients diagnosed it reaches (S(k), or S(k) − S(k + 1) for
 * a `death` step) and their product, its part of E. */
typedef struct
{
  char    *name;
  int      year_offset;
  PcBasis  basis;
  double   cost[PC_N_STAGES];
  double   weight[PC_N_STAGES];
  double   expected[PC_N_STAGES];
  double   expected_all;
} PcStepCost;

/* A step with the provider's own unit cost (docs/MODEL.md, "Provider
 * gap"): gap = provider cost − payment, positive when the provider loses;
 * gap_share = gap ÷ payment, 0 when the payment is 0. */
typedef struct
{
  guint   step_index;          /* in the pathway's steps */
  char   *name;
  char   *tariff_code;         /* NULL for a step with a local cost */
  double  payment;             /* tariff × MFF, or the local cost */
  double  provider_cost;
  double  gap;
  double  gap_share;
  double  gap_per_patient[PC_N_STAGES];   /* share × quantity × gap */
} PcProviderGap;

typedef struct
{
  GPtrArray *steps;            /* of PcProviderGap, in the pathway's order */
  /* E over those steps alone, at the payments and at the provider's
   * costs; the gap and gap ÷ payment (0 when it is 0) with the same sign. */
  double     at_payment[PC_N_STAGES];
  double     at_provider[PC_N_STAGES];
  double     gap[PC_N_STAGES];
  double     gap_share[PC_N_STAGES];
  double     at_payment_all;
  double     at_provider_all;
  double     gap_all;
} PcProviderBreakdown;

typedef struct
{
  /* The share of patients diagnosed that a step at each stage, basis and
   * year reaches: S(k) alive at the start of year k, S(k) − S(k + 1)
   * dying in it.  E(stage) is Σ weight × cost over basis and year. */
  PcCostPerPatient     weight;
  PcCostGroup          total;
  GPtrArray           *phases;      /* of PcCostGroup, in first-use order */
  GPtrArray           *fundings;    /* of PcCostGroup, in first-use order */
  GPtrArray           *activities;  /* of PcCostGroup, in PcActivity's order */
  GPtrArray           *steps;       /* of PcStepCost, in the pathway's order */
  PcProviderBreakdown  provider;
} PcBreakdown;

/* @input gives the site's survival and stage mix, as
 * pc_project_load_site_input() reads them; nothing else of it is used. */
PcBreakdown       *pc_breakdown_compute          (const PcPathway         *pathway,
                                                  const PcProjectionInput *input);
void               pc_breakdown_free             (PcBreakdown             *breakdown);
/* The group of that phase, funding stream or activity, or NULL when no
 * step is in it (the phase "investment", say). */
const PcCostGroup *pc_breakdown_find_phase       (const PcBreakdown       *breakdown,
                                                  const char              *phase);
const PcCostGroup *pc_breakdown_find_funding     (const PcBreakdown       *breakdown,
                                                  const char              *funding);
const PcCostGroup *pc_breakdown_find_activity    (const PcBreakdown       *breakdown,
                                                  PcActivity               activity);

/* Steps of two pathways of one site matched by name, year after diagnosis
 * and basis (steps sharing all three are one entry); the first pathway's
 * in its order, then those only in the second. */
typedef struct
{
  char     *name;
  int       year_offset;
  PcBasis   basis;
  gboolean  in_first;
  gboolean  in_second;
  double    first[PC_N_STAGES];    /* E(stage) of the matched steps; 0 when absent */
  double    second[PC_N_STAGES];
  double    first_all;
  double    second_all;
} PcStepComparison;

typedef struct
{
  GPtrArray *steps;                /* of PcStepComparison */
  double     first[PC_N_STAGES];   /* each pathway's E */
  double     second[PC_N_STAGES];
  double     first_all;
  double     second_all;
} PcPathwayComparison;

PcPathwayComparison *pc_pathway_comparison_compute (const PcPathway         *first,
                                                    const PcPathway         *second,
                                                    const PcProjectionInput *input);
void                 pc_pathway_comparison_free    (PcPathwayComparison     *comparison);
/* Whether another entry has the same step name, so that a reader needs
 * the year and basis to tell them apart. */
gboolean             pc_pathway_comparison_name_repeats (const PcPathwayComparison *comparison,
                                                         guint                      index);

/* What a step naming a tariff of @price costs a unit with the provider's
 * @mff, as pc_step_unit_cost() prices it (docs/MODEL.md, "Unit cost"). */
double   pc_tariff_unit_cost            (double              price,
                                         double              mff);

/* Over the projection's years: patients diagnosed, and the cost to
 * funding stream @f (an index into projection->fundings). */
double   pc_projection_total_diagnosed  (const PcProjection *projection);
double   pc_projection_total_by_funding (const PcProjection *projection,
                                         guint               f);
/* Year @t's difference discounted to the first year at @discount_rate,
 * as the comparison's NPV sums it (docs/MODEL.md, "Comparison"). */
double   pc_comparison_discounted_difference (const PcComparison *comparison,
                                              guint               t,
                                              double              discount_rate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcBreakdown, pc_breakdown_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPathwayComparison, pc_pathway_comparison_free)

G_END_DECLS
