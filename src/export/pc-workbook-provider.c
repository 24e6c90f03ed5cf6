/* pc-workbook-provider.c: the Provider comparison sheet: for each step that
 * carries the provider's own unit cost, that cost against the pathway's
 * (tariff × MFF, or the local cost), the gap in £ and %, and the gap per
 * patient by stage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-breakdown.h"
#include "pc-labels.h"
#include "pc-workbook-private.h"

#define FIRST_ROW     4
#define UNIT_COL      3
#define PROVIDER_COL  4
#define GAP_COL       5
#define PERCENT_COL   6
#define QUANTITY_COL  7
#define SHARE_COL     8                          /* + stage */
#define PER_PATIENT_COL (SHARE_COL + PC_N_STAGES) /* + stage */
#define WEIGHT_COL    (PER_PATIENT_COL + PC_N_STAGES) /* + stage */

static void
write_links (PcWb                *wb,
             lxw_worksheet       *sheet,
             const PcStep        *step,
             const PcProviderGap *gap,
             const PcBreakdown   *breakdown,
             lxw_row_t            row,
             lxw_row_t            step_row)
{
  char cell[PC_WB_CELL_SIZE];

  _pc_wb_formula (wb, sheet, row, UNIT_COL, PC_WB_MONEY, gap->payment, "=" PC_WB_REF_PATHWAY "%s",
                  _pc_wb_cell (cell, step_row, PC_WB_PW_UNIT_COL, FALSE));
  _pc_wb_formula (wb, sheet, row, PROVIDER_COL, PC_WB_MONEY, gap->provider_cost,
                  "=" PC_WB_REF_PATHWAY "%s",
                  _pc_wb_cell (cell, step_row, PC_WB_PW_PROVIDER_COL, FALSE));
  _pc_wb_formula (wb, sheet, row, QUANTITY_COL, PC_WB_NUMBER, step->quantity,
                  "=" PC_WB_REF_PATHWAY "%s",
                  _pc_wb_cell (cell, step_row, PC_WB_PW_QUANTITY_COL, FALSE));
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      guint k = (guint) step->year_offset;

      _pc_wb_formula (wb, sheet, row, SHARE_COL + s, PC_WB_SHARE, step->share[s],
                      "=" PC_WB_REF_PATHWAY "%s",
                      _pc_wb_cell (cell, step_row, PC_WB_PW_SHARE_COL + s, FALSE));
      /* Who is there to receive the step, as the Cost per patient sheet
       * weighs it (docs/MODEL.md#expected-cost-per-patient). */
      _pc_wb_formula (wb, sheet, row, WEIGHT_COL + s, PC_WB_SHARE,
                      breakdown->weight[s][step->basis][k],
                      "=" PC_WB_REF_COSTS "%s",
                      _pc_wb_cell (cell, PC_WB_CP_WEIGHT_ROW, _pc_wb_cp_col (s, step->basis, k),
                                   TRUE));
    }
}

/* Provider's cost − tariff × MFF, the engine's sign (docs/MODEL.md#provider-gap). */
static void
write_step (PcWb                *wb,
            lxw_worksheet       *sheet,
            const PcProviderGap *gap,
            const PcBreakdown   *breakdown,
            lxw_row_t            row)
{
  const PcStep *step = g_ptr_array_index (wb->pathway->steps, gap->step_index);
  lxw_row_t step_row = PC_WB_PW_STEP_ROW + gap->step_index;
  char unit[PC_WB_CELL_SIZE], provider[PC_WB_CELL_SIZE], gap_cell[PC_WB_CELL_SIZE];
  char quantity[PC_WB_CELL_SIZE], share[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, 0, step->name, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, pc_phase_label (step->phase), PC_WB_TEXT);
  if (step->tariff_code != NULL)
    _pc_wb_text (wb, sheet, row, 2, step->tariff_code, PC_WB_TEXT);
  write_links (wb, sheet, step, gap, breakdown, row, step_row);
  _pc_wb_cell (unit, row, UNIT_COL, FALSE);
  _pc_wb_cell (provider, row, PROVIDER_COL, FALSE);
  _pc_wb_formula (wb, sheet, row, GAP_COL, PC_WB_MONEY, gap->gap, "=%s-%s", provider, unit);
  _pc_wb_cell (gap_cell, row, GAP_COL, FALSE);
  _pc_wb_formula (wb, sheet, row, PERCENT_COL, PC_WB_PERCENT, gap->gap_share,
                  "=IF(%s=0,0,%s/%s)", unit, gap_cell, unit);
  lxw_rowcol_to_cell_abs (quantity, row, QUANTITY_COL, 0, 1);
  lxw_rowcol_to_cell_abs (gap_cell, row, GAP_COL, 0, 1);
  for (guint s = 0; s < PC_N_STAGES; s++)
    _pc_wb_formula (wb, sheet, row, PER_PATIENT_COL + s, PC_WB_MONEY,
                    gap->gap_per_patient[s], "=%s*%s*%s",
                    _pc_wb_cell (share, row, SHARE_COL + s, FALSE), quantity, gap_cell);
}

static void
write_header (PcWb          *wb,
              lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Step", "Phase", "Tariff code", "Pathway unit cost (tariff × MFF or local)",
    "Provider's unit cost", "Gap (£): provider's cost − tariff × MFF", "Gap (%)", "Quantity",
  };
  static const double widths[] = { 48, 14, 10, 16, 14, 16, 9, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      _pc_wb_text (wb, sheet, FIRST_ROW - 1, i, labels[i], PC_WB_HEADER);
      _pc_wb_col_width (wb, sheet, i, i, widths[i]);
    }
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *share = g_strdup_printf ("Share, stage %s", pc_stage_to_string (s));
      g_autofree char *gap = g_strdup_printf ("Gap per patient reached, stage %s",
                                              pc_stage_to_string (s));
      g_autofree char *weight = g_strdup_printf ("Share of patients diagnosed reached, stage %s",
                                                 pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, FIRST_ROW - 1, SHARE_COL + s, share, PC_WB_HEADER);
      _pc_wb_text (wb, sheet, FIRST_ROW - 1, PER_PATIENT_COL + s, gap, PC_WB_HEADER);
      _pc_wb_text (wb, sheet, FIRST_ROW - 1, WEIGHT_COL + s, weight, PC_WB_HEADER);
    }
  _pc_wb_col_width (wb, sheet, SHARE_COL, PER_PATIENT_COL - 1, 9);
  _pc_wb_col_width (wb, sheet, PER_PATIENT_COL, WEIGHT_COL + PC_N_STAGES - 1, 13);
}

/* One stage's expected cost per patient diagnosed over the compared
 * steps: at the pathway's unit costs, at the provider's, and the gap. */
static void
write_stage_row (PcWb                      *wb,
                 lxw_worksheet             *sheet,
                 guint                      stage,
                 lxw_row_t                  row,
                 lxw_row_t                  last_step,
                 const PcProviderBreakdown *provider_costs)
{
  g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (stage));
  char q[PC_WB_RANGE_SIZE], share[PC_WB_RANGE_SIZE], unit[PC_WB_RANGE_SIZE];
  char provider[PC_WB_RANGE_SIZE], weight[PC_WB_RANGE_SIZE];
  char b[PC_WB_CELL_SIZE], c[PC_WB_CELL_SIZE], d[PC_WB_CELL_SIZE];

  _pc_wb_range (q, FIRST_ROW, QUANTITY_COL, last_step, QUANTITY_COL);
  _pc_wb_range (share, FIRST_ROW, SHARE_COL + stage, last_step, SHARE_COL + stage);
  _pc_wb_range (unit, FIRST_ROW, UNIT_COL, last_step, UNIT_COL);
  _pc_wb_range (provider, FIRST_ROW, PROVIDER_COL, last_step, PROVIDER_COL);
  _pc_wb_range (weight, FIRST_ROW, WEIGHT_COL + stage, last_step, WEIGHT_COL + stage);
  _pc_wb_cell (b, row, UNIT_COL, FALSE);
  _pc_wb_cell (c, row, PROVIDER_COL, FALSE);
  _pc_wb_cell (d, row, GAP_COL, FALSE);
  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_formula (wb, sheet, row, UNIT_COL, PC_WB_MONEY, provider_costs->at_payment[stage],
                  "=SUMPRODUCT(%s,%s,%s,%s)", q, share, unit, weight);
  _pc_wb_formula (wb, sheet, row, PROVIDER_COL, PC_WB_MONEY, provider_costs->at_provider[stage],
                  "=SUMPRODUCT(%s,%s,%s,%s)", q, share, provider, weight);
  _pc_wb_formula (wb, sheet, row, GAP_COL, PC_WB_MONEY, provider_costs->gap[stage], "=%s-%s", c, b);
  _pc_wb_formula (wb, sheet, row, PERCENT_COL, PC_WB_PERCENT, provider_costs->gap_share[stage],
                  "=IF(%s=0,0,%s/%s)", b, d, b);
}

static void
write_per_patient (PcWb                      *wb,
                   lxw_worksheet             *sheet,
                   const PcProviderBreakdown *provider_costs,
                   lxw_row_t                  last_step)
{
  static const char * const labels[] = {
    "At the pathway's unit costs", "At the provider's unit costs", "Gap (£)", "Gap (%)",
  };
  lxw_row_t row = last_step + 2;

  _pc_wb_text (wb, sheet, row++, 0, "Expected cost per patient diagnosed by stage, over the "
               "compared steps (survival-weighted)", PC_WB_HEADING);
  _pc_wb_text (wb, sheet, row, 0, "Stage", PC_WB_HEADER);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    _pc_wb_text (wb, sheet, row, UNIT_COL + i, labels[i], PC_WB_HEADER);
  row++;
  for (guint s = 0; s < PC_N_STAGES; s++)
    write_stage_row (wb, sheet, s, row + s, last_step, provider_costs);
}

void
_pc_wb_write_provider (PcWb          *wb,
                       lxw_worksheet *sheet)
{
  g_autofree char *about = g_strdup_printf (
    "The provider's own unit cost (patient-level costing) against what the pathway pays "
    "(tariff × MFF, or the local cost). Provider: %s%s%s.",
    wb->pathway->provider != NULL ? wb->pathway->provider : "none named",
    wb->provider_name != NULL ? " " : "", wb->provider_name != NULL ? wb->provider_name : "");
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (wb->pathway, wb->input);
  GPtrArray *gaps = breakdown->provider.steps;
  lxw_row_t row = FIRST_ROW;

  _pc_wb_text (wb, sheet, 0, 0, "Provider comparison", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, about, PC_WB_NOTE);
  _pc_wb_text (wb, sheet, 2, 0,
               "Gap = provider's unit cost − tariff × MFF: positive means the provider's cost "
               "is above what the tariff pays, so the provider loses on it; negative, the "
               "provider's cost is below the price and the commissioner pays more than it "
               "costs.", PC_WB_HEADING);
  write_header (wb, sheet);
  for (guint i = 0; i < gaps->len && !_pc_wb_failed (wb); i++)
    write_step (wb, sheet, g_ptr_array_index (gaps, i), breakdown, row++);
  if (row == FIRST_ROW)
    _pc_wb_text (wb, sheet, FIRST_ROW, 0,
                 "No step of this pathway carries the provider's own unit cost: there is "
                 "nothing to compare. Export the provider's current pathway to compare.",
                 PC_WB_NOTE);
  else
    write_per_patient (wb, sheet, &breakdown->provider, row - 1);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 1);
  {
    static const lxw_col_t breaks[] = { SHARE_COL, 0 };

    _pc_wb_print_in_parts (wb, sheet, 0, breaks);
  }
}
