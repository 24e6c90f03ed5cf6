/* test-sensitivity.c: one-way sensitivity on the hand-costed pathway of
 * test-projection.c (total £179,970 over 2026-27), and the properties a
 * finance director relies on in the probabilistic analysis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-sensitivity.h"
#include "pc-test-util.h"

static const PcOneWayResult *
find (const PcOneWay *one_way, const char *id)
{
  for (guint i = 0; i < one_way->parameters->len; i++)
    {
      const PcOneWayResult *p = g_ptr_array_index (one_way->parameters, i);

      if (strcmp (p->id, id) == 0)
        return p;
    }
  g_error ("no parameter %s", id);
  return NULL;
}

/* unit_cost:A at £800 and £1,200: 70 patients a year × ∓£200 = ∓14,000 in
 * 2026 and ∓15,400 in 2027, so 150,570 and 209,370, a swing of 58,800 — the
 * largest.  incidence × 0.9 scales everything: 161,973.  The discount rate
 * moves NPV only. */
static void
test_one_way (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (2, 0.0);
  g_autoptr(PcOneWay) one_way = pc_sensitivity_one_way (pathway, input, NULL);
  g_autoptr(GHashTable) ranges = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PcOneWay) narrowed = NULL;
  PcRange own = { 950, 1050 };
  const PcOneWayResult *p;

  pc_assert_close (one_way->base_total, 179970.0);
  p = g_ptr_array_index (one_way->parameters, 0);
  g_assert_cmpstr (p->id, ==, "unit_cost:A");
  pc_assert_close (p->low, 800.0);
  pc_assert_close (p->total_low, 150570.0);
  pc_assert_close (p->total_high, 209370.0);
  pc_assert_close (p->swing, 58800.0);
  for (guint i = 1; i < one_way->parameters->len; i++)
    g_assert_cmpfloat (((PcOneWayResult *) g_ptr_array_index (one_way->parameters, i - 1))->swing, >=,
                       ((PcOneWayResult *) g_ptr_array_index (one_way->parameters, i))->swing);

  pc_assert_close (find (one_way, "incidence")->total_low, 179970.0 * 0.9);
  p = find (one_way, "discount_rate");
  pc_assert_close (p->swing, 0.0);
  pc_assert_close (p->npv_low, 85700.0 + 94270.0 / 1.035);
  /* stage_mix:4 at 0.24: stages 1 and 2 rescaled by 0.76 / 0.7 */
  g_assert_nonnull (find (one_way, "stage_mix:4"));
  g_assert_nonnull (find (one_way, "share:B:unknown"));
  g_assert_nonnull (find (one_way, "survival:2"));

  g_hash_table_insert (ranges, (gpointer) "unit_cost:A", &own);
  narrowed = pc_sensitivity_one_way (pathway, input, ranges);
  p = find (narrowed, "unit_cost:A");
  pc_assert_close (p->total_low, 179970.0 - 7350.0);
}

/* Every draw is independent with the parameter's mean, and the model is
 * multilinear in them, so the mean total converges on the deterministic one. */
static void
test_psa_mean_converges (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (10, 0.0);
  g_autoptr(PcProjection) exact = pc_projection_compute (pathway, input);
  g_autoptr(PcPsa) psa = pc_sensitivity_psa (pathway, input, NULL, 20000, 42, 2);

  g_assert_cmpfloat (fabs (psa->total.mean - exact->total_cost) / exact->total_cost, <, 0.005);
  g_assert_cmpfloat (fabs (psa->years[3].mean - exact->years[3].cost) / exact->years[3].cost, <, 0.005);
  g_assert_cmpfloat (psa->total.low, <, exact->total_cost);
  g_assert_cmpfloat (psa->total.high, >, exact->total_cost);
  g_assert_cmpint (psa->years[0].year, ==, 2026);
}

static void
test_psa_reproducible (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (5, 0.0);
  g_autoptr(PcPsa) first = pc_sensitivity_psa (pathway, input, NULL, 2000, 7, 2);
  g_autoptr(PcPsa) again = pc_sensitivity_psa (pathway, input, NULL, 2000, 7, 1);
  g_autoptr(PcPsa) other = pc_sensitivity_psa (pathway, input, NULL, 2000, 8, 2);

  g_assert_cmpmem (first->years, sizeof (PcPsaYear) * 5, again->years, sizeof (PcPsaYear) * 5);
  g_assert_cmpfloat (first->total.mean, ==, again->total.mean);
  g_assert_cmpfloat (first->total.mean, !=, other->total.mean);
  g_assert_cmpfloat (first->total.high, !=, other->total.high);
}

typedef struct
{
  gint  calls;
  gint  last;
  guint stop_after;   /* 0: never */
} Progress;

static gboolean
count_progress (guint done, guint total, gpointer data)
{
  Progress *progress = data;
  gint calls = g_atomic_int_add (&progress->calls, 1) + 1;
  gint last;

  g_assert_cmpuint (done, <=, total);
  /* The threads report at once: keep the largest. */
  do
    last = g_atomic_int_get (&progress->last);
  while ((gint) done > last && !g_atomic_int_compare_and_exchange (&progress->last, last, (gint) done));
  return progress->stop_after == 0 || (guint) calls < progress->stop_after;
}

/* The window's PSA: progress after each block of 250 runs and a way to
 * stop.  Told nothing, the figures are those of pc_sensitivity_psa(); told
 * to stop, it stops within a block per thread and gives no figures. */
static void
test_psa_progress_and_stop (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (5, 0.0);
  g_autoptr(PcPsa) plain = pc_sensitivity_psa (pathway, input, NULL, 2000, 7, 2);
  Progress progress = { 0, 0, 0 };
  Progress stopping = { 0, 0, 2 };
  g_autoptr(PcPsa) watched = pc_sensitivity_psa_full (pathway, input, NULL, 2000, 7, 2, count_progress, &progress);
  g_autoptr(PcPsa) stopped = pc_sensitivity_psa_full (pathway, input, NULL, 100000, 7, 2, count_progress, &stopping);

  /* 2,000 runs are 8 blocks of 250: one call each, the last at 2,000. */
  g_assert_cmpint (progress.calls, ==, 8);
  g_assert_cmpint (progress.last, ==, 2000);
  g_assert_nonnull (watched);
  g_assert_cmpfloat (watched->total.mean, ==, plain->total.mean);
  g_assert_cmpfloat (watched->total.low, ==, plain->total.low);
  g_assert_cmpfloat (watched->npv.high, ==, plain->npv.high);
  /* 100,000 runs are 400 blocks; stopped at the second call, each of the
   * two threads finishes the block it is in. */
  g_assert_null (stopped);
  g_assert_cmpint (stopping.calls, <=, 4);
}

static void
test_psa_interval_widens (void)
{
  g_autoptr(PcPathway) pathway = pc_test_tiny_pathway ();
  g_autoptr(PcProjectionInput) input = pc_test_tiny_input (5, 0.0);
  g_autoptr(GHashTable) wide = g_hash_table_new (g_str_hash, g_str_equal);
  double incidence_se = 0.20, cost_se = 300;
  g_autoptr(PcPsa) narrow_psa = pc_sensitivity_psa (pathway, input, NULL, 4000, 1, 2);
  g_autoptr(PcPsa) wide_psa = NULL;

  g_hash_table_insert (wide, (gpointer) "incidence", &incidence_se);
  g_hash_table_insert (wide, (gpointer) "unit_cost:A", &cost_se);
  wide_psa = pc_sensitivity_psa (pathway, input, wide, 4000, 1, 2);
  g_assert_cmpfloat (wide_psa->total.high - wide_psa->total.low, >,
                     1.5 * (narrow_psa->total.high - narrow_psa->total.low));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sensitivity/one-way", test_one_way);
  g_test_add_func ("/sensitivity/psa-mean-converges", test_psa_mean_converges);
  g_test_add_func ("/sensitivity/psa-reproducible", test_psa_reproducible);
  g_test_add_func ("/sensitivity/psa-interval-widens", test_psa_interval_widens);
  g_test_add_func ("/sensitivity/psa-progress-and-stop", test_psa_progress_and_stop);
  return g_test_run ();
}
