/* pc-project-risks.c: the pathway risk register.  Entries are derived each
 * time from the activity: a best-practice step whose actual share falls
 * short of the expected by more than risk_share_tolerance, or whose HRG a
 * provider costs above tariff × MFF by more than risk_cost_threshold.  What
 * the user writes about an entry (owner, action, status, due date) is kept
 * by its key (pathway, step, provider, stage, kind), so it survives
 * re-imports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"

static GStrv
query_strings (PcProject   *self,
               const char  *sql,
               const char  *bound,
               GError     **error)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, bound, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (values, (const char *) sqlite3_column_text (stmt, 0));
  if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
    return NULL;
  return g_strv_builder_end (values);
}

static PcRisk *
risk_new (const char *pathway,
          const char *step,
          const char *provider,
          int         stage,
          PcRiskKind  kind,
          double      expected,
          double      actual)
{
  PcRisk *risk = g_new0 (PcRisk, 1);

  risk->pathway = g_strdup (pathway);
  risk->step = g_strdup (step);
  risk->provider = g_strdup (provider);
  risk->stage = stage;
  risk->kind = kind;
  risk->expected = expected;
  risk->actual = actual;
  return risk;
}

static void
add_compliance_risks (GPtrArray   *rows,
                      const char  *pathway,
                      const char  *provider,
                      double       tolerance,
                      GPtrArray   *risks)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PcCompliance *row = g_ptr_array_index (rows, i);

      if (row->measurable && row->patients > 0
          && row->actual_share < row->expected_share - tolerance)
        g_ptr_array_add (risks, risk_new (pathway, row->step, provider, row->stage,
                                          PC_RISK_COMPLIANCE, row->expected_share,
                                          row->actual_share));
    }
}

static double
provider_mff (PcProject  *self,
              const char *provider)
{
  sqlite3_stmt *stmt = NULL;
  double mff = 1.0;

  if (sqlite3_prepare_v2 (pc_project_get_db (self), "SELECT mff FROM providers WHERE code = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        mff = sqlite3_column_double (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return mff;
}

/* A step's HRG costed by the provider above tariff × MFF × (1 + threshold);
 * a step that recurs (several offsets) is one entry. */
static void
add_cost_risks (PcProject       *self,
                const PcPathway *pathway,
                const char      *provider,
                GPtrArray       *unit_costs,
                double           threshold,
                GPtrArray       *risks)
{
  g_autoptr(GHashTable) by_hrg = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double mff = provider_mff (self, provider);

  for (guint i = 0; i < unit_costs->len; i++)
    {
      PcUnitCost *cost = g_ptr_array_index (unit_costs, i);

      if (strcmp (cost->provider, provider) == 0)
        g_hash_table_insert (by_hrg, cost->hrg, cost);
    }
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      const PcUnitCost *cost = step->tariff_code ? g_hash_table_lookup (by_hrg, step->tariff_code) : NULL;
      double tariff = step->tariff_price * mff;

      if (cost == NULL || isnan (cost->mean_unit_cost) || g_hash_table_contains (seen, step->name))
        continue;
      g_hash_table_add (seen, step->name);
      if (cost->mean_unit_cost > tariff * (1.0 + threshold))
        g_ptr_array_add (risks, risk_new (pathway->name, step->name, provider, -1, PC_RISK_COST,
                                          tariff, cost->mean_unit_cost));
    }
}

/* Fills in what the user wrote about each entry; new entries are open. */
static gboolean
add_notes (PcProject  *self,
           GPtrArray  *risks,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                               "SELECT owner, action, status, due FROM risk_register WHERE pathway = ? "
                               "AND step = ? AND provider = ? AND stage = ? AND kind = ?",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return _pc_project_sqlite_error (self, rc, "read the risk register", error);
  for (guint i = 0; i < risks->len; i++)
    {
      PcRisk *risk = g_ptr_array_index (risks, i);

      sqlite3_bind_text (stmt, 1, risk->pathway, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, risk->step, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, risk->provider, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, risk->stage >= 0 ? pc_stage_to_string (risk->stage) : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, pc_risk_kind_to_string (risk->kind), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          risk->owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          risk->action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          risk->status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          risk->due = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        }
      else
        {
          risk->owner = g_strdup ("");
          risk->action = g_strdup ("");
          risk->status = g_strdup ("open");
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The register's tolerances, read once per register. */
typedef struct
{
  double share;   /* risk_share_tolerance */
  double cost;    /* risk_cost_threshold */
} Tolerances;

/* One best-practice pathway's entries for each provider of its site. */
static gboolean
add_pathway_risks (PcProject        *self,
                   const char       *pathway,
                   const char       *only_provider,
                   GPtrArray        *unit_costs,
                   const Tolerances *tolerances,
                   GPtrArray        *risks,
                   GError          **error)
{
  g_auto(GStrv) providers = query_strings (self, "SELECT DISTINCT provider FROM activity_reach "
                                                 "WHERE provider <> '' AND hrg = '' "
                                                 "AND site = (SELECT site FROM pathways "
                                                 "WHERE name = ?) ORDER BY provider",
                                           pathway, error);
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) tallied = NULL;
  g_autoptr(GPtrArray) compliance = NULL;
  g_autoptr(PcPathway) steps = NULL;

  if (providers == NULL)
    return FALSE;
  for (guint i = 0; providers[i] != NULL && i < 64; i++)
    if (only_provider == NULL || strcmp (only_provider, providers[i]) == 0)
      g_strv_builder_add (chosen, providers[i]);
  tallied = g_strv_builder_end (chosen);
  if (tallied[0] == NULL)
    return TRUE;
  compliance = _pc_project_compliance_by_provider (self, pathway, (const char * const *) tallied, error);
  if (compliance == NULL || (steps = pc_project_load_pathway (self, pathway, error)) == NULL)
    return FALSE;
  for (guint i = 0; tallied[i] != NULL; i++)
    {
      add_compliance_risks (g_ptr_array_index (compliance, i), pathway, tallied[i],
                            tolerances->share, risks);
      add_cost_risks (self, steps, tallied[i], unit_costs, tolerances->cost, risks);
    }
  return TRUE;
}

GPtrArray *
pc_project_risk_register (PcProject   *self,
                          const char  *provider,
                          GError     **error)
{
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_risk_free);
  g_autoptr(GPtrArray) unit_costs = NULL;
  g_auto(GStrv) pathways = NULL;
  Tolerances tolerances;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  tolerances.share = pc_project_get_setting (self, "risk_share_tolerance");
  tolerances.cost = pc_project_get_setting (self, "risk_cost_threshold");
  pathways = query_strings (self, "SELECT name FROM pathways WHERE kind = 'best_practice' "
                                  "ORDER BY name", NULL, error);
  if (pathways == NULL || (unit_costs = pc_project_activity_unit_costs (self, provider, error)) == NULL)
    return NULL;
  for (guint p = 0; pathways[p] != NULL; p++)
    if (!add_pathway_risks (self, pathways[p], provider, unit_costs, &tolerances, risks, error))
      return NULL;
  if (!add_notes (self, risks, error))
    return NULL;
  return g_steal_pointer (&risks);
}

/* The due date as it is stored: NULL keeps the entry's, "" clears it
 * (stored as NULL), anything else must be a real calendar date. */
static gboolean
check_due (const char  *due,
           GError     **error)
{
  if (due == NULL || *due == '\0' || pc_date_to_day (due) != 0)
    return TRUE;
  g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
               "due: '%s' is not a date (YYYY-MM-DD, a real calendar date)", due);
  return FALSE;
}

gboolean
pc_project_set_risk_notes (PcProject     *self,
                           const PcRisk  *risk,
                           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (risk != NULL && risk->pathway && risk->step && risk->provider, FALSE);

  if (!check_due (risk->due, error) || !pc_project_begin (self, error))
    return FALSE;
  /* A note left NULL keeps what the entry had; a due date of '' clears it. */
  rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                           "INSERT INTO risk_register VALUES (?1, ?2, ?3, ?4, ?5, coalesce (?6, ''), "
                           "coalesce (?7, ''), coalesce (?8, 'open'), nullif (?9, '')) "
                           "ON CONFLICT (pathway, step, provider, stage, kind) DO UPDATE SET "
                           "owner = coalesce (?6, owner), action = coalesce (?7, action), "
                           "status = coalesce (?8, status), "
                           "due = CASE WHEN ?9 IS NULL THEN due ELSE nullif (?9, '') END",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, risk->pathway, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, risk->step, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, risk->provider, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, risk->stage >= 0 ? pc_stage_to_string (risk->stage) : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, pc_risk_kind_to_string (risk->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, risk->owner, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, risk->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, risk->status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, risk->due, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      pc_project_rollback (self);
      return _pc_project_sqlite_error (self, rc, "save the risk register", error);
    }
  return pc_project_commit (self, error);
}
