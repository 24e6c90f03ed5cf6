/* pc-project-pathways.c: editing a pathway's steps one at a time (the
 * window's pathway editor), each edit one change the undo history can hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-project-private.h"

/* The columns both the insert and the update bind, as ?1 … ?17. */
#define STEP_VALUES \
  "phase = ?3, year_offset = ?4, basis = ?5, step = ?6, activity = ?7, tariff_code = ?8, " \
  "local_unit_cost = ?9, quantity = ?10, stage_1 = ?11, stage_2 = ?12, stage_3 = ?13, " \
  "stage_4 = ?14, stage_unknown = ?15, funding = ?16, provider_unit_cost = ?17"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Whether @code is in the tariffs: looked up in @tariffs when the caller
 * read them once (an import), else in the table. */
static gboolean
tariff_known (PcProject   *self,
              GHashTable  *tariffs,
              const char  *code,
              gboolean    *known,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (tariffs != NULL)
    {
      *known = g_hash_table_contains (tariffs, code);
      return TRUE;
    }
  stmt = _pc_project_prepare (self, "SELECT 1 FROM tariffs WHERE code = ?", code, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read its tariffs", error);
  *known = rc == SQLITE_ROW;
  return TRUE;
}

/* The rules every step written to the project meets, whoever writes it:
 * the model's (pc_step_check), then the project's: a basis and activity
 * Pathcost knows, a phase and a funding stream, a tariff code that is in
 * the tariffs.  A blank tariff code is none.  @field gets the field
 * refused. */
static gboolean
check_step_rules (PcProject     *self,
                  GHashTable    *tariffs,
                  const PcStep  *step,
                  PcStepField   *field,
                  GError       **error)
{
  PcStep as_written = *step;
  gboolean known = TRUE;

  if (is_blank (step->tariff_code))
    as_written.tariff_code = NULL;
  if (!pc_step_check (&as_written, field, error))
    return FALSE;
  if (step->basis >= PC_N_BASES || step->activity >= PC_N_ACTIVITIES)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "step '%s': the %s is not one Pathcost knows", step->name,
                   step->basis >= PC_N_BASES ? "basis" : "activity");
      *field = step->basis >= PC_N_BASES ? PC_STEP_FIELD_BASIS : PC_STEP_FIELD_ACTIVITY;
      return FALSE;
    }
  if (is_blank (step->phase) || is_blank (step->funding))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "step '%s': %s must not be empty",
                   step->name, is_blank (step->phase) ? "phase" : "funding");
      *field = is_blank (step->phase) ? PC_STEP_FIELD_PHASE : PC_STEP_FIELD_FUNDING;
      return FALSE;
    }
  if (as_written.tariff_code != NULL
      && !tariff_known (self, tariffs, as_written.tariff_code, &known, error))
    return FALSE;
  if (!known)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "step '%s': unknown tariff code '%s' (import tariffs first)",
                   step->name, step->tariff_code);
      *field = PC_STEP_FIELD_TARIFF_CODE;
      return FALSE;
    }
  return TRUE;
}

/* check_step_rules for one step about to be written to @pathway, and no
 * second step of the same name, year and basis; @keep_position is the row
 * being replaced (not a duplicate of itself), or -1 for a new step. */
static gboolean
check_step (PcProject     *self,
            const char    *pathway,
            const PcStep  *step,
            gint64         keep_position,
            GError       **error)
{
  PcStep as_written = *step;
  PcStepField field;
  sqlite3_stmt *stmt;
  int rc;

  /* An edited step's local cost is ignored when it has a tariff code. */
  if (!is_blank (step->tariff_code))
    as_written.local_unit_cost = NAN;
  if (!check_step_rules (self, NULL, &as_written, &field, error))
    {
      if (error != NULL && *error != NULL && (*error)->code == PC_ERROR_INVALID)
        g_prefix_error (error, "pathway '%s': ", pathway);
      return FALSE;
    }

  /* An import refuses a second row with the same step, year and basis:
   * scenario changes and the risk register could not tell them apart. */
  stmt = _pc_project_prepare (self, "SELECT 1 FROM pathway_steps WHERE pathway = ?1 AND step = ?2 "
                              "AND year_offset = ?3 AND basis = ?4 AND position IS NOT ?5",
                              pathway, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 2, step->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, step->year_offset);
  sqlite3_bind_text (stmt, 4, pc_basis_to_string (step->basis), -1, SQLITE_STATIC);
  if (keep_position >= 0)
    sqlite3_bind_int64 (stmt, 5, keep_position);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "pathway '%s' already has a step '%s' in year %d for each %s",
                   pathway, step->name, step->year_offset, pc_basis_to_string (step->basis));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return _pc_project_sqlite_error (self, rc, "read the pathway's steps", error);
  return TRUE;
}

/* The positions of @pathway's steps, in order; NULL (and an error naming
 * it) when there is no such pathway. */
static GArray *
read_positions (PcProject   *self,
                const char  *pathway,
                GError     **error)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _pc_project_prepare (self, "SELECT 1 FROM pathways WHERE name = ?", pathway, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    {
      _pc_project_set_not_found_pathway (self, pathway, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _pc_project_sqlite_error (self, rc, "read the pathway", error);
      return NULL;
    }

  stmt = _pc_project_prepare (self, "SELECT position FROM pathway_steps WHERE pathway = ? "
                              "ORDER BY position", pathway, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 position = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (positions, position);
    }
  if (!_pc_project_finish (self, stmt, rc, "read the pathway's steps", error))
    return NULL;
  return g_steal_pointer (&positions);
}

static gboolean
check_index (const char  *pathway,
             guint        index,
             guint        n_steps,
             guint        limit,
             GError     **error)
{
  if (index < limit)
    return TRUE;
  g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
               "pathway '%s' has no step number %u (it has %u step%s)",
               pathway, index + 1, n_steps, n_steps == 1 ? "" : "s");
  return FALSE;
}

/* Moves the steps at @from[k] to @to[k].  Every position is checked as
 * each row changes, so the rows pass through positions below any the
 * pathway uses (no two rows ever share one) before taking their new one. */
static gboolean
reposition (PcProject    *self,
            const char   *pathway,
            gint64        lowest,
            const gint64 *from,
            const gint64 *to,
            guint         n,
            GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 parking;
  int rc = SQLITE_DONE;

  if (n == 0)
    return TRUE;
  if (MIN (lowest, 0) < G_MININT64 + (gint64) n + 1)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED, "%s is damaged: pathway '%s' has a step "
                   "at an impossible position", pc_project_get_display_name (self), pathway);
      return FALSE;
    }
  parking = MIN (lowest, 0) - 1;
  stmt = _pc_project_prepare (self, "UPDATE pathway_steps SET position = ?2 "
                              "WHERE pathway = ?1 AND position = ?3", pathway, error);
  if (stmt == NULL)
    return FALSE;
  for (guint pass = 0; pass < 2 && rc == SQLITE_DONE; pass++)
    for (guint k = 0; k < n && rc == SQLITE_DONE; k++)
      {
        gint64 parked = parking - (gint64) k;

        sqlite3_bind_int64 (stmt, 2, pass == 0 ? parked : to[k]);
        sqlite3_bind_int64 (stmt, 3, pass == 0 ? from[k] : parked);
        rc = sqlite3_step (stmt);
        sqlite3_reset (stmt);
      }
  return _pc_project_finish (self, stmt, rc, "reorder the pathway's steps", error);
}

static void
bind_optional_double (sqlite3_stmt *stmt,
                      int           index,
                      gboolean      has_value,
                      double        value)
{
  if (has_value)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds STEP_VALUES' parameters ?3 … ?17 to @step's fields: a blank
 * tariff code and a NaN local cost as none. */
static void
bind_step_values (sqlite3_stmt *stmt,
                  const PcStep *step)
{
  gboolean has_tariff = !is_blank (step->tariff_code);

  sqlite3_bind_text (stmt, 3, step->phase, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, step->year_offset);
  sqlite3_bind_text (stmt, 5, pc_basis_to_string (step->basis), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, step->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, pc_activity_to_string (step->activity), -1, SQLITE_STATIC);
  if (has_tariff)
    sqlite3_bind_text (stmt, 8, step->tariff_code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
  bind_optional_double (stmt, 9, !isnan (step->local_unit_cost), step->local_unit_cost);
  sqlite3_bind_double (stmt, 10, step->quantity);
  for (guint s = 0; s < PC_N_STAGES; s++)
    sqlite3_bind_double (stmt, 11 + s, step->share[s]);
  sqlite3_bind_text (stmt, 16, step->funding, -1, SQLITE_TRANSIENT);
  bind_optional_double (stmt, 17, step->has_provider_unit_cost, step->provider_unit_cost);
}

#define INSERT_STEP \
  "INSERT INTO pathway_steps (pathway, position, phase, year_offset, basis, step, activity, " \
  "tariff_code, local_unit_cost, quantity, stage_1, stage_2, stage_3, stage_4, stage_unknown, " \
  "funding, provider_unit_cost) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"

/* Runs @sql (an insert or an update with STEP_VALUES' parameters) for
 * @step at @position of @pathway. */
static gboolean
write_step (PcProject     *self,
            const char    *sql,
            const char    *pathway,
            gint64         position,
            const PcStep  *step,
            GError       **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, pathway, error);
  PcStep as_written = *step;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* An edited step costs either its tariff or its local cost, never both. */
  if (!is_blank (step->tariff_code))
    as_written.local_unit_cost = NAN;
  sqlite3_bind_int64 (stmt, 2, position);
  bind_step_values (stmt, &as_written);
  rc = sqlite3_step (stmt);
  return _pc_project_finish (self, stmt, rc, "save the step", error);
}

static gboolean
update_step (PcProject     *self,
             const char    *pathway,
             guint          index,
             const PcStep  *step,
             GError       **error)
{
  g_autoptr(GArray) positions = read_positions (self, pathway, error);
  gint64 position;

  if (positions == NULL || !check_index (pathway, index, positions->len, positions->len, error))
    return FALSE;
  position = g_array_index (positions, gint64, index);
  return check_step (self, pathway, step, position, error)
         && write_step (self, "UPDATE pathway_steps SET " STEP_VALUES
                        " WHERE pathway = ?1 AND position = ?2", pathway, position, step, error);
}

gboolean
pc_project_update_step (PcProject     *self,
                        const char    *pathway,
                        guint          index,
                        const PcStep  *step,
                        GError       **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pathway != NULL && step != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, update_step (self, pathway, index, step, error), error);
}

static gboolean
insert_step (PcProject     *self,
             const char    *pathway,
             guint          index,
             const PcStep  *step,
             GError       **error)
{
  g_autoptr(GArray) positions = read_positions (self, pathway, error);
  g_autofree gint64 *from = NULL;
  g_autofree gint64 *to = NULL;
  const gint64 *at;
  guint n_moving;
  gint64 slot;

  if (positions == NULL || !check_index (pathway, index, positions->len, positions->len + 1, error)
      || !check_step (self, pathway, step, -1, error))
    return FALSE;

  /* The steps from @index on each take the next one's position, the last
   * one past the end, which leaves @index's position for the new step. */
  at = &g_array_index (positions, gint64, 0);
  n_moving = positions->len - index;
  if (positions->len == 0)
    slot = 0;
  else if (at[positions->len - 1] == G_MAXINT64)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED, "%s is damaged: pathway '%s' has a step "
                   "at an impossible position", pc_project_get_display_name (self), pathway);
      return FALSE;
    }
  else
    slot = index < positions->len ? at[index] : at[positions->len - 1] + 1;
  from = g_new (gint64, MAX (n_moving, 1));
  to = g_new (gint64, MAX (n_moving, 1));
  for (guint k = 0; k < n_moving; k++)
    {
      guint i = positions->len - 1 - k;

      from[k] = at[i];
      to[k] = i + 1 < positions->len ? at[i + 1] : at[i] + 1;
    }
  return reposition (self, pathway, positions->len > 0 ? at[0] : 0, from, to, n_moving, error)
         && write_step (self, INSERT_STEP, pathway, slot, step, error);
}

gboolean
pc_project_insert_step (PcProject     *self,
                        const char    *pathway,
                        guint          index,
                        const PcStep  *step,
                        GError       **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pathway != NULL && step != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, insert_step (self, pathway, index, step, error), error);
}

static gboolean
delete_step (PcProject   *self,
             const char  *pathway,
             guint        index,
             GError     **error)
{
  g_autoptr(GArray) positions = read_positions (self, pathway, error);
  sqlite3_stmt *stmt;
  int rc;

  if (positions == NULL || !check_index (pathway, index, positions->len, positions->len, error))
    return FALSE;
  /* Positions need not follow one another: the others stay where they are. */
  stmt = _pc_project_prepare (self, "DELETE FROM pathway_steps WHERE pathway = ?1 AND position = ?2",
                              pathway, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, g_array_index (positions, gint64, index));
  rc = sqlite3_step (stmt);
  return _pc_project_finish (self, stmt, rc, "delete the step", error);
}

gboolean
pc_project_delete_step (PcProject   *self,
                        const char  *pathway,
                        guint        index,
                        GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pathway != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, delete_step (self, pathway, index, error), error);
}

static gboolean
move_step (PcProject   *self,
           const char  *pathway,
           guint        from_index,
           guint        to_index,
           GError     **error)
{
  g_autoptr(GArray) positions = read_positions (self, pathway, error);
  g_autofree gint64 *from = NULL;
  g_autofree gint64 *to = NULL;
  const gint64 *at;
  guint low, high, n;

  if (positions == NULL
      || !check_index (pathway, from_index, positions->len, positions->len, error)
      || !check_index (pathway, to_index, positions->len, positions->len, error))
    return FALSE;
  if (from_index == to_index)
    return TRUE;

  /* The steps keep the same set of positions: the moved one takes
   * @to_index's, and those between shift one place towards @from_index. */
  at = &g_array_index (positions, gint64, 0);
  low = MIN (from_index, to_index);
  high = MAX (from_index, to_index);
  n = high - low + 1;
  from = g_new (gint64, n);
  to = g_new (gint64, n);
  for (guint k = 0; k < n; k++)
    {
      guint i = low + k;

      from[k] = at[i];
      if (i == from_index)
        to[k] = at[to_index];
      else
        to[k] = from_index < to_index ? at[i - 1] : at[i + 1];
    }
  return reposition (self, pathway, at[0], from, to, n, error);
}

gboolean
pc_project_move_step (PcProject   *self,
                      const char  *pathway,
                      guint        from,
                      guint        to,
                      GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (pathway != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, move_step (self, pathway, from, to, error), error);
}

GStrv
pc_project_list_tariff_codes (PcProject  *self,
                              GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return _pc_project_list_names (self, "SELECT code FROM tariffs ORDER BY code", NULL,
                                 "list its tariffs", error);
}

gboolean
pc_project_describe_tariff (PcProject   *self,
                            const char  *code,
                            char       **description,
                            char       **unit,
                            int         *year,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  *description = *unit = NULL;
  *year = 0;
  stmt = _pc_project_prepare (self, "SELECT description, unit, year FROM tariffs WHERE code = ?",
                              code, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *description = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *unit = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *year = sqlite3_column_int (stmt, 2);
      rc = SQLITE_DONE;
    }
  return _pc_project_finish (self, stmt, rc, "read its tariffs", error);
}

char *
pc_project_find_best_practice (PcProject  *self,
                               const char *site)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (site != NULL, NULL);

  names = _pc_project_list_names (self, "SELECT name FROM pathways WHERE site = ? "
                                  "AND kind = 'best_practice' ORDER BY name LIMIT 1", site,
                                  "read its pathways", NULL);
  return names != NULL && names[0] != NULL ? g_strdup (names[0]) : NULL;
}

GStrv
pc_project_list_pathways_for_site (PcProject   *self,
                                   const char  *site,
                                   GError     **error)
{
  g_auto(GStrv) sites = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (site != NULL, NULL);

  sites = _pc_project_list_names (self, "SELECT code FROM sites WHERE code = ?", site,
                                  "list its sites", error);
  if (sites == NULL)
    return NULL;
  if (sites[0] == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "no site '%s' in %s", site,
                   pc_project_get_display_name (self));
      return NULL;
    }
  return _pc_project_list_names (self, "SELECT name FROM pathways WHERE site = ? "
                                 "ORDER BY kind <> 'best_practice', kind, name", site,
                                 "list its pathways", error);
}

/* ------------------------------------------------ writing whole pathways */

struct _PcPathwayWriter
{
  PcProject    *project;
  sqlite3_stmt *insert_pathway;
  sqlite3_stmt *delete_steps;
  sqlite3_stmt *insert_step;
  GHashTable   *tariffs;        /* code → TRUE, read once */
};

void
pc_pathway_writer_free (PcPathwayWriter *writer)
{
  if (writer == NULL)
    return;
  sqlite3_finalize (writer->insert_pathway);
  sqlite3_finalize (writer->delete_steps);
  sqlite3_finalize (writer->insert_step);
  g_clear_pointer (&writer->tariffs, g_hash_table_unref);
  g_clear_object (&writer->project);
  g_free (writer);
}

PcPathwayWriter *
pc_pathway_writer_new (PcProject  *project,
                       GError    **error)
{
  g_autoptr(PcPathwayWriter) writer = g_new0 (PcPathwayWriter, 1);
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);

  writer->project = g_object_ref (project);
  writer->insert_pathway = _pc_project_prepare (project, "INSERT OR REPLACE INTO pathways "
                                                "VALUES (?, ?, ?, ?)", NULL, error);
  if (writer->insert_pathway == NULL)
    return NULL;
  writer->delete_steps = _pc_project_prepare (project, "DELETE FROM pathway_steps WHERE pathway = ?",
                                              NULL, error);
  if (writer->delete_steps == NULL)
    return NULL;
  writer->insert_step = _pc_project_prepare (project, INSERT_STEP, NULL, error);
  if (writer->insert_step == NULL)
    return NULL;
  codes = pc_project_list_tariff_codes (project, error);
  if (codes == NULL)
    return NULL;
  writer->tariffs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; codes[i] != NULL; i++)
    g_hash_table_add (writer->tariffs, g_steal_pointer (&codes[i]));
  return g_steal_pointer (&writer);
}

gboolean
pc_pathway_writer_replace (PcPathwayWriter  *writer,
                           const char       *name,
                           const char       *site,
                           PcPathwayKind     kind,
                           const char       *provider,
                           GError          **error)
{
  g_return_val_if_fail (writer != NULL && name != NULL && site != NULL, FALSE);

  sqlite3_bind_text (writer->delete_steps, 1, name, -1, SQLITE_TRANSIENT);
  if (!_pc_project_step_reset (writer->project, writer->delete_steps, "replace the pathway",
                               error))
    return FALSE;
  sqlite3_bind_text (writer->insert_pathway, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->insert_pathway, 2, site, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->insert_pathway, 3, pc_kind_to_string (kind), -1, SQLITE_STATIC);
  if (!is_blank (provider))
    sqlite3_bind_text (writer->insert_pathway, 4, provider, -1, SQLITE_TRANSIENT);
  return _pc_project_step_reset (writer->project, writer->insert_pathway, "save the pathway",
                                 error);
}

gboolean
pc_pathway_writer_check_step (PcPathwayWriter  *writer,
                              const PcStep     *step,
                              PcStepField      *field,
                              GError          **error)
{
  PcStepField refused;

  g_return_val_if_fail (writer != NULL && step != NULL, FALSE);

  return check_step_rules (writer->project, writer->tariffs, step,
                           field != NULL ? field : &refused, error);
}

gboolean
pc_pathway_writer_add_step (PcPathwayWriter  *writer,
                            const char       *pathway,
                            gint64            position,
                            const PcStep     *step,
                            GError          **error)
{
  g_return_val_if_fail (writer != NULL && pathway != NULL && step != NULL, FALSE);

  sqlite3_bind_text (writer->insert_step, 1, pathway, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (writer->insert_step, 2, position);
  bind_step_values (writer->insert_step, step);
  return _pc_project_step_reset (writer->project, writer->insert_step, "save the step", error);
}

/* ------------------------------------- creating, renaming and deleting */

gboolean
_pc_project_run (PcProject   *self,
           const char  *sql,
           const char  *first,
           const char  *second,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, first, error);

  if (stmt == NULL)
    return FALSE;
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  return _pc_project_finish (self, stmt, sqlite3_step (stmt), doing, error);
}

/* Whether @sql, with @code bound, returns a row. */
static gboolean
has_row (PcProject   *self,
         const char  *sql,
         const char  *code,
         gboolean    *found,
         GError     **error)
{
  g_auto(GStrv) names = _pc_project_list_names (self, sql, code, "read it", error);

  if (names == NULL)
    return FALSE;
  *found = names[0] != NULL;
  return TRUE;
}

/* Whether the project has a pathway named @name. */
static gboolean
has_pathway (PcProject   *self,
             const char  *name,
             gboolean    *found,
             GError     **error)
{
  return has_row (self, "SELECT name FROM pathways WHERE name = ?", name, found, error);
}

/* FALSE, with the error naming the pathways there are, unless the project
 * has a pathway named @name. */
static gboolean
require_pathway (PcProject   *self,
                 const char  *name,
                 GError     **error)
{
  gboolean found = FALSE;

  if (!has_pathway (self, name, &found, error))
    return FALSE;
  return found || _pc_project_set_not_found_pathway (self, name, error);
}

/* A new pathway's name: not blank, not spaces at either end (the CLI
 * takes it as typed), not one the project has. */
static gboolean
check_new_pathway_name (PcProject   *self,
                        const char  *name,
                        GError     **error)
{
  gboolean taken = FALSE;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "a pathway needs a name");
      return FALSE;
    }
  if (strcmp (stripped, name) != 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "the pathway name '%s' begins or ends with a space", name);
      return FALSE;
    }
  if (!has_pathway (self, name, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_EXISTS,
                   "the project already has a pathway named '%s'", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_site_and_provider (PcProject   *self,
                         const char  *site,
                         const char  *provider,
                         GError     **error)
{
  gboolean found = FALSE;

  if (!has_row (self, "SELECT code FROM sites WHERE code = ?", site, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "unknown site '%s'", site);
      return FALSE;
    }
  if (is_blank (provider))
    return TRUE;
  if (!has_row (self, "SELECT code FROM providers WHERE code = ?", provider, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "unknown provider '%s' (import providers first)", provider);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_pathway (PcProject     *self,
                const char    *name,
                const char    *site,
                PcPathwayKind  kind,
                const char    *provider,
                const char    *copy_from,
                GError       **error)
{
  g_autoptr(PcPathwayWriter) writer = NULL;
  g_auto(GStrv) source_site = NULL;

  if (!check_new_pathway_name (self, name, error))
    return FALSE;
  if (copy_from != NULL)
    {
      source_site = _pc_project_list_names (self, "SELECT site FROM pathways WHERE name = ?",
                                            copy_from, "read its pathways", error);
      if (source_site == NULL)
        return FALSE;
      if (source_site[0] == NULL)
        return _pc_project_set_not_found_pathway (self, copy_from, error);
      site = source_site[0];
    }
  if (!check_site_and_provider (self, site, provider, error))
    return FALSE;
  writer = pc_pathway_writer_new (self, error);
  if (writer == NULL || !pc_pathway_writer_replace (writer, name, site, kind, provider, error))
    return FALSE;
  if (copy_from == NULL)
    return TRUE;
  /* The copy keeps every column as stored, positions too. */
  return _pc_project_run (self, "INSERT INTO pathway_steps (pathway, position, phase, year_offset, basis, "
                    "step, activity, tariff_code, local_unit_cost, quantity, stage_1, stage_2, "
                    "stage_3, stage_4, stage_unknown, funding, provider_unit_cost) SELECT ?2, position, phase, year_offset, "
                    "basis, step, activity, tariff_code, local_unit_cost, quantity, stage_1, "
                    "stage_2, stage_3, stage_4, stage_unknown, funding, provider_unit_cost "
                    "FROM pathway_steps WHERE pathway = ?1 ORDER BY position",
                    copy_from, name, "copy the pathway's steps", error);
}

/* create_pathway as one change, refused for a best-practice pathway with
 * a provider. */
static gboolean
add_pathway (PcProject     *self,
             const char    *name,
             const char    *site,
             PcPathwayKind  kind,
             const char    *provider,
             const char    *copy_from,
             GError       **error)
{
  if (kind == PC_KIND_BEST_PRACTICE && !is_blank (provider))
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID,
                           "a best-practice pathway belongs to no provider");
      return FALSE;
    }
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, create_pathway (self, name, site, kind, provider, copy_from, error), error);
}

gboolean
pc_project_create_pathway (PcProject     *self,
                           const char    *name,
                           const char    *site,
                           PcPathwayKind  kind,
                           const char    *provider,
                           GError       **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && site != NULL, FALSE);

  return add_pathway (self, name, site, kind, provider, NULL, error);
}

gboolean
pc_project_copy_pathway (PcProject     *self,
                         const char    *from,
                         const char    *name,
                         PcPathwayKind  kind,
                         const char    *provider,
                         GError       **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (from != NULL && name != NULL, FALSE);

  return add_pathway (self, name, "", kind, provider, from, error);
}

static gboolean
rename_pathway (PcProject   *self,
                const char  *name,
                const char  *new_name,
                GError     **error)
{
  static const char *const updates[] = {
    "UPDATE pathways SET name = ?2 WHERE name = ?1",
    "UPDATE pathway_steps SET pathway = ?2 WHERE pathway = ?1",
    "UPDATE scenario_changes SET pathway = ?2 WHERE pathway = ?1",
    "UPDATE scenario_investments SET pathway = ?2 WHERE pathway = ?1",
    "UPDATE risk_register SET pathway = ?2 WHERE pathway = ?1",
  };

  if (!require_pathway (self, name, error))
    return FALSE;
  if (!check_new_pathway_name (self, new_name, error))
    return FALSE;
  /* Scenarios and the risk register name the pathway: they follow it. */
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    if (!_pc_project_run (self, updates[i], name, new_name, "rename the pathway", error))
      return FALSE;
  return TRUE;
}

gboolean
pc_project_rename_pathway (PcProject   *self,
                           const char  *name,
                           const char  *new_name,
                           GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && new_name != NULL, FALSE);

  if (g_strcmp0 (name, new_name) == 0)
    return TRUE;
  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, rename_pathway (self, name, new_name, error), error);
}

static gboolean
delete_pathway (PcProject   *self,
                const char  *name,
                GError     **error)
{
  g_auto(GStrv) users = NULL;

  if (!require_pathway (self, name, error))
    return FALSE;
  /* A scenario's change would be refused once its step is gone: the user
   * removes those first, knowing which. */
  users = _pc_project_list_names (self, "SELECT scenario FROM scenario_changes WHERE pathway = ?1 "
                                  "UNION SELECT scenario FROM scenario_investments "
                                  "WHERE pathway = ?1 ORDER BY 1", name, "read its scenarios", error);
  if (users == NULL)
    return FALSE;
  if (users[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("', '", users);

      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "pathway '%s' is used by scenario '%s'; remove its changes there first",
                   name, list);
      return FALSE;
    }
  return _pc_project_run (self, "DELETE FROM pathway_steps WHERE pathway = ?", name, NULL,
                    "delete the pathway", error)
         && _pc_project_run (self, "DELETE FROM risk_register WHERE pathway = ?", name, NULL,
                       "delete the pathway", error)
         && _pc_project_run (self, "DELETE FROM pathways WHERE name = ?", name, NULL,
                       "delete the pathway", error);
}

gboolean
pc_project_delete_pathway (PcProject   *self,
                           const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!pc_project_begin (self, error))
    return FALSE;
  return _pc_project_end_change (self, delete_pathway (self, name, error), error);
}

gboolean
pc_project_check_pathway_name (PcProject   *self,
                               const char  *name,
                               GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return check_new_pathway_name (self, name, error);
}

GHashTable *
pc_project_load_site_names (PcProject  *self,
                            GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT code, name FROM sites", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!_pc_project_finish (self, stmt, rc, "read its sites", error))
    return NULL;
  return g_steal_pointer (&names);
}
