/* pc-project-providers.c: gathers the providers of one site side by side
 * (docs/MODEL.md, "Providers side by side"): each provider's current
 * pathway for the site, its own unit costs, its patients of the chosen
 * areas, its compliance with best practice and its entries in the risk
 * register; the arithmetic is pc-providers.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-disclosure.h"
#include "pc-error.h"
#include "pc-project-private.h"

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *value = (const char *) sqlite3_column_text (stmt, column);

  return value != NULL ? value : "";
}

/* "?2, ?3, …" for @n values bound from @first on. */
static char *
placeholders (guint n,
              guint first)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s?%u", i > 0 ? ", " : "", first + i);
  return g_string_free (text, FALSE);
}

/* The site's patients at @figures' provider by area (a flow for each area
 * of @areas with any) and in all, as docs/MODEL.md counts them: a patient
 * id within the site with a record at the provider. */
static gboolean
read_patients (PcProject          *self,
               PcProviderFigures  *figures,
               const char         *site,
               const char * const *areas,
               GError            **error)
{
  guint n = g_strv_length ((char **) areas);
  g_autofree char *in = placeholders (n, 3);
  g_autofree char *by_area = g_strdup_printf (
    "SELECT area, count (DISTINCT patient), total (cost), total (tariff_paid) FROM activity "
    "WHERE site = ?1 AND provider = ?2 AND area IN (%s) GROUP BY area ORDER BY area", in);
  g_autofree char *all = g_strdup_printf (
    "SELECT count (DISTINCT patient) FROM activity "
    "WHERE site = ?1 AND provider = ?2 AND area IN (%s)", in);
  const char *sql[] = { by_area, all };
  int rc = SQLITE_DONE;

  figures->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_flow_free);
  for (guint q = 0; q < G_N_ELEMENTS (sql); q++)
    {
      sqlite3_stmt *stmt = _pc_project_prepare (self, sql[q], site, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 2, figures->code, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < n; i++)
        sqlite3_bind_text (stmt, 3 + i, areas[i], -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (q == 1)
          figures->patients = (guint64) sqlite3_column_int64 (stmt, 0);
        else
          {
            PcFlow *flow = g_new0 (PcFlow, 1);

            flow->area = g_strdup (column_text (stmt, 0));
            flow->provider = g_strdup (figures->code);
            flow->patients = (guint64) sqlite3_column_int64 (stmt, 1);
            flow->cost = sqlite3_column_double (stmt, 2);
            flow->tariff_paid = sqlite3_column_double (stmt, 3);
            figures->cost += flow->cost;
            figures->tariff_paid += flow->tariff_paid;
            g_ptr_array_add (figures->flows, flow);
          }
      if (!_pc_project_finish (self, stmt, rc, "read its activity", error))
        return FALSE;
    }
  return TRUE;
}

/* HRG → mean cost per unit at the provider, from its activity. */
static GHashTable *
read_own_unit_costs (PcProject   *self,
                     const char  *provider,
                     GError     **error)
{
  g_autoptr(GPtrArray) costs = pc_project_activity_unit_costs (self, provider, error);
  GHashTable *table;

  if (costs == NULL)
    return NULL;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < costs->len; i++)
    {
      const PcUnitCost *cost = g_ptr_array_index (costs, i);

      if (isfinite (cost->mean_unit_cost))
        g_hash_table_insert (table, g_strdup (cost->hrg), g_memdup2 (&cost->mean_unit_cost,
                                                                     sizeof (double)));
    }
  return table;
}

/* The register's entries for @provider on the site's pathways. */
static void
take_risks (PcProviderFigures  *figures,
            GPtrArray          *register_,
            const char * const *site_pathways)
{
  figures->risks = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_risk_free);
  for (guint i = 0; i < register_->len; i++)
    {
      PcRisk *risk = g_ptr_array_index (register_, i);

      if (risk == NULL || g_strcmp0 (risk->provider, figures->code) != 0
          || !g_strv_contains (site_pathways, risk->pathway))
        continue;
      if (risk->kind == PC_RISK_COMPLIANCE)
        figures->shortfalls++;
      if (pc_risk_is_open (risk))
        figures->open_risks++;
      g_ptr_array_add (figures->risks, g_steal_pointer (&register_->pdata[i]));
    }
}

/* The first current pathway of @site that @provider delivers, or NULL. */
static char *
current_pathway (PcProject   *self,
                 const char  *site,
                 const char  *provider)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (pc_project_get_db (self),
                          "SELECT name FROM pathways WHERE site = ? AND kind = 'current' "
                          "AND provider = ? ORDER BY name LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, site, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return name;
}

/* One provider: its pathway, and what activity says.  @included is FALSE
 * (and nothing more is read) when it has neither a current pathway for
 * the site nor patients of the areas there. */
static gboolean
gather_provider (PcProject             *self,
                 PcProviderComparison  *comparison,
                 const char * const    *areas,
                 PcProviderFigures     *figures,
                 gboolean              *included,
                 GError               **error)
{
  g_autofree char *current = current_pathway (self, comparison->site, figures->code);

  if (comparison->has_activity && !read_patients (self, figures, comparison->site, areas, error))
    return FALSE;
  *included = current != NULL || figures->patients > 0;
  if (!*included)
    return TRUE;
  if (current != NULL)
    {
      figures->pathway = pc_project_load_pathway (self, current, error);
      figures->is_current = TRUE;
      if (figures->pathway == NULL)
        return FALSE;
    }
  else if (comparison->best_practice != NULL)
    {
      figures->pathway = pc_pathway_copy (comparison->best_practice);
      figures->pathway->mff = figures->mff;
      g_free (figures->pathway->provider);
      figures->pathway->provider = g_strdup (figures->code);
    }
  if (comparison->has_activity)
    {
      figures->own_unit_costs = read_own_unit_costs (self, figures->code, error);
      if (figures->own_unit_costs == NULL)
        return FALSE;
      if (comparison->best_practice_name != NULL
          && (figures->compliance = pc_project_activity_compliance (self,
                                                                    comparison->best_practice_name,
                                                                    figures->code, error)) == NULL)
        return FALSE;
    }
  pc_provider_figures_price (figures, comparison->best_practice, comparison->input);
  return TRUE;
}

static gboolean
gather_providers (PcProject             *self,
                  PcProviderComparison  *comparison,
                  const char * const    *areas,
                  GPtrArray             *register_,
                  const char * const    *site_pathways,
                  GError               **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT code, name, mff FROM providers "
                                            "ORDER BY code", NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcProviderFigures *figures = g_new0 (PcProviderFigures, 1);
      gboolean included = FALSE;

      figures->code = g_strdup (column_text (stmt, 0));
      figures->name = g_strdup (column_text (stmt, 1));
      figures->mff = sqlite3_column_double (stmt, 2);
      if (!gather_provider (self, comparison, areas, figures, &included, error))
        {
          pc_provider_figures_free (figures);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!included)
        {
          pc_provider_figures_free (figures);
          continue;
        }
      if (register_ != NULL)
        take_risks (figures, register_, site_pathways);
      g_ptr_array_add (comparison->providers, figures);
    }
  return _pc_project_finish (self, stmt, rc, "read its providers", error);
}

static gboolean
read_site (PcProject             *self,
           PcProviderComparison  *comparison,
           GError               **error)
{
  g_auto(GStrv) names = _pc_project_list_names (self, "SELECT name FROM sites WHERE code = ?",
                                                comparison->site, "read its sites", error);

  if (names == NULL)
    return FALSE;
  if (names[0] == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "no site '%s' in %s", comparison->site,
                   pc_project_get_display_name (self));
      return FALSE;
    }
  comparison->site_name = g_strdup (names[0]);
  comparison->best_practice_name = pc_project_find_best_practice (self, comparison->site);
  if (comparison->best_practice_name != NULL
      && (comparison->best_practice = pc_project_load_pathway (self,
                                                               comparison->best_practice_name,
                                                               error)) == NULL)
    return FALSE;
  comparison->input = pc_project_load_site_input (self, comparison->site, error);
  return comparison->input != NULL;
}

PcProviderComparison *
pc_project_compare_providers (PcProject          *self,
                              const char         *site,
                              const char * const *areas,
                              GError            **error)
{
  g_autoptr(PcProviderComparison) comparison = g_new0 (PcProviderComparison, 1);
  g_auto(GStrv) expanded = NULL;
  g_auto(GStrv) site_pathways = NULL;
  g_autoptr(GPtrArray) register_ = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (site != NULL && areas != NULL, NULL);

  comparison->site = g_strdup (site);
  comparison->providers = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_provider_figures_free);
  comparison->has_activity = pc_project_has_activity (self);
  comparison->disclosure_threshold = (guint) pc_project_get_setting (self, "disclosure_threshold");
  if (!read_site (self, comparison, error)
      || (expanded = pc_project_expand_areas (self, areas, error)) == NULL
      || (site_pathways = pc_project_list_pathways_for_site (self, site, error)) == NULL)
    return NULL;
  if (comparison->has_activity
      && (register_ = pc_project_risk_register (self, NULL, error)) == NULL)
    return NULL;
  if (!gather_providers (self, comparison, (const char * const *) expanded, register_,
                         (const char * const *) site_pathways, error))
    return NULL;
  return g_steal_pointer (&comparison);
}

GPtrArray *
pc_project_list_sites (PcProject  *self,
                       GError    **error)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_place_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT code, name FROM sites ORDER BY name, code", NULL,
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcPlace *site = g_new0 (PcPlace, 1);

      site->code = g_strdup (column_text (stmt, 0));
      site->name = g_strdup (*column_text (stmt, 1) != '\0' ? column_text (stmt, 1)
                                                             : column_text (stmt, 0));
      g_ptr_array_add (sites, site);
    }
  if (!_pc_project_finish (self, stmt, rc, "read its sites", error))
    return NULL;
  return g_steal_pointer (&sites);
}
