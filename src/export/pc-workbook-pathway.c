/* pc-workbook-pathway.c: the Tariffs and Pathway sheets: tariff prices as
 * inputs, each step's unit cost (tariff × MFF as a formula, or its local
 * cost as an input), quantity and shares, and its cost per patient by stage
 * with totals by phase and funding stream.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-breakdown.h"
#include "pc-labels.h"
#include "pc-workbook-private.h"

#define TARIFF_ROW 4

static void
write_tariff (PcWb          *wb,
              lxw_worksheet *sheet,
              PcWbTariff    *tariff,
              lxw_row_t      row)
{
  char price[PC_WB_CELL_SIZE];

  tariff->row = row;
  _pc_wb_text (wb, sheet, row, 0, tariff->code, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, tariff->description, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 2, tariff->unit, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 3, tariff->year, PC_WB_YEAR);
  _pc_wb_number (wb, sheet, row, 4, tariff->price, PC_WB_MONEY_INPUT);
  _pc_wb_formula (wb, sheet, row, 5, PC_WB_MONEY,
                  pc_tariff_unit_cost (tariff->price, wb->pathway->mff),
                  "=%s*MarketForcesFactor", _pc_wb_cell (price, row, 4, FALSE));
  tariff->name = (char *) _pc_wb_define_name (wb, "Tariff_", tariff->code, PC_WB_REF_TARIFFS,
                                              row, 4, row, 4);
}

void
_pc_wb_write_tariffs (PcWb          *wb,
                      lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Code", "Description", "Unit", "Tariff year", "Price", "Price × MFF",
  };
  static const double widths[] = { 10, 60, 14, 10, 14, 14 };

  _pc_wb_text (wb, sheet, 0, 0, "Tariffs the pathway uses", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0,
               "Prices are inputs. A step that names a tariff costs its price × the market "
               "forces factor (Assumptions).", PC_WB_NOTE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      _pc_wb_text (wb, sheet, TARIFF_ROW - 1, i, labels[i], PC_WB_HEADER);
      _pc_wb_col_width (wb, sheet, i, i, widths[i]);
    }
  for (guint i = 0; i < wb->tariffs->len; i++)
    write_tariff (wb, sheet, g_ptr_array_index (wb->tariffs, i), TARIFF_ROW + i);
  if (wb->tariffs->len == 0)
    _pc_wb_text (wb, sheet, TARIFF_ROW, 0,
                 "The pathway names no tariff: every step has a local unit cost.", PC_WB_NOTE);
  else
    _pc_wb_validate (wb, sheet, TARIFF_ROW, 4, TARIFF_ROW + wb->tariffs->len - 1, 4,
                     0.0, INFINITY, "A price cannot be negative.");
  _pc_wb_set_up_sheet (wb, sheet, TARIFF_ROW, 1);
}

static const PcWbTariff *
tariff_of (PcWb         *wb,
           const PcStep *step)
{
  for (guint i = 0; i < wb->tariffs->len; i++)
    {
      const PcWbTariff *tariff = g_ptr_array_index (wb->tariffs, i);

      if (g_strcmp0 (tariff->code, step->tariff_code) == 0)
        return tariff;
    }
  g_assert_not_reached ();
}

/* tariff × MFF as a formula; a local (or scenario) unit cost is an input. */
static void
write_unit_cost (PcWb          *wb,
                 lxw_worksheet *sheet,
                 const PcStep  *step,
                 lxw_row_t      row)
{
  double unit = pc_step_unit_cost (step, wb->pathway->mff);
  const PcWbTariff *tariff;
  char price[PC_WB_CELL_SIZE];

  if (step->tariff_code == NULL || step->has_unit_cost_override)
    {
      _pc_wb_number (wb, sheet, row, PC_WB_PW_UNIT_COL, unit, PC_WB_MONEY_INPUT);
      return;
    }
  tariff = tariff_of (wb, step);
  _pc_wb_formula (wb, sheet, row, PC_WB_PW_UNIT_COL, PC_WB_MONEY, unit, "=%s%s*MarketForcesFactor",
                  tariff->name != NULL ? "" : PC_WB_REF_TARIFFS,
                  tariff->name != NULL ? tariff->name : _pc_wb_cell (price, tariff->row, 4, TRUE));
}

static void
write_step (PcWb             *wb,
            lxw_worksheet    *sheet,
            const PcStep     *step,
            const PcStepCost *step_cost,
            lxw_row_t         row)
{
  char share[PC_WB_CELL_SIZE], quantity[PC_WB_CELL_SIZE], cost[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, PC_WB_PW_PHASE_COL, pc_phase_label (step->phase), PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 1, step->year_offset, PC_WB_YEAR);
  _pc_wb_text (wb, sheet, row, 2, pc_basis_to_string (step->basis), PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, PC_WB_PW_STEP_COL, step->name, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 4, pc_activity_label (step->activity), PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 5, pc_funding_label (step->funding), PC_WB_TEXT);
  if (step->tariff_code != NULL)
    _pc_wb_text (wb, sheet, row, PC_WB_PW_TARIFF_COL, step->tariff_code, PC_WB_TEXT);
  write_unit_cost (wb, sheet, step, row);
  _pc_wb_number (wb, sheet, row, PC_WB_PW_QUANTITY_COL, step->quantity, PC_WB_NUMBER_INPUT);
  lxw_rowcol_to_cell_abs (quantity, row, PC_WB_PW_QUANTITY_COL, 0, 1);
  lxw_rowcol_to_cell_abs (cost, row, PC_WB_PW_UNIT_COL, 0, 1);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      _pc_wb_number (wb, sheet, row, PC_WB_PW_SHARE_COL + s, step->share[s], PC_WB_SHARE_INPUT);
      _pc_wb_formula (wb, sheet, row, PC_WB_PW_COST_COL + s, PC_WB_MONEY,
                      step_cost->cost[s], "=%s*%s*%s",
                      _pc_wb_cell (share, row, PC_WB_PW_SHARE_COL + s, FALSE), quantity, cost);
    }
  if (step->has_provider_unit_cost)
    _pc_wb_number (wb, sheet, row, PC_WB_PW_PROVIDER_COL, step->provider_unit_cost,
                   PC_WB_MONEY_INPUT);
}

static void
write_step_header (PcWb          *wb,
                   lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Phase", "Year after diagnosis", "Basis", "Step", "Activity", "Funding stream",
    "Tariff code", "Unit cost", "Quantity",
  };
  static const double widths[] = { 14, 10, 9, 48, 24, 26, 10, 13, 10 };
  const lxw_row_t row = PC_WB_PW_STEP_ROW - 1;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      _pc_wb_text (wb, sheet, row, i, labels[i], PC_WB_HEADER);
      _pc_wb_col_width (wb, sheet, i, i, widths[i]);
    }
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *share = g_strdup_printf ("Share, stage %s", pc_stage_to_string (s));
      g_autofree char *cost = g_strdup_printf ("Cost per patient reached, stage %s",
                                               pc_stage_to_string (s));

      _pc_wb_text (wb, sheet, row, PC_WB_PW_SHARE_COL + s, share, PC_WB_HEADER);
      _pc_wb_text (wb, sheet, row, PC_WB_PW_COST_COL + s, cost, PC_WB_HEADER);
    }
  _pc_wb_text (wb, sheet, row, PC_WB_PW_PROVIDER_COL, "Provider's own unit cost", PC_WB_HEADER);
  _pc_wb_col_width (wb, sheet, PC_WB_PW_SHARE_COL, PC_WB_PW_COST_COL - 1, 9);
  _pc_wb_col_width (wb, sheet, PC_WB_PW_COST_COL, PC_WB_PW_PROVIDER_COL, 13);
}

static void
validate_steps (PcWb          *wb,
                lxw_worksheet *sheet)
{
  lxw_row_t first = PC_WB_PW_STEP_ROW;
  lxw_row_t last = first + wb->pathway->steps->len - 1;

  if (wb->pathway->steps->len == 0)
    return;
  _pc_wb_validate (wb, sheet, first, PC_WB_PW_UNIT_COL, last, PC_WB_PW_QUANTITY_COL,
                   0.0, INFINITY, "Unit costs and quantities cannot be negative.");
  _pc_wb_validate (wb, sheet, first, PC_WB_PW_SHARE_COL, last, PC_WB_PW_COST_COL - 1, 0.0, 1.0,
                   "A share of patients is a fraction from 0 to 1 (0% to 100%).");
  _pc_wb_validate (wb, sheet, first, PC_WB_PW_PROVIDER_COL, last, PC_WB_PW_PROVIDER_COL,
                   0.0, INFINITY, "A unit cost cannot be negative.");
}

/* One row of expected costs by stage over a group of steps, from its row
 * of the Cost per patient sheet. */
static void
write_total_row (PcWb              *wb,
                 lxw_worksheet     *sheet,
                 lxw_row_t          row,
                 const char        *group,
                 const char        *name,
                 gboolean           by_phase,
                 const PcCostGroup *costs,
                 lxw_row_t          cost_row)
{
  _pc_wb_text (wb, sheet, row, 0, group, PC_WB_TEXT);
  if (name != NULL)
    {
      g_autofree char *label =
        _pc_wb_label_with_code (by_phase ? pc_phase_label (name) : pc_funding_label (name), name);

      _pc_wb_text (wb, sheet, row, PC_WB_PW_STEP_COL, label, PC_WB_TEXT);
    }
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *formula = _pc_wb_expected_formula (PC_WB_REF_COSTS, cost_row, s);

      /* A phase only investment lines use has no step: E is 0. */
      _pc_wb_formula (wb, sheet, row, PC_WB_PW_COST_COL + s, PC_WB_MONEY,
                      costs != NULL ? costs->expected[s] : 0.0, "%s", formula);
    }
}

static void
write_totals (PcWb              *wb,
              lxw_worksheet     *sheet,
              const PcBreakdown *breakdown)
{
  lxw_row_t row = PC_WB_PW_STEP_ROW + wb->pathway->steps->len + 1;
  const PcProjection *projection = wb->projection;

  _pc_wb_text (wb, sheet, row++, 0,
               "Expected cost per patient diagnosed, by stage (survival-weighted over the six "
               "years after diagnosis; price-year prices)", PC_WB_HEADING);
  write_total_row (wb, sheet, row++, "All steps", NULL, TRUE, &breakdown->total,
                   PC_WB_CP_TOTAL_ROW);
  for (guint p = 0; projection->phases[p] != NULL; p++)
    write_total_row (wb, sheet, row++, "Phase", projection->phases[p], TRUE,
                     pc_breakdown_find_phase (breakdown, projection->phases[p]),
                     _pc_wb_cp_phase_row (wb, p));
  for (guint f = 0; projection->fundings[f] != NULL; f++)
    write_total_row (wb, sheet, row++, "Funding stream", projection->fundings[f], FALSE,
                     pc_breakdown_find_funding (breakdown, projection->fundings[f]),
                     _pc_wb_cp_funding_row (wb, f));
}

void
_pc_wb_write_pathway (PcWb          *wb,
                      lxw_worksheet *sheet)
{
  g_autofree char *title = g_strdup_printf ("Pathway: %s", wb->pathway_name);
  g_autofree char *about = g_strdup_printf (
    "Pathway code %s%s. Yellow cells are inputs; cost per patient reached = share × "
    "quantity × unit cost: per patient alive at the start of the year for a 'patient' step, "
    "per patient who dies in the year for a 'death' step.", wb->pathway->name,
    wb->pathway->provider != NULL ? "" : ", no provider");

  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (wb->pathway, wb->input);

  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, about, PC_WB_NOTE);
  write_step_header (wb, sheet);
  for (guint i = 0; i < wb->pathway->steps->len && !_pc_wb_failed (wb); i++)
    write_step (wb, sheet, g_ptr_array_index (wb->pathway->steps, i),
                g_ptr_array_index (breakdown->steps, i), PC_WB_PW_STEP_ROW + i);
  validate_steps (wb, sheet);
  write_totals (wb, sheet, breakdown);
  _pc_wb_set_up_sheet (wb, sheet, PC_WB_PW_STEP_ROW, PC_WB_PW_STEP_COL + 1);
  {
    static const lxw_col_t breaks[] = { PC_WB_PW_COST_COL, 0 };

    _pc_wb_print_in_parts (wb, sheet, PC_WB_PW_STEP_COL, breaks);
  }
}
