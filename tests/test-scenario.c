/* test-scenario.c: scenario overrides and investments, and the comparison
 * with the baseline, on the hand-costed pathway of test-projection.c
 * (baseline 2026 £85,700, 2027 £94,270 with 10% inflation, discount 5%).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-scenario.h"
#include "pc-test-util.h"

static PcProjection *
project (const PcScenario *scenario, GError **error)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.0);

  if (scenario != NULL && !pc_scenario_apply (scenario, pathway, input, error))
    return NULL;
  return pc_projection_compute (pathway, input);
}

/* Earlier diagnosis: stage 2 up to 40%, stage 4 down to 20%, plus £10,000
 * of investment in 2026 only.
 *   2026: k=0 stage 1 40 × 1,000 + stage 2 40 × 1,000 + stage 4 deaths
 *         20 × 0.5 × 500 = 85,000; k=1 40 × 100 + 40 × 0.9 × 100 + 20 × 0.5 × 100
 *         = 8,600; total 93,600 + investment 10,000 = 103,600 (+17,900)
 *   2027: 93,600 × 1.1 = 102,960 (+8,690); cumulative 26,590; no payback;
 *   elective spells 80 against 70 (+10 a year). */
static void
test_stage_shift_with_investment (void)
{
  g_autoptr(PcScenario) scenario = pc_scenario_new ("earlier");
  g_autoptr(PcProjection) baseline = project (NULL, NULL);
  g_autoptr(PcProjection) shifted = NULL;
  g_autoptr(PcComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_2, 0.4);
  pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_4, 0.2);
  pc_scenario_add_override (scenario, PC_PARAMETER_STAGE_SHARE, "breast", NULL, NULL, PC_STAGE_4, 0.9);
  pc_scenario_add_investment (scenario, "Rapid diagnostic centre", 2026, 2026, 10000, "public_health", NULL, NULL);
  shifted = project (scenario, &error);
  g_assert_no_error (error);

  pc_assert_close (shifted->years[0].cost, 103600.0);
  pc_assert_close (shifted->years[1].cost, 102960.0);
  g_assert_cmpstr (shifted->phases[3], ==, "investment");
  pc_assert_close (shifted->years[0].cost_by_phase[3], 10000.0);
  pc_assert_close (shifted->years[1].cost_by_phase[3], 0.0);
  g_assert_cmpstr (shifted->fundings[1], ==, "public_health");
  /* public_health: the hospice deaths 20 × 0.5 × £500 and the investment */
  pc_assert_close (shifted->years[0].cost_by_funding[1], 5000.0 + 10000.0);

  comparison = pc_comparison_compute (baseline, shifted, 0.05);
  pc_assert_close (comparison->years[0].difference, 17900.0);
  pc_assert_close (comparison->years[1].difference, 8690.0);
  pc_assert_close (comparison->years[1].cumulative, 26590.0);
  pc_assert_close (comparison->npv_difference, 17900.0 + 8690.0 / 1.05);
  pc_assert_close (comparison->years[0].activity[PC_ACTIVITY_ELECTIVE], 10.0);
  g_assert_false (comparison->has_payback);
}

/* Invest £10,000 in 2026 to cut step A's unit cost to £900 (70 patients ×
 * £100 = £7,000 saved in 2026, £7,700 in 2027 after inflation):
 * difference +3,000 then −7,700; cumulative 3,000 then −4,700 → payback in
 * 2027; NPV of the difference 3,000 − 7,700 / 1.05. */
static void
test_payback (void)
{
  g_autoptr(PcScenario) scenario = pc_scenario_new ("cheaper");
  g_autoptr(PcProjection) baseline = project (NULL, NULL);
  g_autoptr(PcProjection) cheaper = NULL;
  g_autoptr(PcComparison) comparison = NULL;

  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_UNIT_COST, NULL, "tiny", "A", -1, 900);
  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_UNIT_COST, NULL, "other", "Z", -1, 1);
  pc_scenario_add_investment (scenario, "Training", 2026, 2026, 10000, "ccg", NULL, NULL);
  cheaper = project (scenario, NULL);
  comparison = pc_comparison_compute (baseline, cheaper, 0.05);

  pc_assert_close (comparison->years[0].difference, 3000.0);
  pc_assert_close (comparison->years[1].difference, -7700.0);
  pc_assert_close (comparison->years[1].cumulative, -4700.0);
  g_assert_true (comparison->has_payback);
  g_assert_cmpint (comparison->payback_year, ==, 2027);
  pc_assert_close (comparison->npv_difference, 3000.0 - 7700.0 / 1.05);
}

/* Payback (docs/MODEL.md, "Payback year"): A's unit cost cut to £900 with
 * no investment saves 70 × £100 = £7,000 in 2026, so the scenario pays
 * back in its first year; the stage shift above never does (cumulative
 * +17,900, +26,590) and test_payback's pays back in its second. */
static void
test_payback_first_year (void)
{
  g_autoptr(PcScenario) scenario = pc_scenario_new ("cheaper at once");
  g_autoptr(PcProjection) baseline = project (NULL, NULL);
  g_autoptr(PcProjection) cheaper = NULL;
  g_autoptr(PcComparison) comparison = NULL;

  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_UNIT_COST, NULL, "tiny", "A", -1, 900);
  cheaper = project (scenario, NULL);
  comparison = pc_comparison_compute (baseline, cheaper, 0.05);
  pc_assert_close (comparison->years[0].cumulative, -7000.0);
  g_assert_true (comparison->has_payback);
  g_assert_cmpint (comparison->payback_year, ==, 2026);
}

/* Investment lines count only in reports of a pathway they apply to: a
 * line for breast does not touch the lung pathway "tiny", which then
 * costs the baseline's 85,700 and says the scenario changes nothing; a
 * line for "tiny" (or for lung) counts. */
static void
test_investment_scope (void)
{
  g_autoptr(PcScenario) breast = pc_scenario_new ("breast only");
  g_autoptr(PcScenario) tiny = pc_scenario_new ("tiny only");
  g_autoptr(PcProjection) untouched = NULL;
  g_autoptr(PcProjection) touched = NULL;

  pc_scenario_add_investment (breast, "Breast clinic", 2026, 2026, 10000, "ccg", "breast", NULL);
  pc_scenario_add_investment (breast, "Other pathway", 2026, 2026, 10000, "ccg", NULL, "other");
  pc_scenario_add_override (breast, PC_PARAMETER_STEP_QUANTITY, NULL, "other", "A", -1, 5);
  untouched = project (breast, NULL);
  pc_assert_close (untouched->years[0].cost, 85700.0);
  g_assert_null (untouched->phases[3]);
  g_assert_cmpuint (untouched->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (untouched->warnings, 0),
                            "scenario 'breast only' changes nothing in pathway 'tiny'"));

  pc_scenario_add_investment (tiny, "Lung nurse", 2026, 2026, 1000, "ccg", "lung", NULL);
  pc_scenario_add_investment (tiny, "Tiny clinic", 2026, 2026, 100, "ccg", NULL, "tiny");
  touched = project (tiny, NULL);
  pc_assert_close (touched->years[0].cost, 85700.0 + 1000.0 + 100.0);
  g_assert_cmpuint (touched->warnings->len, ==, 0);
}

/* Quantity, share and trend/inflation overrides: B's quantity 2 → 1 halves
 * the follow-up (8,200 → 4,100 in 2026); inflation 0 makes 2027 equal 2026. */
static void
test_step_and_inflation_overrides (void)
{
  g_autoptr(PcScenario) scenario = pc_scenario_new ("lean");
  g_autoptr(PcProjection) lean = NULL;

  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_QUANTITY, NULL, "tiny", "B", -1, 1);
  pc_scenario_add_override (scenario, PC_PARAMETER_STEP_SHARE, NULL, "tiny", "C", PC_STAGE_4, 0.5);
  pc_scenario_add_override (scenario, PC_PARAMETER_INFLATION, NULL, NULL, NULL, -1, 0.0);
  lean = project (scenario, NULL);
  /* 70,000 + 4,100 + 3,750 (half the end-of-life care) */
  pc_assert_close (lean->years[0].cost, 77850.0);
  pc_assert_close (lean->years[1].cost, 77850.0);
}

static void
test_refusals (void)
{
  g_autoptr(PcScenario) missing_step = pc_scenario_new ("typo");
  g_autoptr(PcScenario) bad_mix = pc_scenario_new ("bad mix");
  g_autoptr(PcProjection) none = NULL;
  g_autoptr(GError) error = NULL;

  pc_scenario_add_override (missing_step, PC_PARAMETER_STEP_QUANTITY, NULL, "tiny", "Surgery", -1, 2);
  none = project (missing_step, &error);
  g_assert_null (none);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "'Surgery'"));
  g_clear_error (&error);

  pc_scenario_add_override (bad_mix, PC_PARAMETER_STAGE_SHARE, "lung", NULL, NULL, PC_STAGE_1, 0.6);
  none = project (bad_mix, &error);
  g_assert_null (none);
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sum to 1.2000"));
}

/* Half of stages 3 and 4 (0.30 + 0.20) moves to stages 1 and 2 in
 * proportion 0.3 : 0.1; unknown keeps its 0.1 and the mix still sums to 1. */
static void
test_stage_mix_shift (void)
{
  const double mix[PC_N_STAGES] = { 0.30, 0.10, 0.30, 0.20, 0.10 };
  const double empty_early[PC_N_STAGES] = { 0, 0, 0.6, 0.4, 0 };
  double shifted[PC_N_STAGES], sum = 0;

  pc_stage_mix_shift (mix, 0.5, PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2, shifted);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_1], 0.30 + 0.25 * 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_2], 0.10 + 0.25 * 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_3], 0.15, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_4], 0.10, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_UNKNOWN], 0.10, 1e-12);
  for (int stage = 0; stage < PC_N_STAGES; stage++)
    sum += shifted[stage];
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);

  /* Nobody at stages 1–2 yet: the moved patients are shared equally. */
  pc_stage_mix_shift (empty_early, 0.25, PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2, shifted);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_1], 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_2], 0.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (shifted[PC_STAGE_3], 0.45, 1e-12);
}

/* The price lever at 90% of tariff × MFF 1.2: a tariff step of £100
 * becomes 0.9 × 100 × 1.2 = £108; a second step of the same name adds
 * nothing more; a local-cost step is left alone. */
static void
test_price_fraction (void)
{
  g_autoptr(PcPathway) pathway = pc_pathway_new ("p", "breast", PC_KIND_CURRENT, "RF4", 1.2);
  g_autoptr(PcScenario) scenario = pc_scenario_new ("lever");
  PcStep *tariff = pc_step_new ();
  PcStep *again = pc_step_new ();
  PcStep *local = pc_step_new ();
  const PcOverride *override;

  tariff->name = g_strdup ("Clinic");
  tariff->tariff_code = g_strdup ("WF01A");
  tariff->tariff_price = 100;
  again->name = g_strdup ("Clinic");
  again->tariff_code = g_strdup ("WF01B");
  again->tariff_price = 300;
  local->name = g_strdup ("Nurse");
  local->local_unit_cost = 40;
  g_ptr_array_add (pathway->steps, tariff);
  g_ptr_array_add (pathway->steps, again);
  g_ptr_array_add (pathway->steps, local);

  pc_scenario_add_price_fraction (scenario, pathway, pathway->mff, 0.9);
  g_assert_cmpuint (scenario->overrides->len, ==, 1);
  override = g_ptr_array_index (scenario->overrides, 0);
  g_assert_cmpint (override->parameter, ==, PC_PARAMETER_STEP_UNIT_COST);
  g_assert_cmpstr (override->pathway, ==, "p");
  g_assert_cmpstr (override->step, ==, "Clinic");
  g_assert_cmpfloat_with_epsilon (override->value, 108.0, 1e-9);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/stage-shift-with-investment", test_stage_shift_with_investment);
  g_test_add_func ("/scenario/stage-mix-shift", test_stage_mix_shift);
  g_test_add_func ("/scenario/price-fraction", test_price_fraction);
  g_test_add_func ("/scenario/payback", test_payback);
  g_test_add_func ("/scenario/payback-first-year", test_payback_first_year);
  g_test_add_func ("/scenario/investment-scope", test_investment_scope);
  g_test_add_func ("/scenario/step-and-inflation-overrides", test_step_and_inflation_overrides);
  g_test_add_func ("/scenario/refusals", test_refusals);
  return g_test_run ();
}
