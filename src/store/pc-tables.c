/* pc-tables.c: the project's tables as people and the checks see them.
 * The SQL that builds them is pc-schema.c's; this says what each column
 * means, so that a new column is one line here and one in a migration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-project"

#include "config.h"

#include <float.h>
#include <glib/gi18n.h>

#include "pc-model.h"
#include "pc-tables.h"

#define ANY_LOW  (-DBL_MAX)
#define ANY_HIGH DBL_MAX
/* The last day the activity import accepts, 9999-12-31, as a day number
 * from 0001-01-01 = 1. */
#define LAST_DAY 3652059

/* A column no view shows: only its values are described. */
#define TEXT(name) { name, PC_VALUE_TEXT, PC_VALUE_DEFAULT, 0, 0, "text", NULL, PC_CELL_TEXT, 0, 0 }
#define TEXT_OR_NULL(name) { name, PC_VALUE_TEXT, PC_VALUE_NULLABLE, 0, 0, "text", NULL, PC_CELL_TEXT, 0, 0 }
#define YEAR(name) { name, PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 1900, 2200, "a year from 1900 to 2200", \
                     NULL, PC_CELL_YEAR, 0, 0 }
#define NOT_NEGATIVE(name) { name, PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a number of 0 or more", \
                             NULL, PC_CELL_DECIMAL, 0, 0 }
#define SHARE(name) { name, PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, 1, "a share from 0 to 1", \
                      NULL, PC_CELL_PERCENT, 0, 0 }
/* A column the reference view shows. */
#define SHOWN_TEXT(name, title) { name, PC_VALUE_TEXT, PC_VALUE_DEFAULT, 0, 0, "text", title, PC_CELL_TEXT, 0, 0 }
#define END { NULL, 0, 0, 0, 0, NULL, NULL, 0, 0, 0 }

/* Decimals: the minimum lines a column up (survival's 0.995 and 0.9899
 * read 99.50% and 98.99%); up to the maximum when a figure carries more,
 * trailing zeros trimmed, so that no stored precision is hidden. */
static const PcColumnInfo settings_columns[] = { TEXT ("key"), TEXT ("value"), END };
static const PcColumnInfo tariffs_columns[] = {
  SHOWN_TEXT ("code", N_("Code")), SHOWN_TEXT ("description", N_("Description")),
  SHOWN_TEXT ("unit", N_("Unit")),
  { "price", PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a number of 0 or more",
    N_("Price"), PC_CELL_MONEY, 2, 2 },
  { "year", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 1948, 2200, "a year from 1948 to 2200",
    N_("Year"), PC_CELL_YEAR, 0, 0 },
  END
};
static const PcColumnInfo providers_columns[] = {
  SHOWN_TEXT ("code", N_("Code")), SHOWN_TEXT ("name", N_("Name")),
  { "mff", PC_VALUE_REAL, PC_VALUE_LOW_EXCLUDED, 0, ANY_HIGH, "a number more than 0",
    N_("Market forces factor"), PC_CELL_DECIMAL, 2, 5 },
  END
};
static const PcColumnInfo areas_columns[] = {
  SHOWN_TEXT ("code", N_("Code")), SHOWN_TEXT ("name", N_("Name")), END
};
static const PcColumnInfo population_columns[] = {
  SHOWN_TEXT ("area", N_("Area")),
  { "year", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 1900, 2200, "a year from 1900 to 2200",
    N_("Year"), PC_CELL_YEAR, 0, 0 },
  SHOWN_TEXT ("sex", N_("Sex")), SHOWN_TEXT ("age_band", N_("Age band")),
  { "count", PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a number of 0 or more",
    N_("Count"), PC_CELL_COUNT, 0, 2 },
  END
};
static const PcColumnInfo sites_columns[] = {
  SHOWN_TEXT ("code", N_("Code")), SHOWN_TEXT ("name", N_("Name")),
  SHOWN_TEXT ("icd10", N_("ICD-10 codes")),
  { "trend", PC_VALUE_REAL, PC_VALUE_LOW_EXCLUDED, -1, ANY_HIGH, "an annual change more than -1",
    N_("Annual trend"), PC_CELL_PERCENT, 2, 4 },
  END
};
static const PcColumnInfo incidence_columns[] = {
  SHOWN_TEXT ("site", N_("Site")), SHOWN_TEXT ("sex", N_("Sex")),
  SHOWN_TEXT ("age_band", N_("Age band")),
  { "rate_per_100k", PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a number of 0 or more",
    N_("Rate per 100,000"), PC_CELL_DECIMAL, 1, 4 },
  END
};
static const PcColumnInfo stages_columns[] = {
  SHOWN_TEXT ("site", N_("Site")), SHOWN_TEXT ("stage", N_("Stage")),
  { "share", PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, 1, "a share from 0 to 1",
    N_("Share of cases"), PC_CELL_PERCENT, 2, 4 },
  END
};
static const PcColumnInfo survival_columns[] = {
  SHOWN_TEXT ("site", N_("Site")), SHOWN_TEXT ("stage", N_("Stage")),
  { "year", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 1, PC_MAX_OFFSET, "a year after diagnosis from 1 to 5",
    N_("Years after diagnosis"), PC_CELL_YEAR, 0, 0 },
  { "surviving", PC_VALUE_REAL, PC_VALUE_DEFAULT, 0, 1, "a share from 0 to 1",
    N_("Surviving"), PC_CELL_PERCENT, 2, 4 },
  END
};
static const PcColumnInfo pathways_columns[] = {
  TEXT ("name"), TEXT ("site"), TEXT ("kind"), TEXT_OR_NULL ("provider"), END
};
static const PcColumnInfo pathway_steps_columns[] = {
  TEXT ("pathway"),
  { "position", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 0, G_MAXINT32, "a position of 0 or more",
    NULL, PC_CELL_COUNT, 0, 0 },
  TEXT ("phase"),
  { "year_offset", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 0, PC_MAX_OFFSET, "a year offset from 0 to 5",
    NULL, PC_CELL_COUNT, 0, 0 },
  TEXT ("basis"), TEXT ("step"), TEXT ("activity"), TEXT_OR_NULL ("tariff_code"),
  { "local_unit_cost", PC_VALUE_REAL, PC_VALUE_NULLABLE, 0, ANY_HIGH, "an amount of 0 or more",
    NULL, PC_CELL_MONEY, 2, 2 },
  NOT_NEGATIVE ("quantity"),
  SHARE ("stage_1"), SHARE ("stage_2"), SHARE ("stage_3"), SHARE ("stage_4"),
  SHARE ("stage_unknown"), TEXT ("funding"),
  { "provider_unit_cost", PC_VALUE_REAL, PC_VALUE_NULLABLE, 0, ANY_HIGH, "an amount of 0 or more",
    NULL, PC_CELL_MONEY, 2, 2 },
  END
};
static const PcColumnInfo scenario_changes_columns[] = {
  TEXT ("scenario"), TEXT ("parameter"), TEXT ("site"), TEXT ("pathway"), TEXT ("step"),
  TEXT ("stage"),
  { "value", PC_VALUE_REAL, PC_VALUE_DEFAULT, ANY_LOW, ANY_HIGH, "a number", NULL, PC_CELL_DECIMAL, 0, 0 },
  END
};
static const PcColumnInfo scenario_investments_columns[] = {
  TEXT ("scenario"), TEXT ("name"), YEAR ("first_year"), YEAR ("last_year"),
  NOT_NEGATIVE ("cost_per_year"), TEXT ("funding"), TEXT ("site"), TEXT ("pathway"), END
};
static const PcColumnInfo activity_columns[] = {
  TEXT ("patient"), TEXT ("provider"), TEXT ("area"), TEXT ("site"), TEXT ("stage"),
  { "day", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 1, LAST_DAY, "a date from 0001-01-01 to 9999-12-31",
    NULL, PC_CELL_COUNT, 0, 0 },
  TEXT ("hrg"), TEXT ("activity"), NOT_NEGATIVE ("quantity"), NOT_NEGATIVE ("cost"),
  NOT_NEGATIVE ("tariff_paid"), END
};
static const PcColumnInfo risk_register_columns[] = {
  TEXT ("pathway"), TEXT ("step"), TEXT ("provider"), TEXT ("stage"), TEXT ("kind"),
  TEXT ("owner"), TEXT ("action"), TEXT ("status"),
  { "due", PC_VALUE_DATE, PC_VALUE_NULLABLE, 0, 0, "a date YYYY-MM-DD or empty", NULL,
    PC_CELL_TEXT, 0, 0 },
  END
};
#define COUNT(name) { name, PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a count of 0 or more", \
                      NULL, PC_CELL_COUNT, 0, 0 }
static const PcColumnInfo activity_flows_columns[] = {
  TEXT ("area"), TEXT ("provider"), COUNT ("patients"), NOT_NEGATIVE ("cost"),
  NOT_NEGATIVE ("tariff_paid"), END
};
static const PcColumnInfo activity_costs_columns[] = {
  TEXT ("site"), TEXT ("provider"), TEXT ("stage"), COUNT ("patients"), NOT_NEGATIVE ("mean"),
  NOT_NEGATIVE ("q1"), NOT_NEGATIVE ("median"), NOT_NEGATIVE ("q3"),
  NOT_NEGATIVE ("outpatient"), NOT_NEGATIVE ("imaging"), NOT_NEGATIVE ("elective"),
  NOT_NEGATIVE ("daycase"), NOT_NEGATIVE ("bed_day"), NOT_NEGATIVE ("chemotherapy"),
  NOT_NEGATIVE ("radiotherapy"), NOT_NEGATIVE ("drug"), NOT_NEGATIVE ("community"),
  NOT_NEGATIVE ("other"), END
};
static const PcColumnInfo activity_unit_costs_columns[] = {
  TEXT ("provider"), TEXT ("hrg"), COUNT ("records"), NOT_NEGATIVE ("quantity"),
  NOT_NEGATIVE ("cost"), END
};
static const PcColumnInfo activity_reach_columns[] = {
  TEXT ("site"), TEXT ("provider"), TEXT ("stage"), TEXT ("hrg"),
  { "year_offset", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 0, PC_MAX_OFFSET, "a year offset from 0 to 5",
    NULL, PC_CELL_COUNT, 0, 0 },
  COUNT ("patients"), END
};
static const PcColumnInfo area_groups_columns[] = {
  TEXT ("code"), TEXT ("name"), TEXT ("area"), END
};
static const PcColumnInfo imports_columns[] = {
  TEXT ("kind"), TEXT ("file_name"), TEXT ("sha256"),
  { "rows", PC_VALUE_INTEGER, PC_VALUE_DEFAULT, 0, ANY_HIGH, "a count of 0 or more",
    NULL, PC_CELL_COUNT, 0, 0 },
  TEXT ("imported_at"), TEXT ("source"), END
};

/* Age bands are text ("0-4", "5-9", "10-14", "90+"): compared as text, 5-9
 * would come after 45-49.  Ordering by the band's first number keeps the
 * primary key's order everywhere else; the index still sorts the other
 * columns, and the rest costs 0.2 s for a million rows (measured). */
#define AGE_ORDER "CAST (age_band AS INTEGER), age_band"

/* The reference view's order: what a user meets first. */
static const PcTableInfo tables[] = {
  { "settings", NULL, "key", "key", FALSE, settings_columns },
  { "tariffs", N_("Tariffs"), "code", "code", FALSE, tariffs_columns },
  { "providers", N_("Providers"), "code", "code", FALSE, providers_columns },
  { "areas", N_("Areas"), "code", "code", FALSE, areas_columns },
  { "population", N_("Population"), "area, year, sex, age_band", "area, year, sex, " AGE_ORDER,
    FALSE, population_columns },
  { "sites", N_("Tumour sites"), "code", "code", FALSE, sites_columns },
  { "incidence", N_("Incidence"), "site, sex, age_band", "site, sex, " AGE_ORDER, FALSE,
    incidence_columns },
  { "stages", N_("Stage at diagnosis"), "site, stage", "site, stage", FALSE, stages_columns },
  { "survival", N_("Survival"), "site, stage, year", "site, stage, year", FALSE, survival_columns },
  { "pathways", NULL, "name", "name", FALSE, pathways_columns },
  { "pathway_steps", NULL, "pathway, position", "pathway, position", FALSE, pathway_steps_columns },
  { "scenario_changes", NULL, "scenario, parameter, site, pathway, step, stage",
    "scenario, parameter, site, pathway, step, stage", FALSE, scenario_changes_columns },
  { "scenario_investments", NULL, "scenario, name", "scenario, name", FALSE,
    scenario_investments_columns },
  { "activity", NULL, "id", "id", TRUE, activity_columns },
  { "risk_register", NULL, "pathway, step, provider, stage, kind",
    "pathway, step, provider, stage, kind", FALSE, risk_register_columns },
  { "area_groups", N_("Area groups"), "code, area", "code, area", FALSE, area_groups_columns },
  { "imports", NULL, "id", "id", FALSE, imports_columns },
  { "activity_flows", NULL, "area, provider", "area, provider", FALSE, activity_flows_columns },
  { "activity_costs", NULL, "site, provider, stage", "site, provider, stage", FALSE,
    activity_costs_columns },
  { "activity_unit_costs", NULL, "provider, hrg", "provider, hrg", FALSE,
    activity_unit_costs_columns },
  { "activity_reach", NULL, "site, provider, stage, hrg, year_offset",
    "site, provider, stage, hrg, year_offset", FALSE, activity_reach_columns },
};

const PcTableInfo *
pc_tables_get_all (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const PcTableInfo *
pc_tables_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].name, name))
      return &tables[i];
  return NULL;
}

guint
pc_table_get_n_columns (const PcTableInfo *table)
{
  guint n = 0;

  while (table->columns[n].name != NULL)
    n++;
  return n;
}
