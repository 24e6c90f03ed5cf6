/* pc-workbook-scenario.c: the Scenario sheet, written when the export names
 * a scenario: the baseline (live, from the Projection sheet) beside the
 * scenario's cost by year as Pathcost computed it, with the difference,
 * cumulative difference, its NPV and the payback year as formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-format.h"
#include "pc-workbook-private.h"

#define HEADER_ROW 6
#define FIRST_ROW  (HEADER_ROW + 1)

enum { COL_YEAR, COL_LABEL, COL_BASELINE, COL_SCENARIO, COL_DIFFERENCE, COL_CUMULATIVE,
       COL_DISCOUNTED, COL_PAYBACK_FLAG, N_COLS };

static const char * const headers[N_COLS] = {
  "Year", "Financial year", "Baseline cost", "Scenario cost", "Difference",
  "Cumulative difference", "Discounted difference", "Paid back (1 = yes)",
};

/* The scenario's projection and its comparison with the baseline. */
static gboolean
compute_scenario (PcWb          *wb,
                  PcProjection **scenario,
                  PcComparison **comparison)
{
  g_autoptr(PcPathway) pathway = pc_pathway_copy (wb->pathway);
  g_autoptr(PcProjectionInput) input = pc_projection_input_copy (wb->input);

  if (!pc_scenario_apply (wb->request->scenario, pathway, input, &wb->error))
    return FALSE;
  *scenario = pc_projection_compute (pathway, input);
  *comparison = pc_comparison_compute (wb->projection, *scenario, wb->input->discount_rate);
  return TRUE;
}

static void
write_year (PcWb                   *wb,
            lxw_worksheet          *sheet,
            guint                   t,
            const PcProjection     *scenario,
            const PcComparisonYear *year,
            double                  highest_before)
{
  lxw_row_t row = FIRST_ROW + t;
  char baseline[PC_WB_CELL_SIZE], cost[PC_WB_CELL_SIZE], difference[PC_WB_CELL_SIZE];
  char cumulative[PC_WB_CELL_SIZE], before[PC_WB_CELL_SIZE], first[PC_WB_CELL_SIZE];
  char projected[PC_WB_CELL_SIZE];
  g_autofree char *label = pc_format_financial_year (year->year);

  _pc_wb_cell (baseline, row, COL_BASELINE, FALSE);
  _pc_wb_cell (cost, row, COL_SCENARIO, FALSE);
  _pc_wb_cell (difference, row, COL_DIFFERENCE, FALSE);
  _pc_wb_cell (cumulative, row, COL_CUMULATIVE, FALSE);
  _pc_wb_cell (before, row - 1, COL_CUMULATIVE, FALSE);
  _pc_wb_cell (first, FIRST_ROW, COL_CUMULATIVE, TRUE);
  _pc_wb_cell (projected, PC_WB_PJ_FIRST_ROW + t, wb->pj_total_col, TRUE);

  _pc_wb_number (wb, sheet, row, COL_YEAR, year->year, PC_WB_YEAR);
  _pc_wb_text (wb, sheet, row, COL_LABEL, label, PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row, COL_BASELINE, PC_WB_MONEY, wb->projection->years[t].cost,
                  "=" PC_WB_REF_PROJECTION "%s", projected);
  _pc_wb_number (wb, sheet, row, COL_SCENARIO, scenario->years[t].cost, PC_WB_MONEY);
  _pc_wb_formula (wb, sheet, row, COL_DIFFERENCE, PC_WB_MONEY, year->difference,
                  "=%s-%s", cost, baseline);
  if (t == 0)
    _pc_wb_formula (wb, sheet, row, COL_CUMULATIVE, PC_WB_MONEY, year->cumulative, "=%s", difference);
  else
    _pc_wb_formula (wb, sheet, row, COL_CUMULATIVE, PC_WB_MONEY, year->cumulative,
                    "=%s+%s", before, difference);
  _pc_wb_formula (wb, sheet, row, COL_DISCOUNTED, PC_WB_MONEY,
                  year->difference / pow (1 + wb->input->discount_rate, (double) t),
                  "=%s/(1+DiscountRate)^(A%u-BaseYear)", difference, (guint) row + 1);
  /* Paid back: back to zero or below, having been above it before. */
  _pc_wb_formula (wb, sheet, row, COL_PAYBACK_FLAG, PC_WB_NUMBER,
                  year->cumulative <= 0 && MAX (highest_before, year->cumulative) > 0 ? 1.0 : 0.0,
                  "=IF(AND(%s<=0,MAX(%s:%s)>0),1,0)", cumulative, first, cumulative);
}

/* The Summary's scenario figures, pointing into the Scenario sheet. */
void
_pc_wb_write_scenario_summary (PcWb          *wb,
                               lxw_worksheet *sheet,
                               lxw_row_t      row,
                               lxw_col_t      col)
{
  g_autofree char *heading = NULL;
  char cell[PC_WB_CELL_SIZE];

  if (!wb->has_comparison)
    return;
  heading = g_strdup_printf ("Scenario: %s", wb->request->scenario->name);
  _pc_wb_text (wb, sheet, row - 1, col, heading, PC_WB_HEADING);
  _pc_wb_text (wb, sheet, row, col, "Difference over the horizon (scenario − baseline)", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row, col + 1, PC_WB_MONEY, wb->sc_total_difference, "=Scenario!%s",
                  _pc_wb_cell (cell, wb->sc_last_row, COL_CUMULATIVE, TRUE));
  _pc_wb_text (wb, sheet, row + 1, col, "NPV of the difference", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row + 1, col + 1, PC_WB_MONEY, wb->sc_npv_difference, "=Scenario!%s",
                  _pc_wb_cell (cell, 3, COL_BASELINE, TRUE));
  _pc_wb_text (wb, sheet, row + 2, col, "Payback year (0: none)", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row + 2, col + 1, PC_WB_YEAR, wb->sc_payback_year, "=Scenario!%s",
                  _pc_wb_cell (cell, 4, COL_BASELINE, TRUE));
}

void
_pc_wb_write_scenario (PcWb          *wb,
                       lxw_worksheet *sheet)
{
  g_autoptr(PcProjection) scenario = NULL;
  g_autoptr(PcComparison) comparison = NULL;
  g_autofree char *title = g_strdup_printf ("Scenario: %s", wb->request->scenario->name);
  double highest = -G_MAXDOUBLE;
  lxw_row_t last;
  char years[PC_WB_RANGE_SIZE], flags[PC_WB_RANGE_SIZE], discounted[PC_WB_RANGE_SIZE];

  if (!compute_scenario (wb, &scenario, &comparison))
    return;
  last = FIRST_ROW + comparison->n_years - 1;
  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, "The baseline is live (from the Projection sheet); the scenario's "
               "cost is Pathcost's projection with the scenario's changes and investment lines "
               "applied. Difference = scenario − baseline: below zero, the scenario saves.",
               PC_WB_NOTE);
  _pc_wb_range (years, FIRST_ROW, COL_YEAR, last, COL_YEAR);
  _pc_wb_range (flags, FIRST_ROW, COL_PAYBACK_FLAG, last, COL_PAYBACK_FLAG);
  _pc_wb_range (discounted, FIRST_ROW, COL_DISCOUNTED, last, COL_DISCOUNTED);
  _pc_wb_text (wb, sheet, 3, 0, "NPV of the difference", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, 3, COL_BASELINE, PC_WB_MONEY_TOTAL, comparison->npv_difference,
                  "=SUM(%s)", discounted);
  _pc_wb_text (wb, sheet, 4, 0, "Payback year (0: none)", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, 4, COL_BASELINE, PC_WB_YEAR,
                  comparison->has_payback ? comparison->payback_year : 0,
                  "=IF(SUM(%s)=0,0,INDEX(%s,MATCH(1,%s,0)))", flags, years, flags);

  for (guint c = 0; c < N_COLS; c++)
    _pc_wb_text (wb, sheet, HEADER_ROW, c, headers[c], PC_WB_HEADER);
  for (guint t = 0; t < comparison->n_years && !_pc_wb_failed (wb); t++)
    {
      write_year (wb, sheet, t, scenario, &comparison->years[t], highest);
      highest = MAX (highest, comparison->years[t].cumulative);
    }
  wb->has_comparison = TRUE;
  wb->sc_total_difference = comparison->years[comparison->n_years - 1].cumulative;
  wb->sc_npv_difference = comparison->npv_difference;
  wb->sc_payback_year = comparison->has_payback ? comparison->payback_year : 0;
  wb->sc_last_row = last;
  _pc_wb_col_width (wb, sheet, COL_YEAR, COL_LABEL, 14);
  _pc_wb_col_width (wb, sheet, COL_BASELINE, COL_PAYBACK_FLAG, 20);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 2);
}
