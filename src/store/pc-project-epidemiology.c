/* pc-project-epidemiology.c: gathers population, incidence, stage mix,
 * survival and settings into the input of a projection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project-private.h"


static gboolean
load_site (PcProject          *self,
           const char         *site,
           PcProjectionInput  *input,
           GError            **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT trend FROM sites WHERE code = ?", site, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      input->trend = sqlite3_column_double (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "site '%s' is not in the project (import sites first)", site);
      return FALSE;
    }
  return _pc_project_finish (self, stmt, rc, "read its reference data", error);
}

static gboolean
load_stage_shares (PcProject          *self,
                   const char         *site,
                   PcProjectionInput  *input,
                   GError            **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT stage, share FROM stages WHERE site = ?",
                                      site, error);
  guint n_rows = 0;
  PcStage stage;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (pc_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), &stage))
      {
        input->stage_share[stage] = sqlite3_column_double (stmt, 1);
        n_rows++;
      }
  if (!_pc_project_finish (self, stmt, rc, "read its reference data", error))
    return FALSE;
  if (n_rows == 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "site '%s' has no stage shares (import stages first)", site);
      return FALSE;
    }
  return TRUE;
}

/* S(0) = 1; a year with no figure keeps the year before's; S(6) = S(5). */
static gboolean
load_survival (PcProject          *self,
               const char         *site,
               PcProjectionInput  *input,
               GError            **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self,
                                      "SELECT stage, year, surviving FROM survival WHERE site = ?",
                                      site, error);
  double known[PC_N_STAGES][PC_N_OFFSETS + 1];
  gboolean any[PC_N_STAGES] = { FALSE, };
  PcStage stage;
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint k = 0; k <= PC_N_OFFSETS; k++)
      known[s][k] = -1.0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 1);

      if (pc_stage_from_string ((const char *) sqlite3_column_text (stmt, 0), &stage)
          && year >= 1 && year <= PC_MAX_OFFSET)
        {
          known[stage][year] = sqlite3_column_double (stmt, 2);
          any[stage] = TRUE;
        }
    }
  if (!_pc_project_finish (self, stmt, rc, "read its reference data", error))
    return FALSE;

  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      input->survival[s][0] = 1.0;
      for (guint k = 1; k <= PC_MAX_OFFSET; k++)
        input->survival[s][k] = known[s][k] >= 0 ? known[s][k] : input->survival[s][k - 1];
      input->survival[s][PC_N_OFFSETS] = input->survival[s][PC_MAX_OFFSET];
      if (!any[s] && input->stage_share[s] > 0)
        g_ptr_array_add (input->warnings,
                         g_strdup_printf ("site '%s' has no survival figures for stage %s: "
                                          "every patient is assumed to survive",
                                          site, pc_stage_to_string (s)));
    }
  return TRUE;
}

static gboolean
load_rates (PcProject   *self,
            const char  *site,
            PcRates      rates,
            GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self,
                                      "SELECT sex, age_band, rate_per_100k FROM incidence "
                                      "WHERE site = ?", site, error);
  PcSex sex;
  guint band;
  int rc;

  if (stmt == NULL)
    return FALSE;
  memset (rates, 0, sizeof (PcRates));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (pc_sex_from_string ((const char *) sqlite3_column_text (stmt, 0), &sex)
        && pc_age_band_from_string ((const char *) sqlite3_column_text (stmt, 1), &band))
      rates[sex][band] = sqlite3_column_double (stmt, 2);
  return _pc_project_finish (self, stmt, rc, "read its reference data", error);
}

gboolean
pc_project_load_incidence_rates (PcProject   *self,
                                 const char  *site,
                                 PcRates      rates,
                                 GError     **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (site != NULL, FALSE);
  return load_rates (self, site, rates, error);
}

/* One area's population rows, by year, from the year @first_year uses (the
 * latest not after it, else the first) to the one @last_year uses. */
static const char population_span_sql[] =
  "WITH span (low, high) AS ("
  "  SELECT coalesce ((SELECT max (year) FROM population WHERE area = ?1 AND year <= ?2),"
  "                   (SELECT min (year) FROM population WHERE area = ?1)),"
  "         coalesce ((SELECT max (year) FROM population WHERE area = ?1 AND year <= ?3),"
  "                   (SELECT min (year) FROM population WHERE area = ?1)))"
  "SELECT year, sex, age_band, count FROM population, span "
  "WHERE area = ?1 AND year BETWEEN low AND high ORDER BY year";

GPtrArray *
pc_project_load_population_span (PcProject   *self,
                                 const char  *area,
                                 int          first_year,
                                 int          last_year,
                                 GError     **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  PcPopulationYear *row = NULL;
  sqlite3_stmt *stmt;
  PcSex sex;
  guint band;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  stmt = _pc_project_prepare (self, population_span_sql, area, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 2, first_year);
  sqlite3_bind_int (stmt, 3, last_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);

      if (row == NULL || row->year != year)
        {
          row = g_new0 (PcPopulationYear, 1);
          row->year = year;
          g_ptr_array_add (years, row);
        }
      if (pc_sex_from_string ((const char *) sqlite3_column_text (stmt, 1), &sex)
          && pc_age_band_from_string ((const char *) sqlite3_column_text (stmt, 2), &band))
        row->count[sex][band] = sqlite3_column_double (stmt, 3);
    }
  if (!_pc_project_finish (self, stmt, rc, "read its population", error))
    return NULL;
  return g_steal_pointer (&years);
}

static gboolean
read_area_population (PcProject      *self,
                      const char     *area,
                      const PcRates   rates,
                      GArray         *years,
                      GArray         *crude,
                      GError        **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self,
                                      "SELECT year, sex, age_band, count FROM population "
                                      "WHERE area = ? ORDER BY year", area, error);
  PcSex sex;
  guint band;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      double cases = 0.0;

      if (pc_sex_from_string ((const char *) sqlite3_column_text (stmt, 1), &sex)
          && pc_age_band_from_string ((const char *) sqlite3_column_text (stmt, 2), &band))
        cases = sqlite3_column_double (stmt, 3) * rates[sex][band] / 100000.0;
      if (years->len == 0 || g_array_index (years, int, years->len - 1) != year)
        {
          double zero = 0.0;

          g_array_append_val (years, year);
          g_array_append_val (crude, zero);
        }
      g_array_index (crude, double, crude->len - 1) += cases;
    }
  return _pc_project_finish (self, stmt, rc, "read its reference data", error);
}

static gboolean
area_exists (PcProject   *self,
             const char  *area,
             GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT 1 FROM areas WHERE code = ?", area, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "area '%s' is not in the project", area);
  else
    _pc_project_sqlite_error (self, rc, "read its areas", error);
  return FALSE;
}

/* Adds one area's expected cases to every year of the input.  A year before
 * the area's first population year uses the first; one after its last uses
 * the last, with a warning; a gap uses the latest year before it. */
static gboolean
add_area (PcProject          *self,
          const char         *area,
          const PcRates       rates,
          PcProjectionInput  *input,
          GError            **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) crude = g_array_new (FALSE, FALSE, sizeof (double));
  guint horizon = pc_projection_input_get_horizon (input);
  int last;

  if (!area_exists (self, area, error)
      || !read_area_population (self, area, rates, years, crude, error))
    return FALSE;
  if (years->len == 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "area '%s' has no population (import population first)", area);
      return FALSE;
    }

  for (guint t = 0; t < input->n_years; t++)
    {
      int year = input->first_year + (int) t;
      guint i = 0;

      while (i + 1 < years->len && g_array_index (years, int, i + 1) <= year)
        i++;
      input->crude_incidence[t] += g_array_index (crude, double, i);
    }

  last = g_array_index (years, int, years->len - 1);
  if (input->base_year + (int) horizon - 1 > last)
    g_ptr_array_add (input->warnings,
                     g_strdup_printf ("area '%s' has population up to %d only: "
                                      "later years use %d's population", area, last, last));
  return TRUE;
}

/* An import never stores an infinite value; a file that holds one was
 * written by something else. */
static gboolean
input_is_finite (const PcProjectionInput *input)
{
  gboolean finite = isfinite (input->trend) && isfinite (input->inflation)
                    && isfinite (input->discount_rate);

  for (guint t = 0; t < input->n_years; t++)
    finite = finite && isfinite (input->crude_incidence[t]);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      finite = finite && isfinite (input->stage_share[s]);
      for (guint k = 0; k <= PC_N_OFFSETS; k++)
        finite = finite && isfinite (input->survival[s][k]);
    }
  return finite;
}

/* An input of @horizon years from @first with the project's settings and
 * @site's trend, stage shares and survival. */
static PcProjectionInput *
load_site_tables (PcProject   *self,
                  const char  *site,
                  int          first,
                  guint        horizon,
                  GError     **error)
{
  g_autoptr(PcProjectionInput) input = pc_projection_input_new (first, horizon);

  input->inflation = pc_project_get_inflation (self);
  input->discount_rate = pc_project_get_discount_rate (self);
  input->incidence_year = pc_project_get_incidence_year (self);
  input->price_year = pc_project_get_price_year (self);
  if (!load_site (self, site, input, error)
      || !load_stage_shares (self, site, input, error)
      || !load_survival (self, site, input, error))
    return NULL;
  return g_steal_pointer (&input);
}

PcProjectionInput *
pc_project_load_site_input (PcProject   *self,
                            const char  *site,
                            GError     **error)
{
  g_autoptr(PcProjectionInput) input = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (site != NULL, NULL);

  input = load_site_tables (self, site, pc_project_get_price_year (self), 1, error);
  if (input == NULL)
    return NULL;
  if (!input_is_finite (input))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged: site '%s' holds a value that is not a number",
                   pc_project_get_display_name (self), site);
      return NULL;
    }
  return g_steal_pointer (&input);
}

PcProjectionInput *
pc_project_load_projection_input (PcProject          *self,
                                  const char         *site,
                                  const char * const *areas,
                                  int                 from,
                                  int                 n_years,
                                  GError            **error)
{
  g_autoptr(PcProjectionInput) input = NULL;
  g_auto(GStrv) expanded = NULL;
  PcRates rates;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (site != NULL, NULL);
  g_return_val_if_fail (areas != NULL && areas[0] != NULL, NULL);

  if (n_years < 1 || n_years > PC_MAX_HORIZON)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "the horizon must be 1 to %d years (it is %d)", PC_MAX_HORIZON, n_years);
      return NULL;
    }
  if (from < 1900 || from > 2200)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "the first year must be a financial year such as 2026 (it is %d)", from);
      return NULL;
    }

  input = load_site_tables (self, site, from, (guint) n_years, error);
  if (input == NULL || !load_rates (self, site, rates, error))
    return NULL;

  /* A group of areas stands for the sum of its members. */
  expanded = pc_project_expand_areas (self, areas, error);
  if (expanded == NULL)
    return NULL;
  for (guint i = 0; expanded[i] != NULL; i++)
    if (!add_area (self, expanded[i], (const double (*)[PC_N_AGE_BANDS]) rates, input, error))
      return NULL;
  if (!input_is_finite (input))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged: site '%s' or its areas hold a value that is not a number",
                   pc_project_get_display_name (self), site);
      return NULL;
    }
  return g_steal_pointer (&input);
}
