/* pc-scenario.h: named sets of overrides and investment lines, applied to a
 * pathway and its projection input, and their comparison with the baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"
#include "pc-projection.h"

G_BEGIN_DECLS

typedef enum
{
  PC_PARAMETER_STAGE_SHARE,      /* site, stage */
  PC_PARAMETER_STEP_QUANTITY,    /* pathway, step */
  PC_PARAMETER_STEP_SHARE,       /* pathway, step, stage */
  PC_PARAMETER_STEP_UNIT_COST,   /* pathway, step: replaces tariff × MFF or local cost */
  PC_PARAMETER_TREND,            /* site */
  PC_PARAMETER_INFLATION,
  PC_N_PARAMETERS
} PcParameter;

const char *pc_parameter_to_string   (PcParameter  parameter);
gboolean    pc_parameter_from_string (const char  *text,
                                      PcParameter *parameter);

typedef struct
{
  PcParameter parameter;
  char       *site;       /* NULL where the parameter does not use it */
  char       *pathway;
  char       *step;
  int         stage;      /* a PcStage, or -1 */
  double      value;
} PcOverride;

typedef struct
{
  char      *name;
  GPtrArray *overrides;     /* of PcOverride */
  GPtrArray *investments;   /* of PcInvestment */
} PcScenario;

PcScenario *pc_scenario_new            (const char         *name);
void        pc_scenario_free           (PcScenario         *scenario);
void        pc_scenario_add_override   (PcScenario         *scenario,
                                        PcParameter         parameter,
                                        const char         *site,
                                        const char         *pathway,
                                        const char         *step,
                                        int                 stage,
                                        double              value);
void        pc_scenario_add_investment (PcScenario         *scenario,
                                        const char         *name,
                                        int                 first_year,
                                        int                 last_year,
                                        double              cost_per_year,
                                        const char         *funding,
                                        const char         *site,
                                        const char         *pathway);

/* The stage-shift helper (docs/MODEL.md, "Scenarios"): moves @fraction
 * (0 to 1) of the patients diagnosed at stages @from_first to @from_last
 * to stages @to_first to @to_last, shared among the receiving stages in
 * proportion to their shares in @mix (equally when those are all zero).
 * Stages outside both ranges, unknown among them, keep their share, so
 * @shifted sums to what @mix sums to.  Earlier diagnosis in a workshop is
 * 3–4 to 1–2: PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2. */
void        pc_stage_mix_shift         (const double        mix[PC_N_STAGES],
                                        double              fraction,
                                        PcStage             from_first,
                                        PcStage             from_last,
                                        PcStage             to_first,
                                        PcStage             to_last,
                                        double              shifted[PC_N_STAGES]);
/* Adds one stage-share override per stage of @site: @mix shifted as
 * pc_stage_mix_shift() does. */
void        pc_scenario_add_stage_shift (PcScenario        *scenario,
                                         const char        *site,
                                         const double       mix[PC_N_STAGES],
                                         double             fraction,
                                         PcStage            from_first,
                                         PcStage            from_last,
                                         PcStage            to_first,
                                         PcStage            to_last);

/* The price lever (docs/MODEL.md, "A provider's price"): one
 * step_unit_cost change per step of @pathway paid at tariff, setting its
 * unit cost to @fraction × tariff price × @mff (1.0 is the tariff × MFF
 * itself, 0.9 a 10% discount).  Steps with a local cost keep it.  A name
 * shared by several steps takes the first one's price, as a step change
 * reaches every step of its name. */
void        pc_scenario_add_price_fraction (PcScenario      *scenario,
                                            const PcPathway *pathway,
                                            double           mff,
                                            double           fraction);

/* Whether the scenario changes anything in a report of @pathway: a change
 * to its site or its steps, an inflation change, or an investment line
 * that applies to it (docs/MODEL.md, "Scenarios"). */
gboolean    pc_scenario_touches        (const PcScenario   *scenario,
                                        const PcPathway    *pathway);
/* The warning a report gives when the scenario touches nothing. */
char       *pc_scenario_untouched_warning (const PcScenario *scenario,
                                           const PcPathway  *pathway);

/* Applies the overrides that concern @pathway (its name and site) to it and
 * to @input, in place, and adds the investment lines that apply to it.
 * When nothing concerns the pathway, adds the untouched warning to
 * @input's warnings.  Fails, naming the override, when a step does not
 * exist or the stage shares no longer sum to 1. */
gboolean    pc_scenario_apply          (const PcScenario   *scenario,
                                        PcPathway          *pathway,
                                        PcProjectionInput  *input,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcScenario, pc_scenario_free)

typedef struct
{
  int    year;
  double difference;              /* scenario minus baseline */
  double cumulative;
  double activity[PC_N_ACTIVITIES];
} PcComparisonYear;

typedef struct
{
  guint             n_years;
  PcComparisonYear *years;
  double            npv_difference;
  gboolean          has_payback;
  int               payback_year;
} PcComparison;

PcComparison *pc_comparison_compute (const PcProjection *baseline,
                                     const PcProjection *scenario,
                                     double              discount_rate);
void          pc_comparison_free    (PcComparison       *comparison);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcComparison, pc_comparison_free)

G_END_DECLS
