/* pc-model.c: the model's vocabulary and the pathway types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-model"

#include "config.h"

#include <string.h>

#include "pc-model.h"

static const char * const stage_names[PC_N_STAGES] = { "1", "2", "3", "4", "unknown" };
static const char * const basis_names[PC_N_BASES] = { "patient", "death" };
static const char * const sex_names[PC_N_SEXES] = { "F", "M" };
static const char * const kind_names[PC_N_KINDS] = { "best_practice", "current" };
static const char * const activity_names[PC_N_ACTIVITIES] = {
  "outpatient", "imaging", "elective", "daycase", "bed_day",
  "chemotherapy", "radiotherapy", "drug", "community", "other",
};
static const char * const age_band_names[PC_N_AGE_BANDS] = {
  "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44",
  "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84",
  "85-89", "90+",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             guint              *index)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], text) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_ENUM_STRINGS(prefix, Type, names, count)                 \
  const char *                                                          \
  prefix##_to_string (Type value)                                       \
  {                                                                     \
    g_return_val_if_fail ((guint) value < count, NULL);                 \
    return names[value];                                                \
  }                                                                     \
  gboolean                                                              \
  prefix##_from_string (const char *text,                               \
                        Type       *value)                              \
  {                                                                     \
    guint index;                                                        \
    if (!lookup_name (names, count, text, &index))                      \
      return FALSE;                                                     \
    *value = (Type) index;                                              \
    return TRUE;                                                        \
  }

DEFINE_ENUM_STRINGS (pc_stage, PcStage, stage_names, PC_N_STAGES)
DEFINE_ENUM_STRINGS (pc_basis, PcBasis, basis_names, PC_N_BASES)
DEFINE_ENUM_STRINGS (pc_sex, PcSex, sex_names, PC_N_SEXES)
DEFINE_ENUM_STRINGS (pc_kind, PcPathwayKind, kind_names, PC_N_KINDS)
DEFINE_ENUM_STRINGS (pc_activity, PcActivity, activity_names, PC_N_ACTIVITIES)
DEFINE_ENUM_STRINGS (pc_age_band, guint, age_band_names, PC_N_AGE_BANDS)

PcStep *
pc_step_new (void)
{
  return g_new0 (PcStep, 1);
}

PcStep *
pc_step_copy (const PcStep *step)
{
  PcStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_memdup2 (step, sizeof *step);
  copy->name = g_strdup (step->name);
  copy->phase = g_strdup (step->phase);
  copy->funding = g_strdup (step->funding);
  copy->tariff_code = g_strdup (step->tariff_code);
  return copy;
}

void
pc_step_free (PcStep *step)
{
  if (step == NULL)
    return;
  g_free (step->name);
  g_free (step->phase);
  g_free (step->funding);
  g_free (step->tariff_code);
  g_free (step);
}

PcPathway *
pc_pathway_new (const char    *name,
                const char    *site,
                PcPathwayKind  kind,
                const char    *provider,
                double         mff)
{
  PcPathway *pathway = g_new0 (PcPathway, 1);

  pathway->name = g_strdup (name);
  pathway->site = g_strdup (site);
  pathway->kind = kind;
  pathway->provider = g_strdup (provider);
  pathway->mff = mff;
  pathway->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_step_free);
  return pathway;
}

PcPathway *
pc_pathway_copy (const PcPathway *pathway)
{
  PcPathway *copy;

  g_return_val_if_fail (pathway != NULL, NULL);

  copy = pc_pathway_new (pathway->name, pathway->site, pathway->kind,
                         pathway->provider, pathway->mff);
  for (guint i = 0; i < pathway->steps->len; i++)
    g_ptr_array_add (copy->steps, pc_step_copy (g_ptr_array_index (pathway->steps, i)));
  return copy;
}

void
pc_pathway_free (PcPathway *pathway)
{
  if (pathway == NULL)
    return;
  g_free (pathway->name);
  g_free (pathway->site);
  g_free (pathway->provider);
  g_clear_pointer (&pathway->steps, g_ptr_array_unref);
  g_free (pathway);
}
