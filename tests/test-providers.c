/* test-providers.c: the providers of a site side by side
 * (pc_project_compare_providers, pc-providers.c) and the disclosure rule
 * (pc-disclosure.c), against hand-worked figures and the engine's own
 * projection (docs/MODEL.md, "Providers side by side", "Disclosure
 * control").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pc-costing.h"
#include "pc-disclosure.h"
#include "pc-error.h"
#include "pc-providers.h"
#include "pc-test-util.h"

static void
assert_count (guint64     count,
              gboolean    parts_suppressed,
              guint       threshold,
              const char *expected)
{
  g_autofree char *shown = pc_disclosure_format_count (count, parts_suppressed, threshold);

  g_assert_cmpstr (shown, ==, expected);
}

/* 1 … 7 hidden, 0 kept, others to the nearest 5 (12 → 10, 13 → 15, 8 →
 * 10), a total with a hidden part hidden, everything raw at threshold 0. */
static void
test_disclosure_rule (void)
{
  assert_count (0, FALSE, 8, "0");
  assert_count (1, FALSE, 8, "*");
  assert_count (3, FALSE, 8, "*");
  assert_count (7, FALSE, 8, "*");
  assert_count (8, FALSE, 8, "10");
  assert_count (12, FALSE, 8, "10");
  assert_count (13, FALSE, 8, "15");
  assert_count (557, FALSE, 8, "555");
  assert_count (40, TRUE, 8, "*");
  assert_count (3, FALSE, 0, "3");
  assert_count (12, TRUE, 0, "12");
  assert_count (9, FALSE, 10, "*");
  g_assert_false (pc_disclosure_allows_statistics (7, 8));
  g_assert_true (pc_disclosure_allows_statistics (8, 8));
  g_assert_true (pc_disclosure_allows_statistics (1, 0));
}

/* Own cost: the step's own provider cost, else the provider's mean per
 * unit of the step's HRG, else the tariff × MFF it is paid. */
static void
test_own_cost_order (void)
{
  const double share[PC_N_STAGES] = { 1, 1, 1, 1, 1 };
  g_autoptr(PcStep) step = pc_test_make_step ("Scan", "diagnosis", "ccg", 0, PC_BASIS_PATIENT,
                                              PC_ACTIVITY_IMAGING, 0, 1, share);
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  double mean = 130.0;
  gboolean is_own = TRUE;

  step->tariff_code = g_strdup ("RD40Z");
  step->tariff_price = 100.0;
  /* No own cost: 100 × MFF 1.2 = 120. */
  pc_assert_close (pc_provider_step_own_cost (step, 1.2, own, &is_own), 120.0);
  g_assert_false (is_own);
  g_hash_table_insert (own, g_strdup ("RD40Z"), g_memdup2 (&mean, sizeof mean));
  pc_assert_close (pc_provider_step_own_cost (step, 1.2, own, &is_own), 130.0);
  g_assert_true (is_own);
  step->has_provider_unit_cost = TRUE;
  step->provider_unit_cost = 90.0;
  pc_assert_close (pc_provider_step_own_cost (step, 1.2, own, &is_own), 90.0);
}

static const PcProviderFigures *
find_provider (const PcProviderComparison *comparison,
               const char                 *code)
{
  for (guint i = 0; i < comparison->providers->len; i++)
    {
      const PcProviderFigures *p = g_ptr_array_index (comparison->providers, i);

      if (g_strcmp0 (p->code, code) == 0)
        return p;
    }
  g_error ("no provider %s", code);
}

/* The sample's breast providers for its ICB: RF4 priced on its current
 * pathway, whose E at tariff is the projection's; R1H (no current
 * pathway) on best practice at its MFF 1.2; the gap own − tariff; the
 * patients of the site; the register's entries for the site. */
static void
test_sample_comparison (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  const char *areas[] = { "QMF", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProviderComparison) comparison = pc_project_compare_providers (project, "breast",
                                                                             areas, &error);
  g_autoptr(PcPathway) current = NULL;
  g_autoptr(PcProjectionInput) input = NULL;
  g_autoptr(PcProjection) projection = NULL;
  g_autofree char *patients = NULL;
  const PcProviderFigures *rf4, *r1h;

  g_assert_no_error (error);
  g_assert_cmpuint (comparison->providers->len, ==, 3);
  g_assert_cmpstr (comparison->best_practice_name, ==, "breast_best_practice");
  g_assert_cmpuint (comparison->disclosure_threshold, ==, 8);
  rf4 = find_provider (comparison, "RF4");
  g_assert_true (rf4->is_current);
  g_assert_cmpstr (rf4->pathway->name, ==, "breast_current_RF4");
  current = pc_project_load_pathway (project, "breast_current_RF4", &error);
  input = pc_project_load_projection_input (project, "breast", areas, 2026, 10, &error);
  g_assert_no_error (error);
  projection = pc_projection_compute (current, input);
  g_assert_cmpfloat (rf4->at_tariff_all, ==, projection->expected_cost_all_stages);
  pc_assert_close (rf4->gap_all, rf4->at_own_all - rf4->at_tariff_all);
  g_assert_cmpuint (rf4->n_own_steps, >, 0);

  r1h = find_provider (comparison, "R1H");
  g_assert_false (r1h->is_current);
  pc_assert_close (r1h->pathway->mff, 1.2);
  g_assert_cmpfloat (r1h->at_tariff_all, ==, r1h->best_practice_all);
  /* Patients: distinct patient ids of breast with a record at R1H. */
  patients = pc_test_query_text (project, "SELECT count (DISTINCT patient) FROM activity "
                                          "WHERE site = 'breast' AND provider = 'R1H'");
  g_assert_cmpuint (r1h->patients, ==, g_ascii_strtoull (patients, NULL, 10));
  g_assert_cmpuint (r1h->risks->len, >=, r1h->open_risks);
  g_assert_cmpuint (r1h->shortfalls, <=, r1h->risks->len);
}

static void
test_unknown_site (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  const char *areas[] = { "QMF", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcProviderComparison) comparison = pc_project_compare_providers (project, "colon",
                                                                             areas, &error);

  g_assert_null (comparison);
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/providers/disclosure-rule", test_disclosure_rule);
  g_test_add_func ("/providers/own-cost-order", test_own_cost_order);
  g_test_add_func ("/providers/sample", test_sample_comparison);
  g_test_add_func ("/providers/unknown-site", test_unknown_site);
  return g_test_run ();
}
