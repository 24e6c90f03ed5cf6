/* pc-model.h: the vocabulary of the costing model (stages, bases, activities,
 * sexes, age bands) and the pathway types the engine computes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Offsets after diagnosis run 0…5; survival is known for years 1…5. */
#define PC_MAX_OFFSET 5
#define PC_N_OFFSETS (PC_MAX_OFFSET + 1)
#define PC_N_AGE_BANDS 19

typedef enum
{
  PC_STAGE_1,
  PC_STAGE_2,
  PC_STAGE_3,
  PC_STAGE_4,
  PC_STAGE_UNKNOWN,
  PC_N_STAGES
} PcStage;

typedef enum
{
  PC_BASIS_PATIENT,
  PC_BASIS_DEATH,
  PC_N_BASES
} PcBasis;

typedef enum
{
  PC_SEX_F,
  PC_SEX_M,
  PC_N_SEXES
} PcSex;

typedef enum
{
  PC_KIND_BEST_PRACTICE,
  PC_KIND_CURRENT,
  PC_N_KINDS
} PcPathwayKind;

typedef enum
{
  PC_ACTIVITY_OUTPATIENT,
  PC_ACTIVITY_IMAGING,
  PC_ACTIVITY_ELECTIVE,
  PC_ACTIVITY_DAYCASE,
  PC_ACTIVITY_BED_DAY,
  PC_ACTIVITY_CHEMOTHERAPY,
  PC_ACTIVITY_RADIOTHERAPY,
  PC_ACTIVITY_DRUG,
  PC_ACTIVITY_COMMUNITY,
  PC_ACTIVITY_OTHER,
  PC_N_ACTIVITIES
} PcActivity;

/* Each pair converts between the enum and the spelling used in CSV files,
 * the project file and JSON.  The parsers return FALSE for anything else. */
const char *pc_stage_to_string        (PcStage        stage);
gboolean    pc_stage_from_string      (const char    *text,
                                       PcStage       *stage);
const char *pc_basis_to_string        (PcBasis        basis);
gboolean    pc_basis_from_string      (const char    *text,
                                       PcBasis       *basis);
const char *pc_sex_to_string          (PcSex          sex);
gboolean    pc_sex_from_string        (const char    *text,
                                       PcSex         *sex);
const char *pc_kind_to_string         (PcPathwayKind  kind);
gboolean    pc_kind_from_string       (const char    *text,
                                       PcPathwayKind *kind);
const char *pc_activity_to_string     (PcActivity     activity);
gboolean    pc_activity_from_string   (const char    *text,
                                       PcActivity    *activity);
/* Age bands "0-4", "5-9", … "85-89", "90+", indexed 0…18. */
const char *pc_age_band_to_string     (guint          band);
gboolean    pc_age_band_from_string   (const char    *text,
                                       guint         *band);

typedef struct
{
  char          *name;
  char          *phase;
  char          *funding;
  int            year_offset;
  PcBasis        basis;
  PcActivity     activity;
  char          *tariff_code;        /* NULL when the step has a local cost */
  double         local_unit_cost;    /* meaningful only without a tariff code */
  double         tariff_price;       /* the tariff's price, when tariff_code is set */
  double         quantity;
  double         share[PC_N_STAGES];
  gboolean       has_provider_unit_cost;
  double         provider_unit_cost;
  /* A scenario's unit cost replaces tariff × MFF or the local cost. */
  gboolean       has_unit_cost_override;
  double         unit_cost_override;
} PcStep;

typedef struct
{
  char          *name;
  char          *site;
  PcPathwayKind  kind;
  char          *provider;           /* NULL for a pathway with no provider */
  double         mff;                /* the provider's MFF, 1.0 without one */
  GPtrArray     *steps;              /* of PcStep, in the pathway's order */
} PcPathway;

PcStep    *pc_step_new      (void);
PcStep    *pc_step_copy     (const PcStep *step);
void       pc_step_free     (PcStep       *step);
PcPathway *pc_pathway_new   (const char   *name,
                             const char   *site,
                             PcPathwayKind kind,
                             const char   *provider,
                             double        mff);
PcPathway *pc_pathway_copy  (const PcPathway *pathway);
void       pc_pathway_free  (PcPathway    *pathway);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcStep, pc_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPathway, pc_pathway_free)

G_END_DECLS
