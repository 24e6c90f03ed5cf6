/* pc-project-scenarios.c: scenarios kept in the project: their checks,
 * loading, saving whole, listing and deleting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"

#define SHARE_TOLERANCE 0.001

static gboolean
row_exists (PcProject   *self,
            const char  *sql,
            const char  *first,
            const char  *second,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (pc_project_get_db (self), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      if (second != NULL)
        sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _pc_project_sqlite_error (self, rc, "read it", error);
  return FALSE;
}

static gboolean
check_value (const PcOverride  *override,
             GError           **error)
{
  const char *name = pc_parameter_to_string (override->parameter);
  double value = override->value;

  switch (override->parameter)
    {
    case PC_PARAMETER_STAGE_SHARE:
    case PC_PARAMETER_STEP_SHARE:
      if (value >= 0 && value <= 1)
        return TRUE;
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "%s: %g is not a share between 0 and 1", name, value);
      return FALSE;
    case PC_PARAMETER_STEP_QUANTITY:
    case PC_PARAMETER_STEP_UNIT_COST:
      if (value >= 0)
        return TRUE;
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "%s: %g is negative", name, value);
      return FALSE;
    case PC_PARAMETER_TREND:
      if (value > -1)
        return TRUE;
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "%s: %g is not an annual change above -1", name, value);
      return FALSE;
    case PC_PARAMETER_INFLATION:
      if (value >= -0.5 && value <= 1)
        return TRUE;
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "%s: %g is not an annual fraction between -0.5 and 1", name, value);
      return FALSE;
    case PC_N_PARAMETERS:
    default:
      g_assert_not_reached ();
    }
}

/* The one check of a scenario change, for pc_project_save_scenario and
 * the import alike; @field gets the part of the change refused. */
static gboolean
check_override (PcProject         *self,
                const PcOverride  *override,
                PcOverrideField   *field,
                GError           **error)
{
  const char *name = pc_parameter_to_string (override->parameter);
  gboolean uses_site = override->parameter == PC_PARAMETER_STAGE_SHARE
                       || override->parameter == PC_PARAMETER_TREND;
  gboolean uses_step = override->parameter == PC_PARAMETER_STEP_QUANTITY
                       || override->parameter == PC_PARAMETER_STEP_SHARE
                       || override->parameter == PC_PARAMETER_STEP_UNIT_COST;
  gboolean uses_stage = override->parameter == PC_PARAMETER_STAGE_SHARE
                        || override->parameter == PC_PARAMETER_STEP_SHARE;
  GError *local = NULL;

  *field = PC_OVERRIDE_VALUE;
  if (isnan (override->value) || !isfinite (override->value))
    g_set_error (&local, PC_ERROR, PC_ERROR_INVALID, "%s: the value is not a number", name);
  else if (uses_site != (override->site != NULL) || uses_step != (override->pathway != NULL)
           || uses_step != (override->step != NULL) || uses_stage != (override->stage >= 0))
    g_set_error (&local, PC_ERROR, PC_ERROR_INVALID,
                 "%s takes %s; leave the other columns empty", name,
                 uses_site ? (uses_stage ? "site and stage" : "site")
                 : uses_step ? (uses_stage ? "pathway, step and stage" : "pathway and step")
                 : "no site, pathway, step or stage");
  else if (uses_site && !row_exists (self, "SELECT 1 FROM sites WHERE code = ?",
                                     override->site, NULL, &local) && local == NULL)
    {
      g_set_error (&local, PC_ERROR, PC_ERROR_NOT_FOUND, "%s: unknown site '%s'", name, override->site);
      *field = PC_OVERRIDE_SITE;
    }
  else if (uses_step && !row_exists (self, "SELECT 1 FROM pathways WHERE name = ?",
                                     override->pathway, NULL, &local) && local == NULL)
    {
      g_set_error (&local, PC_ERROR, PC_ERROR_NOT_FOUND, "%s: unknown pathway '%s'",
                   name, override->pathway);
      *field = PC_OVERRIDE_PATHWAY;
    }
  else if (uses_step && !row_exists (self, "SELECT 1 FROM pathway_steps WHERE pathway = ? AND step = ?",
                                     override->pathway, override->step, &local) && local == NULL)
    {
      g_set_error (&local, PC_ERROR, PC_ERROR_NOT_FOUND, "%s: pathway '%s' has no step '%s'",
                   name, override->pathway, override->step);
      *field = PC_OVERRIDE_STEP;
    }
  else
    check_value (override, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}

/* A site or pathway an investment line is scoped to must exist, and a
 * pathway named with a site must be of that site. */
static gboolean
check_investment_scope (PcProject           *self,
                        const PcInvestment  *investment,
                        GError             **error)
{
  g_auto(GStrv) site_of_pathway = NULL;
  g_auto(GStrv) site = NULL;

  if (investment->site != NULL)
    {
      site = _pc_project_list_names (self, "SELECT code FROM sites WHERE code = ?",
                                     investment->site, "read its sites", error);
      if (site == NULL)
        return FALSE;
      if (site[0] == NULL)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                       "investment '%s': site '%s' is not in the project",
                       investment->name, investment->site);
          return FALSE;
        }
    }
  if (investment->pathway == NULL)
    return TRUE;
  site_of_pathway = _pc_project_list_names (self, "SELECT site FROM pathways WHERE name = ?",
                                            investment->pathway, "read its pathways", error);
  if (site_of_pathway == NULL)
    return FALSE;
  if (site_of_pathway[0] == NULL)
    {
      _pc_project_set_not_found_pathway (self, investment->pathway, error);
      g_prefix_error (error, "investment '%s': ", investment->name);
      return FALSE;
    }
  if (investment->site != NULL && g_strcmp0 (site_of_pathway[0], investment->site) != 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "investment '%s': pathway '%s' is for site '%s', not '%s'", investment->name,
                   investment->pathway, site_of_pathway[0], investment->site);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_investment (PcProject           *self,
                              const PcInvestment  *investment,
                              GError             **error)
{
  if (investment->name == NULL || *investment->name == '\0')
    g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "an investment needs a name");
  else if (investment->funding == NULL || *investment->funding == '\0')
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 "investment '%s' needs a funding stream", investment->name);
  else if (investment->first_year < 1900 || investment->last_year > 2200
           || investment->first_year > investment->last_year)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 "investment '%s': first_year %d and last_year %d are not a span of years",
                 investment->name, investment->first_year, investment->last_year);
  else if (!isfinite (investment->cost_per_year) || investment->cost_per_year < 0)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 "investment '%s': cost_per_year must not be negative", investment->name);
  else
    return check_investment_scope (self, investment, error);
  return FALSE;
}

/* Reads "stage, share" rows into @shares, by stage. */
static gboolean
read_shares (PcProject   *self,
             const char  *sql,
             const char  *first,
             const char  *second,
             double       shares[PC_N_STAGES],
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  PcStage stage;
  int rc = sqlite3_prepare_v2 (pc_project_get_db (self), sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      if (second != NULL)
        sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
    }
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      if (pc_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), &stage))
        shares[stage] = sqlite3_column_double (stmt, 1);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read the stage mix", error);
  return TRUE;
}

/* The stage mix of @site under @scenario — the project's shares with the
 * scenario's stage_share changes over them — must still sum to 1. */
static gboolean
check_scenario_stage_mix (PcProject   *self,
                                      const char  *scenario,
                                      const char  *site,
                                      GError     **error)
{
  double shares[PC_N_STAGES] = { 0, };
  double sum = 0.0;

  if (!read_shares (self, "SELECT stage, share FROM stages WHERE site = ?",
                    site, NULL, shares, error)
      || !read_shares (self, "SELECT stage, value FROM scenario_changes WHERE scenario = ? "
                             "AND site = ? AND parameter = 'stage_share'",
                       scenario, site, shares, error))
    return FALSE;
  for (guint s = 0; s < PC_N_STAGES; s++)
    sum += shares[s];
  if (fabs (sum - 1.0) > SHARE_TOLERANCE)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "scenario '%s': the stage shares of site '%s' sum to %.4f, not 1",
                   scenario, site, sum);
      return FALSE;
    }
  return TRUE;
}

GStrv
pc_project_list_scenarios (PcProject  *self,
                           GError    **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                           "SELECT scenario FROM scenario_changes UNION "
                           "SELECT scenario FROM scenario_investments ORDER BY 1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pc_project_sqlite_error (self, rc, "list its scenarios", error);
      return NULL;
    }
  return g_strv_builder_end (names);
}

static const char *
nonempty (sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
load_changes (PcProject   *self,
              PcScenario  *scenario,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                               "SELECT parameter, site, pathway, step, stage, value "
                               "FROM scenario_changes WHERE scenario = ? "
                               "ORDER BY parameter, site, pathway, step, stage", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, scenario->name, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        PcParameter parameter;
        PcStage stage;
        gboolean has_stage = pc_stage_from_string (nonempty (stmt, 4), &stage);

        if (!pc_parameter_from_string ((const char *) sqlite3_column_text (stmt, 0), &parameter))
          {
            sqlite3_finalize (stmt);
            g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                         "%s is damaged: scenario '%s' has an unknown parameter",
                         pc_project_get_display_name (self), scenario->name);
            return FALSE;
          }
        pc_scenario_add_override (scenario, parameter, nonempty (stmt, 1), nonempty (stmt, 2),
                                  nonempty (stmt, 3), has_stage ? (int) stage : -1,
                                  sqlite3_column_double (stmt, 5));
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read the scenario", error);
  return TRUE;
}

static gboolean
load_investments (PcProject   *self,
                  PcScenario  *scenario,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                               "SELECT name, first_year, last_year, cost_per_year, funding, "
                               "nullif (site, ''), nullif (pathway, '') "
                               "FROM scenario_investments WHERE scenario = ? ORDER BY name",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, scenario->name, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      pc_scenario_add_investment (scenario, (const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                                  sqlite3_column_double (stmt, 3),
                                  (const char *) sqlite3_column_text (stmt, 4),
                                  (const char *) sqlite3_column_text (stmt, 5),
                                  (const char *) sqlite3_column_text (stmt, 6));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read the scenario's investments", error);
  return TRUE;
}

PcScenario *
pc_project_load_scenario (PcProject   *self,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(PcScenario) scenario = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  scenario = pc_scenario_new (name);
  if (!load_changes (self, scenario, error) || !load_investments (self, scenario, error))
    return NULL;
  if (scenario->overrides->len == 0 && scenario->investments->len == 0)
    {
      g_auto(GStrv) known = pc_project_list_scenarios (self, NULL);
      g_autofree char *list = known != NULL ? g_strjoinv (", ", known) : g_strdup ("");

      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "no scenario named '%s' (%s%s)", name,
                   *list != '\0' ? "the project has: " : "the project has none", list);
      return NULL;
    }
  return g_steal_pointer (&scenario);
}

/* ------------------------------------------- the one writer of scenarios */

struct _PcScenarioWriter
{
  PcProject    *project;
  sqlite3_stmt *insert_change;
  sqlite3_stmt *insert_investment;
  sqlite3_stmt *delete_changes;
  sqlite3_stmt *delete_investments;
};

void
pc_scenario_writer_free (PcScenarioWriter *writer)
{
  if (writer == NULL)
    return;
  sqlite3_finalize (writer->insert_change);
  sqlite3_finalize (writer->insert_investment);
  sqlite3_finalize (writer->delete_changes);
  sqlite3_finalize (writer->delete_investments);
  g_clear_object (&writer->project);
  g_free (writer);
}

PcScenarioWriter *
pc_scenario_writer_new (PcProject  *project,
                        GError    **error)
{
  g_autoptr(PcScenarioWriter) writer = g_new0 (PcScenarioWriter, 1);

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);

  writer->project = g_object_ref (project);
  if ((writer->insert_change = _pc_project_prepare (project, "INSERT OR REPLACE INTO scenario_changes "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", NULL, error)) == NULL
      || (writer->insert_investment = _pc_project_prepare (project, "INSERT OR REPLACE INTO "
                                                           "scenario_investments VALUES "
                                                           "(?, ?, ?, ?, ?, ?, ?, ?)", NULL, error)) == NULL
      || (writer->delete_changes = _pc_project_prepare (project, "DELETE FROM scenario_changes "
                                                        "WHERE scenario = ?", NULL, error)) == NULL
      || (writer->delete_investments = _pc_project_prepare (project, "DELETE FROM scenario_investments "
                                                            "WHERE scenario = ?", NULL, error)) == NULL)
    return NULL;
  return g_steal_pointer (&writer);
}

gboolean
pc_scenario_writer_clear (PcScenarioWriter  *writer,
                          const char        *scenario,
                          GError           **error)
{
  g_return_val_if_fail (writer != NULL && scenario != NULL, FALSE);

  sqlite3_bind_text (writer->delete_changes, 1, scenario, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->delete_investments, 1, scenario, -1, SQLITE_TRANSIENT);
  return _pc_project_step_reset (writer->project, writer->delete_changes, "save the scenario",
                                 error)
         && _pc_project_step_reset (writer->project, writer->delete_investments,
                                    "save the scenario", error);
}

gboolean
pc_scenario_writer_check_change (PcScenarioWriter  *writer,
                                 const PcOverride  *override,
                                 PcOverrideField   *field,
                                 GError           **error)
{
  PcOverrideField refused;

  g_return_val_if_fail (writer != NULL && override != NULL, FALSE);
  return check_override (writer->project, override, field != NULL ? field : &refused, error);
}

gboolean
pc_scenario_writer_add_change (PcScenarioWriter  *writer,
                               const char        *scenario,
                               const PcOverride  *override,
                               GError           **error)
{
  sqlite3_stmt *stmt = writer->insert_change;

  g_return_val_if_fail (writer != NULL && scenario != NULL && override != NULL, FALSE);

  sqlite3_bind_text (stmt, 1, scenario, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, pc_parameter_to_string (override->parameter), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, override->site ? override->site : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, override->pathway ? override->pathway : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, override->step ? override->step : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, override->stage >= 0 ? pc_stage_to_string (override->stage) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 7, override->value);
  return _pc_project_step_reset (writer->project, stmt, "save the scenario", error);
}

gboolean
pc_scenario_writer_check_investment (PcScenarioWriter    *writer,
                                     const PcInvestment  *investment,
                                     GError             **error)
{
  g_return_val_if_fail (writer != NULL && investment != NULL, FALSE);
  return check_investment (writer->project, investment, error);
}

gboolean
pc_scenario_writer_add_investment (PcScenarioWriter    *writer,
                                   const char          *scenario,
                                   const PcInvestment  *investment,
                                   GError             **error)
{
  sqlite3_stmt *stmt = writer->insert_investment;

  g_return_val_if_fail (writer != NULL && scenario != NULL && investment != NULL, FALSE);

  sqlite3_bind_text (stmt, 1, scenario, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, investment->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, investment->first_year);
  sqlite3_bind_int (stmt, 4, investment->last_year);
  sqlite3_bind_double (stmt, 5, investment->cost_per_year);
  sqlite3_bind_text (stmt, 6, investment->funding, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, investment->site ? investment->site : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, investment->pathway ? investment->pathway : "", -1, SQLITE_TRANSIENT);
  return _pc_project_step_reset (writer->project, stmt, "save the scenario", error);
}

gboolean
pc_scenario_writer_check_stage_mix (PcScenarioWriter  *writer,
                                    const char        *scenario,
                                    const char        *site,
                                    GError           **error)
{
  g_return_val_if_fail (writer != NULL && scenario != NULL && site != NULL, FALSE);
  return check_scenario_stage_mix (writer->project, scenario, site, error);
}

static gboolean
write_scenario (PcProject         *self,
                const PcScenario  *scenario,
                GError           **error)
{
  g_autoptr(PcScenarioWriter) writer = pc_scenario_writer_new (self, error);
  g_autoptr(GHashTable) sites = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer site;

  if (writer == NULL || !pc_scenario_writer_clear (writer, scenario->name, error))
    return FALSE;
  for (guint i = 0; i < scenario->overrides->len; i++)
    {
      const PcOverride *override = g_ptr_array_index (scenario->overrides, i);

      if (!pc_scenario_writer_check_change (writer, override, NULL, error)
          || !pc_scenario_writer_add_change (writer, scenario->name, override, error))
        {
          g_prefix_error (error, "scenario '%s', change %u: ", scenario->name, i + 1);
          return FALSE;
        }
      if (override->parameter == PC_PARAMETER_STAGE_SHARE)
        g_hash_table_add (sites, override->site);
    }
  for (guint i = 0; i < scenario->investments->len; i++)
    {
      const PcInvestment *investment = g_ptr_array_index (scenario->investments, i);

      if (!pc_scenario_writer_check_investment (writer, investment, error)
          || !pc_scenario_writer_add_investment (writer, scenario->name, investment, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, sites);
  while (g_hash_table_iter_next (&iter, &site, NULL))
    if (!pc_scenario_writer_check_stage_mix (writer, scenario->name, site, error))
      return FALSE;
  return TRUE;
}

gboolean
pc_project_save_scenario (PcProject         *self,
                          const PcScenario  *scenario,
                          GError           **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && scenario->name != NULL, FALSE);

  if (*scenario->name == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  if (!write_scenario (self, scenario, error))
    {
      pc_project_rollback (self);
      return FALSE;
    }
  return pc_project_commit (self, error);
}

gboolean
pc_project_delete_scenario (PcProject   *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(PcScenarioWriter) writer = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  writer = pc_scenario_writer_new (self, error);
  if (writer == NULL || !pc_scenario_writer_clear (writer, name, error))
    {
      pc_project_rollback (self);
      return FALSE;
    }
  return pc_project_commit (self, error);
}

/* ------------------------------------------- editing scenarios in place */

static gboolean
scenario_exists (PcProject   *self,
                 const char  *name,
                 gboolean    *exists,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;

  *exists = row_exists (self, "SELECT 1 FROM scenario_changes WHERE scenario = ?1 UNION ALL "
                        "SELECT 1 FROM scenario_investments WHERE scenario = ?1", name, NULL, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
pc_project_check_scenario_name (PcProject   *self,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *stripped = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (strcmp (stripped, name) != 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "the scenario name '%s' begins or ends with a space", name);
      return FALSE;
    }
  if (!scenario_exists (self, name, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_EXISTS,
                   "the project already has a scenario named '%s'", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_known_scenario (PcProject   *self,
                      const char  *name,
                      GError     **error)
{
  gboolean exists = FALSE;

  if (!scenario_exists (self, name, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "no scenario named '%s'", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_scenario (PcProject   *self,
               const char  *name,
               const char  *new_name,
               gboolean     keep_old,
               GError     **error)
{
  if (!check_known_scenario (self, name, error) || !pc_project_check_scenario_name (self, new_name, error))
    return FALSE;
  if (!keep_old)
    return _pc_project_run (self, "UPDATE scenario_changes SET scenario = ?2 WHERE scenario = ?1",
                            name, new_name, "rename the scenario", error)
           && _pc_project_run (self, "UPDATE scenario_investments SET scenario = ?2 "
                               "WHERE scenario = ?1", name, new_name, "rename the scenario", error);
  return _pc_project_run (self, "INSERT INTO scenario_changes (scenario, parameter, site, pathway, "
                          "step, stage, value) SELECT ?2, parameter, site, pathway, step, stage, "
                          "value FROM scenario_changes WHERE scenario = ?1",
                          name, new_name, "copy the scenario", error)
         && _pc_project_run (self, "INSERT INTO scenario_investments (scenario, name, first_year, "
                             "last_year, cost_per_year, funding, site, pathway) SELECT ?2, name, "
                             "first_year, last_year, cost_per_year, funding, site, pathway "
                             "FROM scenario_investments WHERE scenario = ?1",
                             name, new_name, "copy the scenario", error);
}

gboolean
pc_project_rename_scenario (PcProject   *self,
                            const char  *name,
                            const char  *new_name,
                            GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && new_name != NULL, FALSE);

  if (strcmp (name, new_name) == 0)
    return TRUE;
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, copy_scenario (self, name, new_name, FALSE, error), error);
}

gboolean
pc_project_duplicate_scenario (PcProject   *self,
                               const char  *name,
                               const char  *new_name,
                               GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && new_name != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, copy_scenario (self, name, new_name, TRUE, error), error);
}

/* Deletes the change of @change's key; a stage_share change, every stage
 * share of its site. */
static gboolean
delete_change (PcProject         *self,
               const char        *scenario,
               const PcOverride  *change,
               GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean whole_mix = change->parameter == PC_PARAMETER_STAGE_SHARE;

  stmt = _pc_project_prepare (self, whole_mix
                              ? "DELETE FROM scenario_changes WHERE scenario = ?1 AND parameter = ?2 "
                                "AND site = ?3"
                              : "DELETE FROM scenario_changes WHERE scenario = ?1 AND parameter = ?2 "
                                "AND site = ?3 AND pathway = ?4 AND step = ?5 AND stage = ?6",
                              scenario, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, pc_parameter_to_string (change->parameter), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->site != NULL ? change->site : "", -1, SQLITE_TRANSIENT);
  if (!whole_mix)
    {
      sqlite3_bind_text (stmt, 4, change->pathway != NULL ? change->pathway : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, change->step != NULL ? change->step : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, change->stage >= 0 ? pc_stage_to_string (change->stage) : "",
                         -1, SQLITE_STATIC);
    }
  return _pc_project_finish (self, stmt, sqlite3_step (stmt), "change the scenario", error);
}

static gboolean
set_change (PcProject         *self,
            const char        *scenario,
            const PcOverride  *replacing,
            const PcOverride  *change,
            PcOverrideField   *field,
            GError           **error)
{
  g_autoptr(PcScenarioWriter) writer = NULL;

  if (change->parameter == PC_PARAMETER_STAGE_SHARE)
    {
      *field = PC_OVERRIDE_VALUE;
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID,
                           "stage_share: a site's stage shares change together, as a stage mix");
      return FALSE;
    }
  writer = pc_scenario_writer_new (self, error);
  return writer != NULL
         && (replacing == NULL || delete_change (self, scenario, replacing, error))
         && pc_scenario_writer_check_change (writer, change, field, error)
         && pc_scenario_writer_add_change (writer, scenario, change, error);
}

gboolean
pc_project_set_scenario_change (PcProject         *self,
                                const char        *scenario,
                                const PcOverride  *replacing,
                                const PcOverride  *change,
                                PcOverrideField   *field,
                                GError           **error)
{
  PcOverrideField refused;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && change != NULL, FALSE);

  if (field == NULL)
    field = &refused;
  *field = PC_OVERRIDE_VALUE;
  if (*scenario == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, set_change (self, scenario, replacing, change, field, error), error);
}

gboolean
pc_project_remove_scenario_change (PcProject         *self,
                                   const char        *scenario,
                                   const PcOverride  *change,
                                   GError           **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && change != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, delete_change (self, scenario, change, error), error);
}

gboolean
pc_project_get_scenario_stage_mix (PcProject   *self,
                                   const char  *scenario,
                                   const char  *site,
                                   double       mix[PC_N_STAGES],
                                   GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && site != NULL, FALSE);

  for (guint s = 0; s < PC_N_STAGES; s++)
    mix[s] = 0.0;
  return read_shares (self, "SELECT stage, share FROM stages WHERE site = ?", site, NULL, mix, error)
         && read_shares (self, "SELECT stage, value FROM scenario_changes WHERE scenario = ? "
                         "AND site = ? AND parameter = 'stage_share'", scenario, site, mix, error);
}

/* Replaces @site's stage shares in @scenario by @mix, checked whole. */
static gboolean
write_stage_mix (PcProject     *self,
                 const char    *scenario,
                 const char    *site,
                 const double   mix[PC_N_STAGES],
                 GError       **error)
{
  g_autoptr(PcScenarioWriter) writer = pc_scenario_writer_new (self, error);
  PcOverride whole = { PC_PARAMETER_STAGE_SHARE, (char *) site, NULL, NULL, -1, 0 };

  if (writer == NULL || !delete_change (self, scenario, &whole, error))
    return FALSE;
  for (int s = 0; s < PC_N_STAGES; s++)
    {
      PcOverride share = { PC_PARAMETER_STAGE_SHARE, (char *) site, NULL, NULL, s, mix[s] };

      if (!pc_scenario_writer_check_change (writer, &share, NULL, error)
          || !pc_scenario_writer_add_change (writer, scenario, &share, error))
        {
          g_prefix_error (error, "stage %s: ", pc_stage_to_string (s));
          return FALSE;
        }
    }
  return pc_scenario_writer_check_stage_mix (writer, scenario, site, error);
}

gboolean
pc_project_set_scenario_stage_mix (PcProject     *self,
                                   const char    *scenario,
                                   const char    *site,
                                   const double   mix[PC_N_STAGES],
                                   GError       **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && site != NULL, FALSE);

  if (*scenario == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, write_stage_mix (self, scenario, site, mix, error), error);
}

static gboolean
shift_stages (PcProject   *self,
              const char  *scenario,
              const char  *site,
              double       fraction,
              GError     **error)
{
  g_autoptr(PcScenario) shifted = pc_scenario_new (scenario);
  double mix[PC_N_STAGES];

  if (!pc_project_get_scenario_stage_mix (self, scenario, site, mix, error))
    return FALSE;
  pc_scenario_add_stage_shift (shifted, site, mix, fraction, PC_STAGE_3, PC_STAGE_4,
                               PC_STAGE_1, PC_STAGE_2);
  for (guint i = 0; i < shifted->overrides->len; i++)
    {
      const PcOverride *share = g_ptr_array_index (shifted->overrides, i);

      mix[share->stage] = share->value;
    }
  return write_stage_mix (self, scenario, site, mix, error);
}

gboolean
pc_project_shift_scenario_stages (PcProject   *self,
                                  const char  *scenario,
                                  const char  *site,
                                  double       fraction,
                                  GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && site != NULL, FALSE);

  if (!(fraction >= 0 && fraction <= 1))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "the fraction moved, %g, is not between 0 and 1", fraction);
      return FALSE;
    }
  if (*scenario == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, shift_stages (self, scenario, site, fraction, error), error);
}

static gboolean
set_investment (PcProject           *self,
                const char          *scenario,
                const char          *replacing,
                const PcInvestment  *investment,
                GError             **error)
{
  g_autoptr(PcScenarioWriter) writer = pc_scenario_writer_new (self, error);
  g_autoptr(GError) local = NULL;

  if (writer == NULL)
    return FALSE;
  if (replacing != NULL
      && !_pc_project_run (self, "DELETE FROM scenario_investments WHERE scenario = ?1 AND name = ?2",
                           scenario, replacing, "change the scenario", error))
    return FALSE;
  if (investment->name != NULL
      && row_exists (self, "SELECT 1 FROM scenario_investments WHERE scenario = ? AND name = ?",
                     scenario, investment->name, &local))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_EXISTS,
                   "scenario '%s' already has an investment line named '%s'",
                   scenario, investment->name);
      return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return pc_scenario_writer_check_investment (writer, investment, error)
         && pc_scenario_writer_add_investment (writer, scenario, investment, error);
}

gboolean
pc_project_set_scenario_investment (PcProject           *self,
                                    const char          *scenario,
                                    const char          *replacing,
                                    const PcInvestment  *investment,
                                    GError             **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && investment != NULL, FALSE);

  if (*scenario == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a scenario needs a name");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, set_investment (self, scenario, replacing, investment, error), error);
}

gboolean
pc_project_remove_scenario_investment (PcProject   *self,
                                       const char  *scenario,
                                       const char  *name,
                                       GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (scenario != NULL && name != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, _pc_project_run (self, "DELETE FROM scenario_investments "
                                          "WHERE scenario = ?1 AND name = ?2", scenario, name,
                                          "change the scenario", error), error);
}
