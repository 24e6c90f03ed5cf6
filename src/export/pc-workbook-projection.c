/* pc-workbook-projection.c: the Projection sheet, one row per financial
 * year: patients diagnosed by stage, cost by phase and funding stream (each
 * a SUMPRODUCT of the patients in care with the cost per patient, at the
 * year's prices), cumulative and discounted cost, activity; and its charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-format.h"
#include "pc-labels.h"
#include "pc-workbook-private.h"

#define HEADER_ROW (PC_WB_PJ_FIRST_ROW - 1)

static void
layout_columns (PcWb *wb)
{
  guint n_phases = g_strv_length (wb->projection->phases);
  guint n_fundings = g_strv_length (wb->projection->fundings);

  wb->pj_total_col = PC_WB_PJ_PHASE_COL + n_phases;
  wb->pj_funding_col = wb->pj_total_col + 1;
  wb->pj_cumulative_col = wb->pj_funding_col + n_fundings;
  wb->pj_discounted_col = wb->pj_cumulative_col + 1;
  wb->pj_activity_col = wb->pj_discounted_col + 1;
  wb->pj_total_row = PC_WB_PJ_FIRST_ROW + wb->projection->n_years;
}

/* The group's label over its first column, header colour over the rest;
 * unwrapped, so that it runs across them rather than down over the
 * column headers below (a row keeps its height in LibreOffice). */
static void
write_group_header (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_col_t      first,
                    lxw_col_t      last,
                    const char    *label)
{
  for (lxw_col_t col = first; col <= last; col++)
    _pc_wb_text (wb, sheet, HEADER_ROW - 1, col, col == first ? label : "",
                 PC_WB_GROUP_HEADER);
}

static void
write_header (PcWb          *wb,
              lxw_worksheet *sheet)
{
  const PcProjection *projection = wb->projection;
  static const char * const labels[] = { "Year", "Financial year", "Price index" };

  write_group_header (wb, sheet, 0, PC_WB_PJ_INDEX_COL, "");
  write_group_header (wb, sheet, PC_WB_PJ_STAGE_COL, PC_WB_PJ_PATIENTS_COL, "Patients diagnosed");
  write_group_header (wb, sheet, PC_WB_PJ_PHASE_COL, wb->pj_total_col, "Cost by phase");
  write_group_header (wb, sheet, wb->pj_funding_col, wb->pj_cumulative_col - 1,
                      "Cost by funding stream");
  write_group_header (wb, sheet, wb->pj_cumulative_col, wb->pj_discounted_col, "All phases");
  write_group_header (wb, sheet, wb->pj_activity_col,
                      wb->pj_activity_col + MAX (wb->activities->len, 1) - 1, "Activity (units)");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    _pc_wb_text (wb, sheet, HEADER_ROW, i, labels[i], PC_WB_HEADER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, HEADER_ROW, PC_WB_PJ_STAGE_COL + s, label, PC_WB_HEADER);
    }
  _pc_wb_text (wb, sheet, HEADER_ROW, PC_WB_PJ_PATIENTS_COL, "All stages", PC_WB_HEADER);
  for (guint p = 0; projection->phases[p] != NULL; p++)
    _pc_wb_text (wb, sheet, HEADER_ROW, PC_WB_PJ_PHASE_COL + p,
                 pc_phase_label (projection->phases[p]), PC_WB_HEADER);
  _pc_wb_text (wb, sheet, HEADER_ROW, wb->pj_total_col, "Total cost", PC_WB_HEADER);
  for (guint f = 0; projection->fundings[f] != NULL; f++)
    _pc_wb_text (wb, sheet, HEADER_ROW, wb->pj_funding_col + f,
                 pc_funding_label (projection->fundings[f]), PC_WB_HEADER);
  _pc_wb_text (wb, sheet, HEADER_ROW, wb->pj_cumulative_col, "Cumulative cost", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, HEADER_ROW, wb->pj_discounted_col, "Discounted cost", PC_WB_HEADER);
  for (guint a = 0; a < wb->activities->len; a++)
    _pc_wb_text (wb, sheet, HEADER_ROW, wb->pj_activity_col + a,
                 pc_activity_label (g_array_index (wb->activities, PcActivity, a)),
                 PC_WB_HEADER);
}

/* @scale × SUMPRODUCT(this year's patients in care, a Cost per patient row). */
static void
write_product (PcWb          *wb,
               lxw_worksheet *sheet,
               guint          t,
               lxw_col_t      col,
               lxw_row_t      cost_row,
               const char    *scale,
               PcWbFormat     format,
               double         cached)
{
  lxw_row_t care = wb->pt_care_row + t;
  lxw_col_t first = PC_WB_CP_FIRST_COL, last = PC_WB_CP_FIRST_COL + PC_WB_CP_WIDTH - 1;
  char patients[PC_WB_RANGE_SIZE], costs[PC_WB_RANGE_SIZE];

  _pc_wb_formula (wb, sheet, PC_WB_PJ_FIRST_ROW + t, col, format, cached,
                  "=%sSUMPRODUCT(" PC_WB_REF_PATIENTS "%s," PC_WB_REF_COSTS "%s)", scale,
                  _pc_wb_range (patients, care, first, care, last),
                  _pc_wb_range (costs, cost_row, first, cost_row, last));
}

static void
write_costs (PcWb          *wb,
             lxw_worksheet *sheet,
             guint          t)
{
  const PcYearResult *result = &wb->projection->years[t];
  lxw_row_t row = PC_WB_PJ_FIRST_ROW + t;
  g_autofree char *scale = NULL;
  char index[PC_WB_CELL_SIZE];

  lxw_rowcol_to_cell_abs (index, row, PC_WB_PJ_INDEX_COL, 0, 1);
  scale = g_strconcat (index, "*", NULL);
  for (guint p = 0; wb->projection->phases[p] != NULL; p++)
    write_product (wb, sheet, t, PC_WB_PJ_PHASE_COL + p, _pc_wb_cp_phase_row (wb, p), scale,
                   PC_WB_MONEY, result->cost_by_phase[p]);
  write_product (wb, sheet, t, wb->pj_total_col, PC_WB_CP_TOTAL_ROW, scale, PC_WB_MONEY_TOTAL,
                 result->cost);
  for (guint f = 0; wb->projection->fundings[f] != NULL; f++)
    write_product (wb, sheet, t, wb->pj_funding_col + f, _pc_wb_cp_funding_row (wb, f), scale,
                   PC_WB_MONEY, result->cost_by_funding[f]);
  for (guint a = 0; a < wb->activities->len; a++)
    write_product (wb, sheet, t, wb->pj_activity_col + a, _pc_wb_cp_activity_row (wb, a), "",
                   PC_WB_UNITS,
                   result->activity[g_array_index (wb->activities, PcActivity, a)]);
}

static void
write_year (PcWb          *wb,
            lxw_worksheet *sheet,
            guint          t,
            double        *cumulative)
{
  const PcYearResult *result = &wb->projection->years[t];
  const PcProjectionInput *input = wb->input;
  lxw_row_t row = PC_WB_PJ_FIRST_ROW + t;
  g_autofree char *label = pc_format_financial_year (result->year);
  char a[PC_WB_CELL_SIZE], total[PC_WB_CELL_SIZE], before[PC_WB_CELL_SIZE];
  char range[PC_WB_RANGE_SIZE], diagnosed[PC_WB_CELL_SIZE];

  _pc_wb_number (wb, sheet, row, 0, result->year, PC_WB_YEAR);
  _pc_wb_text (wb, sheet, row, 1, label, PC_WB_TEXT);
  _pc_wb_cell (a, row, 0, FALSE);
  /* Inflation counts from the price year, discounting from the first
   * year (docs/MODEL.md#base-years). */
  _pc_wb_formula (wb, sheet, row, PC_WB_PJ_INDEX_COL, PC_WB_FACTOR,
                  pow (1.0 + input->inflation, result->year - input->price_year),
                  "=(1+Inflation)^(%s-PriceYear)", a);
  for (guint s = 0; s < PC_N_STAGES; s++)
    _pc_wb_formula (wb, sheet, row, PC_WB_PJ_STAGE_COL + s, PC_WB_PATIENTS, result->incident[s],
                    "=" PC_WB_REF_PATIENTS "%s",
                    _pc_wb_cell (diagnosed, _pc_wb_pt_diagnosed_row (wb, result->year),
                                 PC_WB_PT_STAGE_COL + s, FALSE));
  _pc_wb_formula (wb, sheet, row, PC_WB_PJ_PATIENTS_COL, PC_WB_PATIENTS, result->incident_total,
                  "=SUM(%s)", _pc_wb_range (range, row, PC_WB_PJ_STAGE_COL,
                                            row, PC_WB_PJ_PATIENTS_COL - 1));
  write_costs (wb, sheet, t);
  _pc_wb_cell (total, row, wb->pj_total_col, FALSE);
  *cumulative += result->cost;
  if (t == 0)
    _pc_wb_formula (wb, sheet, row, wb->pj_cumulative_col, PC_WB_MONEY, *cumulative, "=%s", total);
  else
    _pc_wb_formula (wb, sheet, row, wb->pj_cumulative_col, PC_WB_MONEY, *cumulative, "=%s+%s",
                    _pc_wb_cell (before, row - 1, wb->pj_cumulative_col, FALSE), total);
  _pc_wb_formula (wb, sheet, row, wb->pj_discounted_col, PC_WB_MONEY,
                  result->cost / pow (1.0 + input->discount_rate, (double) t),
                  "=%s/(1+DiscountRate)^(%s-FirstYear)", total, a);
}

/* The figure the total row caches for @col: the engine's total and NPV,
 * or its years summed in order as the sheet's SUM does. */
static double
column_total (PcWb      *wb,
              lxw_col_t  col)
{
  const PcProjection *projection = wb->projection;
  double total = 0.0;

  if (col == wb->pj_total_col)
    return projection->total_cost;
  if (col == wb->pj_discounted_col)
    return projection->npv;

  for (guint t = 0; t < projection->n_years; t++)
    {
      const PcYearResult *r = &projection->years[t];

      if (col < PC_WB_PJ_PATIENTS_COL)
        total += r->incident[col - PC_WB_PJ_STAGE_COL];
      else if (col == PC_WB_PJ_PATIENTS_COL)
        total += r->incident_total;
      else if (col < wb->pj_total_col)
        total += r->cost_by_phase[col - PC_WB_PJ_PHASE_COL];
      else if (col < wb->pj_cumulative_col)
        total += r->cost_by_funding[col - wb->pj_funding_col];
      else
        total += r->activity[g_array_index (wb->activities, PcActivity, col - wb->pj_activity_col)];
    }
  return total;
}

static void
write_totals (PcWb          *wb,
              lxw_worksheet *sheet)
{
  lxw_row_t row = wb->pj_total_row;
  lxw_col_t last = wb->pj_activity_col + wb->activities->len;
  const lxw_row_t first = PC_WB_PJ_FIRST_ROW;

  _pc_wb_text (wb, sheet, row, 0, "Total", PC_WB_HEADING);
  for (lxw_col_t col = PC_WB_PJ_STAGE_COL; col < last; col++)
    {
      gboolean money = col >= PC_WB_PJ_PHASE_COL && col < wb->pj_activity_col;
      char range[PC_WB_RANGE_SIZE];

      if (col == wb->pj_cumulative_col)
        continue;
      _pc_wb_formula (wb, sheet, row, col,
                      money ? PC_WB_MONEY_TOTAL : col < PC_WB_PJ_PHASE_COL ? PC_WB_PATIENTS
                      : PC_WB_UNITS, column_total (wb, col), "=SUM(%s)",
                      _pc_wb_range (range, first, col, row - 1, col));
    }
  _pc_wb_define_name (wb, "FirstYearCost", NULL, PC_WB_REF_PROJECTION,
                      first, wb->pj_total_col, first, wb->pj_total_col);
  _pc_wb_define_name (wb, "TotalCost", NULL, PC_WB_REF_PROJECTION,
                      row, wb->pj_total_col, row, wb->pj_total_col);
  _pc_wb_define_name (wb, "NetPresentValue", NULL, PC_WB_REF_PROJECTION,
                      row, wb->pj_discounted_col, row, wb->pj_discounted_col);
}

/* Patients, then cost by phase, then by funding stream with the totals,
 * then activity, each on pages of its own with the years repeated. */
static void
print_in_parts (PcWb          *wb,
                lxw_worksheet *sheet)
{
  lxw_col_t breaks[4] = { 0, };
  guint n = 0;

  breaks[n++] = PC_WB_PJ_PHASE_COL;
  if (wb->pj_funding_col > breaks[n - 1])
    breaks[n++] = wb->pj_funding_col;
  if (wb->activities->len > 0 && wb->pj_activity_col > breaks[n - 1])
    breaks[n++] = wb->pj_activity_col;
  _pc_wb_print_in_parts (wb, sheet, 1, breaks);
}

void
_pc_wb_write_projection (PcWb          *wb,
                         lxw_worksheet *sheet)
{
  double cumulative = 0.0;
  lxw_col_t last;

  layout_columns (wb);
  _pc_wb_text (wb, sheet, 0, 0, "Projection", PC_WB_TITLE);
  /* Over the first printed part only: a note spilling further is cut at
   * the page's edge. */
  _pc_wb_note_across (wb, sheet, 1, PC_WB_PJ_PATIENTS_COL,
                      "Costs in £ at each year's prices (price index = (1 + inflation)^(year − "
                      "price year), Assumptions), for the patients diagnosed in the year and "
                      "those diagnosed in the five years before who are still in care. "
                      "Discounted to the first year.", 2);
  write_header (wb, sheet);
  for (guint t = 0; t < wb->projection->n_years && !_pc_wb_failed (wb); t++)
    write_year (wb, sheet, t, &cumulative);
  write_totals (wb, sheet);
  _pc_wb_add_projection_charts (wb, sheet);
  last = wb->pj_activity_col + MAX (wb->activities->len, 1) - 1;
  _pc_wb_col_width (wb, sheet, 0, 0, 8);
  _pc_wb_col_width (wb, sheet, 1, 1, 12);
  _pc_wb_col_width (wb, sheet, PC_WB_PJ_INDEX_COL, PC_WB_PJ_PATIENTS_COL, 10);
  _pc_wb_col_width (wb, sheet, PC_WB_PJ_PHASE_COL, wb->pj_discounted_col, 15);
  _pc_wb_col_width (wb, sheet, wb->pj_activity_col, last, 12);
  _pc_wb_set_up_sheet (wb, sheet, PC_WB_PJ_FIRST_ROW, 2);
  print_in_parts (wb, sheet);
}
