/* pc-workbook-patients.c: the Patients sheet: patients diagnosed per year
 * (population × rates, trend, stage mix), from five years before the
 * horizon, and the patients in care in each year of the horizon by stage,
 * basis and year after diagnosis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-format.h"
#include "pc-workbook-private.h"

#define TOTAL_COL (PC_WB_PT_STAGE_COL + PC_N_STAGES)
#define LAST_CARE_COL (PC_WB_CP_FIRST_COL + PC_WB_CP_WIDTH - 1)

lxw_row_t
_pc_wb_pt_diagnosed_row (PcWb *wb,
                         int   year)
{
  return PC_WB_PT_DIAGNOSED_ROW + (lxw_row_t) (year - wb->input->first_year);
}

static void
write_year_cells (PcWb          *wb,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  int            year)
{
  g_autofree char *label = pc_format_financial_year (year);

  _pc_wb_number (wb, sheet, row, 0, year, PC_WB_YEAR);
  _pc_wb_text (wb, sheet, row, 1, label, PC_WB_TEXT);
}

static void
write_diagnosed_row (PcWb          *wb,
                     lxw_worksheet *sheet,
                     guint          t)
{
  const PcProjectionInput *input = wb->input;
  int year = input->first_year + (int) t;
  lxw_row_t row = PC_WB_PT_DIAGNOSED_ROW + t;
  char a[PC_WB_CELL_SIZE], cases[PC_WB_CELL_SIZE], trend[PC_WB_CELL_SIZE];
  char stages[PC_WB_RANGE_SIZE];
  double total = 0.0;

  write_year_cells (wb, sheet, row, year);
  _pc_wb_cell (a, row, 0, FALSE);
  _pc_wb_formula (wb, sheet, row, PC_WB_PT_CASES_COL, PC_WB_PATIENTS, input->crude_incidence[t],
                  "=SUMPRODUCT((PopulationUsedFrom<=%s)*(PopulationUsedTo>=%s)*ExpectedCases)",
                  a, a);
  /* The trend counts from the rates' own year (docs/MODEL.md#base-years). */
  _pc_wb_formula (wb, sheet, row, PC_WB_PT_TREND_COL, PC_WB_FACTOR,
                  pow (1.0 + input->trend, year - input->incidence_year),
                  "=(1+IncidenceTrend)^(%s-IncidenceYear)", a);
  lxw_rowcol_to_cell_abs (cases, row, PC_WB_PT_CASES_COL, 0, 1);
  lxw_rowcol_to_cell_abs (trend, row, PC_WB_PT_TREND_COL, 0, 1);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      double incident = pc_projection_incident (input, year, s);

      total += incident;
      _pc_wb_formula (wb, sheet, row, PC_WB_PT_STAGE_COL + s, PC_WB_PATIENTS, incident,
                      "=%s*%s*%s", cases, trend, _pc_wb_stage_share_name (s));
    }
  _pc_wb_formula (wb, sheet, row, TOTAL_COL, PC_WB_PATIENTS, total, "=SUM(%s)",
                  _pc_wb_range (stages, row, PC_WB_PT_STAGE_COL, row, TOTAL_COL - 1));
  if (year < input->base_year)
    _pc_wb_text (wb, sheet, row, TOTAL_COL + 1, "Before the first year: still in care",
                 PC_WB_NOTE);
}

static void
write_diagnosed (PcWb          *wb,
                 lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Year", "Financial year", "Expected cases (population × rates)", "Trend factor",
  };
  const lxw_row_t header = PC_WB_PT_DIAGNOSED_ROW - 1;

  _pc_wb_text (wb, sheet, header - 1, 0, "Patients diagnosed", PC_WB_HEADING);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    _pc_wb_text (wb, sheet, header, i, labels[i], PC_WB_HEADER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, header, PC_WB_PT_STAGE_COL + s, label, PC_WB_HEADER);
    }
  _pc_wb_text (wb, sheet, header, TOTAL_COL, "All stages", PC_WB_HEADER);
  for (guint t = 0; t < wb->input->n_years && !_pc_wb_failed (wb); t++)
    write_diagnosed_row (wb, sheet, t);
}

/* Patients diagnosed k years before @year, times the column's survival. */
static void
write_care_row (PcWb          *wb,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                int            year)
{
  const PcProjectionInput *input = wb->input;

  write_year_cells (wb, sheet, row, year);
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint b = 0; b < PC_N_BASES; b++)
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        {
          double incident = pc_projection_incident (input, year - (int) k, s);
          double weight = pc_survival_weight (input->survival[s], b, k);
          lxw_col_t col = _pc_wb_cp_col (s, b, k);
          char diagnosed[PC_WB_CELL_SIZE], survival[PC_WB_CELL_SIZE];

          _pc_wb_cell (diagnosed, _pc_wb_pt_diagnosed_row (wb, year - (int) k),
                       PC_WB_PT_STAGE_COL + s, TRUE);
          lxw_rowcol_to_cell_abs (survival, PC_WB_CP_WEIGHT_ROW, col, 1, 0);
          _pc_wb_formula (wb, sheet, row, col, PC_WB_PATIENTS, incident * weight,
                          "=%s*" PC_WB_REF_COSTS "%s", diagnosed, survival);
        }
}

static void
write_care_header (PcWb          *wb,
                   lxw_worksheet *sheet,
                   lxw_row_t      row)
{
  _pc_wb_text (wb, sheet, row - 2, 0,
               "Patients in care by stage at diagnosis and year after diagnosis", PC_WB_HEADING);
  _pc_wb_text (wb, sheet, row - 1, 0,
               "'alive': patients diagnosed k years before, alive at the start of the year; "
               "'dying': those who die during it (survival from the Cost per patient sheet).",
               PC_WB_NOTE);
  _pc_wb_text (wb, sheet, row, 0, "Year", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row, 1, "Stage at diagnosis", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row + 1, 0, "", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row + 1, 1, "Patients", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row + 2, 0, "", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row + 2, 1, "Year after diagnosis", PC_WB_HEADER);
  /* Two lines for "Stage unknown" and "Year after diagnosis", which would
   * otherwise run over the row below (LibreOffice keeps a row's height). */
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, 30.0, NULL), "setting a header's height");
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row + 2, 30.0, NULL), "setting a header's height");
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint b = 0; b < PC_N_BASES; b++)
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        {
          lxw_col_t col = _pc_wb_cp_col (s, b, k);
          g_autofree char *stage = g_strdup_printf ("Stage %s", pc_stage_to_string (s));

          _pc_wb_text (wb, sheet, row, col, stage, PC_WB_HEADER);
          _pc_wb_text (wb, sheet, row + 1, col, b == PC_BASIS_PATIENT ? "alive" : "dying",
                       PC_WB_HEADER);
          _pc_wb_number (wb, sheet, row + 2, col, k, PC_WB_YEAR);
        }
}

void
_pc_wb_write_patients (PcWb          *wb,
                       lxw_worksheet *sheet)
{
  lxw_row_t header = PC_WB_PT_DIAGNOSED_ROW + wb->input->n_years + 3;

  _pc_wb_text (wb, sheet, 0, 0, "Patients", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0,
               "Patients diagnosed = expected cases × trend factor × stage share (Assumptions); the "
               "trend factor is (1 + trend)^(year − incidence year). "
               "Care lasts up to five years after diagnosis, so the table starts five years "
               "before the first year.", PC_WB_NOTE);
  write_diagnosed (wb, sheet);
  write_care_header (wb, sheet, header);
  wb->pt_care_row = header + 3;
  for (guint t = 0; t < wb->projection->n_years && !_pc_wb_failed (wb); t++)
    write_care_row (wb, sheet, wb->pt_care_row + t, wb->request->from + (int) t);
  _pc_wb_col_width (wb, sheet, 0, 0, 8);
  _pc_wb_col_width (wb, sheet, 1, 1, 14);
  _pc_wb_col_width (wb, sheet, PC_WB_PT_CASES_COL, LAST_CARE_COL, 11);
  _pc_wb_set_up_sheet (wb, sheet, PC_WB_PT_DIAGNOSED_ROW, 2);
  _pc_wb_print_every (wb, sheet, 1, PC_WB_CP_FIRST_COL, LAST_CARE_COL, PC_N_BASES * PC_N_OFFSETS);
}
