/* test-costing.c: unit cost and cost per patient, on a pathway small enough
 * to cost on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-test-util.h"

static PcStep *
make_step (const char *name, int offset, PcBasis basis, const char *tariff,
           double price_or_cost, double quantity, const double share[PC_N_STAGES])
{
  PcStep *step = pc_step_new ();

  step->name = g_strdup (name);
  step->phase = g_strdup ("treatment");
  step->funding = g_strdup ("ccg");
  step->year_offset = offset;
  step->basis = basis;
  step->activity = PC_ACTIVITY_OTHER;
  step->tariff_code = g_strdup (tariff);
  if (tariff != NULL)
    step->tariff_price = price_or_cost;
  else
    step->local_unit_cost = price_or_cost;
  step->quantity = quantity;
  for (guint s = 0; s < PC_N_STAGES; s++)
    step->share[s] = share[s];
  return step;
}

/* Provider MFF 1.2; two steps at offset 0:
 *   surgery, tariff £2,500 × MFF 1.2 = £3,000 a unit, quantity 1,
 *     shares 1.0 / 0.8 / 0.5 / 0 / 0.4 → stage 1 £3,000, 2 £2,400, 3 £1,500,
 *     4 £0, unknown £1,200;
 *   MDT, local £415 (MFF does not apply), quantity 2, share 1 everywhere →
 *     £830 each stage;
 * and at offset 3 a death-basis hospice step, local £1,000 × 5 × share 0.5
 *   at stage 4 = £2,500 on the death basis. */
static void
test_cost_per_patient (void)
{
  const double surgery_share[PC_N_STAGES] = { 1.0, 0.8, 0.5, 0.0, 0.4 };
  const double all[PC_N_STAGES] = { 1, 1, 1, 1, 1 };
  const double stage4[PC_N_STAGES] = { 0, 0, 0, 0.5, 0 };
  g_autoptr(PcPathway) pathway = pc_pathway_new ("p", "breast", PC_KIND_CURRENT, "RAL", 1.2);
  PcCostPerPatient cost;

  g_ptr_array_add (pathway->steps, make_step ("Surgery", 0, PC_BASIS_PATIENT, "JA07A", 2500, 1, surgery_share));
  g_ptr_array_add (pathway->steps, make_step ("MDT", 0, PC_BASIS_PATIENT, NULL, 415, 2, all));
  g_ptr_array_add (pathway->steps, make_step ("Hospice", 3, PC_BASIS_DEATH, NULL, 1000, 5, stage4));

  pc_assert_close (pc_step_unit_cost (g_ptr_array_index (pathway->steps, 0), 1.2), 3000.0);
  pc_assert_close (pc_step_unit_cost (g_ptr_array_index (pathway->steps, 1), 1.2), 415.0);

  pc_pathway_cost_per_patient (pathway, cost);
  pc_assert_close (cost[PC_STAGE_1][PC_BASIS_PATIENT][0], 3830.0);
  pc_assert_close (cost[PC_STAGE_2][PC_BASIS_PATIENT][0], 3230.0);
  pc_assert_close (cost[PC_STAGE_3][PC_BASIS_PATIENT][0], 2330.0);
  pc_assert_close (cost[PC_STAGE_4][PC_BASIS_PATIENT][0], 830.0);
  pc_assert_close (cost[PC_STAGE_UNKNOWN][PC_BASIS_PATIENT][0], 2030.0);
  pc_assert_close (cost[PC_STAGE_4][PC_BASIS_DEATH][3], 2500.0);
  pc_assert_close (cost[PC_STAGE_4][PC_BASIS_PATIENT][3], 0.0);
  pc_assert_close (cost[PC_STAGE_1][PC_BASIS_DEATH][3], 0.0);
}

static void
test_validate (void)
{
  const double bad_share[PC_N_STAGES] = { 1.2, 0, 0, 0, 0 };
  const double ok_share[PC_N_STAGES] = { 1, 0, 0, 0, 0 };
  g_autoptr(PcStep) share_step = make_step ("Biopsy", 0, PC_BASIS_PATIENT, NULL, 10, 1, bad_share);
  g_autoptr(PcStep) quantity_step = make_step ("Scan", 0, PC_BASIS_PATIENT, NULL, 10, -1, ok_share);
  g_autoptr(PcStep) good_step = make_step ("Scan", 5, PC_BASIS_PATIENT, NULL, 10, 1, ok_share);
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_step_validate (share_step, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stage_1"));
  g_clear_error (&error);

  g_assert_false (pc_step_validate (quantity_step, &error));
  g_assert_nonnull (strstr (error->message, "quantity"));
  g_clear_error (&error);

  good_step->year_offset = 6;
  g_assert_false (pc_step_validate (good_step, &error));
  g_assert_nonnull (strstr (error->message, "year_offset"));
  g_clear_error (&error);
  good_step->year_offset = 5;
  g_assert_true (pc_step_validate (good_step, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/costing/cost-per-patient", test_cost_per_patient);
  g_test_add_func ("/costing/validate", test_validate);
  return g_test_run ();
}
