/* pc-importer-nhs.c: kinds of CSV as the NHS and ONS publish them
 * (docs/FORMATS.md): area groups (an ICB and its places) and the ONS
 * subnational population projections, unchanged; and today's names of the
 * funding streams.
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

#define SEP "\x1f"

/* ------------------------------------------------------------ funding */

const char *
_pc_import_funding (PcImport *im,
                    int       column)
{
  const char *funding = _pc_import_required (im, column);

  /* CCGs became ICBs in July 2022: an older file still says "ccg". */
  if (funding != NULL && g_ascii_strcasecmp (funding, "ccg") == 0)
    {
      if (!im->said_ccg)
        _pc_import_note (im, "funding 'ccg' is read as 'icb' (CCGs became integrated care "
                         "boards in July 2022)");
      im->said_ccg = TRUE;
      return "icb";
    }
  return funding;
}

/* -------------------------------------------------------- area groups */

enum { GROUP_CODE, GROUP_NAME, GROUP_AREA };

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *delete_group;
  GHashTable   *areas;
  GHashTable   *names;        /* group → its name, as its first row gave it */
} GroupState;

static void
group_state_free (gpointer data)
{
  GroupState *state = data;

  g_clear_pointer (&state->areas, g_hash_table_unref);
  g_clear_pointer (&state->names, g_hash_table_unref);
  g_free (state);
}

gpointer
_pc_import_start_area_groups (PcImport *im)
{
  GroupState *state = g_new0 (GroupState, 1);

  state->insert = _pc_import_prepare (im, "INSERT INTO area_groups VALUES (?, ?, ?)");
  state->delete_group = _pc_import_prepare (im, "DELETE FROM area_groups WHERE code = ?");
  state->areas = _pc_import_load_codes (im, "SELECT code FROM areas");
  state->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return state;
}

/* A group named in the file replaces that group whole: the file lists
 * every member. */
void
_pc_import_row_area_groups (PcImport *im)
{
  GroupState *state = im->state;
  const char *group = _pc_import_required (im, GROUP_CODE);
  const char *name = _pc_import_required (im, GROUP_NAME);
  const char *area = _pc_import_reference (im, GROUP_AREA, state->areas, "area", "areas");
  const char *first_name;

  if (group != NULL && g_hash_table_contains (state->areas, group))
    _pc_import_problem (im, GROUP_CODE, "'%s' is an area code: a group needs a code of its own",
                        group);
  if (im->row_bad
      || !_pc_import_unique_key (im, g_strjoin (SEP, group, area, NULL), GROUP_AREA))
    return;
  first_name = g_hash_table_lookup (state->names, group);
  if (first_name != NULL && strcmp (first_name, name) != 0)
    {
      _pc_import_problem (im, GROUP_NAME, "group '%s' is called '%s' on an earlier line",
                          group, first_name);
      return;
    }
  if (first_name == NULL)
    {
      g_hash_table_insert (state->names, g_strdup (group), g_strdup (name));
      sqlite3_bind_text (state->delete_group, 1, group, -1, SQLITE_STATIC);
      _pc_import_step (im, state->delete_group);
    }
  sqlite3_bind_text (state->insert, 1, group, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (state->insert, 3, area, -1, SQLITE_STATIC);
  _pc_import_step (im, state->insert);
}

void
_pc_import_free_area_groups (gpointer state)
{
  group_state_free (state);
}

/* ----------------------------------------------------- population_ons */

enum { ONS_AREA_CODE, ONS_AREA_NAME, ONS_COMPONENT, ONS_SEX, ONS_AGE_GROUP };

#define ONS_FIRST_YEAR 1900
#define ONS_LAST_YEAR  2200

typedef struct
{
  sqlite3_stmt *insert;
  GHashTable   *areas;
  GArray       *year_fields;   /* of guint: the header's year columns … */
  GArray       *years;         /* of int: … and their years */
  GHashTable   *counts;        /* "area␟year␟sex␟band" → double*, summed over single ages */
  GHashTable   *skipped;       /* codes not in the project */
  guint64       n_skipped;
} OnsState;

static void
ons_state_free (gpointer data)
{
  OnsState *state = data;

  g_clear_pointer (&state->areas, g_hash_table_unref);
  g_clear_pointer (&state->year_fields, g_array_unref);
  g_clear_pointer (&state->years, g_array_unref);
  g_clear_pointer (&state->counts, g_hash_table_unref);
  g_clear_pointer (&state->skipped, g_hash_table_unref);
  g_free (state);
}

void
_pc_import_free_population_ons (gpointer state)
{
  ons_state_free (state);
}

/* "2022" … "2047": every column whose name is a year. */
static gboolean
parse_year_column (const char *name,
                   int        *year)
{
  char *end = NULL;
  gint64 value;

  if (strlen (name) != 4 || !g_ascii_isdigit (name[0]))
    return FALSE;
  value = g_ascii_strtoll (name, &end, 10);
  if (end == NULL || *end != '\0' || value < ONS_FIRST_YEAR || value > ONS_LAST_YEAR)
    return FALSE;
  *year = (int) value;
  return TRUE;
}

gpointer
_pc_import_start_population_ons (PcImport *im)
{
  OnsState *state = g_new0 (OnsState, 1);

  state->insert = _pc_import_prepare (im, "INSERT OR REPLACE INTO population VALUES (?, ?, ?, ?, ?)");
  state->areas = _pc_import_load_codes (im, "SELECT code FROM areas");
  state->year_fields = g_array_new (FALSE, FALSE, sizeof (guint));
  state->years = g_array_new (FALSE, FALSE, sizeof (int));
  state->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The header is still the current record when a kind starts. */
  for (guint f = 0; f < pc_csv_get_n_fields (im->csv); f++)
    {
      int year;

      if (parse_year_column (g_strstrip (pc_csv_get_field (im->csv, f)), &year))
        {
          g_array_append_val (state->year_fields, f);
          g_array_append_val (state->years, year);
        }
    }
  if (state->years->len == 0)
    _pc_import_fail (im, "%s:1: no year columns (an ONS projection has one column per year, "
                     "2022 to 2047)", im->file);
  return state;
}

/* SEX as ONS writes it: "females"/"female"/"2", "males"/"male"/"1";
 * "persons" and "all" are the sum of both and are skipped (FALSE). */
static gboolean
ons_sex (PcImport   *im,
         const char *text,
         PcSex      *sex,
         gboolean   *skip)
{
  *skip = FALSE;
  if (g_ascii_strcasecmp (text, "females") == 0 || g_ascii_strcasecmp (text, "female") == 0
      || strcmp (text, "2") == 0)
    *sex = PC_SEX_F;
  else if (g_ascii_strcasecmp (text, "males") == 0 || g_ascii_strcasecmp (text, "male") == 0
           || strcmp (text, "1") == 0)
    *sex = PC_SEX_M;
  else if (g_ascii_strcasecmp (text, "persons") == 0 || g_ascii_strcasecmp (text, "all") == 0)
    *skip = TRUE;
  else
    {
      _pc_import_problem (im, ONS_SEX, "'%s' is not a sex (females, males, or persons to skip)",
                          text);
      return FALSE;
    }
  return TRUE;
}

/* AGE_GROUP: single years "0" … "89" and "90 and over", into the project's
 * five-year bands; "All ages" is skipped. */
static gboolean
ons_band (PcImport   *im,
          const char *text,
          guint      *band,
          gboolean   *skip)
{
  char *end = NULL;
  gint64 age;

  *skip = FALSE;
  if (g_ascii_strcasecmp (text, "all ages") == 0)
    {
      *skip = TRUE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (text, "90 and over") == 0 || strcmp (text, "90+") == 0)
    {
      *band = PC_N_AGE_BANDS - 1;
      return TRUE;
    }
  age = g_ascii_strtoll (text, &end, 10);
  if (*text != '\0' && g_ascii_isdigit (*text) && end != NULL && *end == '\0'
      && age >= 0 && age <= 89)
    {
      *band = (guint) age / 5;
      return TRUE;
    }
  _pc_import_problem (im, ONS_AGE_GROUP, "'%s' is not an age group (0 to 89, \"90 and over\" "
                      "or \"All ages\")", text);
  return FALSE;
}

static void
add_count (OnsState   *state,
           const char *area,
           int         year,
           PcSex       sex,
           guint       band,
           double      count)
{
  g_autofree char *key = g_strdup_printf ("%s" SEP "%d" SEP "%s" SEP "%s", area, year,
                                          pc_sex_to_string (sex), pc_age_band_to_string (band));
  double *sum = g_hash_table_lookup (state->counts, key);

  if (sum == NULL)
    {
      sum = g_new0 (double, 1);
      g_hash_table_insert (state->counts, g_steal_pointer (&key), sum);
    }
  *sum += count;
}

/* One year column's count: a number, 0 or more; ONS writes three decimals. */
static gboolean
year_count (PcImport *im,
            guint     field,
            int       year,
            double   *count)
{
  const char *text = pc_csv_get_field (im->csv, field);
  char *end = NULL;

  while (*text == ' ')
    text++;
  *count = g_ascii_strtod (text, &end);
  if (*text != '\0' && end != NULL && *end == '\0' && isfinite (*count) && *count >= 0)
    return TRUE;
  _pc_import_problem_at (im, field, "'%s' is not a count of people for %d (a number, 0 or more)",
                         text, year);
  return FALSE;
}

void
_pc_import_row_population_ons (PcImport *im)
{
  OnsState *state = im->state;
  const char *code = _pc_import_required (im, ONS_AREA_CODE);
  const char *component = _pc_import_text (im, ONS_COMPONENT);
  gboolean skip_sex, skip_age, sex_ok, age_ok;
  guint band = 0;
  PcSex sex = PC_SEX_F;

  if (*component != '\0' && g_ascii_strcasecmp (component, "population") != 0)
    return;
  /* Both read before either is judged, so a row's two problems are listed. */
  sex_ok = ons_sex (im, _pc_import_text (im, ONS_SEX), &sex, &skip_sex);
  age_ok = ons_band (im, _pc_import_text (im, ONS_AGE_GROUP), &band, &skip_age);
  if (!sex_ok || !age_ok || code == NULL || skip_sex || skip_age)
    return;
  if (!g_hash_table_contains (state->areas, code))
    {
      /* Regions, counties and other places: counted, not imported. */
      state->n_skipped++;
      g_hash_table_add (state->skipped, g_strdup (code));
      return;
    }
  if (!_pc_import_unique_key (im, g_strjoin (SEP, code, _pc_import_text (im, ONS_SEX),
                                             _pc_import_text (im, ONS_AGE_GROUP), NULL),
                              ONS_AGE_GROUP))
    return;
  for (guint i = 0; i < state->years->len; i++)
    {
      double count;

      if (year_count (im, g_array_index (state->year_fields, guint, i),
                      g_array_index (state->years, int, i), &count))
        add_count (state, code, g_array_index (state->years, int, i), sex, band, count);
    }
}

void
_pc_import_finish_population_ons (PcImport *im)
{
  OnsState *state = im->state;
  GHashTableIter iter;
  gpointer key, sum;

  g_hash_table_iter_init (&iter, state->counts);
  while (im->fatal == NULL && g_hash_table_iter_next (&iter, &key, &sum))
    {
      g_auto(GStrv) parts = g_strsplit (key, SEP, 4);

      sqlite3_bind_text (state->insert, 1, parts[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (state->insert, 2, atoi (parts[1]));
      sqlite3_bind_text (state->insert, 3, parts[2], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (state->insert, 4, parts[3], -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (state->insert, 5, *(double *) sum);
      _pc_import_step (im, state->insert);
    }
  if (state->n_skipped > 0)
    _pc_import_note (im, "%" G_GUINT64_FORMAT " rows for %u %s not in the project (regions, "
                     "other places) were skipped", state->n_skipped,
                     g_hash_table_size (state->skipped),
                     g_hash_table_size (state->skipped) == 1 ? "place" : "places");
  if (g_hash_table_size (state->counts) == 0)
    _pc_import_note (im, "no rows were for areas of the project: nothing was imported");
}
