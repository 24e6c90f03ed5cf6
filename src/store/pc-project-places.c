/* pc-project-places.c: areas and area groups.  Wherever an area code is
 * accepted, a group code (an ICB, a Cancer Alliance) stands for the sum of
 * its member areas (docs/MODEL.md, "Areas, sites and providers").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <string.h>

#include "pc-error.h"
#include "pc-labels.h"
#include "pc-project-private.h"

void
pc_place_free (PcPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->code);
  g_free (place->name);
  g_strfreev (place->members);
  g_free (place);
}

/* Adds @code to @areas unless it is there already: an area named twice,
 * or once alone and once in a group, is counted once. */
static void
add_unique (GPtrArray  *areas,
            const char *code)
{
  for (guint i = 0; i < areas->len; i++)
    if (strcmp (g_ptr_array_index (areas, i), code) == 0)
      return;
  g_ptr_array_add (areas, g_strdup (code));
}

GStrv
pc_project_expand_areas (PcProject          *self,
                         const char * const *codes,
                         GError            **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_auto(GStrv) area = _pc_project_list_names (self, "SELECT code FROM areas WHERE code = ?",
                                                   codes[i], "read its areas", error);
      g_auto(GStrv) members = NULL;

      if (area == NULL)
        return NULL;
      if (area[0] != NULL)
        {
          add_unique (areas, area[0]);
          continue;
        }
      members = _pc_project_list_names (self, "SELECT area FROM area_groups WHERE code = ? "
                                        "ORDER BY area", codes[i], "read its area groups", error);
      if (members == NULL)
        return NULL;
      if (members[0] == NULL)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                       "area '%s' is not in the project (neither an area nor an area group)",
                       codes[i]);
          return NULL;
        }
      for (guint m = 0; members[m] != NULL; m++)
        add_unique (areas, members[m]);
    }
  g_ptr_array_add (areas, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&areas), FALSE);
}

static PcPlace *
place_new (const char *code,
           const char *name,
           GStrv       members)
{
  PcPlace *place = g_new0 (PcPlace, 1);

  place->code = g_strdup (code);
  place->name = g_strdup (name);
  place->members = members;
  return place;
}

/* Each group, with its members, before the areas; both by name. */
GPtrArray *
pc_project_list_places (PcProject  *self,
                        GError    **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_place_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT code, min (name) FROM area_groups GROUP BY code "
                              "ORDER BY 2, 1", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      GStrv members = _pc_project_list_names (self, "SELECT area FROM area_groups WHERE code = ? "
                                              "ORDER BY area", code, "read its area groups", NULL);

      g_ptr_array_add (places, place_new (code, (const char *) sqlite3_column_text (stmt, 1),
                                          members != NULL ? members : g_new0 (char *, 1)));
    }
  if (!_pc_project_finish (self, stmt, rc, "read its area groups", error))
    return NULL;

  stmt = _pc_project_prepare (self, "SELECT code, name FROM areas ORDER BY name, code", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (places, place_new ((const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1), NULL));
  if (!_pc_project_finish (self, stmt, rc, "read its areas", error))
    return NULL;
  return g_steal_pointer (&places);
}

/* "NHS North East London ICB (QMF)"; several codes joined with " + ". */
char *
pc_project_describe_areas (PcProject          *self,
                           const char * const *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_auto(GStrv) name = _pc_project_list_names (self, "SELECT name FROM areas WHERE code = ?1 "
                                                   "UNION ALL SELECT name FROM area_groups "
                                                   "WHERE code = ?1 LIMIT 1", codes[i], "", NULL);

      if (i > 0)
        g_string_append (text, " + ");
      if (name != NULL && name[0] != NULL && strcmp (name[0], codes[i]) != 0)
        g_string_append_printf (text, "%s (%s)", name[0], codes[i]);
      else
        g_string_append (text, codes[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Breast, best practice" or "Breast, current: Barking, Havering and
 * Redbridge University Hospitals NHS Trust (RF4)": what a person reads
 * for a pathway whose name is an identifier. */
char *
pc_project_describe_pathway (PcProject       *self,
                             const PcPathway *pathway)
{
  g_auto(GStrv) site = NULL;
  g_auto(GStrv) provider = NULL;
  const char *site_name;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (pathway != NULL, NULL);

  site = _pc_project_list_names (self, "SELECT name FROM sites WHERE code = ?", pathway->site,
                                 "", NULL);
  site_name = site != NULL && site[0] != NULL ? site[0] : pathway->site;
  if (pathway->provider != NULL)
    provider = _pc_project_list_names (self, "SELECT name FROM providers WHERE code = ?",
                                       pathway->provider, "", NULL);
  if (provider != NULL && provider[0] != NULL)
    return g_strdup_printf ("%s, %s: %s (%s)", site_name, pc_kind_label (pathway->kind),
                            provider[0], pathway->provider);
  return g_strdup_printf ("%s, %s", site_name, pc_kind_label (pathway->kind));
}

char *
pc_project_get_area_name (PcProject  *self,
                          const char *code)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  names = _pc_project_list_names (self, "SELECT name FROM areas WHERE code = ?", code,
                                  "read its areas", NULL);
  return names != NULL && names[0] != NULL ? g_strdup (names[0]) : NULL;
}

GHashTable *
pc_project_load_provider_names (PcProject  *self,
                                GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self, "SELECT code, name FROM providers", NULL, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!_pc_project_finish (self, stmt, rc, "read its providers", error))
    return NULL;
  return g_steal_pointer (&names);
}

/* Runs @sql with @a, @b and @c (any may be NULL) bound in turn. */
static gboolean
run_write (PcProject   *self,
           const char  *sql,
           const char  *a,
           const char  *b,
           const char  *c,
           const char  *doing,
           GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, a, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (c != NULL)
    sqlite3_bind_text (stmt, 3, c, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  return _pc_project_finish (self, stmt, rc, doing, error);
}

static gboolean
is_area (PcProject  *self,
         const char *code)
{
  g_autofree char *name = pc_project_get_area_name (self, code);

  return name != NULL;
}

gboolean
pc_project_set_area_group (PcProject          *self,
                           const char         *code,
                           const char         *name,
                           const char * const *members,
                           GError            **error)
{
  g_autofree char *trimmed_code = NULL;
  g_autofree char *trimmed_name = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  trimmed_code = g_strstrip (g_strdup (code));
  trimmed_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*trimmed_code == '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID, "an area group needs a code");
      return FALSE;
    }
  if (is_area (self, trimmed_code))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "'%s' is an area's code: an area group needs a code of its own", trimmed_code);
      return FALSE;
    }
  if (members == NULL || members[0] == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "area group '%s' needs at least one area",
                   trimmed_code);
      return FALSE;
    }
  for (guint i = 0; members[i] != NULL; i++)
    if (!is_area (self, members[i]))
      {
        g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "area '%s' is not in the project", members[i]);
        return FALSE;
      }
  if (*trimmed_name == '\0')
    {
      g_free (trimmed_name);
      trimmed_name = g_strdup (trimmed_code);
    }

  if (!run_write (self, "DELETE FROM area_groups WHERE code = ?", trimmed_code, NULL, NULL,
                  "change its area groups", error))
    return FALSE;
  for (guint i = 0; members[i] != NULL; i++)
    if (!run_write (self, "INSERT OR IGNORE INTO area_groups (code, name, area) VALUES (?, ?, ?)",
                    trimmed_code, trimmed_name, members[i], "change its area groups", error))
      return FALSE;
  return TRUE;
}

gboolean
pc_project_delete_area_group (PcProject   *self,
                              const char  *code,
                              GError     **error)
{
  g_auto(GStrv) members = NULL;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  members = _pc_project_list_names (self, "SELECT area FROM area_groups WHERE code = ?", code,
                                    "read its area groups", error);
  if (members == NULL)
    return FALSE;
  if (members[0] == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND, "area group '%s' is not in the project", code);
      return FALSE;
    }
  return run_write (self, "DELETE FROM area_groups WHERE code = ?", code, NULL, NULL,
                    "change its area groups", error);
}
