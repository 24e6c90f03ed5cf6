/* pc-sensitivity.h: how sure are we?  One-way sensitivity (each input to a
 * low and a high value, ranked by the swing in the horizon's total cost) and
 * probabilistic sensitivity (seeded Monte Carlo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"
#include "pc-projection.h"

G_BEGIN_DECLS

/* The kinds of input, and what a parameter's value means for each:
 *   unit_cost:STEP        the step's unit cost in £          default range ×0.8 … ×1.2
 *   quantity:STEP         units a patient gets               ×0.8 … ×1.2
 *   share:STEP:STAGE      share of patients at STAGE         ±0.10, within 0 … 1
 *   stage_mix:STAGE       share of patients diagnosed at STAGE ×0.8 … ×1.2, the
 *                         other stages rescaled so the mix still sums to 1
 *   incidence             multiplier on every incidence rate  0.9 … 1.1
 *   trend                 annual change in incidence          ±0.01
 *   survival:STAGE        multiplier on S(1…5), at most 1     0.9 … 1.1
 *   inflation             annual cost inflation               ±0.01
 *   discount_rate         annual discount rate (moves NPV only) ±0.015, at least 0
 * A step that recurs (the same name at several offsets) is one parameter. */
typedef enum
{
  PC_SENSITIVITY_UNIT_COST,
  PC_SENSITIVITY_QUANTITY,
  PC_SENSITIVITY_SHARE,
  PC_SENSITIVITY_STAGE_MIX,
  PC_SENSITIVITY_INCIDENCE,
  PC_SENSITIVITY_TREND,
  PC_SENSITIVITY_SURVIVAL,
  PC_SENSITIVITY_INFLATION,
  PC_SENSITIVITY_DISCOUNT_RATE,
  PC_N_SENSITIVITY_KINDS
} PcSensitivityKind;

typedef struct
{
  char              *id;       /* e.g. "unit_cost:Mastectomy", "stage_mix:4" */
  PcSensitivityKind  kind;
  char              *step;     /* for step parameters */
  int                stage;    /* a PcStage, or -1 */
  double             base;
  double             low;
  double             high;
  double             total_low;
  double             total_high;
  double             npv_low;
  double             npv_high;
  double             swing;    /* |total_high − total_low| */
} PcOneWayResult;

typedef struct
{
  double low;
  double high;
} PcRange;

typedef struct
{
  double     base_total;
  double     base_npv;
  GPtrArray *parameters;   /* of PcOneWayResult, largest swing first */
} PcOneWay;

/* @ranges maps a parameter id to a PcRange of its own (absolute values);
 * it may be NULL.  The inputs are not modified. */
PcOneWay *pc_sensitivity_one_way      (const PcPathway         *pathway,
                                       const PcProjectionInput *input,
                                       GHashTable              *ranges);
void      pc_one_way_free             (PcOneWay                *one_way);

/* Probabilistic sensitivity.  Each parameter's spread is a standard error
 * with a default by kind, or its own from @standard_errors (id → double*):
 *   unit_cost:STEP  gamma, mean the unit cost, default se 10% of it
 *   share:STEP:STAGE beta, default se 0.05 (shares of exactly 0 or 1 stay)
 *   stage_mix       Dirichlet over the stages, default se 0.02 on the
 *                   largest share (which fixes the concentration)
 *   incidence       lognormal multiplier, mean 1, default se 0.05
 *   survival:STAGE  beta on each year's conditional survival S(k)/S(k−1),
 *                   default se 0.02
 * Iterations are drawn in fixed blocks, each from its own mt19937 stream
 * seeded from @seed and the block's number, so the figures are the same on
 * any machine and with any number of threads. */
typedef struct
{
  int    year;
  double mean;
  double low;     /* 2.5th percentile */
  double high;    /* 97.5th percentile */
} PcPsaYear;

typedef struct
{
  guint      n_iterations;
  guint64    seed;
  guint      n_years;
  PcPsaYear *years;
  PcPsaYear  total;       /* year is 0 */
  PcPsaYear  npv;
} PcPsa;

PcPsa    *pc_sensitivity_psa          (const PcPathway         *pathway,
                                       const PcProjectionInput *input,
                                       GHashTable              *standard_errors,
                                       guint                    n_iterations,
                                       guint64                  seed,
                                       guint                    n_threads);
/* Called from the worker threads after each block of iterations with the
 * number run so far; returning FALSE stops the runs (each thread finishes
 * the block it is in) and pc_sensitivity_psa_full() returns NULL. */
typedef gboolean (*PcPsaProgress) (guint    done,
                                   guint    total,
                                   gpointer data);

/* pc_sensitivity_psa() with progress and a way to stop: the figures of a
 * run that is not stopped are the same. */
PcPsa    *pc_sensitivity_psa_full     (const PcPathway         *pathway,
                                       const PcProjectionInput *input,
                                       GHashTable              *standard_errors,
                                       guint                    n_iterations,
                                       guint64                  seed,
                                       guint                    n_threads,
                                       PcPsaProgress            progress,
                                       gpointer                 progress_data);
void      pc_psa_free                 (PcPsa                   *psa);

const char *pc_sensitivity_kind_to_string (PcSensitivityKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcOneWay, pc_one_way_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPsa, pc_psa_free)

G_END_DECLS
