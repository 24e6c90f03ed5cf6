/* pc-projection.h: incident patients and the cost of their care, year by
 * year, for one pathway over one area (or the sum of several).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-costing.h"
#include "pc-model.h"

G_BEGIN_DECLS

#define PC_MAX_HORIZON 20

/* A scenario's investment line: cost_per_year (at price-year prices) in
 * each year from first_year to last_year, to a funding stream.  It counts
 * only in reports of a pathway it applies to (docs/MODEL.md,
 * "Investment lines"): with a site, that site's pathways; with a pathway,
 * that pathway alone; with neither (both NULL), every pathway. */
typedef struct
{
  char   *name;
  int     first_year;
  int     last_year;
  double  cost_per_year;
  char   *funding;
  char   *site;
  char   *pathway;
} PcInvestment;

PcInvestment *pc_investment_new  (const char         *name,
                                  int                 first_year,
                                  int                 last_year,
                                  double              cost_per_year,
                                  const char         *funding,
                                  const char         *site,
                                  const char         *pathway);
gboolean      pc_investment_applies_to (const PcInvestment *investment,
                                        const PcPathway    *pathway);
PcInvestment *pc_investment_copy (const PcInvestment *investment);
void          pc_investment_free (PcInvestment       *investment);

/* Everything a projection needs besides the pathway.  Year t of the arrays
 * is calendar year first_year + t; first_year = base_year - PC_MAX_OFFSET so
 * that patients diagnosed up to five years before the projection's first
 * year (base_year) are counted.  The trend counts from incidence_year and
 * inflation from price_year (docs/MODEL.md, "Base years"), so a year's
 * figure never depends on the year a report starts from; both default to
 * base_year. */
typedef struct
{
  int        base_year;
  int        incidence_year;
  int        price_year;
  int        first_year;
  guint      n_years;
  /* Σ over sex and age band of pop × rate / 100 000, before trend and stage. */
  double    *crude_incidence;
  double     trend;
  double     stage_share[PC_N_STAGES];
  /* S(0) … S(6): S(0) = 1 and S(6) = S(5). */
  double     survival[PC_N_STAGES][PC_N_OFFSETS + 1];
  double     inflation;
  double     discount_rate;
  GPtrArray *investments; /* of PcInvestment: costed under the phase "investment" */
  GPtrArray *warnings;    /* of char*, for the report */
} PcProjectionInput;

typedef struct
{
  int     year;
  double  incident[PC_N_STAGES];
  double  incident_total;
  double  cost;
  double *cost_by_phase;      /* indexed like PcProjection.phases */
  double *cost_by_funding;    /* indexed like PcProjection.fundings */
  double  activity[PC_N_ACTIVITIES];
} PcYearResult;

typedef struct
{
  int               from;
  int               incidence_year;
  int               price_year;
  guint             n_years;
  GStrv             phases;    /* in the order the pathway first uses them */
  GStrv             fundings;
  PcCostPerPatient  cost_per_patient;
  /* E(stage) and E over all stages, before inflation. */
  double            expected_cost_per_patient[PC_N_STAGES];
  double            expected_cost_all_stages;
  PcYearResult     *years;
  double            total_cost;
  double            npv;
  GPtrArray        *warnings;
} PcProjection;

PcProjectionInput *pc_projection_input_new  (int                      base_year,
                                             guint                    horizon);
PcProjectionInput *pc_projection_input_copy (const PcProjectionInput *input);
void               pc_projection_input_free (PcProjectionInput       *input);
guint              pc_projection_input_get_horizon (const PcProjectionInput *input);

/* incident(y, stage) of docs/MODEL.md for year y of the input's range. */
double             pc_projection_incident   (const PcProjectionInput *input,
                                             int                      year,
                                             PcStage                  stage);

PcProjection      *pc_projection_compute    (const PcPathway         *pathway,
                                             const PcProjectionInput *input);
void               pc_projection_free       (PcProjection            *projection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcProjectionInput, pc_projection_input_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcProjection, pc_projection_free)

G_END_DECLS
