/* pc-project-read.c: settings, and reading a project's pathways and
 * reference data into the engine's types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-disclosure.h"
#include "pc-format.h"
#include "pc-project-private.h"

typedef struct
{
  const char *key;
  double      default_value;
  double      low;
  double      high;
  const char *meaning;
  gboolean    whole;        /* a year: a whole number, by default this financial year */
  gboolean    integer;      /* a whole number, by default default_value */
} SettingSpec;

static const SettingSpec settings[] = {
  { "discount_rate", 0.035, 0.0, 1.0, "an annual fraction from 0 to 1, e.g. 0.035" },
  { "inflation", 0.0, -0.5, 1.0, "an annual fraction from -0.5 to 1, e.g. 0.02" },
  { "incidence_year", 0, 1900, 2200,
    "the financial year the incidence rates describe, such as 2022 for 2022/23", TRUE },
  { "price_year", 0, 1900, 2200,
    "the financial year the prices and costs are in, such as 2025 for 2025/26", TRUE },
  { "risk_share_tolerance", 0.10, 0.0, 1.0,
    "a share from 0 to 1 (0.1 flags steps 10 percentage points short)" },
  { "risk_cost_threshold", 0.10, 0.0, 10.0,
    "a fraction from 0 to 10 (0.1 flags unit costs 10% above tariff × MFF)" },
  /* No row in files made before it: the default stands in. */
  { "disclosure_threshold", PC_DISCLOSURE_DEFAULT_THRESHOLD, 0, 100,
    "a whole number of patients from 0 to 100 (0 turns disclosure control off)", FALSE, TRUE },
};

static const SettingSpec *
find_setting (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_strcmp0 (settings[i].key, key) == 0)
      return &settings[i];
  return NULL;
}

/* A whole-string, locale-independent, finite number. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0' || strpbrk (trimmed, "xXnNiI") != NULL)
    return FALSE;
  *value = g_ascii_strtod (trimmed, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

#define RANGE_PREFIX "range:"
#define SE_PREFIX "se:"

/* "LOW,HIGH": two numbers, low first. */
static gboolean
parse_range (const char *text,
             PcRange    *range)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  return g_strv_length (parts) == 2
         && parse_number (parts[0], &range->low)
         && parse_number (parts[1], &range->high)
         && range->low <= range->high;
}

/* Checks @value for @key and writes its canonical form into @canonical. */
static gboolean
canonical_setting (const char  *key,
                   const char  *value,
                   char        *canonical,
                   gsize        size,
                   GError     **error)
{
  const SettingSpec *spec = find_setting (key);
  double number;
  PcRange range;

  if (g_str_has_prefix (key, RANGE_PREFIX) && key[strlen (RANGE_PREFIX)] != '\0')
    {
      char low[G_ASCII_DTOSTR_BUF_SIZE], high[G_ASCII_DTOSTR_BUF_SIZE];

      if (!parse_range (value, &range))
        {
          g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "%s: '%s' is not a range; give "
                       "LOW,HIGH with LOW no more than HIGH", key, value);
          return FALSE;
        }
      g_snprintf (canonical, size, "%s,%s", g_ascii_dtostr (low, sizeof low, range.low),
                  g_ascii_dtostr (high, sizeof high, range.high));
      return TRUE;
    }
  if (g_str_has_prefix (key, SE_PREFIX) && key[strlen (SE_PREFIX)] != '\0')
    {
      if (!parse_number (value, &number) || number < 0)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                       "%s: '%s' is not a standard error (a number, 0 or more)", key, value);
          return FALSE;
        }
      g_ascii_dtostr (canonical, size, number);
      return TRUE;
    }
  if (spec == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "unknown setting '%s' (the settings are discount_rate, inflation, "
                   "incidence_year, price_year, risk_share_tolerance, risk_cost_threshold, disclosure_threshold, "
                   "range:PARAMETER and "
                   "se:PARAMETER)", key);
      return FALSE;
    }
  if (!parse_number (value, &number) || number < spec->low || number > spec->high
      || ((spec->whole || spec->integer) && number != floor (number)))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   "%s: '%s' is not valid; it must be %s", key, value, spec->meaning);
      return FALSE;
    }
  g_ascii_dtostr (canonical, size, number);
  return TRUE;
}

/* The longest parameter name a range or standard error may be set for. */
#define MAX_PARAMETER_LENGTH 256

/* Whether @parameter (the part after "range:" or "se:") names a parameter
 * of the sensitivity analysis (pc-sensitivity.h): a kind, a stage where the
 * kind takes one, and a step the project's pathways have where it takes
 * one.  Anything else would be stored and never used. */
static gboolean
check_parameter (PcProject   *self,
                 const char  *key,
                 const char  *parameter,
                 GError     **error)
{
  g_autofree char *kind = NULL;
  const char *rest;
  const char *step = NULL;
  g_autofree char *step_copy = NULL;
  gboolean wants_step = FALSE, wants_stage = FALSE, known_kind = FALSE;
  PcStage stage;

  if (strlen (key) > MAX_PARAMETER_LENGTH || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "the setting's name is not valid UTF-8 text of at most %d bytes",
                   MAX_PARAMETER_LENGTH);
      return FALSE;
    }
  rest = strchr (parameter, ':');
  kind = rest != NULL ? g_strndup (parameter, rest - parameter) : g_strdup (parameter);
  for (guint k = 0; k < PC_N_SENSITIVITY_KINDS; k++)
    if (strcmp (kind, pc_sensitivity_kind_to_string (k)) == 0)
      {
        known_kind = TRUE;
        wants_step = k == PC_SENSITIVITY_UNIT_COST || k == PC_SENSITIVITY_QUANTITY
                     || k == PC_SENSITIVITY_SHARE;
        wants_stage = k == PC_SENSITIVITY_SHARE || k == PC_SENSITIVITY_STAGE_MIX
                      || k == PC_SENSITIVITY_SURVIVAL;
      }
  if (!known_kind)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "%s: unknown parameter '%s' (one of unit_cost:STEP, quantity:STEP, "
                   "share:STEP:STAGE, stage_mix:STAGE, incidence, trend, survival:STAGE, "
                   "inflation, discount_rate)", key, kind);
      return FALSE;
    }
  rest = rest != NULL ? rest + 1 : NULL;
  if (wants_stage)
    {
      const char *stage_text = rest != NULL ? strrchr (parameter, ':') + 1 : NULL;

      if (stage_text == NULL || (wants_step && stage_text == rest)
          || !pc_stage_from_string (stage_text, &stage))
        {
          g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                       "%s: %s needs %sa stage (1, 2, 3, 4 or unknown) after it", key, kind,
                       wants_step ? "a step and " : "");
          return FALSE;
        }
      if (wants_step)
        step = step_copy = g_strndup (rest, stage_text - 1 - rest);
    }
  else if (wants_step)
    step = rest;
  else if (rest != NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "%s: %s takes nothing after it", key, kind);
      return FALSE;
    }
  if (wants_step)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                                   "SELECT 1 FROM pathway_steps WHERE step = ? LIMIT 1", -1,
                                   &stmt, NULL);

      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, step != NULL ? step : "", -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                       "%s: no pathway of %s has a step named '%s'", key,
                       pc_project_get_display_name (self), step != NULL ? step : "");
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return _pc_project_sqlite_error (self, rc, "read its steps", error);
    }
  return TRUE;
}

gboolean
pc_project_set_setting (PcProject   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  char canonical[2 * G_ASCII_DTOSTR_BUF_SIZE + 2];
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (g_str_has_prefix (key, RANGE_PREFIX)
      && !check_parameter (self, key, key + strlen (RANGE_PREFIX), error))
    return FALSE;
  if (g_str_has_prefix (key, SE_PREFIX) && !check_parameter (self, key, key + strlen (SE_PREFIX), error))
    return FALSE;
  if (!canonical_setting (key, value, canonical, sizeof canonical, error))
    return FALSE;
  if (!pc_project_begin (self, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (pc_project_get_db (self),
                           "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, canonical, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      /* the message first: the rollback would replace SQLite's with "not an error" */
      _pc_project_sqlite_error (self, rc, "save the setting", error);
      pc_project_rollback (self);
      return FALSE;
    }
  return pc_project_commit (self, error);
}

static double
get_setting (PcProject         *self,
             const SettingSpec *spec)
{
  sqlite3_stmt *stmt = NULL;
  double value = spec->whole ? pc_current_financial_year () : spec->default_value;

  if (sqlite3_prepare_v2 (pc_project_get_db (self),
                          "SELECT value FROM settings WHERE key = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      double stored;

      sqlite3_bind_text (stmt, 1, spec->key, -1, SQLITE_STATIC);
      /* Every stored value was checked on open (_pc_project_check_settings):
       * the default stands in only for a setting never set. */
      if (sqlite3_step (stmt) == SQLITE_ROW
          && parse_number ((const char *) sqlite3_column_text (stmt, 0), &stored)
          && stored >= spec->low && stored <= spec->high
          && (!(spec->whole || spec->integer) || stored == floor (stored)))
        value = stored;
    }
  sqlite3_finalize (stmt);
  return value;
}

/* One pass over the settings table: each key settings[] knows (so a new
 * entry there is checked with no more code), and every range: and se:
 * entry, must hold a value its setter could have stored.  Unknown keys are
 * left alone: nothing reads them. */
gboolean
_pc_project_check_settings (PcProject  *self,
                            GError    **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self, "SELECT key, value, typeof (value) "
                                            "FROM settings ORDER BY key", NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      gboolean is_text = strcmp ((const char *) sqlite3_column_text (stmt, 2), "text") == 0;
      const SettingSpec *spec = key != NULL ? find_setting (key) : NULL;
      const char *meaning = NULL;
      double number;
      PcRange range;

      if (spec != NULL
          && !(is_text && parse_number (value, &number)
               && number >= spec->low && number <= spec->high
               && (!(spec->whole || spec->integer) || number == floor (number))))
        meaning = spec->meaning;
      else if (spec == NULL && key != NULL && g_str_has_prefix (key, RANGE_PREFIX)
               && !(is_text && parse_range (value, &range)))
        meaning = "a range LOW,HIGH with LOW no more than HIGH";
      else if (spec == NULL && key != NULL && g_str_has_prefix (key, SE_PREFIX)
               && !(is_text && parse_number (value, &number) && number >= 0))
        meaning = "a standard error (a number, 0 or more)";
      if (meaning != NULL)
        {
          g_autofree char *shown = _pc_project_shown_text (is_text ? value : NULL);
          g_autofree char *shown_key = _pc_project_shown_text (key);

          g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                       "%s is damaged: in table settings, row key '%s': value is '%s', not %s "
                       "(the file was changed outside Pathcost)",
                       pc_project_get_display_name (self), shown_key, shown, meaning);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  return _pc_project_finish (self, stmt, rc, "check its settings", error);
}

double
pc_project_get_setting (PcProject  *self,
                        const char *key)
{
  const SettingSpec *spec = find_setting (key);

  g_return_val_if_fail (PC_IS_PROJECT (self), 0.0);
  g_return_val_if_fail (spec != NULL, 0.0);
  return get_setting (self, spec);
}

double
pc_project_get_discount_rate (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0.035);
  return get_setting (self, &settings[0]);
}

double
pc_project_get_inflation (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0.0);
  return get_setting (self, &settings[1]);
}

int
pc_project_get_incidence_year (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  return (int) get_setting (self, &settings[2]);
}

int
pc_project_get_price_year (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), 0);
  return (int) get_setting (self, &settings[3]);
}

/* Settings whose key starts with @prefix, parsed by @parse into values of
 * @value_size bytes, keyed by the rest of the key. */
static GHashTable *
load_prefixed (PcProject  *self,
               const char *prefix,
               gsize       value_size,
               gboolean  (*parse) (const char *text, gpointer value))
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (pc_project_get_db (self),
                          "SELECT key, value FROM settings WHERE substr (key, 1, length (?1)) = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return table;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree gpointer value = g_malloc0 (value_size);

      if (parse ((const char *) sqlite3_column_text (stmt, 1), value))
        g_hash_table_insert (table, g_strdup (key + strlen (prefix)), g_steal_pointer (&value));
    }
  sqlite3_finalize (stmt);
  return table;
}

static gboolean
parse_range_value (const char *text,
                   gpointer    value)
{
  return parse_range (text, value);
}

static gboolean
parse_se_value (const char *text,
                gpointer    value)
{
  return parse_number (text, value) && *(double *) value >= 0;
}

GHashTable *
pc_project_load_sensitivity_ranges (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return load_prefixed (self, RANGE_PREFIX, sizeof (PcRange), parse_range_value);
}

GHashTable *
pc_project_load_standard_errors (PcProject *self)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return load_prefixed (self, SE_PREFIX, sizeof (double), parse_se_value);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

GStrv
_pc_project_list_names (PcProject   *self,
                        const char  *sql,
                        const char  *bound,
                        const char  *doing,
                        GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = _pc_project_prepare (self, sql, bound, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, column_text (stmt, 0));
  if (!_pc_project_finish (self, stmt, rc, doing, error))
    return NULL;
  return g_strv_builder_end (names);
}

GStrv
pc_project_list_pathways (PcProject  *self,
                          GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return _pc_project_list_names (self, "SELECT name FROM pathways ORDER BY site, kind, name",
                                 NULL, "list its pathways", error);
}

GStrv
pc_project_list_areas (PcProject  *self,
                       GError    **error)
{
  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  return _pc_project_list_names (self, "SELECT code FROM areas ORDER BY code", NULL,
                                 "list its areas", error);
}

gboolean
_pc_project_set_not_found_pathway (PcProject   *self,
                                   const char  *name,
                                   GError     **error)
{
  g_auto(GStrv) known = pc_project_list_pathways (self, NULL);
  g_autofree char *list = known != NULL ? g_strjoinv (", ", known) : g_strdup ("");

  g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
               "no pathway named '%s' in %s (%s%s)", name, pc_project_get_display_name (self),
               *list != '\0' ? "it has: " : "it has none; import pathway_steps first", list);
  return FALSE;
}

static PcPathway *
read_pathway_row (PcProject   *self,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt = _pc_project_prepare (self,
                                "SELECT p.site, p.kind, p.provider, v.mff, v.code IS NULL "
                                "FROM pathways p LEFT JOIN providers v ON v.code = p.provider "
                                "WHERE p.name = ?", NULL, error);
  PcPathway *pathway = NULL;
  PcPathwayKind kind;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    _pc_project_set_not_found_pathway (self, name, error);
  else if (rc != SQLITE_ROW)
    _pc_project_sqlite_error (self, rc, "read the pathway", error);
  else if (!pc_kind_from_string (column_text (stmt, 1), &kind))
    g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED, "pathway '%s' has an unknown kind '%s'",
                 name, column_text (stmt, 1));
  else if (column_text (stmt, 2) != NULL && sqlite3_column_int (stmt, 4))
    g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                 "pathway '%s' names provider '%s', which is not in the project",
                 name, column_text (stmt, 2));
  else if (column_text (stmt, 2) != NULL
           && !(isfinite (sqlite3_column_double (stmt, 3)) && sqlite3_column_double (stmt, 3) > 0))
    g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                 "%s is damaged: the MFF of provider '%s' is not a positive number",
                 pc_project_get_display_name (self), column_text (stmt, 2));
  else
    pathway = pc_pathway_new (name, column_text (stmt, 0), kind, column_text (stmt, 2),
                              column_text (stmt, 2) != NULL ? sqlite3_column_double (stmt, 3) : 1.0);
  sqlite3_finalize (stmt);
  return pathway;
}

static gboolean
read_step (PcProject     *self,
           sqlite3_stmt  *stmt,
           PcPathway     *pathway,
           GError       **error)
{
  g_autoptr(PcStep) step = pc_step_new ();

  step->phase = g_strdup (column_text (stmt, 0));
  step->year_offset = sqlite3_column_int (stmt, 1);
  step->name = g_strdup (column_text (stmt, 3));
  step->tariff_code = g_strdup (column_text (stmt, 5));
  step->local_unit_cost = sqlite3_column_double (stmt, 6);
  step->quantity = sqlite3_column_double (stmt, 7);
  for (guint s = 0; s < PC_N_STAGES; s++)
    step->share[s] = sqlite3_column_double (stmt, 8 + s);
  step->funding = g_strdup (column_text (stmt, 13));
  step->has_provider_unit_cost = sqlite3_column_type (stmt, 14) != SQLITE_NULL;
  step->provider_unit_cost = sqlite3_column_double (stmt, 14);
  step->tariff_price = sqlite3_column_double (stmt, 15);

  if (!pc_basis_from_string (column_text (stmt, 2), &step->basis)
      || !pc_activity_from_string (column_text (stmt, 4), &step->activity))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged: step '%s' of pathway '%s' has an unknown basis or activity",
                   pc_project_get_display_name (self), step->name, pathway->name);
      return FALSE;
    }
  if (!isfinite (step->tariff_price) || step->tariff_price < 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_DAMAGED,
                   "%s is damaged: the price of tariff '%s' is not a valid amount",
                   pc_project_get_display_name (self), step->tariff_code);
      return FALSE;
    }
  if (step->tariff_code != NULL && sqlite3_column_type (stmt, 15) == SQLITE_NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_NOT_FOUND,
                   "step '%s' of pathway '%s' uses tariff code '%s', which is not in the project",
                   step->name, pathway->name, step->tariff_code);
      return FALSE;
    }
  if (!pc_step_validate (step, error))
    {
      g_prefix_error (error, "pathway '%s': ", pathway->name);
      return FALSE;
    }
  g_ptr_array_add (pathway->steps, g_steal_pointer (&step));
  return TRUE;
}

PcPathway *
pc_project_load_pathway (PcProject   *self,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(PcPathway) pathway = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  pathway = read_pathway_row (self, name, error);
  if (pathway == NULL)
    return NULL;

  stmt = _pc_project_prepare (self,
                  "SELECT s.phase, s.year_offset, s.basis, s.step, s.activity, s.tariff_code, "
                  "s.local_unit_cost, s.quantity, s.stage_1, s.stage_2, s.stage_3, s.stage_4, "
                  "s.stage_unknown, s.funding, s.provider_unit_cost, t.price "
                  "FROM pathway_steps s LEFT JOIN tariffs t ON t.code = s.tariff_code "
                  "WHERE s.pathway = ? ORDER BY s.position", NULL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!read_step (self, stmt, pathway, error))
      {
        sqlite3_finalize (stmt);
        return NULL;
      }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _pc_project_sqlite_error (self, rc, "read the pathway's steps", error);
      return NULL;
    }
  return g_steal_pointer (&pathway);
}
