/* pc-providers.c: the arithmetic of the providers side by side
 * (docs/MODEL.md, "Providers side by side"); the store gathers what it
 * works on (pc-project-providers.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-providers"

#include "config.h"

#include <string.h>

#include "pc-costing.h"
#include "pc-providers.h"

void
pc_provider_figures_free (PcProviderFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->code);
  g_free (figures->name);
  g_clear_pointer (&figures->pathway, pc_pathway_free);
  g_clear_pointer (&figures->own_unit_costs, g_hash_table_unref);
  g_clear_pointer (&figures->flows, g_ptr_array_unref);
  g_clear_pointer (&figures->compliance, g_ptr_array_unref);
  g_clear_pointer (&figures->risks, g_ptr_array_unref);
  g_free (figures);
}

void
pc_provider_comparison_free (PcProviderComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->site);
  g_free (comparison->site_name);
  g_free (comparison->best_practice_name);
  g_clear_pointer (&comparison->best_practice, pc_pathway_free);
  g_clear_pointer (&comparison->input, pc_projection_input_free);
  g_clear_pointer (&comparison->providers, g_ptr_array_unref);
  g_free (comparison);
}

double
pc_provider_step_own_cost (const PcStep *step,
                           double        mff,
                           GHashTable   *own_unit_costs,
                           gboolean     *is_own)
{
  const double *mean = NULL;
  gboolean own = TRUE;
  double cost;

  if (step->has_provider_unit_cost)
    cost = step->provider_unit_cost;
  else if (own_unit_costs != NULL && step->tariff_code != NULL
           && (mean = g_hash_table_lookup (own_unit_costs, step->tariff_code)) != NULL)
    cost = *mean;
  else
    {
      cost = pc_step_unit_cost (step, mff);
      own = FALSE;
    }
  if (is_own != NULL)
    *is_own = own;
  return cost;
}

/* E of @pathway at @mff, each step at its unit cost or (with @own) at the
 * provider's own; the same sums pc_projection_compute makes, so the
 * figure at tariff equals `report`'s expected cost per patient. */
double
pc_provider_expected_cost (const PcPathway         *pathway,
                           double                   mff,
                           GHashTable              *own_unit_costs,
                           gboolean                 own,
                           const PcProjectionInput *input,
                           double                   by_stage[PC_N_STAGES],
                           guint                   *n_own)
{
  PcCostPerPatient cost = { { { 0.0 } } };

  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      gboolean is_own = FALSE;
      g_autoptr(PcStep) priced = NULL;

      if (!own)
        {
          pc_step_add_cost_per_patient (step, mff, cost);
          continue;
        }
      priced = pc_step_copy (step);
      priced->has_unit_cost_override = TRUE;
      priced->unit_cost_override = pc_provider_step_own_cost (step, mff, own_unit_costs, &is_own);
      if (is_own && n_own != NULL)
        (*n_own)++;
      pc_step_add_cost_per_patient (priced, mff, cost);
    }
  return pc_expected_cost_per_patient (cost, (const double (*)[PC_N_OFFSETS + 1]) input->survival,
                                       input->stage_share, by_stage);
}

void
pc_provider_figures_price (PcProviderFigures       *figures,
                           const PcPathway         *best_practice,
                           const PcProjectionInput *input)
{
  g_return_if_fail (figures != NULL && input != NULL);

  figures->n_own_steps = 0;
  figures->has_best_practice = best_practice != NULL;
  if (best_practice != NULL)
    figures->best_practice_all = pc_provider_expected_cost (best_practice, figures->mff, NULL,
                                                            FALSE, input, figures->best_practice,
                                                            NULL);
  if (figures->pathway == NULL)
    return;
  figures->at_tariff_all = pc_provider_expected_cost (figures->pathway, figures->pathway->mff,
                                                      NULL, FALSE, input, figures->at_tariff,
                                                      NULL);
  figures->at_own_all = pc_provider_expected_cost (figures->pathway, figures->pathway->mff,
                                                   figures->own_unit_costs, TRUE, input,
                                                   figures->at_own, &figures->n_own_steps);
  /* The engine's sign everywhere (docs/MODEL.md#provider-gap). */
  figures->gap_all = figures->at_own_all - figures->at_tariff_all;
  for (guint s = 0; s < PC_N_STAGES; s++)
    figures->gap[s] = figures->at_own[s] - figures->at_tariff[s];
}

gboolean
pc_risk_is_open (const PcRisk *risk)
{
  static const char * const closed[] = { "closed", "resolved", "done" };

  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    if (risk->status != NULL && g_ascii_strcasecmp (risk->status, closed[i]) == 0)
      return FALSE;
  return TRUE;
}
