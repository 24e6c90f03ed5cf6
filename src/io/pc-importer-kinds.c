/* pc-importer-kinds.c: each kind of CSV of docs/FORMATS.md: its columns,
 * the rules its values must follow, the row it writes, and its checks across
 * rows (stage shares sum to 1, survival never rises, a pathway's rows agree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-import"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pc-error.h"
#include "pc-importer-private.h"

#define SHARE_TOLERANCE 0.001
#define SEP "\x1f"

typedef struct
{
  char          *site;
  PcPathwayKind  kind;
  char          *provider;
  guint64        first_line;
  int            next_position;
} PathwayRow;

/* One state for every kind; each uses what it needs. */
typedef struct
{
  sqlite3_stmt *insert;
  PcPathwayWriter *pathway_writer;
  PcScenarioWriter *scenario_writer;
  GHashTable   *areas;
  GHashTable   *sites;
  GHashTable   *providers;
  GHashTable   *tariffs;
  GHashTable   *groups;         /* group key → last line, for checks across rows */
  GHashTable   *pathways;       /* name → PathwayRow */
} KindState;

static void
pathway_row_free (PathwayRow *row)
{
  g_free (row->site);
  g_free (row->provider);
  g_free (row);
}

static void
kind_state_free (gpointer data)
{
  KindState *state = data;

  g_clear_pointer (&state->areas, g_hash_table_unref);
  g_clear_pointer (&state->sites, g_hash_table_unref);
  g_clear_pointer (&state->providers, g_hash_table_unref);
  g_clear_pointer (&state->tariffs, g_hash_table_unref);
  g_clear_pointer (&state->groups, g_hash_table_unref);
  g_clear_pointer (&state->pathways, g_hash_table_unref);
  g_clear_pointer (&state->pathway_writer, pc_pathway_writer_free);
  g_clear_pointer (&state->scenario_writer, pc_scenario_writer_free);
  g_free (state);
}

static KindState *
kind_state_new (PcImport   *im,
                const char *insert)
{
  KindState *state = g_new0 (KindState, 1);

  if (insert != NULL)
    state->insert = _pc_import_prepare (im, insert);
  state->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return state;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* Remembers the last line of a group (a site, a site's stage …). */
static void
note_group (PcImport   *im,
            char       *group)
{
  KindState *state = im->state;

  g_hash_table_replace (state->groups, group, GSIZE_TO_POINTER ((gsize) im->line));
}

/* ------------------------------------------------------------------ codes */

enum { CODE_CODE, CODE_NAME };
enum { TARIFF_CODE, TARIFF_DESCRIPTION, TARIFF_UNIT, TARIFF_PRICE, TARIFF_YEAR };
enum { PROVIDER_CODE, PROVIDER_NAME, PROVIDER_MFF };
enum { SITE_CODE, SITE_NAME, SITE_ICD10, SITE_TREND };

static gpointer
start_tariffs (PcImport *im)
{
  return kind_state_new (im, "INSERT OR REPLACE INTO tariffs VALUES (?, ?, ?, ?, ?)");
}

static void
row_tariffs (PcImport *im)
{
  KindState *state = im->state;
  const char *code = _pc_import_required (im, TARIFF_CODE);
  const char *description = _pc_import_text (im, TARIFF_DESCRIPTION);
  const char *unit = _pc_import_text (im, TARIFF_UNIT);
  double price;
  int year;

  _pc_import_number (im, TARIFF_PRICE, PC_NUMBER_MONEY | PC_NUMBER_NOT_NEGATIVE, &price);
  _pc_import_integer (im, TARIFF_YEAR, 1948, 2200, &year);
  if (code != NULL)
    _pc_import_unique_key (im, g_strdup (code), TARIFF_CODE);
  if (im->row_bad)
    return;
  bind_text (state->insert, 1, code);
  sqlite3_bind_text (state->insert, 2, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 3, unit, -1, SQLITE_STATIC);
  sqlite3_bind_double (state->insert, 4, price);
  sqlite3_bind_int (state->insert, 5, year);
  _pc_import_step (im, state->insert);
}

static gpointer
start_providers (PcImport *im)
{
  return kind_state_new (im, "INSERT OR REPLACE INTO providers VALUES (?, ?, ?)");
}

static void
row_providers (PcImport *im)
{
  KindState *state = im->state;
  const char *code = _pc_import_required (im, PROVIDER_CODE);
  const char *name = _pc_import_required (im, PROVIDER_NAME);
  double mff;

  _pc_import_number (im, PROVIDER_MFF, PC_NUMBER_POSITIVE, &mff);
  if (code != NULL)
    _pc_import_unique_key (im, g_strdup (code), PROVIDER_CODE);
  if (im->row_bad)
    return;
  bind_text (state->insert, 1, code);
  bind_text (state->insert, 2, name);
  sqlite3_bind_double (state->insert, 3, mff);
  _pc_import_step (im, state->insert);
}

static gpointer
start_areas (PcImport *im)
{
  KindState *state = kind_state_new (im, "INSERT OR REPLACE INTO areas VALUES (?, ?)");

  /* Anywhere a code is read, a group code means its members: one code
   * cannot be both. */
  g_hash_table_unref (state->groups);
  state->groups = _pc_import_load_codes (im, "SELECT DISTINCT code FROM area_groups");
  return state;
}

static void
row_areas (PcImport *im)
{
  KindState *state = im->state;
  const char *code = _pc_import_required (im, CODE_CODE);
  const char *name = _pc_import_required (im, CODE_NAME);

  if (code != NULL && g_hash_table_contains (state->groups, code))
    _pc_import_problem (im, CODE_CODE, "'%s' is the code of an area group: an area needs a "
                        "code of its own", code);
  if (code != NULL && !im->row_bad)
    _pc_import_unique_key (im, g_strdup (code), CODE_CODE);
  if (im->row_bad)
    return;
  bind_text (state->insert, 1, code);
  bind_text (state->insert, 2, name);
  _pc_import_step (im, state->insert);
}

static gpointer
start_sites (PcImport *im)
{
  return kind_state_new (im, "INSERT OR REPLACE INTO sites VALUES (?, ?, ?, ?)");
}

static void
row_sites (PcImport *im)
{
  KindState *state = im->state;
  const char *code = _pc_import_required (im, SITE_CODE);
  const char *name = _pc_import_required (im, SITE_NAME);
  const char *icd10 = _pc_import_text (im, SITE_ICD10);
  double trend;

  if (_pc_import_number (im, SITE_TREND, PC_NUMBER_ANY, &trend) && trend <= -1)
    _pc_import_problem (im, SITE_TREND, "%s is not an annual change above -1 "
                        "(0.01 is 1%% a year)", _pc_import_text (im, SITE_TREND));
  if (code != NULL)
    _pc_import_unique_key (im, g_strdup (code), SITE_CODE);
  if (im->row_bad)
    return;
  bind_text (state->insert, 1, code);
  bind_text (state->insert, 2, name);
  sqlite3_bind_text (state->insert, 3, icd10, -1, SQLITE_STATIC);
  sqlite3_bind_double (state->insert, 4, trend);
  _pc_import_step (im, state->insert);
}

/* ----------------------------------------------------------- epidemiology */

enum { POP_AREA, POP_YEAR, POP_SEX, POP_AGE, POP_COUNT };
enum { INC_SITE, INC_SEX, INC_AGE, INC_RATE };
enum { STAGE_SITE, STAGE_STAGE, STAGE_SHARE };
enum { SURV_SITE, SURV_STAGE, SURV_YEAR, SURV_SURVIVING };

static const char *
sex_value (PcImport *im,
           int       column)
{
  const char *text = _pc_import_required (im, column);
  PcSex sex;

  if (text != NULL && !pc_sex_from_string (text, &sex))
    {
      _pc_import_problem (im, column, "'%s' is not a sex (F or M)", text);
      return NULL;
    }
  return text;
}

static const char *
age_band_value (PcImport *im,
                int       column)
{
  const char *text = _pc_import_required (im, column);
  guint band;

  if (text != NULL && !pc_age_band_from_string (text, &band))
    {
      _pc_import_problem (im, column, "'%s' is not an age band (0-4, 5-9, … 85-89, 90+)", text);
      return NULL;
    }
  return text;
}

static const char *
stage_value (PcImport *im,
             int       column)
{
  const char *text = _pc_import_required (im, column);
  PcStage stage;

  if (text != NULL && !pc_stage_from_string (text, &stage))
    {
      _pc_import_problem (im, column, "'%s' is not a stage (1, 2, 3, 4 or unknown)", text);
      return NULL;
    }
  return text;
}

static gpointer
start_population (PcImport *im)
{
  KindState *state = kind_state_new (im, "INSERT OR REPLACE INTO population VALUES (?, ?, ?, ?, ?)");

  state->areas = _pc_import_load_codes (im, "SELECT code FROM areas");
  return state;
}

static void
row_population (PcImport *im)
{
  KindState *state = im->state;
  const char *area = _pc_import_reference (im, POP_AREA, state->areas, "area", "areas");
  const char *sex = sex_value (im, POP_SEX);
  const char *age = age_band_value (im, POP_AGE);
  double count;
  int year;
  PcSex sex_index;
  guint band;
  guint64 key;

  _pc_import_integer (im, POP_YEAR, 1900, 2200, &year);
  _pc_import_number (im, POP_COUNT, PC_NUMBER_NOT_NEGATIVE, &count);
  if (im->row_bad)
    return;
  /* A million rows: the key is packed into a number, not a string. */
  pc_sex_from_string (sex, &sex_index);
  pc_age_band_from_string (age, &band);
  /* the area's 1-based position makes the key non-zero */
  key = ((((guint64) _pc_import_last_reference (im) << 9)
          | (guint64) (year - 1900)) << 6) | ((guint64) sex_index << 5) | band;
  _pc_import_remember_packed_key (im, key);
  sqlite3_bind_text (state->insert, 1, area, -1, SQLITE_STATIC);
  sqlite3_bind_int (state->insert, 2, year);
  sqlite3_bind_text (state->insert, 3, sex, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 4, age, -1, SQLITE_STATIC);
  sqlite3_bind_double (state->insert, 5, count);
  _pc_import_step (im, state->insert);
}

/* Turns a packed population key back into "area/year/sex/age_band". */
static char *
describe_population_key (PcImport *im,
                         guint64   key)
{
  KindState *state = im->state;
  gsize area_position = key >> 15;
  const char *area = "?";
  GHashTableIter iter;
  gpointer code, position;

  g_hash_table_iter_init (&iter, state->areas);
  while (g_hash_table_iter_next (&iter, &code, &position))
    if (GPOINTER_TO_SIZE (position) == area_position)
      area = code;
  return g_strdup_printf ("%s/%d/%s/%s", area, (int) ((key >> 6) & 0x1ff) + 1900,
                          pc_sex_to_string ((key >> 5) & 1), pc_age_band_to_string (key & 0x1f));
}

static void
finish_population (PcImport *im)
{
  _pc_import_check_packed_keys (im, POP_AREA, describe_population_key);
}

static gpointer
start_site_table (PcImport   *im,
                  const char *insert)
{
  KindState *state = kind_state_new (im, insert);

  state->sites = _pc_import_load_codes (im, "SELECT code FROM sites");
  return state;
}

static gpointer
start_incidence (PcImport *im)
{
  return start_site_table (im, "INSERT OR REPLACE INTO incidence VALUES (?, ?, ?, ?)");
}

static void
row_incidence (PcImport *im)
{
  KindState *state = im->state;
  const char *site = _pc_import_reference (im, INC_SITE, state->sites, "site", "sites");
  const char *sex = sex_value (im, INC_SEX);
  const char *age = age_band_value (im, INC_AGE);
  double rate;

  _pc_import_number (im, INC_RATE, PC_NUMBER_NOT_NEGATIVE, &rate);
  if (im->row_bad || !_pc_import_unique_key (im, g_strjoin (SEP, site, sex, age, NULL), INC_SITE))
    return;
  sqlite3_bind_text (state->insert, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 2, sex, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 3, age, -1, SQLITE_STATIC);
  sqlite3_bind_double (state->insert, 4, rate);
  _pc_import_step (im, state->insert);
}

static gpointer
start_stages (PcImport *im)
{
  return start_site_table (im, "INSERT OR REPLACE INTO stages VALUES (?, ?, ?)");
}

static void
row_stages (PcImport *im)
{
  KindState *state = im->state;
  const char *site = _pc_import_reference (im, STAGE_SITE, state->sites, "site", "sites");
  const char *stage = stage_value (im, STAGE_STAGE);
  double share;

  _pc_import_number (im, STAGE_SHARE, PC_NUMBER_SHARE, &share);
  if (im->row_bad || !_pc_import_unique_key (im, g_strjoin (SEP, site, stage, NULL), STAGE_SITE))
    return;
  note_group (im, g_strdup (site));
  sqlite3_bind_text (state->insert, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 2, stage, -1, SQLITE_STATIC);
  sqlite3_bind_double (state->insert, 3, share);
  _pc_import_step (im, state->insert);
}

/* Runs @sql with @first (and @second) bound and returns its one number. */
static double
query_double (PcImport   *im,
              const char *sql,
              const char *first,
              const char *second)
{
  sqlite3_stmt *stmt = _pc_import_prepare (im, sql);
  double value = 0.0;

  if (stmt == NULL)
    return 0.0;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The project's stage shares of each site in the file, after the import. */
static void
finish_stages (PcImport *im)
{
  KindState *state = im->state;
  GHashTableIter iter;
  gpointer site, line;

  g_hash_table_iter_init (&iter, state->groups);
  while (g_hash_table_iter_next (&iter, &site, &line))
    {
      double sum = query_double (im, "SELECT total (share) FROM stages WHERE site = ?", site, NULL);

      im->line = GPOINTER_TO_SIZE (line);
      if (fabs (sum - 1.0) > SHARE_TOLERANCE)
        _pc_import_problem (im, STAGE_SHARE, "the stage shares of site '%s' sum to %.4f, not 1",
                            (char *) site, sum);
    }
}

static gpointer
start_survival (PcImport *im)
{
  return start_site_table (im, "INSERT OR REPLACE INTO survival VALUES (?, ?, ?, ?)");
}

static void
row_survival (PcImport *im)
{
  KindState *state = im->state;
  const char *site = _pc_import_reference (im, SURV_SITE, state->sites, "site", "sites");
  const char *stage = stage_value (im, SURV_STAGE);
  double surviving;
  int year;

  _pc_import_integer (im, SURV_YEAR, 1, PC_MAX_OFFSET, &year);
  _pc_import_number (im, SURV_SURVIVING, PC_NUMBER_SHARE, &surviving);
  if (im->row_bad)
    return;
  if (!_pc_import_unique_key (im, g_strdup_printf ("%s" SEP "%s" SEP "%d", site, stage, year),
                              SURV_SITE))
    return;
  note_group (im, g_strjoin (SEP, site, stage, NULL));
  sqlite3_bind_text (state->insert, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 2, stage, -1, SQLITE_STATIC);
  sqlite3_bind_int (state->insert, 3, year);
  sqlite3_bind_double (state->insert, 4, surviving);
  _pc_import_step (im, state->insert);
}

/* Survival of each site and stage in the file never rises from one year to
 * the next, in the project as it will be after the import. */
static void
finish_survival (PcImport *im)
{
  KindState *state = im->state;
  sqlite3_stmt *stmt = _pc_import_prepare (im, "SELECT year, surviving FROM survival "
                                               "WHERE site = ? AND stage = ? ORDER BY year");
  GHashTableIter iter;
  gpointer group, line;

  g_hash_table_iter_init (&iter, state->groups);
  while (stmt != NULL && g_hash_table_iter_next (&iter, &group, &line))
    {
      g_auto(GStrv) parts = g_strsplit (group, SEP, 2);
      double before = 1.0;
      int before_year = 0;

      im->line = GPOINTER_TO_SIZE (line);
      sqlite3_bind_text (stmt, 1, parts[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, parts[1], -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          double surviving = sqlite3_column_double (stmt, 1);
          int year = sqlite3_column_int (stmt, 0);

          if (surviving > before && before_year > 0)
            _pc_import_problem (im, SURV_SURVIVING, "survival of site '%s' stage %s rises from "
                                "%g in year %d to %g in year %d", parts[0], parts[1],
                                before, before_year, surviving, year);
          before = surviving;
          before_year = year;
        }
      sqlite3_reset (stmt);
    }
}

static void
finish_nothing (PcImport *im)
{
}

/* ---------------------------------------------------------- pathway steps */

enum
{
  STEP_PATHWAY, STEP_SITE, STEP_KIND, STEP_PROVIDER, STEP_PHASE, STEP_OFFSET, STEP_BASIS,
  STEP_STEP, STEP_ACTIVITY, STEP_TARIFF, STEP_LOCAL_COST, STEP_QUANTITY, STEP_STAGE_1,
  STEP_FUNDING = STEP_STAGE_1 + PC_N_STAGES, STEP_PROVIDER_COST
};

static gpointer
start_pathway_steps (PcImport *im)
{
  KindState *state = kind_state_new (im, NULL);

  /* The store writes the rows and holds the rules a step meets. */
  state->pathway_writer = pc_pathway_writer_new (im->project, im->fatal == NULL ? &im->fatal : NULL);
  state->sites = _pc_import_load_codes (im, "SELECT code FROM sites");
  state->providers = _pc_import_load_codes (im, "SELECT code FROM providers");
  state->pathways = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) pathway_row_free);
  return state;
}

/* The first row of a pathway replaces it whole; later rows must agree with
 * the first on site, kind and provider. */
static PathwayRow *
pathway_for_row (PcImport      *im,
                 const char    *name,
                 const char    *site,
                 PcPathwayKind  kind,
                 const char    *provider)
{
  KindState *state = im->state;
  PathwayRow *row = g_hash_table_lookup (state->pathways, name);

  if (row == NULL)
    {
      row = g_new0 (PathwayRow, 1);
      row->site = g_strdup (site);
      row->kind = kind;
      row->provider = g_strdup (provider);
      row->first_line = im->line;
      g_hash_table_insert (state->pathways, g_strdup (name), row);
      if (im->fatal == NULL)
        pc_pathway_writer_replace (state->pathway_writer, name, site, kind, provider, &im->fatal);
      return row;
    }
  if (strcmp (row->site, site) != 0)
    _pc_import_problem (im, STEP_SITE, "pathway '%s' is for site '%s' on line %" G_GUINT64_FORMAT
                        ", not '%s'", name, row->site, row->first_line, site);
  else if (row->kind != kind)
    _pc_import_problem (im, STEP_KIND, "pathway '%s' is %s on line %" G_GUINT64_FORMAT,
                        name, pc_kind_to_string (row->kind), row->first_line);
  else if (g_strcmp0 (row->provider, provider) != 0)
    _pc_import_problem (im, STEP_PROVIDER, "pathway '%s' has provider '%s' on line %"
                        G_GUINT64_FORMAT, name, row->provider ? row->provider : "",
                        row->first_line);
  return im->row_bad ? NULL : row;
}

#define PARSE_ENUM(im, column, parse, out, what)                                  \
  G_STMT_START {                                                                  \
    const char *_text = _pc_import_required (im, column);                         \
    if (_text != NULL && !parse (_text, out))                                     \
      _pc_import_problem (im, column, "'%s' is not %s", _text, what);             \
  } G_STMT_END

/* The row's text read into @step, whose strings point into the row.  Only
 * what makes the text a value is checked here: the rules a step meets are
 * the store's (pc_pathway_writer_check_step). */
static void
parse_step_values (PcImport      *im,
                   PcPathwayKind *kind,
                   PcStep        *step)
{
  const char *tariff = _pc_import_text (im, STEP_TARIFF);

  PARSE_ENUM (im, STEP_KIND, pc_kind_from_string, kind, "a kind (best_practice or current)");
  PARSE_ENUM (im, STEP_BASIS, pc_basis_from_string, &step->basis, "a basis (patient or death)");
  PARSE_ENUM (im, STEP_ACTIVITY, pc_activity_from_string, &step->activity,
              "an activity (outpatient, imaging, elective, daycase, bed_day, chemotherapy, "
              "radiotherapy, drug, community or other)");
  _pc_import_integer (im, STEP_OFFSET, G_MININT, G_MAXINT, &step->year_offset);
  _pc_import_number (im, STEP_QUANTITY, PC_NUMBER_ANY, &step->quantity);
  _pc_import_number (im, STEP_LOCAL_COST, PC_NUMBER_MONEY | PC_NUMBER_OPTIONAL, &step->local_unit_cost);
  _pc_import_number (im, STEP_PROVIDER_COST, PC_NUMBER_MONEY | PC_NUMBER_OPTIONAL,
                     &step->provider_unit_cost);
  step->has_provider_unit_cost = !isnan (step->provider_unit_cost);
  for (guint s = 0; s < PC_N_STAGES; s++)
    if (_pc_import_number (im, STEP_STAGE_1 + s, PC_NUMBER_OPTIONAL, &step->share[s])
        && isnan (step->share[s]))
      step->share[s] = 0.0;
  step->tariff_code = *tariff != '\0' ? (char *) tariff : NULL;
}

/* The file's column for each field of a step. */
static int
step_column (PcStepField field)
{
  static const int columns[PC_N_STEP_FIELDS] = {
    [PC_STEP_FIELD_PHASE] = STEP_PHASE,
    [PC_STEP_FIELD_NAME] = STEP_STEP,
    [PC_STEP_FIELD_ACTIVITY] = STEP_ACTIVITY,
    [PC_STEP_FIELD_TARIFF_CODE] = STEP_TARIFF,
    [PC_STEP_FIELD_LOCAL_COST] = STEP_LOCAL_COST,
    [PC_STEP_FIELD_QUANTITY] = STEP_QUANTITY,
    [PC_STEP_FIELD_SHARE_1] = STEP_STAGE_1,
    [PC_STEP_FIELD_SHARE_2] = STEP_STAGE_1 + 1,
    [PC_STEP_FIELD_SHARE_3] = STEP_STAGE_1 + 2,
    [PC_STEP_FIELD_SHARE_4] = STEP_STAGE_1 + 3,
    [PC_STEP_FIELD_SHARE_UNKNOWN] = STEP_STAGE_1 + 4,
    [PC_STEP_FIELD_BASIS] = STEP_BASIS,
    [PC_STEP_FIELD_YEAR_OFFSET] = STEP_OFFSET,
    [PC_STEP_FIELD_FUNDING] = STEP_FUNDING,
    [PC_STEP_FIELD_PROVIDER_COST] = STEP_PROVIDER_COST,
  };

  return field < PC_N_STEP_FIELDS ? columns[field] : STEP_STEP;
}

static void
row_pathway_steps (PcImport *im)
{
  KindState *state = im->state;
  const char *pathway = _pc_import_required (im, STEP_PATHWAY);
  const char *site = _pc_import_reference (im, STEP_SITE, state->sites, "site", "sites");
  const char *provider = _pc_import_text (im, STEP_PROVIDER);
  g_autoptr(GError) refused = NULL;
  PcStepField field = PC_STEP_FIELD_NAME;
  PcPathwayKind kind = PC_KIND_BEST_PRACTICE;
  PcStep step = { 0, };
  PathwayRow *row;

  step.name = (char *) _pc_import_required (im, STEP_STEP);
  step.phase = (char *) _pc_import_required (im, STEP_PHASE);
  step.funding = (char *) _pc_import_funding (im, STEP_FUNDING);
  if (*provider != '\0' && !g_hash_table_contains (state->providers, provider))
    _pc_import_problem (im, STEP_PROVIDER, "unknown provider '%s' (import providers first)", provider);
  parse_step_values (im, &kind, &step);
  if (im->row_bad)
    return;
  if (!pc_pathway_writer_check_step (state->pathway_writer, &step, &field, &refused))
    {
      if (refused->domain != PC_ERROR || (refused->code != PC_ERROR_INVALID
                                          && refused->code != PC_ERROR_NOT_FOUND))
        {
          if (im->fatal == NULL)
            im->fatal = g_steal_pointer (&refused);
          return;
        }
      _pc_import_problem (im, step_column (field), "%s", refused->message);
      return;
    }
  if (!_pc_import_unique_key (im, g_strdup_printf ("%s" SEP "%s" SEP "%d" SEP "%s", pathway, step.name,
                                                   step.year_offset, pc_basis_to_string (step.basis)),
                              STEP_STEP))
    return;
  row = pathway_for_row (im, pathway, site, kind, *provider != '\0' ? provider : NULL);
  if (row == NULL || im->fatal != NULL)
    return;
  pc_pathway_writer_add_step (state->pathway_writer, pathway, row->next_position++, &step, &im->fatal);
}

/* -------------------------------------------------------------- scenarios */

enum { CHANGE_SCENARIO, CHANGE_PARAMETER, CHANGE_SITE, CHANGE_PATHWAY, CHANGE_STEP, CHANGE_STAGE,
       CHANGE_VALUE };
enum { INVEST_SCENARIO, INVEST_NAME, INVEST_FIRST, INVEST_LAST, INVEST_COST, INVEST_FUNDING,
       INVEST_SITE, INVEST_PATHWAY };

static gpointer
start_scenario_changes (PcImport *im)
{
  KindState *state = kind_state_new (im, NULL);

  state->scenario_writer = pc_scenario_writer_new (im->project, im->fatal == NULL ? &im->fatal : NULL);
  return state;
}

/* A column the parameter uses must be given; one it does not, left empty. */
static const char *
used_column (PcImport   *im,
             int         column,
             gboolean    used,
             const char *parameter)
{
  const char *text = _pc_import_text (im, column);

  if (used && *text == '\0')
    _pc_import_problem (im, column, "%s needs a value here", parameter);
  else if (!used && *text != '\0')
    _pc_import_problem (im, column, "%s does not use this column; leave it empty", parameter);
  return used && *text != '\0' ? text : NULL;
}

/* The file's column for the part of a change the store refused. */
static int
change_column (PcOverrideField field)
{
  switch (field)
    {
    case PC_OVERRIDE_SITE:
      return CHANGE_SITE;
    case PC_OVERRIDE_PATHWAY:
      return CHANGE_PATHWAY;
    case PC_OVERRIDE_STEP:
      return CHANGE_STEP;
    case PC_OVERRIDE_VALUE:
    default:
      return CHANGE_VALUE;
    }
}

static void
row_scenario_changes (PcImport *im)
{
  KindState *state = im->state;
  const char *scenario = _pc_import_required (im, CHANGE_SCENARIO);
  const char *name = _pc_import_required (im, CHANGE_PARAMETER);
  const char *stage_text;
  PcOverride o = { 0, };
  PcOverrideField field;
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    return;
  if (!pc_parameter_from_string (name, &o.parameter))
    {
      _pc_import_problem (im, CHANGE_PARAMETER, "'%s' is not a parameter (stage_share, "
                          "step_quantity, step_share, step_unit_cost, trend or inflation)", name);
      return;
    }
  o.site = (char *) used_column (im, CHANGE_SITE, o.parameter == PC_PARAMETER_STAGE_SHARE
                                 || o.parameter == PC_PARAMETER_TREND, name);
  o.pathway = (char *) used_column (im, CHANGE_PATHWAY, o.parameter >= PC_PARAMETER_STEP_QUANTITY
                                    && o.parameter <= PC_PARAMETER_STEP_UNIT_COST, name);
  o.step = (char *) used_column (im, CHANGE_STEP, o.pathway != NULL, name);
  stage_text = used_column (im, CHANGE_STAGE, o.parameter == PC_PARAMETER_STAGE_SHARE
                            || o.parameter == PC_PARAMETER_STEP_SHARE, name);
  o.stage = -1;
  if (stage_text != NULL && !pc_stage_from_string (stage_text, (PcStage *) &o.stage))
    _pc_import_problem (im, CHANGE_STAGE, "'%s' is not a stage (1, 2, 3, 4 or unknown)", stage_text);
  _pc_import_number (im, CHANGE_VALUE, PC_NUMBER_MONEY, &o.value);
  /* The store's check: sites, pathways and steps known, the value in range. */
  if (!im->row_bad && !pc_scenario_writer_check_change (state->scenario_writer, &o, &field, &error))
    _pc_import_problem (im, change_column (field), "%s", error->message);
  if (im->row_bad || !_pc_import_unique_key (im, g_strjoin (SEP, scenario, name,
                                                           o.site ? o.site : "", o.pathway ? o.pathway : "",
                                                           o.step ? o.step : "", stage_text ? stage_text : "",
                                                           NULL), CHANGE_SCENARIO))
    return;
  if (o.parameter == PC_PARAMETER_STAGE_SHARE)
    note_group (im, g_strjoin (SEP, scenario, o.site, NULL));
  if (im->fatal == NULL)
    pc_scenario_writer_add_change (state->scenario_writer, scenario, &o, &im->fatal);
}

/* A scenario's stage mix of each site must still sum to 1. */
static void
finish_scenario_changes (PcImport *im)
{
  KindState *state = im->state;
  GHashTableIter iter;
  gpointer group, line;

  g_hash_table_iter_init (&iter, state->groups);
  while (g_hash_table_iter_next (&iter, &group, &line))
    {
      g_auto(GStrv) parts = g_strsplit (group, SEP, 2);
      g_autoptr(GError) error = NULL;

      im->line = GPOINTER_TO_SIZE (line);
      if (!pc_scenario_writer_check_stage_mix (state->scenario_writer, parts[0], parts[1], &error))
        _pc_import_problem (im, CHANGE_VALUE, "%s", error->message);
    }
}

static gpointer
start_scenario_investments (PcImport *im)
{
  KindState *state = kind_state_new (im, NULL);

  state->scenario_writer = pc_scenario_writer_new (im->project, im->fatal == NULL ? &im->fatal : NULL);
  return state;
}

static void
row_scenario_investments (PcImport *im)
{
  KindState *state = im->state;
  const char *scenario = _pc_import_required (im, INVEST_SCENARIO);
  const char *name = _pc_import_required (im, INVEST_NAME);
  const char *funding = _pc_import_funding (im, INVEST_FUNDING);
  const char *site = *_pc_import_text (im, INVEST_SITE) != '\0'
                     ? _pc_import_text (im, INVEST_SITE) : NULL;
  const char *pathway = *_pc_import_text (im, INVEST_PATHWAY) != '\0'
                        ? _pc_import_text (im, INVEST_PATHWAY) : NULL;
  int first, last;
  double cost;

  _pc_import_integer (im, INVEST_FIRST, 1900, 2200, &first);
  if (_pc_import_integer (im, INVEST_LAST, 1900, 2200, &last) && !im->row_bad && last < first)
    _pc_import_problem (im, INVEST_LAST, "last_year %d is before first_year %d", last, first);
  _pc_import_number (im, INVEST_COST, PC_NUMBER_MONEY | PC_NUMBER_NOT_NEGATIVE, &cost);
  if (!im->row_bad)
    {
      /* The store's rule for a line's scope: the site and pathway exist,
       * and a pathway given with a site is of that site. */
      PcInvestment line = { (char *) name, first, last, cost, (char *) funding,
                            (char *) site, (char *) pathway };
      g_autoptr(GError) error = NULL;

      if (!pc_scenario_writer_check_investment (state->scenario_writer, &line, &error))
        _pc_import_problem (im, pathway != NULL ? INVEST_PATHWAY : INVEST_SITE, "%s",
                            error->message);
    }
  if (im->row_bad || !_pc_import_unique_key (im, g_strjoin (SEP, scenario, name, NULL), INVEST_NAME))
    return;
  if (im->fatal == NULL)
    {
      PcInvestment line = { (char *) name, first, last, cost, (char *) funding,
                            (char *) site, (char *) pathway };

      pc_scenario_writer_add_investment (state->scenario_writer, scenario, &line, &im->fatal);
    }
}

/* ------------------------------------------------------------------ table */

#define R(name) { name, TRUE }
#define O(name) { name, FALSE }

static const PcKindSpec kinds[PC_N_IMPORT_KINDS] = {
  { "tariffs", "code, description, unit, price, year",
    { R ("code"), R ("description"), R ("unit"), R ("price"), R ("year") },
    start_tariffs, row_tariffs, finish_nothing, kind_state_free },
  { "providers", "code, name, mff",
    { R ("code"), R ("name"), R ("mff") },
    start_providers, row_providers, finish_nothing, kind_state_free },
  { "areas", "code, name",
    { R ("code"), R ("name") },
    start_areas, row_areas, finish_nothing, kind_state_free },
  { "population", "area, year, sex, age_band, count",
    { R ("area"), R ("year"), R ("sex"), R ("age_band"), R ("count") },
    start_population, row_population, finish_population, kind_state_free },
  { "sites", "code, name, icd10, trend",
    { R ("code"), R ("name"), R ("icd10"), R ("trend") },
    start_sites, row_sites, finish_nothing, kind_state_free },
  { "incidence", "site, sex, age_band, rate_per_100k",
    { R ("site"), R ("sex"), R ("age_band"), R ("rate_per_100k") },
    start_incidence, row_incidence, finish_nothing, kind_state_free },
  { "stages", "site, stage, share",
    { R ("site"), R ("stage"), R ("share") },
    start_stages, row_stages, finish_stages, kind_state_free },
  { "survival", "site, stage, year, surviving",
    { R ("site"), R ("stage"), R ("year"), R ("surviving") },
    start_survival, row_survival, finish_survival, kind_state_free },
  { "pathway_steps", "pathway, site, kind, provider, phase, year_offset, basis, step, activity, "
    "tariff_code, local_unit_cost, quantity, stage_1 … stage_unknown, funding, provider_unit_cost",
    { R ("pathway"), R ("site"), R ("kind"), O ("provider"), R ("phase"), R ("year_offset"),
      R ("basis"), R ("step"), R ("activity"), O ("tariff_code"), O ("local_unit_cost"),
      R ("quantity"), R ("stage_1"), R ("stage_2"), R ("stage_3"), R ("stage_4"),
      R ("stage_unknown"), R ("funding"), O ("provider_unit_cost") },
    start_pathway_steps, row_pathway_steps, finish_nothing, kind_state_free },
  { "scenario_changes", "scenario, parameter, site, pathway, step, stage, value",
    { R ("scenario"), R ("parameter"), O ("site"), O ("pathway"), O ("step"), O ("stage"),
      R ("value") },
    start_scenario_changes, row_scenario_changes, finish_scenario_changes, kind_state_free },
  { "scenario_investments", "scenario, name, first_year, last_year, cost_per_year, funding, "
    "site, pathway",
    { R ("scenario"), R ("name"), R ("first_year"), R ("last_year"), R ("cost_per_year"),
      R ("funding"), O ("site"), O ("pathway") },
    start_scenario_investments, row_scenario_investments, finish_nothing, kind_state_free },
  { "activity", "patient, provider, area, site, stage, date, hrg, activity, quantity, cost, "
    "tariff_paid",
    { R ("patient"), R ("provider"), R ("area"), R ("site"), R ("stage"), R ("date"), R ("hrg"),
      R ("activity"), R ("quantity"), R ("cost"), R ("tariff_paid") },
    _pc_import_start_activity, _pc_import_row_activity, _pc_import_finish_activity,
    _pc_import_free_activity, _pc_import_stop_activity },
  { "area_groups", "group, name, area",
    { R ("group"), R ("name"), R ("area") },
    _pc_import_start_area_groups, _pc_import_row_area_groups, finish_nothing,
    _pc_import_free_area_groups },
  { "population_ons", "AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, then one column per year",
    { R ("AREA_CODE"), O ("AREA_NAME"), O ("COMPONENT"), R ("SEX"), R ("AGE_GROUP") },
    _pc_import_start_population_ons, _pc_import_row_population_ons,
    _pc_import_finish_population_ons, _pc_import_free_population_ons },
};

const PcKindSpec *
_pc_import_kind_spec (PcImportKind kind)
{
  g_return_val_if_fail (kind < PC_N_IMPORT_KINDS, NULL);
  return &kinds[kind];
}
