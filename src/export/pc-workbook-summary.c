/* pc-workbook-summary.c: the Summary sheet: what was exported and the
 * headline figures, each a formula into the sheets that compute it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-breakdown.h"
#include "pc-format.h"
#include "pc-workbook-private.h"

#define ABOUT_ROW    3
#define FIGURES_ROW  16
#define STAGES_ROW   (FIGURES_ROW + 10)

static void
write_pair (PcWb          *wb,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            const char    *label,
            const char    *value)
{
  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row, 1, value, PC_WB_TEXT);
}

static char *
join_areas (PcWb *wb)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < wb->areas->len; i++)
    {
      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, g_ptr_array_index (wb->areas, i));
    }
  return g_string_free (text, FALSE);
}

/* The base years (docs/MODEL.md#base-years) as 2019/20, live from the
 * Assumptions' inputs. */
static void
write_base_years (PcWb          *wb,
                  lxw_worksheet *sheet,
                  lxw_row_t      row)
{
  g_autofree char *incidence = pc_format_financial_year (wb->input->incidence_year);
  g_autofree char *price = pc_format_financial_year (wb->input->price_year);
  g_autofree char *incidence_text =
    g_strdup_printf ("%s (the incidence rates' year; the trend counts from it)", incidence);
  g_autofree char *price_text =
    g_strdup_printf ("%s (costs are at its prices; inflation counts from it)", price);

  _pc_wb_text (wb, sheet, row, 0, "Incidence year", PC_WB_HEADER);
  _pc_wb_formula_text (wb, sheet, row, 1, PC_WB_TEXT, incidence_text,
                       "=" PC_WB_FINANCIAL_YEAR ("IncidenceYear")
                       "&\" (the incidence rates' year; the trend counts from it)\"");
  _pc_wb_text (wb, sheet, row + 1, 0, "Price year", PC_WB_HEADER);
  _pc_wb_formula_text (wb, sheet, row + 1, 1, PC_WB_TEXT, price_text,
                       "=" PC_WB_FINANCIAL_YEAR ("PriceYear")
                       "&\" (costs are at its prices; inflation counts from it)\"");
}

static void
write_sources_link (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_row_t      row)
{
  _pc_wb_text (wb, sheet, row, 0, "Sources", PC_WB_HEADER);
  if (_pc_wb_failed (wb))
    return;
  _pc_wb_check (wb, worksheet_write_url_opt (sheet, row, 1, "internal:'" PC_WB_SHEET_SOURCES
                                             "'!A1", wb->formats[PC_WB_LINK],
                                             "Where every input came from: the Sources sheet",
                                             NULL), "writing a link");
  wb->stats.strings++;
}

/* Names a person reads, with the codes a finance team keys on beside them. */
static void
write_about (PcWb          *wb,
             lxw_worksheet *sheet)
{
  const PcPathway *pathway = wb->pathway;
  g_autofree char *first = pc_format_financial_year (wb->request->from);
  g_autofree char *last = pc_format_financial_year (wb->request->from + wb->request->years - 1);
  g_autofree char *horizon = g_strdup_printf ("%s to %s (%d years)", first, last,
                                              wb->request->years);
  g_autofree char *areas = join_areas (wb);
  g_autofree char *provider = pathway->provider == NULL
    ? g_strdup ("None: tariffs at MFF 1.0")
    : wb->provider_name != NULL ? g_strdup_printf ("%s (%s)", wb->provider_name,
                                                   pathway->provider)
    : g_strdup (pathway->provider);

  write_pair (wb, sheet, ABOUT_ROW, "Project", wb->project_name);
  write_pair (wb, sheet, ABOUT_ROW + 1, wb->request->areas[1] != NULL ? "Areas" : "Area",
              wb->areas_name);
  write_pair (wb, sheet, ABOUT_ROW + 2, "Pathway", wb->pathway_name);
  write_pair (wb, sheet, ABOUT_ROW + 3, "Pathway code", pathway->name);
  write_pair (wb, sheet, ABOUT_ROW + 4, "Provider", provider);
  write_pair (wb, sheet, ABOUT_ROW + 5, "Horizon", horizon);
  write_pair (wb, sheet, ABOUT_ROW + 6, "Scenario",
              wb->request->scenario != NULL ? wb->request->scenario->name : "None: the baseline");
  write_base_years (wb, sheet, ABOUT_ROW + 7);
  write_sources_link (wb, sheet, ABOUT_ROW + 9);
  /* The places a group stands for; the Assumptions sheet has their
   * population. */
  if (g_strcmp0 (areas, wb->areas_name) != 0)
    write_pair (wb, sheet, ABOUT_ROW + 10, "Places summed", areas);
}

static void
write_figure (PcWb          *wb,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              const char    *label,
              const char    *formula,
              double         cached,
              PcWbFormat     format)
{
  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row, 1, format, cached, "%s", formula);
}

static void
write_figures (PcWb          *wb,
               lxw_worksheet *sheet)
{
  const PcProjection *projection = wb->projection;
  g_autofree char *first = pc_format_financial_year (wb->request->from);
  g_autofree char *first_label = g_strdup_printf ("Cost in the first year (%s)", first);
  g_autofree char *patients = NULL, *expected = NULL;
  char cell[PC_WB_CELL_SIZE];

  patients = g_strconcat ("=" PC_WB_REF_PROJECTION,
                          _pc_wb_cell (cell, wb->pj_total_row, PC_WB_PJ_PATIENTS_COL, TRUE), NULL);
  expected = g_strconcat ("=" PC_WB_REF_COSTS,
                          _pc_wb_cell (cell, _pc_wb_cp_expected_row (wb) + PC_N_STAGES, 1, TRUE),
                          NULL);
  _pc_wb_text (wb, sheet, FIGURES_ROW - 1, 0, "Headline figures", PC_WB_HEADING);
  write_figure (wb, sheet, FIGURES_ROW,
                "Expected cost per patient diagnosed, all stages",
                expected, projection->expected_cost_all_stages, PC_WB_MONEY);
  write_figure (wb, sheet, FIGURES_ROW + 1, first_label, "=FirstYearCost",
                projection->years[0].cost, PC_WB_MONEY);
  write_figure (wb, sheet, FIGURES_ROW + 2, "Total cost over the horizon", "=TotalCost",
                projection->total_cost, PC_WB_MONEY);
  write_figure (wb, sheet, FIGURES_ROW + 3, "Net present value (discounted to the first year)",
                "=NetPresentValue", projection->npv, PC_WB_MONEY);
  write_figure (wb, sheet, FIGURES_ROW + 4, "Discount rate (annual)", "=DiscountRate",
                wb->input->discount_rate, PC_WB_PERCENT);
  write_figure (wb, sheet, FIGURES_ROW + 5, "Inflation (annual, from the price year)",
                "=Inflation", wb->input->inflation, PC_WB_PERCENT);
  write_figure (wb, sheet, FIGURES_ROW + 6, "Patients diagnosed over the horizon", patients,
                pc_projection_total_diagnosed (projection), PC_WB_PATIENTS);
  _pc_wb_write_scenario_summary (wb, sheet, FIGURES_ROW, 3);
}

static void
write_stage_row (PcWb          *wb,
                 lxw_worksheet *sheet,
                 guint          stage,
                 lxw_row_t      row)
{
  g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (stage));
  char expected[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row, 1, PC_WB_SHARE, wb->input->stage_share[stage], "=%s",
                  _pc_wb_stage_share_name (stage));
  _pc_wb_formula (wb, sheet, row, 2, PC_WB_MONEY,
                  wb->projection->expected_cost_per_patient[stage], "=" PC_WB_REF_COSTS "%s",
                  _pc_wb_cell (expected, _pc_wb_cp_expected_row (wb) + stage, 1, TRUE));
}

/* The pathway's headline, E by stage and over all stages
 * (docs/MODEL.md#expected-cost-per-patient): never a sum of the years'
 * costs, which would count a death once a year. */
static void
write_stages (PcWb          *wb,
              lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Stage at diagnosis", "Share at diagnosis", "Expected cost per patient diagnosed",
  };
  const lxw_row_t first = STAGES_ROW + 1, last = STAGES_ROW + PC_N_STAGES;
  char shares[PC_WB_RANGE_SIZE], costs[PC_WB_RANGE_SIZE];

  _pc_wb_text (wb, sheet, STAGES_ROW - 2, 0,
               "Expected cost per patient diagnosed, by stage", PC_WB_HEADING);
  _pc_wb_text (wb, sheet, STAGES_ROW - 1, 0,
               "The six years after diagnosis at price-year prices: each year's costs for "
               "those alive at its start, and the costs of dying for those who die in it.",
               PC_WB_NOTE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    _pc_wb_text (wb, sheet, STAGES_ROW, i, labels[i], PC_WB_HEADER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    write_stage_row (wb, sheet, s, first + s);
  _pc_wb_text (wb, sheet, last + 1, 0, "All stages (at the stage mix)", PC_WB_TEXT);
  _pc_wb_range (shares, first, 1, last, 1);
  _pc_wb_range (costs, first, 2, last, 2);
  _pc_wb_formula (wb, sheet, last + 1, 2, PC_WB_MONEY_TOTAL,
                  wb->projection->expected_cost_all_stages, "=SUMPRODUCT(%s,%s)", shares, costs);
}

/* Returns the row after the notes. */
static lxw_row_t
write_warnings (PcWb          *wb,
                lxw_worksheet *sheet,
                lxw_row_t      row)
{
  GPtrArray *warnings = wb->projection->warnings;
  guint n_warnings = warnings != NULL ? warnings->len : 0;

  if (n_warnings == 0 && wb->sc_untouched == NULL)
    return row;
  _pc_wb_text (wb, sheet, row++, 0, "Notes", PC_WB_HEADING);
  if (wb->sc_untouched != NULL)
    _pc_wb_text (wb, sheet, row++, 0, wb->sc_untouched, PC_WB_NOTE);
  for (guint i = 0; i < n_warnings; i++)
    _pc_wb_text (wb, sheet, row++, 0, g_ptr_array_index (warnings, i), PC_WB_NOTE);
  return row;
}

void
_pc_wb_write_summary (PcWb          *wb,
                      lxw_worksheet *sheet)
{
  lxw_row_t chart_row[2] = { 0, 0 };

  _pc_wb_text (wb, sheet, 0, 0, "Pathcost negotiation workbook", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0,
               "A live model: every figure is a formula. Change a yellow input on the "
               "Assumptions, Tariffs or Pathway sheet and the workbook recalculates.",
               PC_WB_NOTE);
  write_about (wb, sheet);
  write_figures (wb, sheet);
  write_stages (wb, sheet);
  /* Below the figures, not beside them (beside, the printed page is
   * twice as wide and its text half the size), on a printed page of its
   * own rather than cut by a page's end. */
  chart_row[0] = write_warnings (wb, sheet, STAGES_ROW + PC_N_STAGES + 3) + 1;
  _pc_wb_add_summary_chart (wb, sheet, chart_row[0], 0);
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_h_pagebreaks (sheet, chart_row), "setting page breaks");
  _pc_wb_col_width (wb, sheet, 0, 0, 48);
  _pc_wb_col_width (wb, sheet, 1, 1, 22);
  _pc_wb_col_width (wb, sheet, 2, 2, 34);
  _pc_wb_col_width (wb, sheet, 3, 3, 46);
  _pc_wb_col_width (wb, sheet, 4, 4, 16);
  _pc_wb_set_up_sheet (wb, sheet, 2, 0);
}
