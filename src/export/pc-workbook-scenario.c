/* pc-workbook-scenario.c: the Scenario sheet, written when the export names
 * a scenario: the baseline (live, from the Projection sheet) beside the
 * scenario's cost by year as Pathcost computed it, with the difference,
 * cumulative difference, its NPV and the payback year as formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-breakdown.h"
#include "pc-format.h"
#include "pc-labels.h"
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
write_year (PcWb               *wb,
            lxw_worksheet      *sheet,
            guint               t,
            const PcProjection *scenario,
            const PcComparison *comparison,
            gboolean            was_above)
{
  const PcComparisonYear *year = &comparison->years[t];
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
  /* A scenario that changes nothing costs the baseline, live: a difference
   * of exactly 0, so recalculation noise cannot make it "pay back". */
  if (wb->sc_untouched != NULL)
    _pc_wb_formula (wb, sheet, row, COL_SCENARIO, PC_WB_MONEY, scenario->years[t].cost, "=%s",
                    baseline);
  else
    _pc_wb_number (wb, sheet, row, COL_SCENARIO, scenario->years[t].cost, PC_WB_MONEY);
  _pc_wb_formula (wb, sheet, row, COL_DIFFERENCE, PC_WB_MONEY, year->difference,
                  "=%s-%s", cost, baseline);
  if (t == 0)
    _pc_wb_formula (wb, sheet, row, COL_CUMULATIVE, PC_WB_MONEY, year->cumulative, "=%s", difference);
  else
    _pc_wb_formula (wb, sheet, row, COL_CUMULATIVE, PC_WB_MONEY, year->cumulative,
                    "=%s+%s", before, difference);
  _pc_wb_formula (wb, sheet, row, COL_DISCOUNTED, PC_WB_MONEY,
                  pc_comparison_discounted_difference (comparison, t, wb->input->discount_rate),
                  "=%s/(1+DiscountRate)^(A%u-FirstYear)", difference, (guint) row + 1);
  /* Paid back (docs/MODEL.md#payback-year): below zero, or back to zero
   * having been above it; so a scenario that saves from its first year
   * pays back in it.  The payback year is the first year flagged. */
  _pc_wb_formula (wb, sheet, row, COL_PAYBACK_FLAG, PC_WB_NUMBER,
                  year->cumulative < 0 || (year->cumulative == 0 && was_above) ? 1.0 : 0.0,
                  "=IF(OR(%s<0,AND(%s=0,MAX(%s:%s)>0)),1,0)", cumulative, cumulative, first,
                  cumulative);
}

static void
write_investment (PcWb               *wb,
                  lxw_worksheet      *sheet,
                  lxw_row_t           row,
                  const PcInvestment *investment)
{
  g_autofree char *scope =
    investment->pathway != NULL ? g_strdup_printf ("pathway %s", investment->pathway)
    : investment->site != NULL ? g_strdup_printf ("site %s", investment->site)
    : g_strdup ("every pathway");

  _pc_wb_text (wb, sheet, row, 0, investment->name, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, COL_BASELINE, investment->first_year, PC_WB_YEAR);
  _pc_wb_number (wb, sheet, row, COL_SCENARIO, investment->last_year, PC_WB_YEAR);
  _pc_wb_number (wb, sheet, row, COL_DIFFERENCE, investment->cost_per_year, PC_WB_MONEY);
  _pc_wb_text (wb, sheet, row, COL_CUMULATIVE, pc_funding_label (investment->funding),
               PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, COL_DISCOUNTED, scope, PC_WB_TEXT);
}

/* The investment lines that count in the exported pathway (and so in the
 * scenario's cost), and a count of those for other sites or pathways
 * (docs/MODEL.md#investment-lines). */
static void
write_investments (PcWb          *wb,
                   lxw_worksheet *sheet,
                   lxw_row_t      row)
{
  static const char * const labels[] = {
    "Investment line", "", "First year", "Last year", "Cost per year",
    "Funding stream", "Applies to",
  };
  GPtrArray *investments = wb->request->scenario->investments;
  guint n_elsewhere = 0;

  _pc_wb_text (wb, sheet, row++, 0, "Investment lines counted in this pathway", PC_WB_HEADING);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    _pc_wb_text (wb, sheet, row, i, labels[i], PC_WB_HEADER);
  row++;
  for (guint i = 0; i < investments->len; i++)
    {
      const PcInvestment *investment = g_ptr_array_index (investments, i);

      if (pc_investment_applies_to (investment, wb->pathway))
        write_investment (wb, sheet, row++, investment);
      else
        n_elsewhere++;
    }
  if (n_elsewhere > 0)
    {
      g_autofree char *note =
        g_strdup_printf ("%u investment line%s of this scenario %s for another site or "
                         "pathway and %s not counted here.", n_elsewhere,
                         n_elsewhere == 1 ? "" : "s", n_elsewhere == 1 ? "is" : "are",
                         n_elsewhere == 1 ? "is" : "are");

      _pc_wb_text (wb, sheet, row, 0, note, PC_WB_NOTE);
    }
  else if (investments->len == 0)
    _pc_wb_text (wb, sheet, row, 0, "The scenario has no investment lines.", PC_WB_NOTE);
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
  _pc_wb_text (wb, sheet, row + 2, col, "Payback year", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row + 2, col + 1, PC_WB_PAYBACK, wb->sc_payback_year,
                  "=Scenario!%s", _pc_wb_cell (cell, 4, COL_BASELINE, TRUE));
  if (wb->sc_untouched != NULL)
    _pc_wb_text (wb, sheet, row + 3, col, wb->sc_untouched, PC_WB_NOTE);
}

void
_pc_wb_write_scenario (PcWb          *wb,
                       lxw_worksheet *sheet)
{
  g_autoptr(PcProjection) scenario = NULL;
  g_autoptr(PcComparison) comparison = NULL;
  g_autofree char *title = g_strdup_printf ("Scenario: %s", wb->request->scenario->name);
  gboolean was_above = FALSE;
  lxw_row_t last;
  char years[PC_WB_RANGE_SIZE], flags[PC_WB_RANGE_SIZE], discounted[PC_WB_RANGE_SIZE];

  if (!compute_scenario (wb, &scenario, &comparison))
    return;
  if (!pc_scenario_touches (wb->request->scenario, wb->pathway))
    wb->sc_untouched = pc_scenario_untouched_warning (wb->request->scenario, wb->pathway);
  last = FIRST_ROW + comparison->n_years - 1;
  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, "The baseline is live (from the Projection sheet); the scenario's "
               "cost is Pathcost's projection with the scenario's changes and investment lines "
               "applied. Difference = scenario − baseline: below zero, the scenario saves.",
               PC_WB_NOTE);
  if (wb->sc_untouched != NULL)
    _pc_wb_text (wb, sheet, 2, 0, wb->sc_untouched, PC_WB_HEADING);
  _pc_wb_range (years, FIRST_ROW, COL_YEAR, last, COL_YEAR);
  _pc_wb_range (flags, FIRST_ROW, COL_PAYBACK_FLAG, last, COL_PAYBACK_FLAG);
  _pc_wb_range (discounted, FIRST_ROW, COL_DISCOUNTED, last, COL_DISCOUNTED);
  _pc_wb_text (wb, sheet, 3, 0, "NPV of the difference", PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, 3, COL_BASELINE, PC_WB_MONEY_TOTAL, comparison->npv_difference,
                  "=SUM(%s)", discounted);
  _pc_wb_text (wb, sheet, 4, 0, "Payback year", PC_WB_TEXT);
  _pc_wb_text (wb, sheet, 4, COL_DIFFERENCE, "the first year the cumulative difference is "
               "below zero, or back to zero after being above it (none: never)", PC_WB_NOTE);
  _pc_wb_formula (wb, sheet, 4, COL_BASELINE, PC_WB_PAYBACK,
                  comparison->has_payback ? comparison->payback_year : 0,
                  "=IF(SUM(%s)=0,0,INDEX(%s,MATCH(1,%s,0)))", flags, years, flags);

  for (guint c = 0; c < N_COLS; c++)
    _pc_wb_text (wb, sheet, HEADER_ROW, c, headers[c], PC_WB_HEADER);
  for (guint t = 0; t < comparison->n_years && !_pc_wb_failed (wb); t++)
    {
      write_year (wb, sheet, t, scenario, comparison, was_above);
      was_above = was_above || comparison->years[t].cumulative > 0;
    }
  wb->has_comparison = TRUE;
  wb->sc_total_difference = comparison->years[comparison->n_years - 1].cumulative;
  wb->sc_npv_difference = comparison->npv_difference;
  wb->sc_payback_year = comparison->has_payback ? comparison->payback_year : 0;
  wb->sc_last_row = last;
  write_investments (wb, sheet, last + 2);
  _pc_wb_col_width (wb, sheet, COL_YEAR, COL_LABEL, 14);
  _pc_wb_col_width (wb, sheet, COL_BASELINE, COL_PAYBACK_FLAG, 20);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 2);
}
