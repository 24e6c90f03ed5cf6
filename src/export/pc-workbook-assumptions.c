/* pc-workbook-assumptions.c: the Assumptions sheet, every input behind the
 * projection in unlocked, validated cells with defined names: settings,
 * stage mix, survival, incidence rates and the population they apply to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-format.h"
#include "pc-workbook-private.h"

#define HEADER_ROW          (PC_WB_AS_RATES_ROW - 2)
#define LAST_COUNT_COL      (PC_WB_AS_COUNT_COL + PC_N_SEXES * PC_N_AGE_BANDS - 1)
#define MAX_POPULATION_NAMES 250

static const char * const stage_names[PC_N_STAGES] = {
  "StageShare_1", "StageShare_2", "StageShare_3", "StageShare_4", "StageShare_unknown",
};

const char *
_pc_wb_stage_share_name (guint stage)
{
  return stage_names[stage];
}

static void
write_setting (PcWb          *wb,
               lxw_worksheet *sheet,
               lxw_row_t      row,
               const char    *label,
               const char    *name,
               double         value,
               PcWbFormat     format,
               const char    *note)
{
  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, PC_WB_AS_VALUE_COL, value, format);
  if (note != NULL)
    _pc_wb_text (wb, sheet, row, 2, note, PC_WB_NOTE);
  _pc_wb_define_name (wb, name, NULL, PC_WB_REF_ASSUMPTIONS, row, PC_WB_AS_VALUE_COL,
                      row, PC_WB_AS_VALUE_COL);
}

/* A year input: a whole financial year, named, with a live note that
 * spells it as 2019/20 followed by @meaning. */
static void
write_year_setting (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    const char    *label,
                    const char    *name,
                    int            year,
                    const char    *meaning)
{
  g_autofree char *financial_year = pc_format_financial_year (year);
  g_autofree char *note = g_strdup_printf ("%s: %s", financial_year, meaning);

  /* @meaning is our own text: no quote to double inside the formula. */
  g_assert (strchr (meaning, '"') == NULL);
  write_setting (wb, sheet, row, label, name, year, PC_WB_YEAR_INPUT, NULL);
  _pc_wb_formula_text (wb, sheet, row, 2, PC_WB_NOTE, note,
                       "=" PC_WB_FINANCIAL_YEAR ("%s") "&\": %s\"", name, name, meaning);
  _pc_wb_validate_year (wb, sheet, row, PC_WB_AS_VALUE_COL, 1900, 2200,
                        "A financial year is a whole year from 1900 to 2200 (2019 means "
                        "2019/20).");
}

/* The projection's first year (fixed by the export: the rows are its
 * years) and the base years of docs/MODEL.md#base-years, which are
 * inputs. */
static void
write_years (PcWb          *wb,
             lxw_worksheet *sheet)
{
  g_autofree char *first = pc_format_financial_year (wb->input->base_year);
  g_autofree char *first_note =
    g_strdup_printf ("%s, fixed by the export: the net present value discounts to this year",
                     first);

  write_setting (wb, sheet, PC_WB_AS_FIRST_YEAR_ROW, "First year of the projection",
                 "FirstYear", wb->input->base_year, PC_WB_YEAR, first_note);
  write_year_setting (wb, sheet, PC_WB_AS_INCIDENCE_YEAR_ROW, "Incidence year",
                      "IncidenceYear", wb->input->incidence_year,
                      "the year the incidence rates describe; the trend counts from it");
  write_year_setting (wb, sheet, PC_WB_AS_PRICE_YEAR_ROW, "Price year", "PriceYear",
                      wb->input->price_year,
                      "the year whose prices the tariffs, local costs and investments are "
                      "in; inflation counts from it");
}

static void
write_general (PcWb          *wb,
               lxw_worksheet *sheet)
{
  const PcProjectionInput *input = wb->input;
  g_autofree char *trend_note = g_strdup_printf ("Annual change in the incidence of %s; "
                                                 "applies as (1 + trend)^(year − incidence "
                                                 "year)", wb->pathway->site);
  g_autofree char *mff_note = wb->pathway->provider != NULL
    ? g_strdup_printf ("Market forces factor of %s %s; applies to tariff prices",
                       wb->pathway->provider, wb->provider_name != NULL ? wb->provider_name : "")
    : g_strdup ("The pathway names no provider: tariff prices at MFF 1.0");
  const lxw_col_t v = PC_WB_AS_VALUE_COL;

  _pc_wb_text (wb, sheet, 3, 0, "General", PC_WB_HEADING);
  _pc_wb_text (wb, sheet, 4, 0, "Item", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 4, v, "Value", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 4, 2, "Notes", PC_WB_HEADER);
  write_years (wb, sheet);
  write_setting (wb, sheet, PC_WB_AS_INFLATION_ROW, "Inflation (annual)", "Inflation",
                 input->inflation, PC_WB_PERCENT_INPUT,
                 "Costs of year y are at (1 + inflation)^(y − price year) × price-year prices");
  write_setting (wb, sheet, PC_WB_AS_DISCOUNT_ROW, "Discount rate (annual)", "DiscountRate",
                 input->discount_rate, PC_WB_PERCENT_INPUT,
                 "For the net present value, discounted to the first year "
                 "(HM Treasury Green Book: 3.5%)");
  write_setting (wb, sheet, PC_WB_AS_TREND_ROW, "Incidence trend (annual)", "IncidenceTrend",
                 input->trend, PC_WB_PERCENT_INPUT, trend_note);
  write_setting (wb, sheet, PC_WB_AS_MFF_ROW, "Market forces factor (MFF)", "MarketForcesFactor",
                 wb->pathway->mff, PC_WB_FACTOR_INPUT, mff_note);
  _pc_wb_validate (wb, sheet, PC_WB_AS_INFLATION_ROW, v, PC_WB_AS_INFLATION_ROW, v, -0.5, 1.0,
                   "Inflation is an annual fraction from -50% to 100%.");
  _pc_wb_validate (wb, sheet, PC_WB_AS_DISCOUNT_ROW, v, PC_WB_AS_DISCOUNT_ROW, v, 0.0, 1.0,
                   "The discount rate is an annual fraction from 0% to 100%.");
  _pc_wb_validate (wb, sheet, PC_WB_AS_TREND_ROW, v, PC_WB_AS_TREND_ROW, v, -1.0, 1.0,
                   "The trend is an annual fraction from -100% to 100%.");
  _pc_wb_validate (wb, sheet, PC_WB_AS_MFF_ROW, v, PC_WB_AS_MFF_ROW, v, 0.01, 100.0,
                   "The market forces factor is positive (1.0 is the national average).");
}

static void
write_stage_header (PcWb          *wb,
                    lxw_worksheet *sheet)
{
  const lxw_row_t row = PC_WB_AS_STAGE_ROW - 1;

  _pc_wb_text (wb, sheet, row - 1, 0, "Stage at diagnosis and survival", PC_WB_HEADING);
  _pc_wb_text (wb, sheet, row, 0, "Stage", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row, PC_WB_AS_SHARE_COL, "Share at diagnosis", PC_WB_HEADER);
  /* Three lines for the wrapped labels: LibreOffice keeps a row's height. */
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, PC_WB_HEADER_HEIGHT, NULL),
                  "setting a header's height");
  for (guint k = 0; k <= PC_N_OFFSETS; k++)
    {
      g_autofree char *label =
        k == 0 ? g_strdup ("Alive at diagnosis")
        : k == PC_N_OFFSETS ? g_strdup_printf ("Alive at end of year %u (as year %u)", k, k - 1)
        : g_strdup_printf ("Alive at end of year %u", k);

      _pc_wb_text (wb, sheet, row, PC_WB_AS_SURVIVAL_COL + k, label, PC_WB_HEADER);
    }
}

static void
write_stage_row (PcWb          *wb,
                 lxw_worksheet *sheet,
                 guint          stage)
{
  const lxw_row_t row = PC_WB_AS_STAGE_ROW + stage;
  const double *S = wb->input->survival[stage];
  g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (stage));
  char last[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, PC_WB_AS_SHARE_COL, wb->input->stage_share[stage],
                 PC_WB_SHARE_INPUT);
  _pc_wb_define_name (wb, stage_names[stage], NULL, PC_WB_REF_ASSUMPTIONS,
                      row, PC_WB_AS_SHARE_COL, row, PC_WB_AS_SHARE_COL);
  _pc_wb_number (wb, sheet, row, PC_WB_AS_SURVIVAL_COL, S[0], PC_WB_SHARE);
  for (guint k = 1; k < PC_N_OFFSETS; k++)
    _pc_wb_number (wb, sheet, row, PC_WB_AS_SURVIVAL_COL + k, S[k], PC_WB_SHARE_INPUT);
  _pc_wb_formula (wb, sheet, row, PC_WB_AS_SURVIVAL_COL + PC_N_OFFSETS, PC_WB_SHARE,
                  S[PC_N_OFFSETS], "=%s",
                  _pc_wb_cell (last, row, PC_WB_AS_SURVIVAL_COL + PC_MAX_OFFSET, FALSE));
}

static void
write_stages (PcWb          *wb,
              lxw_worksheet *sheet)
{
  const lxw_row_t total_row = PC_WB_AS_STAGE_ROW + PC_N_STAGES;
  char range[PC_WB_RANGE_SIZE];
  double total = 0.0;

  write_stage_header (wb, sheet);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      write_stage_row (wb, sheet, s);
      total += wb->input->stage_share[s];
    }
  _pc_wb_text (wb, sheet, total_row, 0, "Total (should be 100%)", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, total_row, PC_WB_AS_SHARE_COL, PC_WB_SHARE, total, "=SUM(%s)",
                  _pc_wb_range (range, PC_WB_AS_STAGE_ROW, PC_WB_AS_SHARE_COL,
                                total_row - 1, PC_WB_AS_SHARE_COL));
  _pc_wb_validate (wb, sheet, PC_WB_AS_STAGE_ROW, PC_WB_AS_SHARE_COL, total_row - 1,
                   PC_WB_AS_SURVIVAL_COL + PC_MAX_OFFSET, 0.0, 1.0,
                   "Shares and survival are fractions from 0 to 1 (0% to 100%).");
}

static void
write_population_header (PcWb          *wb,
                         lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Area", "Population year", "Used from", "Used to", "Expected cases",
  };

  g_autofree char *heading = g_strdup_printf (wb->areas->len > 1
                                              ? "Incidence and population: %s, the sum of "
                                                "the places below"
                                              : "Incidence and population: %s",
                                              wb->areas_name);

  _pc_wb_text (wb, sheet, HEADER_ROW - 2, 0, heading, PC_WB_HEADING);
  _pc_wb_text (wb, sheet, HEADER_ROW - 1, 0,
               "Expected cases = Σ population × rate / 100,000 over sex and age band. Each "
               "population row serves the financial years from 'Used from' to 'Used to' "
               "(a year without population figures uses the nearest year before it, or the "
               "first).", PC_WB_NOTE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      _pc_wb_text (wb, sheet, HEADER_ROW, i, labels[i], PC_WB_HEADER);
      _pc_wb_text (wb, sheet, HEADER_ROW + 1, i, "", PC_WB_HEADER);
    }
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, HEADER_ROW, 30.0, NULL),
                  "setting a header's height");
  for (guint sex = 0; sex < PC_N_SEXES; sex++)
    for (guint band = 0; band < PC_N_AGE_BANDS; band++)
      {
        lxw_col_t col = PC_WB_AS_COUNT_COL + sex * PC_N_AGE_BANDS + band;

        _pc_wb_text (wb, sheet, HEADER_ROW, col, sex == PC_SEX_F ? "Female" : "Male",
                     PC_WB_HEADER);
        _pc_wb_text (wb, sheet, HEADER_ROW + 1, col, pc_age_band_to_string (band), PC_WB_HEADER);
      }
}

static void
write_rates (PcWb          *wb,
             lxw_worksheet *sheet)
{
  const lxw_row_t row = PC_WB_AS_RATES_ROW;
  g_autofree char *label = g_strdup_printf ("Incidence rate per 100,000 (%s)", wb->pathway->site);

  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  for (guint sex = 0; sex < PC_N_SEXES; sex++)
    for (guint band = 0; band < PC_N_AGE_BANDS; band++)
      _pc_wb_number (wb, sheet, row, PC_WB_AS_COUNT_COL + sex * PC_N_AGE_BANDS + band,
                     wb->rates[sex][band], PC_WB_NUMBER_INPUT);
  _pc_wb_define_name (wb, "IncidenceRates", NULL, PC_WB_REF_ASSUMPTIONS,
                      row, PC_WB_AS_COUNT_COL, row, LAST_COUNT_COL);
  _pc_wb_validate (wb, sheet, row, PC_WB_AS_COUNT_COL, row, LAST_COUNT_COL, 0.0, INFINITY,
                   "A rate per 100,000 cannot be negative.");
}

/* Population_2026, or Population_E38000001_2026 when several areas; none
 * beyond MAX_POPULATION_NAMES rows (libxlsxwriter 1.1.4 sorts names one
 * insertion at a time: 5,000 names would double an export's time). */
static const char *
name_population_row (PcWb                 *wb,
                     const PcWbPopulation *population,
                     lxw_row_t             row)
{
  g_autofree char *suffix = wb->request->areas[1] == NULL
    ? g_strdup_printf ("%d", population->year)
    : g_strdup_printf ("%s_%d", population->area, population->year);

  if (wb->population->len > MAX_POPULATION_NAMES)
    return NULL;
  return _pc_wb_define_name (wb, "Population_", suffix, PC_WB_REF_ASSUMPTIONS,
                             row, PC_WB_AS_COUNT_COL, row, LAST_COUNT_COL);
}

static void
write_population_row (PcWb                 *wb,
                      lxw_worksheet        *sheet,
                      const PcWbPopulation *population,
                      lxw_row_t             row)
{
  const char *name = name_population_row (wb, population, row);
  char counts[PC_WB_RANGE_SIZE];

  _pc_wb_text (wb, sheet, row, 0, population->label, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 1, population->year, PC_WB_YEAR);
  _pc_wb_number (wb, sheet, row, PC_WB_AS_FROM_COL, population->used_from, PC_WB_YEAR);
  _pc_wb_number (wb, sheet, row, PC_WB_AS_TO_COL, population->used_to, PC_WB_YEAR);
  _pc_wb_formula (wb, sheet, row, PC_WB_AS_CASES_COL, PC_WB_PATIENTS, population->cases,
                  "=SUMPRODUCT(%s,IncidenceRates)/100000",
                  name != NULL ? name : _pc_wb_range (counts, row, PC_WB_AS_COUNT_COL,
                                                      row, LAST_COUNT_COL));
  for (guint sex = 0; sex < PC_N_SEXES; sex++)
    for (guint band = 0; band < PC_N_AGE_BANDS; band++)
      _pc_wb_number (wb, sheet, row, PC_WB_AS_COUNT_COL + sex * PC_N_AGE_BANDS + band,
                     population->count[sex][band], PC_WB_COUNT_INPUT);
}

static void
write_population (PcWb          *wb,
                  lxw_worksheet *sheet)
{
  const lxw_row_t first = PC_WB_AS_POPULATION_ROW;
  const lxw_row_t last = first + wb->population->len - 1;

  write_population_header (wb, sheet);
  write_rates (wb, sheet);
  for (guint i = 0; i < wb->population->len && !_pc_wb_failed (wb); i++)
    write_population_row (wb, sheet, g_ptr_array_index (wb->population, i), first + i);
  _pc_wb_define_name (wb, "PopulationUsedFrom", NULL, PC_WB_REF_ASSUMPTIONS,
                      first, PC_WB_AS_FROM_COL, last, PC_WB_AS_FROM_COL);
  _pc_wb_define_name (wb, "PopulationUsedTo", NULL, PC_WB_REF_ASSUMPTIONS,
                      first, PC_WB_AS_TO_COL, last, PC_WB_AS_TO_COL);
  _pc_wb_define_name (wb, "ExpectedCases", NULL, PC_WB_REF_ASSUMPTIONS,
                      first, PC_WB_AS_CASES_COL, last, PC_WB_AS_CASES_COL);
  _pc_wb_validate (wb, sheet, first, PC_WB_AS_COUNT_COL, last, LAST_COUNT_COL, 0.0, INFINITY,
                   "A population count cannot be negative.");
}

void
_pc_wb_write_assumptions (PcWb          *wb,
                          lxw_worksheet *sheet)
{
  _pc_wb_text (wb, sheet, 0, 0, "Assumptions", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0,
               "Yellow cells are inputs: change one and every figure in the workbook follows. "
               "Other cells are protected (no password).", PC_WB_NOTE);
  write_general (wb, sheet);
  write_stages (wb, sheet);
  write_population (wb, sheet);
  _pc_wb_col_width (wb, sheet, 0, 0, 36);
  _pc_wb_col_width (wb, sheet, 1, PC_WB_AS_CASES_COL, 14);
  _pc_wb_col_width (wb, sheet, PC_WB_AS_COUNT_COL, LAST_COUNT_COL, 9);
  _pc_wb_set_up_sheet (wb, sheet, 2, 1);
  /* The population's 38 columns, ten a page. */
  _pc_wb_print_every (wb, sheet, 0, PC_WB_AS_COUNT_COL, LAST_COUNT_COL, 10);
}
