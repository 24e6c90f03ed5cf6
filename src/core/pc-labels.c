/* pc-labels.c: names for codes (docs/MODEL.md, "Vocabulary").  Funding
 * streams use today's vocabulary: integrated care boards took over from
 * CCGs in July 2022, and an import reads "ccg" as "icb".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-labels.h"

typedef struct
{
  const char *code;
  const char *label;
} Label;

static const Label phases[] = {
  { "diagnosis", N_("Diagnosis") },
  { "staging", N_("Staging") },
  { "treatment", N_("Treatment") },
  { "follow_up", N_("Follow-up") },
  { "end_of_life", N_("End of life") },
  { "investment", N_("Investment") },
};

static const Label fundings[] = {
  { "icb", N_("Integrated care board") },
  { "specialised", N_("Specialised commissioning") },
  { "public_health", N_("Public health") },
  { "drugs_fund", N_("Cancer Drugs Fund") },
};

static const char * const activities[PC_N_ACTIVITIES] = {
  N_("Outpatient attendances"), N_("Imaging"), N_("Elective spells"), N_("Day cases"),
  N_("Bed days"), N_("Chemotherapy attendances"), N_("Radiotherapy fractions"), N_("Drugs"),
  N_("Community contacts"), N_("Other"),
};

static const char *
lookup (const Label *labels,
        gsize        n_labels,
        const char  *code)
{
  for (gsize i = 0; code != NULL && i < n_labels; i++)
    if (strcmp (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}

const char *
pc_phase_label (const char *phase)
{
  return lookup (phases, G_N_ELEMENTS (phases), phase);
}

const char *
pc_funding_label (const char *funding)
{
  return lookup (fundings, G_N_ELEMENTS (fundings), funding);
}

const char *
pc_activity_label (PcActivity activity)
{
  g_return_val_if_fail (activity < PC_N_ACTIVITIES, NULL);
  return _(activities[activity]);
}

const char *
pc_kind_label (PcPathwayKind kind)
{
  g_return_val_if_fail (kind < PC_N_KINDS, NULL);
  return kind == PC_KIND_BEST_PRACTICE ? _("best practice") : _("current");
}

const char *
pc_stage_label (PcStage stage)
{
  static const char * const labels[PC_N_STAGES] = {
    N_("Stage 1"), N_("Stage 2"), N_("Stage 3"), N_("Stage 4"), N_("Unknown stage"),
  };

  g_return_val_if_fail (stage < PC_N_STAGES, NULL);
  return _(labels[stage]);
}
