/* test-projection.c: incident patients, cost by year, phase, funding and
 * activity, and NPV, each checked against arithmetic done by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-projection.h"
#include "pc-test-util.h"

/* The pathway and input of pc_test_tiny_pathway () and pc_test_tiny_input ().
 * 2026, k = 0 (diagnosed 2026, S(0) = 1):
 *   stage 1: 40 × £1,000 = 40,000;  stage 2: 30 × £1,000 = 30,000;
 *   stage 4 deaths: 30 × (1 − 0.5) × £500 = 7,500
 * k = 1 (diagnosed 2025, alive at the start of year 1 = S(1)):
 *   stage 1: 40 × 1 × £100 = 4,000; stage 2: 30 × 0.9 × 100 = 2,700;
 *   stage 4: 30 × 0.5 × 100 = 1,500
 * cost 2026 = 85,700; 2027 the same before inflation, × 1.1 = 94,270;
 * total 179,970; NPV = 85,700 + 94,270 / 1.05 = 175,480.952380952… */
static void
test_hand_calculation (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.0);
  g_autoptr(PcProjection) projection = pc_projection_compute (pathway, input);
  const PcYearResult *y0 = &projection->years[0];

  g_assert_cmpuint (projection->n_years, ==, 2);
  g_assert_cmpint (y0->year, ==, 2026);
  pc_assert_close (y0->incident[PC_STAGE_1], 40.0);
  pc_assert_close (y0->incident[PC_STAGE_4], 30.0);
  pc_assert_close (y0->incident_total, 100.0);
  pc_assert_close (y0->cost, 85700.0);
  pc_assert_close (projection->years[1].cost, 94270.0);
  pc_assert_close (projection->total_cost, 179970.0);
  pc_assert_close (projection->npv, 85700.0 + 94270.0 / 1.05);

  /* phases in first-use order: treatment 70,000; follow_up 8,200; end_of_life 7,500 */
  g_assert_cmpstr (projection->phases[0], ==, "treatment");
  g_assert_cmpstr (projection->phases[1], ==, "follow_up");
  g_assert_cmpstr (projection->phases[2], ==, "end_of_life");
  g_assert_null (projection->phases[3]);
  pc_assert_close (y0->cost_by_phase[0], 70000.0);
  pc_assert_close (y0->cost_by_phase[1], 8200.0);
  pc_assert_close (y0->cost_by_phase[2], 7500.0);
  pc_assert_close (projection->years[1].cost_by_phase[2], 7500.0 * 1.1);
  /* funding: ccg 78,200; public_health 7,500 */
  pc_assert_close (y0->cost_by_funding[0], 78200.0);
  pc_assert_close (y0->cost_by_funding[1], 7500.0);

  /* activity, without unit cost or inflation: 70 spells; outpatient
   * 40 + 27 + 15 = 82 weighted patients × 0.5 × 2 = 82; 15 deaths cared for */
  pc_assert_close (y0->activity[PC_ACTIVITY_ELECTIVE], 70.0);
  pc_assert_close (y0->activity[PC_ACTIVITY_OUTPATIENT], 82.0);
  pc_assert_close (y0->activity[PC_ACTIVITY_OTHER], 15.0);
  pc_assert_close (projection->years[1].activity[PC_ACTIVITY_OUTPATIENT], 82.0);
  pc_assert_close (y0->activity[PC_ACTIVITY_BED_DAY], 0.0);

  /* cost per patient, before inflation */
  pc_assert_close (projection->cost_per_patient[PC_STAGE_1][PC_BASIS_PATIENT][0], 1000.0);
  pc_assert_close (projection->cost_per_patient[PC_STAGE_3][PC_BASIS_PATIENT][1], 100.0);
  pc_assert_close (projection->cost_per_patient[PC_STAGE_4][PC_BASIS_DEATH][0], 500.0);
}

/* Trend 10%: 2026's patients × 1.1^0, 2025's (k = 1) × 1.1^-1, so
 * 2026 = 77,500 + 8,200 / 1.1 = 84,954.5454…; 2027 = (77,500 × 1.1 + 8,200)
 * × 1.1 = 102,795. */
static void
test_trend_negative_power (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.10);
  g_autoptr(PcProjection) projection = pc_projection_compute (pathway, input);

  pc_assert_close (projection->years[0].cost, 77500.0 + 8200.0 / 1.1);
  pc_assert_close (projection->years[1].cost, (77500.0 * 1.1 + 8200.0) * 1.1);
  pc_assert_close (projection->years[1].incident_total, 110.0);
  pc_assert_close (pc_projection_incident (input, 2021, PC_STAGE_1), 40.0 / pow (1.1, 5));
}

/* Survival beyond year 5 stays at S(5): a patient step at offset 5 applies
 * to S(5) and a death step at offset 5 to S(5) − S(6) = 0. */
static void
test_offset_five (void)
{
  const double all[PC_N_STAGES] = { 1, 1, 1, 1, 1 };
  g_autoptr(PcPathway) pathway = pc_pathway_new ("p", "lung", PC_KIND_BEST_PRACTICE, NULL, 1.0);
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.0);
  g_autoptr(PcProjection) projection = NULL;

  g_ptr_array_add (pathway->steps, pc_test_make_step ("Review", "follow_up", "ccg", 5, PC_BASIS_PATIENT,
                                                      PC_ACTIVITY_OUTPATIENT, 10, 1, all));
  g_ptr_array_add (pathway->steps, pc_test_make_step ("Death", "end_of_life", "ccg", 5, PC_BASIS_DEATH,
                                                      PC_ACTIVITY_OTHER, 1000, 1, all));
  input->inflation = 0.0;
  projection = pc_projection_compute (pathway, input);
  /* (40 × 1 + 30 × 0.9 + 30 × 0.25) × £10 = 745 */
  pc_assert_close (projection->years[0].cost, 745.0);
  pc_assert_close (projection->years[0].cost_by_phase[1], 0.0);
}

/* The expected cost per patient diagnosed (docs/MODEL.md, "Expected cost
 * per patient"), on the tiny pathway with two more `death` steps for
 * stage 4, a hospice stay of £300 in the year after diagnosis (offset 1)
 * and in the one after that (offset 2):
 *   E(1) = S(0) × 1,000 + S(1) × 100 = 1,000 + 100 = 1,100
 *   E(2) = 1,000 + 0.9 × 100 = 1,090
 *   E(3) = 1 × 100 = 100 (no survival rows: everyone survives)
 *   E(4) = 0.5 × 100 (follow-up, S(1) = 0.5)
 *          + (1 − 0.5) × 500 + (0.5 − 0.25) × 300 + (0.25 − 0.25) × 300
 *        = 50 + 250 + 75 + 0 = 375
 *   E(unknown) = 100
 *   E = 0.4 × 1,100 + 0.3 × 1,090 + 0.3 × 375 = 440 + 327 + 112.5 = 879.5
 * Adding stage 4's costs unweighted would give 100 + 500 + 300 + 300 =
 * 1,200. */
static void
test_expected_cost_per_patient (void)
{
  const double hospice[PC_N_STAGES] = { 0, 0, 0, 1, 0 };
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (1, 0.0);
  g_autoptr(PcProjection) projection = NULL;

  for (int k = 1; k <= 2; k++)
    g_ptr_array_add (pathway->steps, pc_test_make_step ("Hospice", "end_of_life", "ccg", k,
                                                        PC_BASIS_DEATH, PC_ACTIVITY_OTHER, 300, 1,
                                                        hospice));
  projection = pc_projection_compute (pathway, input);
  pc_assert_close (projection->expected_cost_per_patient[PC_STAGE_1], 1100.0);
  pc_assert_close (projection->expected_cost_per_patient[PC_STAGE_2], 1090.0);
  pc_assert_close (projection->expected_cost_per_patient[PC_STAGE_3], 100.0);
  pc_assert_close (projection->expected_cost_per_patient[PC_STAGE_4], 375.0);
  pc_assert_close (projection->expected_cost_per_patient[PC_STAGE_UNKNOWN], 100.0);
  pc_assert_close (projection->expected_cost_all_stages, 879.5);
}

/* An input for @horizon years from @first, otherwise pc_test_tiny_input's,
 * with trend and inflation of 10% counted from fixed base years. */
static PcProjectionInput *
input_from (int first, guint horizon)
{
  g_autoptr(PcProjectionInput) tiny = pc_test_tiny_input (1, 0.10);
  PcProjectionInput *input = pc_projection_input_new (first, horizon);

  for (guint t = 0; t < input->n_years; t++)
    input->crude_incidence[t] = 100.0;
  input->trend = tiny->trend;
  input->inflation = tiny->inflation;
  input->discount_rate = tiny->discount_rate;
  memcpy (input->stage_share, tiny->stage_share, sizeof input->stage_share);
  memcpy (input->survival, tiny->survival, sizeof input->survival);
  input->incidence_year = 2020;
  input->price_year = 2024;
  return input;
}

/* A year's figure is the same whichever first year the report starts
 * from: the trend counts from the incidence year and inflation from the
 * price year (docs/MODEL.md, "Base years").  2028 from 2026 and from 2028;
 * and by hand, with trend 0 and 10% inflation from 2024: 2026 costs
 * 85,700 × 1.1² = 103,697. */
static void
test_base_years (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) early = input_from (2026, 5);
  g_autoptr(PcProjectionInput) late = input_from (2028, 3);
  g_autoptr(PcProjectionInput) flat = input_from (2026, 1);
  g_autoptr(PcProjection) from_2026 = pc_projection_compute (pathway, early);
  g_autoptr(PcProjection) from_2028 = pc_projection_compute (pathway, late);
  g_autoptr(PcProjection) flat_2026 = NULL;

  for (guint t = 0; t < 3; t++)
    {
      g_assert_cmpint (from_2026->years[t + 2].year, ==, from_2028->years[t].year);
      pc_assert_close (from_2026->years[t + 2].cost, from_2028->years[t].cost);
      pc_assert_close (from_2026->years[t + 2].incident_total, from_2028->years[t].incident_total);
    }
  /* 2028's patients: 100 × 1.1^(2028 − 2020) */
  pc_assert_close (from_2028->years[0].incident_total, 100.0 * pow (1.1, 8));
  /* The NPV still counts from the report's own first year. */
  pc_assert_close (from_2028->npv, from_2028->years[0].cost + from_2028->years[1].cost / 1.05
                                   + from_2028->years[2].cost / (1.05 * 1.05));

  flat->trend = 0.0;
  flat_2026 = pc_projection_compute (pathway, flat);
  pc_assert_close (flat_2026->years[0].cost, 85700.0 * 1.1 * 1.1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/expected-cost-per-patient", test_expected_cost_per_patient);
  g_test_add_func ("/projection/base-years", test_base_years);
  g_test_add_func ("/projection/hand-calculation", test_hand_calculation);
  g_test_add_func ("/projection/trend-negative-power", test_trend_negative_power);
  g_test_add_func ("/projection/offset-five", test_offset_five);
  return g_test_run ();
}
