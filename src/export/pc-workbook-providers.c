/* pc-workbook-providers.c: one provider's sheet of the negotiation pack
 * (docs/MODEL.md, "The negotiation pack"): the best-practice steps priced
 * at tariff × the provider's MFF and at its own unit costs, its current
 * pathway likewise (its expected cost per patient at tariff × MFF is
 * `report`'s), the gap per step and in total, then its flows, compliance
 * and risks.  Every derived figure is a formula over the cells above it
 * with the engine's value cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-breakdown.h"
#include "pc-disclosure.h"
#include "pc-labels.h"
#include "pc-workbook-private.h"

#define MFF_ROW        3
#define MIX_ROW        5       /* stage mix, stage s in column 1 + s */
#define FIRST_TABLE    8

/* The step table's columns. */
#define STEP_COL       0
#define YEAR_COL       1
#define BASIS_COL      2
#define CODE_COL       3
#define PRICE_COL      4
#define UNIT_COL       5
#define OWN_COL        6
#define GAP_COL        7
#define SOURCE_COL     8
#define QUANTITY_COL   9
#define SHARE_COL      10                       /* + stage */
#define REACHED_COL    (SHARE_COL + PC_N_STAGES) /* + stage */
#define N_COLS         (REACHED_COL + PC_N_STAGES)
/* The totals: stage s in column 1 + s, all stages after them. */
#define ALL_COL        (1 + PC_N_STAGES)

static void
write_header_row (PcWb               *wb,
                  lxw_worksheet      *sheet,
                  lxw_row_t           row,
                  const char * const *labels,
                  guint               n)
{
  for (guint c = 0; c < n; c++)
    _pc_wb_text (wb, sheet, row, c, labels[c], PC_WB_HEADER);
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, PC_WB_HEADER_HEIGHT, NULL),
                  "setting a header's height");
}

static void
write_step_header (PcWb          *wb,
                   lxw_worksheet *sheet,
                   lxw_row_t      row)
{
  static const char * const labels[] = {
    "Step", "Year after diagnosis", "Basis", "Tariff code", "Tariff price or local cost",
    "Unit cost (tariff × MFF)", "Provider's own unit cost", "Gap (£): own − tariff × MFF",
    "Own cost from", "Quantity",
  };

  write_header_row (wb, sheet, row, labels, G_N_ELEMENTS (labels));
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *share = g_strdup_printf ("Share, stage %s", pc_stage_to_string (s));
      g_autofree char *reached = g_strdup_printf ("Patients diagnosed reached, stage %s",
                                                  pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, row, SHARE_COL + s, share, PC_WB_HEADER);
      _pc_wb_text (wb, sheet, row, REACHED_COL + s, reached, PC_WB_HEADER);
    }
  /* Four lines for "Patients diagnosed reached, stage 1". */
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, 60.0, NULL), "setting a header's height");
}

static const char *
own_source (const PcStep *step,
            gboolean      is_own)
{
  if (!is_own)
    return "none: tariff × MFF";
  return step->has_provider_unit_cost ? "current pathway" : "activity (mean per unit)";
}

/* One step: price, unit cost = price × MFF (a tariff) or the local cost,
 * the own cost (a figure, or the unit cost where none is known), the gap. */
static void
write_step (PcWb                    *wb,
            lxw_worksheet           *sheet,
            lxw_row_t                row,
            const PcStep            *step,
            const PcProviderFigures *figures,
            const PcBreakdown       *breakdown)
{
  char price[PC_WB_CELL_SIZE], unit[PC_WB_CELL_SIZE], own[PC_WB_CELL_SIZE], mff[PC_WB_CELL_SIZE];
  gboolean is_own = FALSE;
  double unit_cost = pc_step_unit_cost (step, figures->mff);
  double own_cost = pc_provider_step_own_cost (step, figures->mff, figures->own_unit_costs,
                                               &is_own);

  _pc_wb_cell (price, row, PRICE_COL, FALSE);
  _pc_wb_cell (unit, row, UNIT_COL, FALSE);
  _pc_wb_cell (own, row, OWN_COL, FALSE);
  _pc_wb_cell (mff, MFF_ROW, 1, TRUE);
  _pc_wb_text (wb, sheet, row, STEP_COL, step->name, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, YEAR_COL, step->year_offset, PC_WB_COUNT);
  _pc_wb_text (wb, sheet, row, BASIS_COL, pc_basis_to_string (step->basis), PC_WB_TEXT);
  if (step->tariff_code != NULL)
    {
      _pc_wb_text (wb, sheet, row, CODE_COL, step->tariff_code, PC_WB_TEXT);
      _pc_wb_number (wb, sheet, row, PRICE_COL, step->tariff_price, PC_WB_MONEY);
      _pc_wb_formula (wb, sheet, row, UNIT_COL, PC_WB_MONEY, unit_cost, "=%s*%s", price, mff);
    }
  else
    {
      _pc_wb_number (wb, sheet, row, PRICE_COL, step->local_unit_cost, PC_WB_MONEY);
      _pc_wb_formula (wb, sheet, row, UNIT_COL, PC_WB_MONEY, unit_cost, "=%s", price);
    }
  if (is_own)
    _pc_wb_number (wb, sheet, row, OWN_COL, own_cost, PC_WB_MONEY);
  else
    _pc_wb_formula (wb, sheet, row, OWN_COL, PC_WB_MONEY, own_cost, "=%s", unit);
  _pc_wb_formula (wb, sheet, row, GAP_COL, PC_WB_MONEY, own_cost - unit_cost, "=%s-%s", own, unit);
  _pc_wb_text (wb, sheet, row, SOURCE_COL, own_source (step, is_own), PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, QUANTITY_COL, step->quantity, PC_WB_NUMBER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      _pc_wb_number (wb, sheet, row, SHARE_COL + s, step->share[s], PC_WB_SHARE);
      _pc_wb_number (wb, sheet, row, REACHED_COL + s,
                     breakdown->weight[s][step->basis][step->year_offset], PC_WB_SHARE);
    }
}

/* E by stage over the steps at column @cost_col: Σ quantity × share ×
 * unit cost × patients reached; all stages: Σ stage mix × E(stage). */
static void
write_expected_row (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    const char    *label,
                    lxw_row_t      first,
                    lxw_row_t      last,
                    lxw_col_t      cost_col,
                    const double  *by_stage,
                    double         all)
{
  char q[PC_WB_RANGE_SIZE], share[PC_WB_RANGE_SIZE], cost[PC_WB_RANGE_SIZE];
  char reached[PC_WB_RANGE_SIZE], mix[PC_WB_RANGE_SIZE], e[PC_WB_RANGE_SIZE];

  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_range (q, first, QUANTITY_COL, last, QUANTITY_COL);
  _pc_wb_range (cost, first, cost_col, last, cost_col);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      _pc_wb_range (share, first, SHARE_COL + s, last, SHARE_COL + s);
      _pc_wb_range (reached, first, REACHED_COL + s, last, REACHED_COL + s);
      _pc_wb_formula (wb, sheet, row, 1 + s, PC_WB_MONEY, by_stage[s],
                      "=SUMPRODUCT(%s,%s,%s,%s)", q, share, cost, reached);
    }
  _pc_wb_range (mix, MIX_ROW, 1, MIX_ROW, PC_N_STAGES);
  _pc_wb_range (e, row, 1, row, PC_N_STAGES);
  _pc_wb_formula (wb, sheet, row, ALL_COL, PC_WB_MONEY_TOTAL, all, "=SUMPRODUCT(%s,%s)", mix, e);
}

static void
write_gap_row (PcWb          *wb,
               lxw_worksheet *sheet,
               lxw_row_t      row,
               const double  *at_tariff,
               double         tariff_all,
               const double  *at_own,
               double         own_all)
{
  _pc_wb_text (wb, sheet, row, 0, "Gap (£): own cost − tariff × MFF", PC_WB_TEXT);
  for (guint c = 1; c <= ALL_COL; c++)
    {
      char own[PC_WB_CELL_SIZE], tariff[PC_WB_CELL_SIZE];
      double gap = c == ALL_COL ? own_all - tariff_all : at_own[c - 1] - at_tariff[c - 1];

      _pc_wb_formula (wb, sheet, row, c, c == ALL_COL ? PC_WB_MONEY_TOTAL : PC_WB_MONEY, gap,
                      "=%s-%s", _pc_wb_cell (own, row - 1, c, FALSE),
                      _pc_wb_cell (tariff, row - 2, c, FALSE));
    }
}

/* A pathway's steps and its E at tariff × MFF and at own cost; returns
 * the row of E at tariff (own cost below it, the gap below that). */
static lxw_row_t
write_priced_pathway (PcWb                    *wb,
                      lxw_worksheet           *sheet,
                      lxw_row_t                row,
                      const char              *heading,
                      const PcPathway         *pathway,
                      const PcProviderFigures *figures,
                      const char              *tariff_label)
{
  const PcProviderComparison *comparison = wb->comparison;
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (pathway, comparison->input);
  double at_tariff[PC_N_STAGES], at_own[PC_N_STAGES];
  double tariff_all = pc_provider_expected_cost (pathway, figures->mff, NULL, FALSE,
                                                 comparison->input, at_tariff, NULL);
  double own_all = pc_provider_expected_cost (pathway, figures->mff, figures->own_unit_costs, TRUE,
                                              comparison->input, at_own, NULL);
  lxw_row_t first, last, totals;

  _pc_wb_text (wb, sheet, row++, 0, heading, PC_WB_HEADING);
  write_step_header (wb, sheet, row++);
  first = row;
  for (guint i = 0; i < pathway->steps->len && !_pc_wb_failed (wb); i++)
    write_step (wb, sheet, row++, g_ptr_array_index (pathway->steps, i), figures, breakdown);
  last = MAX (row, first + 1) - 1;
  row++;
  _pc_wb_text (wb, sheet, row, 0, "Expected cost per patient diagnosed", PC_WB_HEADER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, row, 1 + s, label, PC_WB_HEADER);
    }
  _pc_wb_text (wb, sheet, row++, ALL_COL, "All stages", PC_WB_HEADER);
  totals = row;
  write_expected_row (wb, sheet, row++, tariff_label, first, last, UNIT_COL, at_tariff, tariff_all);
  write_expected_row (wb, sheet, row++, "At the provider's own unit costs", first, last, OWN_COL,
                      at_own, own_all);
  write_gap_row (wb, sheet, row, at_tariff, tariff_all, at_own, own_all);
  return totals;
}

static void
write_inputs (PcWb                    *wb,
              lxw_worksheet           *sheet,
              const PcProviderFigures *figures)
{
  const PcProviderComparison *comparison = wb->comparison;
  g_autofree char *title = g_strdup_printf ("%s (%s)", figures->name, figures->code);
  g_autofree char *about = g_strdup_printf (
    "%s: what the best-practice pathway and %s cost at tariff × this provider's MFF and at its "
    "own unit costs (its current pathway's, or its mean cost per unit from patient-level "
    "activity). Gap = own cost − tariff × MFF: positive when the provider's cost is above "
    "what the tariff pays.", comparison->site_name,
    figures->is_current ? "its current pathway" : "no current pathway (none for this site)");

  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_note_across (wb, sheet, 1, GAP_COL, about, 3);
  _pc_wb_text (wb, sheet, MFF_ROW, 0, "Market forces factor (MFF)", PC_WB_TEXT);
  _pc_wb_number (wb, sheet, MFF_ROW, 1, figures->mff, PC_WB_FACTOR);
  _pc_wb_text (wb, sheet, MIX_ROW - 1, 0, "Stage", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, MIX_ROW, 0, "Share of patients diagnosed (stage mix)", PC_WB_TEXT);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      _pc_wb_text (wb, sheet, MIX_ROW - 1, 1 + s, pc_stage_to_string (s), PC_WB_HEADER);
      _pc_wb_number (wb, sheet, MIX_ROW, 1 + s, comparison->input->stage_share[s], PC_WB_SHARE);
    }
}

void
_pc_wb_write_provider_sheet (PcWb                    *wb,
                             lxw_worksheet           *sheet,
                             const PcProviderFigures *figures,
                             PcWbProviderCells       *cells)
{
  static const lxw_col_t breaks[] = { SHARE_COL, 0 };
  const PcProviderComparison *comparison = wb->comparison;
  lxw_row_t row = FIRST_TABLE;

  cells->all_col = ALL_COL;
  write_inputs (wb, sheet, figures);
  if (comparison->best_practice != NULL)
    {
      g_autofree char *heading = g_strdup_printf ("Best practice (%s) at tariff × %s's MFF",
                                                  comparison->best_practice_name, figures->code);

      cells->best_practice_row = write_priced_pathway (wb, sheet, row, heading,
                                                       comparison->best_practice, figures,
                                                       "At tariff × MFF");
      row = cells->best_practice_row + 4;
    }
  if (figures->is_current)
    {
      g_autofree char *heading = g_strdup_printf ("Current pathway (%s) at tariff × MFF and at "
                                                  "the provider's own unit costs",
                                                  figures->pathway->name);

      cells->pathway_row = write_priced_pathway (wb, sheet, row, heading, figures->pathway,
                                                 figures, "At tariff × MFF (as pathcost-cli "
                                                 "report gives it)");
      row = cells->pathway_row + 4;
    }
  else
    cells->pathway_row = cells->best_practice_row;
  row = _pc_wb_write_provider_activity (wb, sheet, figures, row);
  _pc_wb_col_width (wb, sheet, STEP_COL, STEP_COL, 44);
  _pc_wb_col_width (wb, sheet, YEAR_COL, GAP_COL, 14);
  _pc_wb_col_width (wb, sheet, SOURCE_COL, SOURCE_COL, 21);
  _pc_wb_col_width (wb, sheet, QUANTITY_COL, N_COLS - 1, 11);
  _pc_wb_set_up_sheet (wb, sheet, 2, 1);
  _pc_wb_print_in_parts (wb, sheet, 0, breaks);
}
