/* pc-breakdown.c: the expected cost per patient of docs/MODEL.md ("Expected
 * cost per patient") over groups of a pathway's steps, the provider gap
 * ("Provider gap") and a projection's totals.  Every group is costed as the
 * whole pathway is, through pc_expected_cost_per_patient(), so a group of
 * all steps gives the pathway's E to the last bit.  Nothing is rounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-breakdown"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-breakdown.h"

static PcCostGroup *
cost_group_new (const char *name,
                PcActivity  activity)
{
  PcCostGroup *group = g_new0 (PcCostGroup, 1);

  group->name = g_strdup (name);
  group->activity = activity;
  return group;
}

static void
cost_group_free (gpointer data)
{
  PcCostGroup *group = data;

  g_free (group->name);
  g_free (group);
}

static void
cost_group_add (PcCostGroup  *group,
                const PcStep *step,
                double        mff)
{
  pc_step_add_cost_per_patient (step, mff, group->cost);
  for (guint s = 0; s < PC_N_STAGES; s++)
    group->units[s][step->basis][step->year_offset] += step->share[s] * step->quantity;
  group->n_steps++;
}

static double
expected_of (const PcCostPerPatient   cost,
             const PcProjectionInput *input,
             double                   expected[PC_N_STAGES])
{
  return pc_expected_cost_per_patient (cost, (const double (*)[PC_N_OFFSETS + 1]) input->survival,
                                       input->stage_share, expected);
}

static void
cost_group_finish (PcCostGroup             *group,
                   const PcProjectionInput *input)
{
  group->expected_all = expected_of (group->cost, input, group->expected);
}

/* The group named @name in @groups, added at the end when it is new: the
 * order of first use, as pc_projection_compute() orders phases. */
static PcCostGroup *
named_group (GPtrArray  *groups,
             const char *name)
{
  PcCostGroup *group;

  for (guint i = 0; i < groups->len; i++)
    {
      group = g_ptr_array_index (groups, i);
      if (g_strcmp0 (group->name, name) == 0)
        return group;
    }
  group = cost_group_new (name, 0);
  g_ptr_array_add (groups, group);
  return group;
}

static void
step_cost_free (gpointer data)
{
  PcStepCost *cost = data;

  g_free (cost->name);
  g_free (cost);
}

/* Who is there to receive a step: S(k) for a `patient` step, S(k) −
 * S(k + 1) for a `death` step. */
static double
weight_of (const PcProjectionInput *input,
           guint                    stage,
           PcBasis                  basis,
           guint                    k)
{
  return pc_survival_weight (input->survival[stage], basis, k);
}

static PcStepCost *
step_cost_new (const PcStep            *step,
               double                   mff,
               const PcProjectionInput *input)
{
  PcStepCost *cost = g_new0 (PcStepCost, 1);
  PcCostPerPatient one = { { { 0.0 } } };

  cost->name = g_strdup (step->name);
  cost->year_offset = step->year_offset;
  cost->basis = step->basis;
  pc_step_add_cost_per_patient (step, mff, one);
  cost->expected_all = expected_of (one, input, cost->expected);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      cost->cost[s] = one[s][step->basis][step->year_offset];
      cost->weight[s] = weight_of (input, s, step->basis, (guint) step->year_offset);
    }
  return cost;
}

static void
provider_gap_free (gpointer data)
{
  PcProviderGap *gap = data;

  g_free (gap->name);
  g_free (gap->tariff_code);
  g_free (gap);
}

static double
share_of (double part,
          double whole)
{
  return whole == 0.0 ? 0.0 : part / whole;
}

static PcProviderGap *
provider_gap_new (const PcStep *step,
                  guint         index,
                  double        mff)
{
  PcProviderGap *gap = g_new0 (PcProviderGap, 1);

  gap->step_index = index;
  gap->name = g_strdup (step->name);
  gap->tariff_code = g_strdup (step->tariff_code);
  gap->payment = pc_step_unit_cost (step, mff);
  gap->provider_cost = step->provider_unit_cost;
  gap->gap = pc_step_provider_gap (step, mff);
  gap->gap_share = share_of (gap->gap, gap->payment);
  for (guint s = 0; s < PC_N_STAGES; s++)
    gap->gap_per_patient[s] = step->share[s] * step->quantity * gap->gap;
  return gap;
}

/* E over the steps with a provider unit cost, at the payments and at the
 * provider's costs (docs/MODEL.md, "Provider gap"). */
static void
compute_provider (PcProviderBreakdown     *provider,
                  const PcPathway         *pathway,
                  const PcProjectionInput *input)
{
  PcCostPerPatient at_payment = { { { 0.0 } } }, at_provider = { { { 0.0 } } };

  provider->steps = g_ptr_array_new_with_free_func (provider_gap_free);
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      double payment = pc_step_unit_cost (step, pathway->mff);

      if (!step->has_provider_unit_cost)
        continue;
      g_ptr_array_add (provider->steps, provider_gap_new (step, i, pathway->mff));
      for (guint s = 0; s < PC_N_STAGES; s++)
        {
          double reached = step->share[s] * step->quantity;

          at_payment[s][step->basis][step->year_offset] += reached * payment;
          at_provider[s][step->basis][step->year_offset] += reached * step->provider_unit_cost;
        }
    }
  provider->at_payment_all = expected_of (at_payment, input, provider->at_payment);
  provider->at_provider_all = expected_of (at_provider, input, provider->at_provider);
  provider->gap_all = provider->at_provider_all - provider->at_payment_all;
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      provider->gap[s] = provider->at_provider[s] - provider->at_payment[s];
      provider->gap_share[s] = share_of (provider->gap[s], provider->at_payment[s]);
    }
}

static void
finish_groups (GPtrArray               *groups,
               const PcProjectionInput *input)
{
  for (guint i = 0; i < groups->len; i++)
    cost_group_finish (g_ptr_array_index (groups, i), input);
}

/* Activities in PcActivity's order, only those the steps use. */
static GPtrArray *
activity_groups (const PcPathway *pathway)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (cost_group_free);
  PcCostGroup *by_activity[PC_N_ACTIVITIES] = { NULL, };

  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (by_activity[step->activity] == NULL)
        by_activity[step->activity] = cost_group_new (NULL, step->activity);
      cost_group_add (by_activity[step->activity], step, pathway->mff);
    }
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    if (by_activity[a] != NULL)
      g_ptr_array_add (groups, by_activity[a]);
  return groups;
}

PcBreakdown *
pc_breakdown_compute (const PcPathway         *pathway,
                      const PcProjectionInput *input)
{
  PcBreakdown *breakdown;

  g_return_val_if_fail (pathway != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  breakdown = g_new0 (PcBreakdown, 1);
  breakdown->phases = g_ptr_array_new_with_free_func (cost_group_free);
  breakdown->fundings = g_ptr_array_new_with_free_func (cost_group_free);
  breakdown->steps = g_ptr_array_new_with_free_func (step_cost_free);
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint b = 0; b < PC_N_BASES; b++)
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        breakdown->weight[s][b][k] = weight_of (input, s, b, k);
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      cost_group_add (&breakdown->total, step, pathway->mff);
      cost_group_add (named_group (breakdown->phases, step->phase), step, pathway->mff);
      cost_group_add (named_group (breakdown->fundings, step->funding), step, pathway->mff);
      g_ptr_array_add (breakdown->steps, step_cost_new (step, pathway->mff, input));
    }
  breakdown->activities = activity_groups (pathway);
  cost_group_finish (&breakdown->total, input);
  finish_groups (breakdown->phases, input);
  finish_groups (breakdown->fundings, input);
  finish_groups (breakdown->activities, input);
  compute_provider (&breakdown->provider, pathway, input);
  return breakdown;
}

void
pc_breakdown_free (PcBreakdown *breakdown)
{
  if (breakdown == NULL)
    return;
  g_ptr_array_unref (breakdown->phases);
  g_ptr_array_unref (breakdown->fundings);
  g_ptr_array_unref (breakdown->activities);
  g_ptr_array_unref (breakdown->steps);
  g_ptr_array_unref (breakdown->provider.steps);
  g_free (breakdown);
}

static const PcCostGroup *
find_named (GPtrArray  *groups,
            const char *name)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const PcCostGroup *group = g_ptr_array_index (groups, i);

      if (g_strcmp0 (group->name, name) == 0)
        return group;
    }
  return NULL;
}

const PcCostGroup *
pc_breakdown_find_phase (const PcBreakdown *breakdown,
                         const char        *phase)
{
  g_return_val_if_fail (breakdown != NULL, NULL);
  return find_named (breakdown->phases, phase);
}

const PcCostGroup *
pc_breakdown_find_funding (const PcBreakdown *breakdown,
                           const char        *funding)
{
  g_return_val_if_fail (breakdown != NULL, NULL);
  return find_named (breakdown->fundings, funding);
}

const PcCostGroup *
pc_breakdown_find_activity (const PcBreakdown *breakdown,
                            PcActivity         activity)
{
  g_return_val_if_fail (breakdown != NULL, NULL);

  for (guint i = 0; i < breakdown->activities->len; i++)
    {
      const PcCostGroup *group = g_ptr_array_index (breakdown->activities, i);

      if (group->activity == activity)
        return group;
    }
  return NULL;
}

/* Each entry's cost_k in the first and the second pathway. */
typedef struct
{
  PcCostPerPatient cost[2];
} EntryCosts;

static void
step_comparison_free (gpointer data)
{
  PcStepComparison *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static guint
find_entry (GPtrArray    *entries,
            const PcStep *step)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const PcStepComparison *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->name, step->name) == 0 && entry->year_offset == step->year_offset
          && entry->basis == step->basis)
        return i;
    }
  return G_MAXUINT;
}

static void
add_side (GPtrArray       *entries,
          GArray          *costs,
          const PcPathway *pathway,
          guint            side)
{
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      guint e = find_entry (entries, step);
      PcStepComparison *entry;

      if (e == G_MAXUINT)
        {
          entry = g_new0 (PcStepComparison, 1);
          entry->name = g_strdup (step->name);
          entry->year_offset = step->year_offset;
          entry->basis = step->basis;
          e = entries->len;
          g_ptr_array_add (entries, entry);
          g_array_set_size (costs, entries->len);
        }
      entry = g_ptr_array_index (entries, e);
      if (side == 0)
        entry->in_first = TRUE;
      else
        entry->in_second = TRUE;
      pc_step_add_cost_per_patient (step, pathway->mff,
                                    g_array_index (costs, EntryCosts, e).cost[side]);
    }
}

PcPathwayComparison *
pc_pathway_comparison_compute (const PcPathway         *first,
                               const PcPathway         *second,
                               const PcProjectionInput *input)
{
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (EntryCosts));
  PcPathwayComparison *comparison;
  PcCostPerPatient whole;

  g_return_val_if_fail (first != NULL && second != NULL && input != NULL, NULL);

  comparison = g_new0 (PcPathwayComparison, 1);
  comparison->steps = g_ptr_array_new_with_free_func (step_comparison_free);
  add_side (comparison->steps, costs, first, 0);
  add_side (comparison->steps, costs, second, 1);
  for (guint e = 0; e < comparison->steps->len; e++)
    {
      PcStepComparison *entry = g_ptr_array_index (comparison->steps, e);
      EntryCosts *entry_costs = &g_array_index (costs, EntryCosts, e);

      entry->first_all = expected_of (entry_costs->cost[0], input, entry->first);
      entry->second_all = expected_of (entry_costs->cost[1], input, entry->second);
    }
  pc_pathway_cost_per_patient (first, whole);
  comparison->first_all = expected_of (whole, input, comparison->first);
  pc_pathway_cost_per_patient (second, whole);
  comparison->second_all = expected_of (whole, input, comparison->second);
  return comparison;
}

void
pc_pathway_comparison_free (PcPathwayComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_ptr_array_unref (comparison->steps);
  g_free (comparison);
}

gboolean
pc_pathway_comparison_name_repeats (const PcPathwayComparison *comparison,
                                    guint                      index)
{
  const PcStepComparison *entry;

  g_return_val_if_fail (comparison != NULL && index < comparison->steps->len, FALSE);

  entry = g_ptr_array_index (comparison->steps, index);
  for (guint i = 0; i < comparison->steps->len; i++)
    if (i != index
        && g_strcmp0 (((PcStepComparison *) g_ptr_array_index (comparison->steps, i))->name,
                      entry->name) == 0)
      return TRUE;
  return FALSE;
}

double
pc_tariff_unit_cost (double price,
                     double mff)
{
  PcStep step = { .tariff_code = (char *) "", .tariff_price = price };

  return pc_step_unit_cost (&step, mff);
}

double
pc_projection_total_diagnosed (const PcProjection *projection)
{
  double total = 0.0;

  g_return_val_if_fail (projection != NULL, 0.0);

  for (guint t = 0; t < projection->n_years; t++)
    total += projection->years[t].incident_total;
  return total;
}

double
pc_projection_total_by_funding (const PcProjection *projection,
                                guint               f)
{
  double total = 0.0;

  g_return_val_if_fail (projection != NULL, 0.0);
  g_return_val_if_fail (f < g_strv_length (projection->fundings), 0.0);

  for (guint t = 0; t < projection->n_years; t++)
    total += projection->years[t].cost_by_funding[f];
  return total;
}

double
pc_comparison_discounted_difference (const PcComparison *comparison,
                                     guint               t,
                                     double              discount_rate)
{
  g_return_val_if_fail (comparison != NULL && t < comparison->n_years, 0.0);

  return comparison->years[t].difference / pow (1.0 + discount_rate, (double) t);
}
