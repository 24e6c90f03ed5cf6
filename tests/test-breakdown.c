/* test-breakdown.c: the expected cost per patient taken apart by phase,
 * funding stream, activity and step, the provider gap, two pathways side
 * by side and a projection's totals, on the tiny pathway costed on paper.
 *
 * The tiny pathway (tests/pc-test-util.c), MFF 1, local costs:
 *   A  treatment,   ccg,           year 0, patient, elective,   £1,000 × 1, shares 1 1 0 0 0
 *   B  follow_up,   ccg,           year 1, patient, outpatient, £100 × 2,   shares ½ ½ ½ ½ ½
 *   C  end_of_life, public_health, year 0, death,   other,      £500 × 1,   shares 0 0 0 1 0
 * The tiny input: stage mix 0.4 / 0.3 / 0 / 0.3 / 0; survival S(k) = 1
 * except stage 2 (1, 0.9, 0.9 …) and stage 4 (1, 0.5, 0.25, 0.25 …).
 *
 * Each step's cost per patient reached × the share of patients diagnosed
 * it reaches, by stage 1 / 2 / 3 / 4 / unknown:
 *   A  1,000 × S(0) = 1,000 / 1,000 / 0 / 0 / 0
 *   B  0.5 × 2 × 100 = 100 × S(1) = 100 / 90 / 100 / 50 / 100
 *   C  500 at stage 4 × (S(0) − S(1)) = 0.5 → 0 / 0 / 0 / 250 / 0
 * over all stages (0.4 × E(1) + 0.3 × E(2) + 0.3 × E(4)):
 *   A  400 + 300 = 700;  B  40 + 27 + 15 = 82;  C  0.3 × 250 = 75
 *   E  1,100 / 1,090 / 100 / 300 / 100, all stages 700 + 82 + 75 = 857.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pc-breakdown.h"
#include "pc-test-util.h"

static void
assert_stages (const double actual[PC_N_STAGES],
               double       s1,
               double       s2,
               double       s3,
               double       s4,
               double       unknown)
{
  const double expected[PC_N_STAGES] = { s1, s2, s3, s4, unknown };

  for (guint s = 0; s < PC_N_STAGES; s++)
    pc_assert_close (actual[s], expected[s]);
}

/* Σ of a kind's groups, stage by stage and over all stages, is E. */
static void
assert_groups_sum_to_total (GPtrArray         *groups,
                            const PcCostGroup *total)
{
  double sum[PC_N_STAGES] = { 0.0, };
  double sum_all = 0.0;

  for (guint g = 0; g < groups->len; g++)
    {
      const PcCostGroup *group = g_ptr_array_index (groups, g);

      for (guint s = 0; s < PC_N_STAGES; s++)
        sum[s] += group->expected[s];
      sum_all += group->expected_all;
    }
  for (guint s = 0; s < PC_N_STAGES; s++)
    pc_assert_close (sum[s], total->expected[s]);
  pc_assert_close (sum_all, total->expected_all);
}

static void
test_total (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, input);
  const PcCostGroup *all = &breakdown->total;

  assert_stages (all->expected, 1100, 1090, 100, 300, 100);
  pc_assert_close (all->expected_all, 857.0);
  g_assert_cmpuint (all->n_steps, ==, 3);
  /* Per patient alive: A in year 0, B in year 1; per death: C in year 0,
   * never weighted here. */
  assert_stages ((const double[]) { all->cost[0][PC_BASIS_PATIENT][0], all->cost[1][PC_BASIS_PATIENT][0],
                                    all->cost[2][PC_BASIS_PATIENT][0], all->cost[3][PC_BASIS_PATIENT][0],
                                    all->cost[4][PC_BASIS_PATIENT][0] }, 1000, 1000, 0, 0, 0);
  pc_assert_close (all->cost[PC_STAGE_3][PC_BASIS_PATIENT][1], 100.0);
  pc_assert_close (all->cost[PC_STAGE_4][PC_BASIS_DEATH][0], 500.0);
  pc_assert_close (all->cost[PC_STAGE_4][PC_BASIS_DEATH][1], 0.0);
  /* Who each column reaches: S(1) = 0.9 alive at stage 2; at stage 4,
   * S(1) − S(2) = 0.5 − 0.25 die in year 1. */
  pc_assert_close (breakdown->weight[PC_STAGE_2][PC_BASIS_PATIENT][1], 0.9);
  pc_assert_close (breakdown->weight[PC_STAGE_4][PC_BASIS_DEATH][1], 0.25);
}

/* Phases in first-use order: treatment (A), follow_up (B), end_of_life
 * (C), each one step's E.  Funding: ccg is A + B = 1,100 / 1,090 / 100 /
 * 50 / 100, all stages 700 + 82 = 782; public_health is C, 75. */
static void
test_phase_and_funding (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, input);
  const PcCostGroup *ccg, *public_health;

  g_assert_cmpuint (breakdown->phases->len, ==, 3);
  g_assert_cmpstr (((PcCostGroup *) g_ptr_array_index (breakdown->phases, 0))->name, ==, "treatment");
  g_assert_cmpstr (((PcCostGroup *) g_ptr_array_index (breakdown->phases, 1))->name, ==, "follow_up");
  g_assert_cmpstr (((PcCostGroup *) g_ptr_array_index (breakdown->phases, 2))->name, ==, "end_of_life");
  assert_stages (pc_breakdown_find_phase (breakdown, "follow_up")->expected, 100, 90, 100, 50, 100);
  pc_assert_close (pc_breakdown_find_phase (breakdown, "treatment")->expected_all, 700.0);
  pc_assert_close (pc_breakdown_find_phase (breakdown, "end_of_life")->expected_all, 75.0);
  g_assert_null (pc_breakdown_find_phase (breakdown, "investment"));
  assert_groups_sum_to_total (breakdown->phases, &breakdown->total);

  g_assert_cmpuint (breakdown->fundings->len, ==, 2);
  ccg = g_ptr_array_index (breakdown->fundings, 0);
  public_health = g_ptr_array_index (breakdown->fundings, 1);
  g_assert_cmpstr (ccg->name, ==, "ccg");
  g_assert_cmpuint (ccg->n_steps, ==, 2);
  assert_stages (ccg->expected, 1100, 1090, 100, 50, 100);
  pc_assert_close (ccg->expected_all, 782.0);
  assert_stages (public_health->expected, 0, 0, 0, 250, 0);
  pc_assert_close (public_health->expected_all, 75.0);
  assert_groups_sum_to_total (breakdown->fundings, &breakdown->total);
}

/* Activities in PcActivity's order: outpatient (B), elective (A), other
 * (C).  Units are share × quantity: B 0.5 × 2 = 1 attendance a stage in
 * year 1; C one at stage 4 per death in year 0. */
static void
test_activity (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, input);
  const PcCostGroup *outpatient = g_ptr_array_index (breakdown->activities, 0);
  const PcCostGroup *other = pc_breakdown_find_activity (breakdown, PC_ACTIVITY_OTHER);

  g_assert_cmpuint (breakdown->activities->len, ==, 3);
  g_assert_cmpint (outpatient->activity, ==, PC_ACTIVITY_OUTPATIENT);
  g_assert_cmpint (((PcCostGroup *) g_ptr_array_index (breakdown->activities, 1))->activity, ==,
                   PC_ACTIVITY_ELECTIVE);
  pc_assert_close (outpatient->units[PC_STAGE_2][PC_BASIS_PATIENT][1], 1.0);
  pc_assert_close (outpatient->units[PC_STAGE_2][PC_BASIS_PATIENT][0], 0.0);
  pc_assert_close (other->units[PC_STAGE_4][PC_BASIS_DEATH][0], 1.0);
  pc_assert_close (other->units[PC_STAGE_1][PC_BASIS_DEATH][0], 0.0);
  assert_stages (outpatient->expected, 100, 90, 100, 50, 100);
  g_assert_null (pc_breakdown_find_activity (breakdown, PC_ACTIVITY_DRUG));
  assert_groups_sum_to_total (breakdown->activities, &breakdown->total);
}

/* Per step, as in this file's heading; B reaches S(1) = 0.5 at stage 4,
 * C reaches S(0) − S(1): 0 at stage 1, 0.1 at stage 2, 0.5 at stage 4. */
static void
test_steps (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, input);
  const PcStepCost *b = g_ptr_array_index (breakdown->steps, 1);
  const PcStepCost *c = g_ptr_array_index (breakdown->steps, 2);
  double sum[PC_N_STAGES] = { 0.0, };

  g_assert_cmpuint (breakdown->steps->len, ==, 3);
  g_assert_cmpstr (b->name, ==, "B");
  assert_stages (b->cost, 100, 100, 100, 100, 100);
  assert_stages (b->weight, 1, 0.9, 1, 0.5, 1);
  assert_stages (b->expected, 100, 90, 100, 50, 100);
  pc_assert_close (b->expected_all, 82.0);
  g_assert_cmpint (c->basis, ==, PC_BASIS_DEATH);
  assert_stages (c->cost, 0, 0, 0, 500, 0);
  assert_stages (c->weight, 0, 0.1, 0, 0.5, 0);
  pc_assert_close (c->expected_all, 75.0);
  for (guint i = 0; i < breakdown->steps->len; i++)
    for (guint s = 0; s < PC_N_STAGES; s++)
      sum[s] += ((PcStepCost *) g_ptr_array_index (breakdown->steps, i))->expected[s];
  assert_stages (sum, 1100, 1090, 100, 300, 100);
}

/* A's provider cost £1,200 against its £1,000: gap +200 (the provider
 * loses), 20% of the payment.  B becomes tariff WF01A at £80 × MFF 1.25 =
 * £100, the same cost, and the provider's own is £80: gap −20, −20%.  D
 * costs nothing locally and £50 to the provider: gap 50, ÷ 0 shown as 0.
 * Gap per patient reached = share × quantity × gap: A 200 at stages 1-2,
 * B 0.5 × 2 × −20 = −20.
 * E over A, B, D at the payments: 1,100 / 1,090 / 100 / 50 / 100, all 782;
 * at the provider's: A 1,200 at stages 1-2, B 80 × S(1) = 80 / 72 / 80 /
 * 40 / 80, so 1,280 / 1,272 / 80 / 40 / 80, all 512 + 381.6 + 12 = 905.6;
 * gap 180 / 182 / −20 / −10 / −20, all 123.6. */
static void
test_provider_gap (void)
{
  const double none[PC_N_STAGES] = { 0, };
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcBreakdown) breakdown = NULL;
  PcStep *a = g_ptr_array_index (pathway->steps, 0);
  PcStep *b = g_ptr_array_index (pathway->steps, 1);
  PcStep *d = pc_test_make_step ("D", "follow_up", "ccg", 2, PC_BASIS_PATIENT,
                                 PC_ACTIVITY_COMMUNITY, 0, 1, none);
  const PcProviderGap *gap_a, *gap_b, *gap_d;
  const PcProviderBreakdown *provider;

  pathway->mff = 1.25;
  a->has_provider_unit_cost = TRUE;
  a->provider_unit_cost = 1200;
  b->tariff_code = g_strdup ("WF01A");
  b->tariff_price = 80;
  b->has_provider_unit_cost = TRUE;
  b->provider_unit_cost = 80;
  d->has_provider_unit_cost = TRUE;
  d->provider_unit_cost = 50;
  g_ptr_array_add (pathway->steps, d);
  breakdown = pc_breakdown_compute (pathway, input);
  provider = &breakdown->provider;

  g_assert_cmpuint (provider->steps->len, ==, 3);
  gap_a = g_ptr_array_index (provider->steps, 0);
  gap_b = g_ptr_array_index (provider->steps, 1);
  gap_d = g_ptr_array_index (provider->steps, 2);
  g_assert_cmpuint (gap_b->step_index, ==, 1);
  g_assert_cmpuint (gap_d->step_index, ==, 3);
  g_assert_null (gap_a->tariff_code);
  g_assert_cmpstr (gap_b->tariff_code, ==, "WF01A");
  pc_assert_close (gap_a->gap, 200.0);
  pc_assert_close (gap_a->gap_share, 0.2);
  assert_stages (gap_a->gap_per_patient, 200, 200, 0, 0, 0);
  pc_assert_close (gap_b->payment, 100.0);
  pc_assert_close (gap_b->provider_cost, 80.0);
  pc_assert_close (gap_b->gap, -20.0);
  pc_assert_close (gap_b->gap_share, -0.2);
  assert_stages (gap_b->gap_per_patient, -20, -20, -20, -20, -20);
  pc_assert_close (gap_d->gap, 50.0);
  pc_assert_close (gap_d->gap_share, 0.0);

  assert_stages (provider->at_payment, 1100, 1090, 100, 50, 100);
  assert_stages (provider->at_provider, 1280, 1272, 80, 40, 80);
  assert_stages (provider->gap, 180, 182, -20, -10, -20);
  pc_assert_close (provider->gap_share[PC_STAGE_1], 180.0 / 1100.0);
  pc_assert_close (provider->at_payment_all, 782.0);
  pc_assert_close (provider->at_provider_all, 905.6);
  pc_assert_close (provider->gap_all, 123.6);
}

/* The second pathway: B's quantity 3 (0.5 × 3 × 100 = 150 a stage, × S(1):
 * 150 / 135 / 150 / 75 / 150), no C, and a hospice stay of £300 at stage 4
 * per death in years 1 and 2: × (S(1) − S(2)) = 0.25 → 75, × (S(2) −
 * S(3)) = 0 → 0.
 * Its E: 1,150 / 1,135 / 150 / 75 + 75 = 150 / 150, all stages 0.4 ×
 * 1,150 + 0.3 × 1,135 + 0.3 × 150 = 460 + 340.5 + 45 = 845.5.
 * Entries: A, B, C (first only), Hospice year 1, Hospice year 2 (second
 * only); the two hospice entries share a name. */
static void
test_comparison (void)
{
  const double hospice[PC_N_STAGES] = { 0, 0, 0, 1, 0 };
  g_autoptr(PcPathway) first = pc_test_tiny_pathway ();
  g_autoptr(PcPathway) second = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcPathwayComparison) comparison = NULL;
  const PcStepComparison *a, *b, *c, *h1, *h2;

  ((PcStep *) g_ptr_array_index (second->steps, 1))->quantity = 3;
  g_ptr_array_remove_index (second->steps, 2);
  for (int k = 1; k <= 2; k++)
    g_ptr_array_add (second->steps, pc_test_make_step ("Hospice", "end_of_life", "ccg", k, PC_BASIS_DEATH,
                                                       PC_ACTIVITY_OTHER, 300, 1, hospice));
  comparison = pc_pathway_comparison_compute (first, second, input);

  g_assert_cmpuint (comparison->steps->len, ==, 5);
  a = g_ptr_array_index (comparison->steps, 0);
  b = g_ptr_array_index (comparison->steps, 1);
  c = g_ptr_array_index (comparison->steps, 2);
  h1 = g_ptr_array_index (comparison->steps, 3);
  h2 = g_ptr_array_index (comparison->steps, 4);
  g_assert_cmpstr (a->name, ==, "A");
  g_assert_true (a->in_first && a->in_second);
  assert_stages (a->second, 1000, 1000, 0, 0, 0);
  assert_stages (b->first, 100, 90, 100, 50, 100);
  assert_stages (b->second, 150, 135, 150, 75, 150);
  g_assert_cmpstr (c->name, ==, "C");
  g_assert_true (c->in_first && !c->in_second);
  pc_assert_close (c->first_all, 75.0);
  pc_assert_close (c->second_all, 0.0);
  g_assert_cmpstr (h1->name, ==, "Hospice");
  g_assert_true (!h1->in_first && h1->in_second);
  g_assert_cmpint (h1->year_offset, ==, 1);
  g_assert_cmpint (h1->basis, ==, PC_BASIS_DEATH);
  assert_stages (h1->second, 0, 0, 0, 75, 0);
  g_assert_cmpint (h2->year_offset, ==, 2);
  pc_assert_close (h2->second[PC_STAGE_4], 0.0);
  g_assert_true (pc_pathway_comparison_name_repeats (comparison, 3));
  g_assert_false (pc_pathway_comparison_name_repeats (comparison, 1));

  assert_stages (comparison->first, 1100, 1090, 100, 300, 100);
  assert_stages (comparison->second, 1150, 1135, 150, 150, 150);
  pc_assert_close (comparison->first_all, 857.0);
  pc_assert_close (comparison->second_all, 845.5);
}

/* A tariff of £80 with MFF 1.25 costs £100 a unit. */
static void
test_tariff_unit_cost (void)
{
  pc_assert_close (pc_tariff_unit_cost (80.0, 1.25), 100.0);
  pc_assert_close (pc_tariff_unit_cost (80.0, 1.0), 80.0);
}

/* Without inflation, with incidence 100 a year at every year of the
 * input, each year costs 100 patients × E = 85,700: ccg 100 × 782 =
 * 78,200 and public_health 100 × 75 = 7,500.  Over two years: 200
 * patients diagnosed, ccg 156,400, public_health 15,000. */
static void
test_projection_totals (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.0);
  g_autoptr(PcProjection) projection = NULL;

  input->inflation = 0.0;
  projection = pc_projection_compute (pathway, input);
  pc_assert_close (pc_projection_total_diagnosed (projection), 200.0);
  g_assert_cmpstr (projection->fundings[0], ==, "ccg");
  pc_assert_close (pc_projection_total_by_funding (projection, 0), 156400.0);
  pc_assert_close (pc_projection_total_by_funding (projection, 1), 15000.0);
}

/* £1,050 more in the second year, discounted at 5% a year: 1,050 / 1.05
 * = 1,000; the first year is not discounted. */
static void
test_discounted_difference (void)
{
  PcComparisonYear years[2] = { { .year = 2026, .difference = 500.0 },
                                { .year = 2027, .difference = 1050.0 } };
  PcComparison comparison = { .n_years = 2, .years = years };

  pc_assert_close (pc_comparison_discounted_difference (&comparison, 0, 0.05), 500.0);
  pc_assert_close (pc_comparison_discounted_difference (&comparison, 1, 0.05), 1000.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/breakdown/total", test_total);
  g_test_add_func ("/breakdown/phase-and-funding", test_phase_and_funding);
  g_test_add_func ("/breakdown/activity", test_activity);
  g_test_add_func ("/breakdown/steps", test_steps);
  g_test_add_func ("/breakdown/provider-gap", test_provider_gap);
  g_test_add_func ("/breakdown/comparison", test_comparison);
  g_test_add_func ("/breakdown/tariff-unit-cost", test_tariff_unit_cost);
  g_test_add_func ("/breakdown/projection-totals", test_projection_totals);
  g_test_add_func ("/breakdown/discounted-difference", test_discounted_difference);
  return g_test_run ();
}
