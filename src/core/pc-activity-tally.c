/* pc-activity-tally.c: the activity analyses' figures, tallied in one pass
 * over the records, one patient at a time (docs/MODEL.md, "Activity
 * analyses").  Memory holds the current patient's records, the small
 * totals and each patient's cost at each of their providers (8 bytes, for
 * the quartiles), never the extract's records: patients seen before are
 * remembered in a fixed-size Bloom filter, so that records of a patient
 * that come apart are noticed (a false alarm only costs the caller a
 * second, sorted pass).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-activity-tally.h"

/* 2^26 bits (8 MiB), 4 probes: for 250,000 patients one false alarm in
 * about a hundred extracts. */
#define BLOOM_BITS_LOG2 26
#define BLOOM_PROBES 4
#define NONE 0   /* "every provider", "no HRG" in a packed key */

/* Codes (sites, providers, areas, HRGs) by number, from 1. */
typedef struct
{
  GHashTable *numbers;   /* text → number */
  GPtrArray  *texts;     /* number − 1 → text */
  guint       last;      /* the number last looked up */
} Codes;

typedef struct
{
  guint32 hrg;
  gint32  day;
  guint16 provider;
  guint16 area;
  guint8  stage;
  guint8  activity;
  double  cost;
} Record;

/* A patient's providers, each with their cost there. */
typedef struct
{
  guint16 provider;
  double  cost;
  double  by_activity[PC_N_ACTIVITIES];
} AtProvider;

typedef struct
{
  guint64 patients;
  double  cost;
  double  tariff_paid;
} FlowTotals;

typedef struct
{
  guint64 records;
  double  quantity;
  double  cost;
} UnitTotals;

/* guint64 keys (never 0) → counts, linear probing, at most half full. */
typedef struct
{
  guint64 *keys;
  guint64 *counts;
  gsize    mask;      /* capacity − 1, a power of two less one */
  gsize    used;
} Counts;

typedef struct
{
  GArray *costs;                        /* of double: one per patient */
  double  by_activity[PC_N_ACTIVITIES]; /* summed over the patients */
} CostGroup;

struct _PcActivityTally
{
  Codes       sites, providers, areas, hrgs;
  GHashTable *flows;        /* area << 16 | provider → FlowTotals */
  GPtrArray  *units;        /* provider − 1 → GArray of UnitTotals by HRG number */
  GHashTable *costs;        /* site << 32 | provider << 8 | stage → CostGroup */
  /* reach_key () → the patients who had HRG h at offset k, and (HRG
   * NONE) all of them: sparse, as a provider sees few of the thousands
   * of HRGs; an open-addressing table, as it is counted into ~40 times a
   * patient */
  Counts      reach;
  GArray     *at;           /* scratch, of AtProvider: the patient's providers */
  GArray     *places;       /* scratch, of guint32: their areas and providers */
  GArray     *received;     /* scratch, of guint32: their HRGs and offsets */
  guint8     *seen;         /* Bloom filter of the patients whose records ended */
  GArray     *records;      /* the current patient's, of Record */
  guint       site;         /* the current patient: site number … */
  char       *patient;      /* … and id */
  guint64     n_records;
  gboolean    apart;        /* a patient's records came apart: incomplete */
  gboolean    sorted;       /* fed in patient order: nothing to watch for */
  FlowTotals *last_flow;
  guint64     last_flow_key;
};

static void
codes_init (Codes *codes)
{
  codes->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  codes->texts = g_ptr_array_new_with_free_func (g_free);
}

static void
codes_clear (Codes *codes)
{
  g_hash_table_unref (codes->numbers);
  g_ptr_array_unref (codes->texts);
}

static guint
code_number (Codes      *codes,
             const char *text)
{
  guint number;

  /* consecutive records mostly repeat a code: one strcmp, no hashing */
  if (codes->last != 0 && strcmp (text, g_ptr_array_index (codes->texts, codes->last - 1)) == 0)
    return codes->last;
  number = GPOINTER_TO_UINT (g_hash_table_lookup (codes->numbers, text));
  if (number == 0)
    {
      char *copy = g_strdup (text);

      g_ptr_array_add (codes->texts, copy);
      number = codes->texts->len;
      g_hash_table_insert (codes->numbers, copy, GUINT_TO_POINTER (number));
    }
  codes->last = number;
  return number;
}

static const char *
code_text (const Codes *codes,
           guint        number)
{
  return number == NONE ? NULL : g_ptr_array_index (codes->texts, number - 1);
}

static void
cost_group_free (gpointer data)
{
  CostGroup *group = data;

  g_array_unref (group->costs);
  g_free (group);
}

static GHashTable *
table_new (GDestroyNotify free_value)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_value);
}

/* The value under @key, made (zeroed, @size bytes) when missing. */
static gpointer
slot (GHashTable *table,
      guint64     key,
      gsize       size)
{
  gpointer value = g_hash_table_lookup (table, &key);

  if (value == NULL)
    {
      value = g_malloc0 (size);
      g_hash_table_insert (table, g_memdup2 (&key, sizeof key), value);
    }
  return value;
}

PcActivityTally *
pc_activity_tally_new (gboolean sorted)
{
  PcActivityTally *tally = g_new0 (PcActivityTally, 1);

  tally->sorted = sorted;
  codes_init (&tally->sites);
  codes_init (&tally->providers);
  codes_init (&tally->areas);
  codes_init (&tally->hrgs);
  tally->flows = table_new (g_free);
  tally->units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  tally->costs = table_new (cost_group_free);
  tally->reach.mask = 1023;
  tally->reach.keys = g_new0 (guint64, tally->reach.mask + 1);
  tally->reach.counts = g_new0 (guint64, tally->reach.mask + 1);
  tally->records = g_array_new (FALSE, FALSE, sizeof (Record));
  tally->at = g_array_new (FALSE, FALSE, sizeof (AtProvider));
  tally->places = g_array_new (FALSE, FALSE, sizeof (guint32));
  tally->received = g_array_new (FALSE, FALSE, sizeof (guint32));
  return tally;
}

void
pc_activity_tally_free (PcActivityTally *tally)
{
  if (tally == NULL)
    return;
  codes_clear (&tally->sites);
  codes_clear (&tally->providers);
  codes_clear (&tally->areas);
  codes_clear (&tally->hrgs);
  g_hash_table_unref (tally->flows);
  g_ptr_array_unref (tally->units);
  g_hash_table_unref (tally->costs);
  g_free (tally->reach.keys);
  g_free (tally->reach.counts);
  g_array_unref (tally->records);
  g_array_unref (tally->at);
  g_array_unref (tally->places);
  g_array_unref (tally->received);
  g_free (tally->seen);
  g_free (tally->patient);
  g_free (tally);
}

/* site 16 bits, provider 16 (NONE: all), stage 4, HRG 24 (NONE: all the
 * patients at the stage), offset 4; the stage's value is 1 more than its
 * number, so that no key is 0. */
static guint64
reach_key (guint   site,
           guint   provider,
           PcStage stage,
           guint   hrg,
           guint   offset)
{
  return (guint64) site << 48 | (guint64) provider << 32 | (guint64) (stage + 1) << 28
         | (guint64) hrg << 4 | offset;
}

static gsize
counts_slot (const Counts *counts,
             guint64       key)
{
  gsize slot = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & counts->mask;

  while (counts->keys[slot] != 0 && counts->keys[slot] != key)
    slot = (slot + 1) & counts->mask;
  return slot;
}

static void
counts_grow (Counts *counts)
{
  Counts bigger = { NULL, NULL, counts->mask * 2 + 1, counts->used };

  bigger.keys = g_new0 (guint64, bigger.mask + 1);
  bigger.counts = g_new0 (guint64, bigger.mask + 1);
  for (gsize i = 0; i <= counts->mask; i++)
    if (counts->keys[i] != 0)
      {
        gsize slot = counts_slot (&bigger, counts->keys[i]);

        bigger.keys[slot] = counts->keys[i];
        bigger.counts[slot] = counts->counts[i];
      }
  g_free (counts->keys);
  g_free (counts->counts);
  *counts = bigger;
}

static void
count_one (Counts  *counts,
           guint64  key)
{
  gsize slot = counts_slot (counts, key);

  if (counts->keys[slot] == 0)
    {
      if (2 * (counts->used + 1) > counts->mask + 1)
        {
          counts_grow (counts);
          slot = counts_slot (counts, key);
        }
      counts->keys[slot] = key;
      counts->used++;
    }
  counts->counts[slot]++;
}

/* Two independent 32-bit hashes of the patient (FNV-1a and djb2 over the
 * site number and id), combined for each probe. */
static void
patient_hashes (guint        site,
                const char  *patient,
                guint32     *h1,
                guint32     *h2)
{
  guint32 a = 2166136261u ^ site, b = 5381 + site;

  for (const guchar *p = (const guchar *) patient; *p != '\0'; p++)
    {
      a = (a ^ *p) * 16777619u;
      b = b * 33 + *p;
    }
  *h1 = a;
  *h2 = b | 1;
}

/* Marks the patient seen; TRUE when it (probably) was already. */
static gboolean
seen_before (PcActivityTally *tally,
             guint            site,
             const char      *patient)
{
  guint32 h1, h2, mask = (1u << BLOOM_BITS_LOG2) - 1;
  gboolean all_set = TRUE;

  if (tally->seen == NULL)
    tally->seen = g_malloc0 ((gsize) 1 << (BLOOM_BITS_LOG2 - 3));
  patient_hashes (site, patient, &h1, &h2);
  for (guint i = 0; i < BLOOM_PROBES; i++)
    {
      guint32 bit = (h1 + i * h2) & mask;
      guint8 flag = 1u << (bit & 7);

      if ((tally->seen[bit >> 3] & flag) == 0)
        all_set = FALSE;
      tally->seen[bit >> 3] |= flag;
    }
  return all_set;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

static AtProvider *
at_provider (GArray  *at,
             guint16  provider)
{
  AtProvider fresh = { provider, 0, { 0, } };

  for (guint i = 0; i < at->len; i++)
    if (g_array_index (at, AtProvider, i).provider == provider)
      return &g_array_index (at, AtProvider, i);
  g_array_append_val (at, fresh);
  return &g_array_index (at, AtProvider, at->len - 1);
}

/* Flows' patients: each distinct area and provider of the patient once. */
static void
count_places (PcActivityTally *tally)
{
  GArray *places = tally->places;

  g_array_set_size (places, 0);
  for (guint i = 0; i < tally->records->len; i++)
    {
      const Record *r = &g_array_index (tally->records, Record, i);
      guint32 place = (guint32) r->area << 16 | r->provider;
      gboolean known = FALSE;

      for (guint j = 0; j < places->len && !known; j++)
        known = g_array_index (places, guint32, j) == place;
      if (!known)
        {
          FlowTotals *flow = slot (tally->flows, place, sizeof (FlowTotals));

          g_array_append_val (places, place);
          flow->patients++;
        }
    }
}

static void
add_costs (PcActivityTally *tally,
           GArray          *at,
           PcStage          stage)
{
  for (guint i = 0; i < at->len; i++)
    {
      const AtProvider *p = &g_array_index (at, AtProvider, i);
      guint64 key = (guint64) tally->site << 32 | (guint64) p->provider << 8 | stage;
      CostGroup *group = g_hash_table_lookup (tally->costs, &key);

      if (group == NULL)
        {
          group = g_new0 (CostGroup, 1);
          group->costs = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (tally->costs, g_memdup2 (&key, sizeof key), group);
        }
      g_array_append_val (group->costs, p->cost);
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        group->by_activity[a] += p->by_activity[a];
    }
}

/* Compliance's counts: the patient at their stage, for all and for each of
 * their providers, and each HRG they had at each offset up to the last a
 * pathway step can have. */
static void
add_reach (PcActivityTally *tally,
           GArray          *at,
           PcStage          stage,
           int              first_day)
{
  GArray *received = tally->received;

  g_array_set_size (received, 0);
  for (guint i = 0; i < tally->records->len; i++)
    {
      const Record *r = &g_array_index (tally->records, Record, i);
      int offset = (r->day - first_day) / 365;
      guint32 index = r->hrg * PC_N_OFFSETS + (guint32) offset;

      if (offset <= PC_MAX_OFFSET)
        g_array_append_val (received, index);
    }
  g_array_sort (received, compare_guint32);
  for (guint p = 0; p <= at->len; p++)
    {
      guint provider = p == 0 ? NONE : g_array_index (at, AtProvider, p - 1).provider;
      count_one (&tally->reach, reach_key (tally->site, provider, stage, NONE, 0));
      for (guint i = 0; i < received->len; i++)
        {
          guint32 index = g_array_index (received, guint32, i);

          if (i == 0 || index != g_array_index (received, guint32, i - 1))
            count_one (&tally->reach, reach_key (tally->site, provider, stage,
                                                 index / PC_N_OFFSETS, index % PC_N_OFFSETS));
        }
    }
}

/* The current patient's records are complete: what they add. */
static void
end_patient (PcActivityTally *tally)
{
  GArray *at = tally->at;
  int first_day = G_MAXINT;
  PcStage stage = PC_STAGE_UNKNOWN;

  if (tally->records->len == 0)
    return;
  g_array_set_size (at, 0);
  /* the earliest record, and of those on that day the first in the file */
  for (guint i = 0; i < tally->records->len; i++)
    {
      const Record *r = &g_array_index (tally->records, Record, i);
      AtProvider *p = at_provider (at, r->provider);

      if (r->day < first_day)
        first_day = r->day, stage = r->stage;
      p->cost += r->cost;
      p->by_activity[r->activity] += r->cost;
    }
  count_places (tally);
  add_costs (tally, at, stage);
  add_reach (tally, at, stage, first_day);
  g_array_set_size (tally->records, 0);
}

gboolean
pc_activity_tally_add (PcActivityTally        *tally,
                       const PcActivityRecord *record)
{
  guint site, provider, area, hrg;
  guint64 flow_key;
  UnitTotals *unit;
  GArray *units;
  Record r;

  g_return_val_if_fail (tally != NULL && record != NULL, FALSE);

  if (tally->apart)
    return FALSE;
  site = code_number (&tally->sites, record->site);
  if (tally->patient == NULL || site != tally->site || strcmp (record->patient, tally->patient) != 0)
    {
      end_patient (tally);
      tally->site = site;
      g_free (tally->patient);
      tally->patient = g_strdup (record->patient);
      if (!tally->sorted && seen_before (tally, site, record->patient))
        {
          tally->apart = TRUE;
          return FALSE;
        }
    }
  provider = code_number (&tally->providers, record->provider);
  area = code_number (&tally->areas, record->area);
  hrg = code_number (&tally->hrgs, record->hrg);
  g_return_val_if_fail (site < G_MAXUINT16 && provider < G_MAXUINT16 && area < G_MAXUINT16
                        && hrg < (1u << 24), FALSE);

  flow_key = (guint64) area << 16 | provider;
  if (tally->last_flow == NULL || tally->last_flow_key != flow_key)
    {
      tally->last_flow = slot (tally->flows, flow_key, sizeof (FlowTotals));
      tally->last_flow_key = flow_key;
    }
  tally->last_flow->cost += record->cost;
  tally->last_flow->tariff_paid += record->tariff_paid;
  while (tally->units->len < provider)
    g_ptr_array_add (tally->units, g_array_new (FALSE, TRUE, sizeof (UnitTotals)));
  units = g_ptr_array_index (tally->units, provider - 1);
  if (units->len <= hrg)
    g_array_set_size (units, hrg + 1);
  unit = &g_array_index (units, UnitTotals, hrg);
  unit->records++;
  unit->quantity += record->quantity;
  unit->cost += record->cost;

  r = (Record) { hrg, record->day, provider, area, record->stage, record->activity, record->cost };
  g_array_append_val (tally->records, r);
  tally->n_records++;
  return TRUE;
}

gboolean
pc_activity_tally_is_apart (PcActivityTally *tally)
{
  return tally->apart;
}

void
pc_activity_tally_finish (PcActivityTally *tally)
{
  g_return_if_fail (tally != NULL);

  if (!tally->apart)
    end_patient (tally);
  g_clear_pointer (&tally->seen, g_free);
  g_clear_pointer (&tally->patient, g_free);
}

guint64
pc_activity_tally_get_n_records (PcActivityTally *tally)
{
  return tally->n_records;
}

/* --------------------------------------------------------------- results */

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const PcFlow *x = *(PcFlow **) a, *y = *(PcFlow **) b;
  int order = strcmp (x->area, y->area);

  return order != 0 ? order : strcmp (x->provider, y->provider);
}

GPtrArray *
pc_activity_tally_flows (PcActivityTally *tally)
{
  GPtrArray *flows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_flow_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tally->flows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      const FlowTotals *totals = value;
      PcFlow *flow = g_new0 (PcFlow, 1);

      flow->area = g_strdup (code_text (&tally->areas, (guint) (k >> 16)));
      flow->provider = g_strdup (code_text (&tally->providers, (guint) (k & 0xffff)));
      flow->patients = totals->patients;
      flow->cost = totals->cost;
      flow->tariff_paid = totals->tariff_paid;
      g_ptr_array_add (flows, flow);
    }
  g_ptr_array_sort (flows, compare_flows);
  return flows;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_costs (gconstpointer a,
               gconstpointer b)
{
  const PcActualCost *x = *(PcActualCost **) a, *y = *(PcActualCost **) b;
  int order = strcmp (x->site, y->site);

  if (order == 0)
    order = strcmp (x->provider, y->provider);
  return order != 0 ? order : (int) x->stage - (int) y->stage;
}

GPtrArray *
pc_activity_tally_costs (PcActivityTally *tally)
{
  GPtrArray *costs = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_actual_cost_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tally->costs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;
      CostGroup *group = value;
      PcActualCost *cost = g_new0 (PcActualCost, 1);
      double *values = (double *) group->costs->data, sum = 0;
      gsize n = group->costs->len;

      g_array_sort (group->costs, compare_doubles);
      for (gsize i = 0; i < n; i++)
        sum += values[i];
      cost->site = g_strdup (code_text (&tally->sites, (guint) (k >> 32)));
      cost->provider = g_strdup (code_text (&tally->providers, (guint) ((k >> 8) & 0xffff)));
      cost->stage = (PcStage) (k & 0xff);
      cost->patients = n;
      cost->mean = sum / n;
      cost->q1 = pc_quantile_inc (values, n, 0.25);
      cost->median = pc_quantile_inc (values, n, 0.5);
      cost->q3 = pc_quantile_inc (values, n, 0.75);
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        cost->mean_by_activity[a] = group->by_activity[a] / n;
      g_ptr_array_add (costs, cost);
    }
  g_ptr_array_sort (costs, compare_costs);
  return costs;
}

static int
compare_unit_costs (gconstpointer a,
                    gconstpointer b)
{
  const PcUnitCost *x = *(PcUnitCost **) a, *y = *(PcUnitCost **) b;
  int order = strcmp (x->provider, y->provider);

  return order != 0 ? order : strcmp (x->hrg, y->hrg);
}

GPtrArray *
pc_activity_tally_unit_costs (PcActivityTally *tally)
{
  GPtrArray *costs = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_unit_cost_free);

  for (guint p = 0; p < tally->units->len; p++)
    {
      GArray *units = g_ptr_array_index (tally->units, p);

      for (guint h = 0; h < units->len; h++)
        {
          const UnitTotals *totals = &g_array_index (units, UnitTotals, h);
          PcUnitCost *cost;

          if (totals->records == 0)
            continue;
          cost = g_new0 (PcUnitCost, 1);
          cost->provider = g_strdup (code_text (&tally->providers, p + 1));
          cost->hrg = g_strdup (code_text (&tally->hrgs, h));
          cost->records = totals->records;
          cost->quantity = totals->quantity;
          cost->cost = totals->cost;
          cost->mean_unit_cost = totals->quantity > 0 ? totals->cost / totals->quantity : NAN;
          g_ptr_array_add (costs, cost);
        }
    }
  g_ptr_array_sort (costs, compare_unit_costs);
  return costs;
}

void
pc_reach_free (PcReach *reach)
{
  if (reach == NULL)
    return;
  g_free (reach->site);
  g_free (reach->provider);
  g_free (reach->hrg);
  g_free (reach);
}

GPtrArray *
pc_activity_tally_reach (PcActivityTally *tally)
{
  GPtrArray *reach = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_reach_free);

  for (gsize i = 0; i <= tally->reach.mask; i++)
    {
      guint64 k = tally->reach.keys[i];
      PcReach *r;

      if (k == 0)
        continue;
      r = g_new0 (PcReach, 1);
      r->site = g_strdup (code_text (&tally->sites, (guint) (k >> 48)));
      r->provider = g_strdup (code_text (&tally->providers, (guint) ((k >> 32) & 0xffff)));
      r->stage = (PcStage) (((k >> 28) & 15) - 1);
      r->hrg = g_strdup (code_text (&tally->hrgs, (guint) ((k >> 4) & 0xffffff)));
      r->offset = (int) (k & 15);
      r->patients = tally->reach.counts[i];
      g_ptr_array_add (reach, r);
    }
  return reach;
}
