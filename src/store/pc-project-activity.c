/* pc-project-activity.c: the analyses of a project's patient-level activity
 * (docs/MODEL.md, "Activity analyses"): a patient is a patient id within a site; their stage is the
 * stage on their earliest record for that site (by date, then file order);
 * a record's offset is floor((date − the patient's first date) / 365); a
 * provider's patients are those with at least one record there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"

#define SEP "\x1f"

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

typedef struct
{
  PcFlow     *flow;
  GHashTable *patients;   /* "site␟patient" */
} FlowGroup;

static void
flow_group_free (FlowGroup *group)
{
  pc_flow_free (group->flow);
  g_hash_table_unref (group->patients);
  g_free (group);
}

static FlowGroup *
flow_group (GHashTable   *groups,
            sqlite3_stmt *stmt)
{
  g_autofree char *key = g_strdup_printf ("%s" SEP "%s", text (stmt, 0), text (stmt, 1));
  FlowGroup *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (FlowGroup, 1);
      group->flow = g_new0 (PcFlow, 1);
      group->flow->area = g_strdup (text (stmt, 0));
      group->flow->provider = g_strdup (text (stmt, 1));
      group->patients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (groups, g_steal_pointer (&key), group);
    }
  return group;
}

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const PcFlow *x = *(PcFlow **) a, *y = *(PcFlow **) b;
  int order = strcmp (x->area, y->area);

  return order != 0 ? order : strcmp (x->provider, y->provider);
}

/* One pass over the records, grouped in memory: no sort of millions. */
GPtrArray *
pc_project_activity_flows (PcProject   *self,
                           const char  *provider,
                           GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) flow_group_free);
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_flow_free);
  FlowGroup *group = NULL;
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT area, provider, site, patient, cost, tariff_paid FROM activity "
                        "WHERE ?1 IS NULL OR provider = ?1", NULL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *patient = g_strdup_printf ("%s" SEP "%s", text (stmt, 2), text (stmt, 3));

      if (group == NULL || strcmp (group->flow->area, text (stmt, 0)) != 0
          || strcmp (group->flow->provider, text (stmt, 1)) != 0)
        group = flow_group (groups, stmt);
      group->flow->cost += sqlite3_column_double (stmt, 4);
      group->flow->tariff_paid += sqlite3_column_double (stmt, 5);
      if (!g_hash_table_contains (group->patients, patient))
        g_hash_table_add (group->patients, g_steal_pointer (&patient));
    }
  if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
    return NULL;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      group = value;
      group->flow->patients = g_hash_table_size (group->patients);
      g_ptr_array_add (flows, g_steal_pointer (&group->flow));
      group->flow = NULL;
    }
  g_ptr_array_sort (flows, compare_flows);
  return g_steal_pointer (&flows);
}

/* ------------------------------------------------------------------ costs */

/* One patient's records at one provider, while their records are read. */
typedef struct
{
  char   *provider;
  double  cost;
  double  by_activity[PC_N_ACTIVITIES];
} PatientAtProvider;

/* The patients of one site, provider and stage. */
typedef struct
{
  char    *site;
  char    *provider;
  PcStage  stage;
  GArray  *costs;
  double   by_activity[PC_N_ACTIVITIES];
} CostGroup;

static void
cost_group_free (CostGroup *group)
{
  g_free (group->site);
  g_free (group->provider);
  g_array_unref (group->costs);
  g_free (group);
}

static void
add_patient_costs (GHashTable  *groups,
                   const char  *site,
                   PcStage      stage,
                   GArray      *at_providers)
{
  for (guint i = 0; i < at_providers->len; i++)
    {
      PatientAtProvider *p = &g_array_index (at_providers, PatientAtProvider, i);
      g_autofree char *key = g_strdup_printf ("%s" SEP "%s" SEP "%d", site, p->provider, stage);
      CostGroup *group = g_hash_table_lookup (groups, key);

      if (group == NULL)
        {
          group = g_new0 (CostGroup, 1);
          group->site = g_strdup (site);
          group->provider = g_strdup (p->provider);
          group->stage = stage;
          group->costs = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (groups, g_steal_pointer (&key), group);
        }
      g_array_append_val (group->costs, p->cost);
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        group->by_activity[a] += p->by_activity[a];
      g_free (p->provider);
    }
  g_array_set_size (at_providers, 0);
}

static PatientAtProvider *
patient_at (GArray     *at_providers,
            const char *provider)
{
  PatientAtProvider fresh = { 0, };

  for (guint i = 0; i < at_providers->len; i++)
    if (strcmp (g_array_index (at_providers, PatientAtProvider, i).provider, provider) == 0)
      return &g_array_index (at_providers, PatientAtProvider, i);
  fresh.provider = g_strdup (provider);
  g_array_append_val (at_providers, fresh);
  return &g_array_index (at_providers, PatientAtProvider, at_providers->len - 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static PcActualCost *
summarise_group (CostGroup *group)
{
  PcActualCost *cost = g_new0 (PcActualCost, 1);
  double *values = (double *) group->costs->data;
  gsize n = group->costs->len;
  double sum = 0.0;

  g_array_sort (group->costs, compare_doubles);
  for (gsize i = 0; i < n; i++)
    sum += values[i];
  cost->site = g_strdup (group->site);
  cost->provider = g_strdup (group->provider);
  cost->stage = group->stage;
  cost->patients = n;
  cost->mean = sum / n;
  cost->q1 = pc_quantile_inc (values, n, 0.25);
  cost->median = pc_quantile_inc (values, n, 0.5);
  cost->q3 = pc_quantile_inc (values, n, 0.75);
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    cost->mean_by_activity[a] = group->by_activity[a] / n;
  return cost;
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

/* Reads every record in patient order, one patient at a time. */
static gboolean
collect_costs (PcProject   *self,
               GHashTable  *groups,
               GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT site, patient, stage, provider, activity, cost "
                                      "FROM activity ORDER BY site, patient, day, id", NULL, error);
  g_autoptr(GArray) at_providers = g_array_new (FALSE, FALSE, sizeof (PatientAtProvider));
  g_autofree char *site = NULL, *patient = NULL;
  PcStage stage = PC_STAGE_UNKNOWN;
  PcActivity activity;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PatientAtProvider *at;

      if (patient == NULL || strcmp (site, text (stmt, 0)) != 0 || strcmp (patient, text (stmt, 1)) != 0)
        {
          if (patient != NULL)
            add_patient_costs (groups, site, stage, at_providers);
          g_free (site), g_free (patient);
          site = g_strdup (text (stmt, 0));
          patient = g_strdup (text (stmt, 1));
          if (!pc_stage_from_string (text (stmt, 2), &stage))
            stage = PC_STAGE_UNKNOWN;
        }
      at = patient_at (at_providers, text (stmt, 3));
      at->cost += sqlite3_column_double (stmt, 5);
      if (pc_activity_from_string (text (stmt, 4), &activity))
        at->by_activity[activity] += sqlite3_column_double (stmt, 5);
    }
  if (patient != NULL)
    add_patient_costs (groups, site, stage, at_providers);
  return _pc_project_finish (self, stmt, rc, "read its activity", error);
}

GPtrArray *
pc_project_activity_costs (PcProject   *self,
                           const char  *provider,
                           GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) cost_group_free);
  g_autoptr(GPtrArray) costs = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_actual_cost_free);
  GHashTableIter iter;
  gpointer group;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  if (!collect_costs (self, groups, error))
    return NULL;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    if (provider == NULL || strcmp (((CostGroup *) group)->provider, provider) == 0)
      g_ptr_array_add (costs, summarise_group (group));
  g_ptr_array_sort (costs, compare_costs);
  return g_steal_pointer (&costs);
}

/* ------------------------------------------------------------- compliance */

/* What is known of one patient of the pathway's site. */
#define MAX_PROVIDERS 64

typedef struct
{
  int      first_day;
  gint64   first_id;
  PcStage  stage;
  guint64  providers;    /* bit i: a record at providers[i] */
  guint8  *received;     /* per step: had its HRG at its offset */
} Patient;

typedef struct
{
  const PcPathway *pathway;
  GStrv            providers;      /* the providers tallied, at most 64 */
  GHashTable      *patients;       /* id → Patient */
  GHashTable      *steps_by_hrg;   /* tariff code → GArray of step indices */
} Compliance;

static void
patient_free (gpointer data)
{
  Patient *patient = data;

  g_free (patient->received);
  g_free (patient);
}

/* Pass 1: each patient's earliest record (by date, then file order). */
static gboolean
find_first_records (PcProject   *self,
                    Compliance  *c,
                    GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT patient, stage, day, id FROM activity "
                                                  "WHERE site = ?", c->pathway->site, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Patient *patient = g_hash_table_lookup (c->patients, text (stmt, 0));
      int day = sqlite3_column_int (stmt, 2);
      gint64 id = sqlite3_column_int64 (stmt, 3);

      if (patient == NULL)
        {
          patient = g_new0 (Patient, 1);
          patient->received = g_new0 (guint8, MAX (c->pathway->steps->len, 1));
          patient->first_day = G_MAXINT;
          g_hash_table_insert (c->patients, g_strdup (text (stmt, 0)), patient);
        }
      if (day < patient->first_day || (day == patient->first_day && id < patient->first_id))
        {
          patient->first_day = day;
          patient->first_id = id;
          if (!pc_stage_from_string (text (stmt, 1), &patient->stage))
            patient->stage = PC_STAGE_UNKNOWN;
        }
    }
  return _pc_project_finish (self, stmt, rc, "read its activity", error);
}

/* Pass 2: what each patient received, at which offset, and where. */
static gboolean
mark_received (PcProject   *self,
               Compliance  *c,
               GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT patient, provider, day, hrg FROM activity "
                                                  "WHERE site = ?", c->pathway->site, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Patient *patient = g_hash_table_lookup (c->patients, text (stmt, 0));
      GArray *steps = g_hash_table_lookup (c->steps_by_hrg, text (stmt, 3));
      int offset = (sqlite3_column_int (stmt, 2) - patient->first_day) / 365;

      for (guint p = 0; c->providers[p] != NULL; p++)
        if (strcmp (text (stmt, 1), c->providers[p]) == 0)
          patient->providers |= G_GUINT64_CONSTANT (1) << p;
      for (guint i = 0; steps != NULL && i < steps->len; i++)
        {
          guint index = g_array_index (steps, guint, i);
          const PcStep *step = g_ptr_array_index (c->pathway->steps, index);

          if (step->year_offset == offset)
            patient->received[index] = 1;
        }
    }
  return _pc_project_finish (self, stmt, rc, "read its activity", error);
}

/* The rows for the patients whose providers match @mask (0: everyone). */
static GPtrArray *
compliance_rows (const Compliance *c,
                 guint64           mask)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_compliance_free);
  guint n_steps = c->pathway->steps->len;
  g_autofree guint64 *hits = g_new0 (guint64, MAX (n_steps, 1) * PC_N_STAGES);
  guint64 patients[PC_N_STAGES] = { 0, };
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, c->patients);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Patient *patient = value;

      if (mask != 0 && (patient->providers & mask) == 0)
        continue;
      patients[patient->stage]++;
      for (guint i = 0; i < n_steps; i++)
        hits[i * PC_N_STAGES + patient->stage] += patient->received[i];
    }
  for (guint i = 0; i < n_steps; i++)
    {
      const PcStep *step = g_ptr_array_index (c->pathway->steps, i);

      for (guint s = 0; s < PC_N_STAGES; s++)
        {
          PcCompliance *row = g_new0 (PcCompliance, 1);

          row->step = g_strdup (step->name);
          row->stage = s;
          row->offset = step->year_offset;
          row->measurable = step->tariff_code != NULL;
          row->patients = patients[s];
          row->expected_share = step->share[s];
          row->actual_share = row->measurable && row->patients > 0
                              ? (double) hits[i * PC_N_STAGES + s] / row->patients : NAN;
          g_ptr_array_add (rows, row);
        }
    }
  return rows;
}

static void
index_steps_by_hrg (Compliance *c)
{
  for (guint i = 0; i < c->pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (c->pathway->steps, i);
      GArray *steps;

      if (step->tariff_code == NULL)
        continue;
      steps = g_hash_table_lookup (c->steps_by_hrg, step->tariff_code);
      if (steps == NULL)
        {
          steps = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (c->steps_by_hrg, step->tariff_code, steps);
        }
      g_array_append_val (steps, i);
    }
}

/* Compliance with @pathway_name for each of @providers (at most 64), or
 * with NULL providers for all patients: one array of rows each.  Two passes
 * over the site's records, no sort: patients are held in memory (one small
 * record each), records are not. */
GPtrArray *
_pc_project_compliance_by_provider (PcProject          *self,
                                    const char         *pathway_name,
                                    const char * const *providers,
                                    GError            **error)
{
  const char * const everyone[] = { NULL };
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GHashTable) patients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, patient_free);
  g_autoptr(GHashTable) steps_by_hrg = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                              (GDestroyNotify) g_array_unref);
  GPtrArray *results;
  Compliance c;
  guint n_providers = providers != NULL ? g_strv_length ((GStrv) providers) : 0;

  g_return_val_if_fail (n_providers <= MAX_PROVIDERS, NULL);

  pathway = pc_project_load_pathway (self, pathway_name, error);
  if (pathway == NULL)
    return NULL;
  c = (Compliance) { pathway, (GStrv) (providers != NULL ? providers : everyone), patients,
                     steps_by_hrg };
  index_steps_by_hrg (&c);
  if (!find_first_records (self, &c, error) || !mark_received (self, &c, error))
    return NULL;
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (providers == NULL)
    g_ptr_array_add (results, compliance_rows (&c, 0));
  for (guint p = 0; p < n_providers; p++)
    g_ptr_array_add (results, compliance_rows (&c, G_GUINT64_CONSTANT (1) << p));
  return results;
}

GPtrArray *
pc_project_activity_compliance (PcProject   *self,
                                const char  *pathway_name,
                                const char  *provider,
                                GError     **error)
{
  const char * const one[] = { provider, NULL };
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  results = _pc_project_compliance_by_provider (self, pathway_name,
                                                provider != NULL ? one : NULL, error);
  return results != NULL ? g_ptr_array_ref (g_ptr_array_index (results, 0)) : NULL;
}

/* ------------------------------------------------------------- unit costs */

static int
compare_unit_costs (gconstpointer a,
                    gconstpointer b)
{
  const PcUnitCost *x = *(PcUnitCost **) a, *y = *(PcUnitCost **) b;
  int order = strcmp (x->provider, y->provider);

  return order != 0 ? order : strcmp (x->hrg, y->hrg);
}

GPtrArray *
pc_project_activity_unit_costs (PcProject   *self,
                                const char  *provider,
                                GError     **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) costs = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_unit_cost_free);
  PcUnitCost *cost = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT provider, hrg, quantity, cost FROM activity "
                        "WHERE ?1 IS NULL OR provider = ?1", NULL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (cost == NULL || strcmp (cost->provider, text (stmt, 0)) != 0
          || strcmp (cost->hrg, text (stmt, 1)) != 0)
        {
          g_autofree char *key = g_strdup_printf ("%s" SEP "%s", text (stmt, 0), text (stmt, 1));

          cost = g_hash_table_lookup (groups, key);
          if (cost == NULL)
            {
              cost = g_new0 (PcUnitCost, 1);
              cost->provider = g_strdup (text (stmt, 0));
              cost->hrg = g_strdup (text (stmt, 1));
              g_ptr_array_add (costs, cost);
              g_hash_table_insert (groups, g_steal_pointer (&key), cost);
            }
        }
      cost->records++;
      cost->quantity += sqlite3_column_double (stmt, 2);
      cost->cost += sqlite3_column_double (stmt, 3);
    }
  if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
    return NULL;
  for (guint i = 0; i < costs->len; i++)
    {
      cost = g_ptr_array_index (costs, i);
      cost->mean_unit_cost = cost->quantity > 0 ? cost->cost / cost->quantity : NAN;
    }
  g_ptr_array_sort (costs, compare_unit_costs);
  return g_steal_pointer (&costs);
}

/* Writes the provider's mean cost per unit of each step's HRG, from the
 * activity, into the pathway's provider_unit_cost; steps whose HRG the
 * provider has no records of keep theirs.  Returns how many it set. */
gboolean
pc_project_apply_unit_costs (PcProject   *self,
                             const char  *pathway_name,
                             guint       *n_steps,
                             GError     **error)
{
  g_autoptr(PcPathway) pathway = pc_project_load_pathway (self, pathway_name, error);
  sqlite3_stmt *stmt;
  int rc;

  if (pathway == NULL)
    return FALSE;
  if (pathway->provider == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "pathway '%s' has no provider whose unit "
                   "costs could be written into it", pathway_name);
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  stmt = _pc_project_prepare (self, "UPDATE pathway_steps SET provider_unit_cost = "
                        "(SELECT total (cost) / total (quantity) FROM activity "
                        " WHERE provider = ?2 AND hrg = pathway_steps.tariff_code) "
                        "WHERE pathway = ?1 AND tariff_code IS NOT NULL AND EXISTS "
                        "(SELECT 1 FROM activity WHERE provider = ?2 "
                        " AND hrg = pathway_steps.tariff_code AND quantity > 0)", NULL, error);
  if (stmt == NULL)
    {
      pc_project_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, pathway_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, pathway->provider, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (n_steps != NULL)
    *n_steps = sqlite3_changes (pc_project_get_db (self));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pc_project_rollback (self);
      return _pc_project_sqlite_error (self, rc, "write the unit costs", error);
    }
  return pc_project_commit (self, error);
}

gboolean
pc_project_has_activity (PcProject *self)
{
  g_auto(GStrv) any = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);

  any = _pc_project_list_names (self, "SELECT 1 FROM activity LIMIT 1", NULL,
                                "read its activity", NULL);
  return any != NULL && any[0] != NULL;
}
