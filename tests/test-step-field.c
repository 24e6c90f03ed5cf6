/* test-step-field.c: a step's fields typed as text, as the editor does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pc-error.h"
#include "pc-step-field.h"

static PcStep *
make_step (void)
{
  PcStep *step = pc_step_new ();

  step->name = g_strdup ("CT chest");
  step->phase = g_strdup ("staging");
  step->funding = g_strdup ("ccg");
  step->tariff_code = g_strdup ("RD20A");
  step->tariff_price = 85.0;
  step->quantity = 1.0;
  for (guint s = 0; s < PC_N_STAGES; s++)
    step->share[s] = 0.5;
  return step;
}

static void
test_text_round_trip (void)
{
  g_autoptr(PcStep) step = make_step ();
  g_autofree char *quantity = NULL;
  g_autofree char *share = NULL;
  g_autofree char *local = NULL;
  g_autofree char *provider = NULL;

  step->quantity = 0.1;
  quantity = pc_step_field_to_text (step, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpstr (quantity, ==, "0.1");
  share = pc_step_field_to_text (step, PC_STEP_FIELD_SHARE_3);
  g_assert_cmpstr (share, ==, "0.5");
  /* Whole hundreds stay plain: no "3.2e+02" in a finance table. */
  step->quantity = 320;
  g_clear_pointer (&quantity, g_free);
  quantity = pc_step_field_to_text (step, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpstr (quantity, ==, "320");
  step->quantity = 1222.2;
  g_clear_pointer (&quantity, g_free);
  quantity = pc_step_field_to_text (step, PC_STEP_FIELD_QUANTITY);
  g_assert_cmpstr (quantity, ==, "1222.2");
  /* Priced by tariff: no local cost to show; no provider cost either. */
  local = pc_step_field_to_text (step, PC_STEP_FIELD_LOCAL_COST);
  g_assert_cmpstr (local, ==, "");
  provider = pc_step_field_to_text (step, PC_STEP_FIELD_PROVIDER_COST);
  g_assert_cmpstr (provider, ==, "");
}

static void
test_parse_money_and_numbers (void)
{
  g_autoptr(PcStep) step = make_step ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_QUANTITY, " 2.5 ", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (step->quantity, ==, 2.5);
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_PROVIDER_COST, "£1,234.50", &error));
  g_assert_true (step->has_provider_unit_cost);
  g_assert_cmpfloat (step->provider_unit_cost, ==, 1234.5);
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_PROVIDER_COST, "", &error));
  g_assert_false (step->has_provider_unit_cost);
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_TARIFF_CODE, "ja07b", &error));
  g_assert_cmpstr (step->tariff_code, ==, "JA07B");
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_TARIFF_CODE, "", &error));
  g_assert_null (step->tariff_code);
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_LOCAL_COST, "£95", &error));
  g_assert_cmpfloat (step->local_unit_cost, ==, 95.0);
  g_assert_true (pc_step_field_parse (step, PC_STEP_FIELD_BASIS, "death", &error));
  g_assert_cmpint (step->basis, ==, PC_BASIS_DEATH);
}

/* A bad value is refused with its reason and leaves the step as it was. */
static void
test_parse_refuses (void)
{
  static const struct { PcStepField field; const char *text; const char *reason; } cases[] = {
    { PC_STEP_FIELD_QUANTITY, "-1", "Quantity" },
    { PC_STEP_FIELD_QUANTITY, "two", "is not a number" },
    { PC_STEP_FIELD_QUANTITY, "1,23", "is not a number" },
    { PC_STEP_FIELD_SHARE_2, "1.5", "stage_2" },
    { PC_STEP_FIELD_YEAR_OFFSET, "6", "year_offset" },
    { PC_STEP_FIELD_YEAR_OFFSET, "1.5", "whole number" },
    { PC_STEP_FIELD_NAME, "  ", "cannot be empty" },
    { PC_STEP_FIELD_ACTIVITY, "surgery", "not allowed" },
    { PC_STEP_FIELD_LOCAL_COST, "100", "tariff code" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcStep) step = make_step ();
      g_autoptr(GError) error = NULL;

      g_assert_false (pc_step_field_parse (step, cases[i].field, cases[i].text, &error));
      g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].reason));
      g_assert_cmpfloat (step->quantity, ==, 1.0);
      g_assert_cmpfloat (step->share[1], ==, 0.5);
      g_assert_cmpint (step->year_offset, ==, 0);
      g_assert_cmpstr (step->name, ==, "CT chest");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/step-field/text", test_text_round_trip);
  g_test_add_func ("/step-field/parse", test_parse_money_and_numbers);
  g_test_add_func ("/step-field/refuses", test_parse_refuses);
  return g_test_run ();
}
