/* pc-providers.h: the providers of one site side by side (docs/MODEL.md,
 * "Providers side by side"): each provider's expected cost per patient of
 * the pathway it delivers at tariff × its MFF and at its own unit costs,
 * the gap between them (provider's cost − tariff × MFF), the best-practice
 * pathway at tariff × its MFF, and what its activity says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-activity.h"
#include "pc-model.h"
#include "pc-projection.h"

G_BEGIN_DECLS

typedef struct
{
  char       *code;
  char       *name;
  double      mff;
  /* The pathway priced: the provider's current pathway for the site, or
   * (without one) the best-practice pathway at the provider's MFF; NULL
   * when the site has neither. */
  PcPathway  *pathway;
  gboolean    is_current;
  /* HRG → mean cost per unit at this provider (gdouble *), from activity. */
  GHashTable *own_unit_costs;
  /* Expected cost per patient diagnosed (E) by stage and over all stages. */
  double      at_tariff[PC_N_STAGES];     /* the pathway at tariff × MFF (or local cost) */
  double      at_tariff_all;
  double      at_own[PC_N_STAGES];        /* at the provider's own unit costs where known */
  double      at_own_all;
  double      gap[PC_N_STAGES];           /* at_own − at_tariff */
  double      gap_all;
  guint       n_own_steps;                /* steps priced at an own unit cost */
  double      best_practice[PC_N_STAGES]; /* best practice at tariff × this MFF */
  double      best_practice_all;
  gboolean    has_best_practice;
  /* From activity (when the project holds any). */
  GPtrArray  *flows;                      /* of PcFlow: the site's patients by area */
  guint64     patients;                   /* distinct patients of the site and areas */
  double      cost;
  double      tariff_paid;
  GPtrArray  *compliance;                 /* of PcCompliance with best practice, or NULL */
  GPtrArray  *risks;                      /* of PcRisk: the register's entries for the site */
  guint       shortfalls;                 /* compliance entries of the register */
  guint       open_risks;                 /* entries whose status is not closed */
} PcProviderFigures;

typedef struct
{
  char              *site;
  char              *site_name;
  char              *best_practice_name;  /* NULL when the site has none */
  PcPathway         *best_practice;
  PcProjectionInput *input;               /* the site's survival and stage mix */
  gboolean           has_activity;
  guint              disclosure_threshold;
  GPtrArray         *providers;           /* of PcProviderFigures, by code */
} PcProviderComparison;

void    pc_provider_figures_free     (PcProviderFigures    *figures);
void    pc_provider_comparison_free  (PcProviderComparison *comparison);

/* The unit cost a step costs the provider: the step's own provider unit
 * cost, else the provider's mean cost per unit of the step's HRG
 * (@own_unit_costs, may be NULL), else what the pathway pays for it.
 * @is_own (may be NULL) says whether an own cost was found. */
double  pc_provider_step_own_cost    (const PcStep         *step,
                                      double                mff,
                                      GHashTable           *own_unit_costs,
                                      gboolean             *is_own);
/* E of @pathway at @mff (into @by_stage, and over all stages returned):
 * each step at what the pathway pays or, with @own, at
 * pc_provider_step_own_cost; @n_own (may be NULL) counts the steps priced
 * at an own cost.  The sums are pc_projection_compute's, so the figure at
 * tariff is `report`'s expected cost per patient. */
double  pc_provider_expected_cost    (const PcPathway         *pathway,
                                      double                   mff,
                                      GHashTable              *own_unit_costs,
                                      gboolean                 own,
                                      const PcProjectionInput *input,
                                      double                   by_stage[PC_N_STAGES],
                                      guint                   *n_own);
/* Fills the expected costs of @figures from its pathway, own unit costs
 * and @best_practice (may be NULL) at its MFF. */
void    pc_provider_figures_price    (PcProviderFigures       *figures,
                                      const PcPathway         *best_practice,
                                      const PcProjectionInput *input);
/* Whether a register entry is still open (its status is not closed,
 * resolved or done, in any case). */
gboolean pc_risk_is_open             (const PcRisk         *risk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcProviderComparison, pc_provider_comparison_free)

G_END_DECLS
