/* pc-project-activity.c: the analyses of a project's patient-level activity
 * (docs/MODEL.md, "Activity analyses"): a patient is a patient id within a
 * site; their stage is the stage on their earliest record for that site (by
 * date, then file order); a record's offset is floor((date − the patient's
 * first date) / 365); a provider's patients are those with at least one
 * record there.
 *
 * The records are summarised once, in the transaction that changes them
 * (an import, or the upgrade to format 7), by pc-activity-tally.c into the
 * activity_* tables; the analyses read those few rows, and compliance joins
 * them with the pathway (which the user edits after the import) here.
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

static PcStage
stage_of (const char *text)
{
  PcStage stage;

  return pc_stage_from_string (text, &stage) ? stage : PC_STAGE_UNKNOWN;
}

/* -------------------------------------------------------------- summaries */

static gboolean
db_error (sqlite3     *db,
          const char  *doing,
          GError     **error)
{
  g_set_error (error, PC_ERROR, _pc_project_is_disk_full (db, sqlite3_errcode (db)) ? PC_ERROR_IO
                                                                                      : PC_ERROR_DAMAGED,
               "could not %s: %s", doing,
               _pc_project_is_disk_full (db, sqlite3_errcode (db)) ? "the disk is full"
                                                                   : sqlite3_errmsg (db));
  return FALSE;
}

/* Runs @sql once for each item of @items, bound by @bind. */
static gboolean
insert_all (sqlite3     *db,
            const char  *sql,
            GPtrArray   *items,
            void       (*bind) (sqlite3_stmt *stmt, gconstpointer item),
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  for (guint i = 0; rc == SQLITE_OK && i < items->len; i++)
    {
      bind (stmt, g_ptr_array_index (items, i));
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK || db_error (db, "summarise the activity", error);
}

static void
bind_flow (sqlite3_stmt *stmt, gconstpointer item)
{
  const PcFlow *f = item;

  sqlite3_bind_text (stmt, 1, f->area, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f->provider, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) f->patients);
  sqlite3_bind_double (stmt, 4, f->cost);
  sqlite3_bind_double (stmt, 5, f->tariff_paid);
}

static void
bind_cost (sqlite3_stmt *stmt, gconstpointer item)
{
  const PcActualCost *c = item;

  sqlite3_bind_text (stmt, 1, c->site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->provider, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pc_stage_to_string (c->stage), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) c->patients);
  sqlite3_bind_double (stmt, 5, c->mean);
  sqlite3_bind_double (stmt, 6, c->q1);
  sqlite3_bind_double (stmt, 7, c->median);
  sqlite3_bind_double (stmt, 8, c->q3);
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    sqlite3_bind_double (stmt, 9 + a, c->mean_by_activity[a]);
}

static void
bind_unit_cost (sqlite3_stmt *stmt, gconstpointer item)
{
  const PcUnitCost *c = item;

  sqlite3_bind_text (stmt, 1, c->provider, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->hrg, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (sqlite3_int64) c->records);
  sqlite3_bind_double (stmt, 4, c->quantity);
  sqlite3_bind_double (stmt, 5, c->cost);
}

static void
bind_reach (sqlite3_stmt *stmt, gconstpointer item)
{
  const PcReach *r = item;

  sqlite3_bind_text (stmt, 1, r->site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, r->provider != NULL ? r->provider : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pc_stage_to_string (r->stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, r->hrg != NULL ? r->hrg : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, r->offset);
  sqlite3_bind_int64 (stmt, 6, (sqlite3_int64) r->patients);
}

gboolean
_pc_activity_write_summaries (sqlite3          *db,
                              PcActivityTally  *tally,
                              GError          **error)
{
  g_autoptr(GPtrArray) flows = pc_activity_tally_flows (tally);
  g_autoptr(GPtrArray) costs = pc_activity_tally_costs (tally);
  g_autoptr(GPtrArray) unit_costs = pc_activity_tally_unit_costs (tally);
  g_autoptr(GPtrArray) reach = pc_activity_tally_reach (tally);

  if (sqlite3_exec (db, "DELETE FROM activity_flows; DELETE FROM activity_costs; "
                        "DELETE FROM activity_unit_costs; DELETE FROM activity_reach",
                    NULL, NULL, NULL) != SQLITE_OK)
    return db_error (db, "summarise the activity", error);
  return insert_all (db, "INSERT INTO activity_flows VALUES (?, ?, ?, ?, ?)", flows, bind_flow, error)
         && insert_all (db, "INSERT INTO activity_costs VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", costs, bind_cost, error)
         && insert_all (db, "INSERT INTO activity_unit_costs VALUES (?, ?, ?, ?, ?)", unit_costs,
                        bind_unit_cost, error)
         && insert_all (db, "INSERT INTO activity_reach VALUES (?, ?, ?, ?, ?, ?)", reach,
                        bind_reach, error);
}

/* Feeds @tally every row, in @order. */
static gboolean
tally_rows (sqlite3          *db,
            PcActivityTally  *tally,
            const char       *order,
            GError          **error)
{
  g_autofree char *sql = g_strconcat ("SELECT patient, provider, area, site, stage, day, hrg, "
                                      "activity, quantity, cost, tariff_paid FROM activity "
                                      "ORDER BY ", order, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcActivityRecord record = {
        text (stmt, 0), text (stmt, 1), text (stmt, 2), text (stmt, 3), stage_of (text (stmt, 4)),
        sqlite3_column_int (stmt, 5), text (stmt, 6), PC_ACTIVITY_OTHER,
        sqlite3_column_double (stmt, 8), sqlite3_column_double (stmt, 9),
        sqlite3_column_double (stmt, 10)
      };

      if (!pc_activity_from_string (text (stmt, 7), &record.activity))
        record.activity = PC_ACTIVITY_OTHER;
      if (pc_activity_tally_add (tally, &record))
        rc = SQLITE_OK;
      else if (pc_activity_tally_is_apart (tally))
        rc = SQLITE_DONE;    /* the caller will sort them */
      else
        {
          sqlite3_finalize (stmt);
          g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "could not summarise the activity: "
                       "more than 65,535 sites, providers or areas, or 16 million HRGs");
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || db_error (db, "summarise the activity", error);
}

/* Every row, a patient's together: SQLite sorts on disk past its cache,
 * so memory stays small whatever the activity holds. */
gboolean
_pc_activity_summarise (sqlite3  *db,
                        GError  **error)
{
  g_autoptr(PcActivityTally) tally = pc_activity_tally_new (TRUE);

  if (!tally_rows (db, tally, "site, patient, id", error))
    return FALSE;
  pc_activity_tally_finish (tally);
  return _pc_activity_write_summaries (db, tally, error);
}

gboolean
_pc_activity_tally_rows (sqlite3          *db,
                         PcActivityTally  *tally,
                         GError          **error)
{
  return tally_rows (db, tally, "id", error);
}

/* Every row of a summary @sql selects, its ?1 @provider (NULL for all),
 * each as @read_row makes it. */
static GPtrArray *
read_summary (PcProject       *self,
              const char      *sql,
              const char      *provider,
              gpointer       (*read_row) (sqlite3_stmt *stmt),
              GDestroyNotify   free_row,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, NULL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------ flows */

static gpointer
read_flow (sqlite3_stmt *stmt)
{
  PcFlow *flow = g_new0 (PcFlow, 1);

  flow->area = g_strdup (text (stmt, 0));
  flow->provider = g_strdup (text (stmt, 1));
  flow->patients = (guint64) sqlite3_column_int64 (stmt, 2);
  flow->cost = sqlite3_column_double (stmt, 3);
  flow->tariff_paid = sqlite3_column_double (stmt, 4);
  return flow;
}

GPtrArray *
pc_project_activity_flows (PcProject   *self,
                           const char  *provider,
                           GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  return read_summary (self, "SELECT area, provider, patients, cost, tariff_paid "
                             "FROM activity_flows WHERE ?1 IS NULL OR provider = ?1 "
                             "ORDER BY area, provider", provider, read_flow, (GDestroyNotify) pc_flow_free, error);
}

/* ------------------------------------------------------------------ costs */

static gpointer
read_cost (sqlite3_stmt *stmt)
{
  PcActualCost *cost = g_new0 (PcActualCost, 1);

  cost->site = g_strdup (text (stmt, 0));
  cost->provider = g_strdup (text (stmt, 1));
  cost->stage = stage_of (text (stmt, 2));
  cost->patients = (guint64) sqlite3_column_int64 (stmt, 3);
  cost->mean = sqlite3_column_double (stmt, 4);
  cost->q1 = sqlite3_column_double (stmt, 5);
  cost->median = sqlite3_column_double (stmt, 6);
  cost->q3 = sqlite3_column_double (stmt, 7);
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    cost->mean_by_activity[a] = sqlite3_column_double (stmt, 8 + (int) a);
  return cost;
}

GPtrArray *
pc_project_activity_costs (PcProject   *self,
                           const char  *provider,
                           GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  /* '1' < … < '4' < 'unknown': the order of PcStage */
  return read_summary (self, "SELECT * FROM activity_costs WHERE ?1 IS NULL OR provider = ?1 "
                             "ORDER BY site, provider, stage", provider, read_cost,
                       (GDestroyNotify) pc_actual_cost_free, error);
}

/* ------------------------------------------------------------- compliance */

/* The site's patients of @provider ('' for all): per stage, and per HRG,
 * offset and stage, as "HRG␟offset␟stage" → count ("␟␟stage" for all). */
static GHashTable *
load_reach (PcProject   *self,
            const char  *site,
            const char  *provider,
            GError     **error)
{
  g_autoptr(GHashTable) reach = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT hrg, year_offset, stage, patients "
                                                  "FROM activity_reach WHERE site = ?1 "
                                                  "AND provider = ?2", site, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (reach, g_strdup_printf ("%s" SEP "%d" SEP "%s", text (stmt, 0),
                                                 sqlite3_column_int (stmt, 1), text (stmt, 2)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 3)));
  if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
    return NULL;
  return g_steal_pointer (&reach);
}

static guint64
reach_count (GHashTable *reach,
             const char *hrg,
             int         offset,
             PcStage     stage)
{
  g_autofree char *key = g_strdup_printf ("%s" SEP "%d" SEP "%s", hrg, offset, pc_stage_to_string (stage));

  return GPOINTER_TO_SIZE (g_hash_table_lookup (reach, key));
}

/* Each step at each stage, for the patients @reach counts. */
static GPtrArray *
compliance_rows (const PcPathway *pathway,
                 GHashTable      *reach)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_compliance_free);

  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);

      for (guint s = 0; s < PC_N_STAGES; s++)
        {
          PcCompliance *row = g_new0 (PcCompliance, 1);

          row->step = g_strdup (step->name);
          row->stage = s;
          row->offset = step->year_offset;
          row->measurable = step->tariff_code != NULL;
          row->patients = reach_count (reach, "", 0, s);
          row->expected_share = step->share[s];
          row->actual_share = row->measurable && row->patients > 0
                              ? (double) reach_count (reach, step->tariff_code, step->year_offset, s)
                                / row->patients
                              : NAN;
          g_ptr_array_add (rows, row);
        }
    }
  return rows;
}

/* Compliance with @pathway_name for each of @providers, or with NULL
 * providers for all patients: one array of rows each. */
GPtrArray *
_pc_project_compliance_by_provider (PcProject          *self,
                                    const char         *pathway_name,
                                    const char * const *providers,
                                    GError            **error)
{
  const char * const everyone[] = { "", NULL };
  g_autoptr(PcPathway) pathway = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  pathway = pc_project_load_pathway (self, pathway_name, error);
  if (pathway == NULL)
    return NULL;
  if (providers == NULL)
    providers = everyone;
  for (guint p = 0; providers[p] != NULL; p++)
    {
      g_autoptr(GHashTable) reach = load_reach (self, pathway->site, providers[p], error);

      if (reach == NULL)
        return NULL;
      g_ptr_array_add (results, compliance_rows (pathway, reach));
    }
  return g_steal_pointer (&results);
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

static gpointer
read_unit_cost (sqlite3_stmt *stmt)
{
  PcUnitCost *cost = g_new0 (PcUnitCost, 1);

  cost->provider = g_strdup (text (stmt, 0));
  cost->hrg = g_strdup (text (stmt, 1));
  cost->records = (guint64) sqlite3_column_int64 (stmt, 2);
  cost->quantity = sqlite3_column_double (stmt, 3);
  cost->cost = sqlite3_column_double (stmt, 4);
  cost->mean_unit_cost = cost->quantity > 0 ? cost->cost / cost->quantity : NAN;
  return cost;
}

GPtrArray *
pc_project_activity_unit_costs (PcProject   *self,
                                const char  *provider,
                                GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  return read_summary (self, "SELECT provider, hrg, records, quantity, cost "
                             "FROM activity_unit_costs WHERE ?1 IS NULL OR provider = ?1 "
                             "ORDER BY provider, hrg", provider, read_unit_cost,
                       (GDestroyNotify) pc_unit_cost_free, error);
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
  /* quantities are 0 or more: units exist when their sum is above 0 */
  stmt = _pc_project_prepare (self, "UPDATE pathway_steps SET provider_unit_cost = "
                        "(SELECT cost / quantity FROM activity_unit_costs "
                        " WHERE provider = ?2 AND hrg = pathway_steps.tariff_code) "
                        "WHERE pathway = ?1 AND tariff_code IS NOT NULL AND EXISTS "
                        "(SELECT 1 FROM activity_unit_costs WHERE provider = ?2 "
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
