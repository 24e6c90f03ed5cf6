/* pc-workbook-negotiation.c: the negotiation pack (docs/MODEL.md, "The
 * negotiation pack"): a Providers sheet comparing the providers of one
 * site for the patients of some areas, then one sheet per provider
 * (pc-workbook-providers.c) with its flows, compliance and risks, which
 * are written here.  Patient counts follow the project's disclosure
 * control (pc-disclosure.c), stated on the first sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>

#include "pc-disclosure.h"
#include "pc-format.h"
#include "pc-workbook-private.h"

#define PV_HEADER_ROW 5
#define PV_FIRST_ROW  (PV_HEADER_ROW + 1)
#define PV_LAST_COL   11
/* A provider sheet's flows: the area by name and code, then the figures. */
#define FLOW_PATIENTS_COL 1
#define FLOW_COST_COL     2
#define FLOW_PAID_COL     3
#define FLOW_GAP_COL      4

static guint
threshold (PcWb *wb)
{
  return wb->comparison->disclosure_threshold;
}

gboolean
_pc_wb_patients_count (PcWb          *wb,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       guint64        count,
                       gboolean       parts_suppressed)
{
  guint64 shown;

  if (!pc_disclosure_count (count, parts_suppressed, threshold (wb), &shown))
    {
      _pc_wb_text (wb, sheet, row, col, "*", PC_WB_TEXT);
      return FALSE;
    }
  _pc_wb_number (wb, sheet, row, col, (double) shown, PC_WB_COUNT);
  return TRUE;
}

static void
write_headers (PcWb               *wb,
               lxw_worksheet      *sheet,
               lxw_row_t           row,
               const char * const *labels)
{
  for (guint c = 0; labels[c] != NULL; c++)
    _pc_wb_text (wb, sheet, row, c, labels[c], PC_WB_HEADER);
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, PC_WB_HEADER_HEIGHT, NULL),
                  "setting a header's height");
}

/* Money of a flow: hidden with its suppressed count, which one patient's
 * cost would otherwise reveal. */
static void
write_flow_money (PcWb          *wb,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  gboolean       shown,
                  double         cost,
                  double         paid)
{
  char a[PC_WB_CELL_SIZE], b[PC_WB_CELL_SIZE];

  if (!shown)
    {
      for (lxw_col_t c = FLOW_COST_COL; c <= FLOW_GAP_COL; c++)
        _pc_wb_text (wb, sheet, row, c, "*", PC_WB_TEXT);
      return;
    }
  _pc_wb_number (wb, sheet, row, FLOW_COST_COL, cost, PC_WB_MONEY);
  _pc_wb_number (wb, sheet, row, FLOW_PAID_COL, paid, PC_WB_MONEY);
  _pc_wb_formula (wb, sheet, row, FLOW_GAP_COL, PC_WB_MONEY, cost - paid, "=%s-%s",
                  _pc_wb_cell (a, row, FLOW_COST_COL, FALSE),
                  _pc_wb_cell (b, row, FLOW_PAID_COL, FALSE));
}

static lxw_row_t
write_flows (PcWb                    *wb,
             lxw_worksheet           *sheet,
             const PcProviderFigures *figures,
             lxw_row_t                row)
{
  static const char * const labels[] = {
    "Area", "Patients", "Provider's cost", "Tariff paid", "Cost above tariff", NULL
  };
  gboolean any_hidden = FALSE;
  lxw_row_t first;

  _pc_wb_text (wb, sheet, row++, 0, "Flows: the site's patients of these areas with records at "
               "this provider, the provider's cost of those records and what was paid",
               PC_WB_HEADING);
  write_headers (wb, sheet, row++, labels);
  first = row;
  for (guint i = 0; i < figures->flows->len && !_pc_wb_failed (wb); i++, row++)
    {
      const PcFlow *flow = g_ptr_array_index (figures->flows, i);
      const char *codes[] = { flow->area, NULL };
      g_autofree char *name = pc_project_describe_areas (wb->project, codes);
      gboolean shown;

      _pc_wb_text (wb, sheet, row, 0, name, PC_WB_TEXT);
      shown = _pc_wb_patients_count (wb, sheet, row, FLOW_PATIENTS_COL, flow->patients, FALSE);
      any_hidden |= !shown;
      write_flow_money (wb, sheet, row, shown, flow->cost, flow->tariff_paid);
    }
  _pc_wb_text (wb, sheet, row, 0, "Total", PC_WB_HEADER);
  /* A patient with records in two areas counts once in the total. */
  if (!_pc_wb_patients_count (wb, sheet, row, FLOW_PATIENTS_COL, figures->patients, any_hidden)
      || any_hidden)
    write_flow_money (wb, sheet, row, FALSE, 0, 0);
  else if (row > first)
    for (lxw_col_t c = FLOW_COST_COL; c <= FLOW_GAP_COL; c++)
      {
        char range[PC_WB_RANGE_SIZE];
        double total = c == FLOW_COST_COL ? figures->cost
                       : c == FLOW_PAID_COL ? figures->tariff_paid
                       : figures->cost - figures->tariff_paid;

        _pc_wb_range (range, first, c, row - 1, c);
        _pc_wb_formula (wb, sheet, row, c, PC_WB_MONEY_TOTAL, total, "=SUM(%s)", range);
      }
  return row + 2;
}

static void
write_compliance_row (PcWb               *wb,
                      lxw_worksheet      *sheet,
                      lxw_row_t           row,
                      const PcCompliance *c)
{
  char expected[PC_WB_CELL_SIZE], actual[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, 0, c->step, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, pc_stage_to_string (c->stage), PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 2, c->offset, PC_WB_COUNT);
  _pc_wb_patients_count (wb, sheet, row, 3, c->patients, FALSE);
  _pc_wb_number (wb, sheet, row, 4, c->expected_share, PC_WB_SHARE);
  if (!isfinite (c->actual_share))
    return;
  /* A share of fewer patients than the threshold is a statistic of them. */
  if (!pc_disclosure_allows_statistics (c->patients, threshold (wb)))
    {
      _pc_wb_text (wb, sheet, row, 5, "*", PC_WB_TEXT);
      return;
    }
  _pc_wb_number (wb, sheet, row, 5, c->actual_share, PC_WB_SHARE);
  _pc_wb_formula (wb, sheet, row, 6, PC_WB_SHARE, c->expected_share - c->actual_share, "=%s-%s",
                  _pc_wb_cell (expected, row, 4, FALSE), _pc_wb_cell (actual, row, 5, FALSE));
}

static lxw_row_t
write_compliance (PcWb                    *wb,
                  lxw_worksheet           *sheet,
                  const PcProviderFigures *figures,
                  lxw_row_t                row)
{
  static const char * const labels[] = {
    "Step", "Stage", "Year after diagnosis", "Patients", "Expected share", "Actual share",
    "Shortfall", NULL
  };

  if (figures->compliance == NULL)
    return row;
  _pc_wb_text (wb, sheet, row++, 0, "Compliance with best practice: the share of this "
               "provider's patients of each stage with a record of the step's HRG in its year",
               PC_WB_HEADING);
  write_headers (wb, sheet, row++, labels);
  for (guint i = 0; i < figures->compliance->len && !_pc_wb_failed (wb); i++)
    {
      const PcCompliance *c = g_ptr_array_index (figures->compliance, i);

      if (c->measurable && (c->patients > 0 || c->expected_share > 0))
        write_compliance_row (wb, sheet, row++, c);
    }
  return row + 1;
}

static void
write_risk (PcWb          *wb,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            const PcRisk  *risk)
{
  PcWbFormat format = risk->kind == PC_RISK_COST ? PC_WB_MONEY : PC_WB_SHARE;
  char expected[PC_WB_CELL_SIZE], actual[PC_WB_CELL_SIZE];

  _pc_wb_text (wb, sheet, row, 0, risk->step, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, risk->stage >= 0 ? pc_stage_to_string (risk->stage) : "all",
               PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 2, risk->kind == PC_RISK_COST ? "cost above tariff × MFF"
                                                             : "compliance shortfall", PC_WB_WRAP);
  _pc_wb_number (wb, sheet, row, 3, risk->expected, format);
  _pc_wb_number (wb, sheet, row, 4, risk->actual, format);
  _pc_wb_formula (wb, sheet, row, 5, format, risk->actual - risk->expected, "=%s-%s",
                  _pc_wb_cell (actual, row, 4, FALSE), _pc_wb_cell (expected, row, 3, FALSE));
  _pc_wb_text (wb, sheet, row, 6, risk->status, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 7, risk->owner, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 8, risk->action, PC_WB_WRAP);
  _pc_wb_text (wb, sheet, row, 9, risk->due, PC_WB_TEXT);
}

static lxw_row_t
write_risks (PcWb                    *wb,
             lxw_worksheet           *sheet,
             const PcProviderFigures *figures,
             lxw_row_t                row)
{
  static const char * const labels[] = {
    "Step", "Stage", "Risk", "Expected", "Actual", "Actual − expected", "Status", "Owner",
    "Action", "Due", NULL
  };

  if (figures->risks == NULL)
    return row;
  _pc_wb_text (wb, sheet, row++, 0, "Risks: the register's entries for this provider and site",
               PC_WB_HEADING);
  write_headers (wb, sheet, row++, labels);
  for (guint i = 0; i < figures->risks->len && !_pc_wb_failed (wb); i++)
    write_risk (wb, sheet, row++, g_ptr_array_index (figures->risks, i));
  if (figures->risks->len == 0)
    _pc_wb_text (wb, sheet, row++, 0, "No entries.", PC_WB_NOTE);
  return row + 1;
}

lxw_row_t
_pc_wb_write_provider_activity (PcWb                    *wb,
                                lxw_worksheet           *sheet,
                                const PcProviderFigures *figures,
                                lxw_row_t                row)
{
  if (!wb->comparison->has_activity)
    return row;
  row = write_flows (wb, sheet, figures, row);
  row = write_compliance (wb, sheet, figures, row);
  return write_risks (wb, sheet, figures, row);
}

/* ------------------------------------------------------- Providers sheet */

static char *
disclosure_statement (PcWb *wb)
{
  guint n = threshold (wb);

  if (n == 0)
    return g_strdup ("Disclosure control is off (project setting disclosure_threshold = 0): "
                     "patient counts are exact. For use inside the commissioner only.");
  return g_strdup_printf ("Disclosure control (project setting disclosure_threshold = %u): patient "
                          "counts from patient-level activity of 1 to %u are shown as \"*\", and "
                          "so are totals that would reveal them and the costs of those patients; "
                          "other counts are rounded to the nearest %d; no mean, share or quartile "
                          "is given for fewer than %u patients.", n, n - 1,
                          PC_DISCLOSURE_ROUNDING, n);
}

static void
write_about (PcWb          *wb,
             lxw_worksheet *sheet)
{
  const PcNegotiationRequest *request = wb->negotiation;
  g_autofree char *areas = pc_project_describe_areas (wb->project, request->areas);
  g_autofree char *title = g_strdup_printf ("Negotiation pack: %s, %s",
                                            wb->comparison->site_name, areas);
  g_autofree char *first = pc_format_financial_year (request->from);
  g_autofree char *prices = pc_format_financial_year (pc_project_get_price_year (wb->project));
  g_autofree char *about = g_strdup_printf (
    "Project: %s. Prices of %s; horizon from %s for %d years. Expected cost per patient "
    "diagnosed (survival-weighted, before inflation) of the pathway each provider delivers: its "
    "current pathway for the site, or best practice where it has none. Gap = provider's own "
    "cost − tariff × MFF: positive when its cost is above what the tariff pays.",
    wb->project_name, prices, first, request->years);
  g_autofree char *disclosure = disclosure_statement (wb);

  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_note_across (wb, sheet, 1, PV_LAST_COL, about, 3);
  _pc_wb_note_across (wb, sheet, 2, PV_LAST_COL, disclosure, 3);
  _pc_wb_note_across (wb, sheet, 3, PV_LAST_COL, "Each provider's sheet (named by its code) "
                      "shows the steps and formulas behind these figures.", 1);
}

/* ='CODE'!CELL with the provider sheet's value cached. */
static void
link_cell (PcWb          *wb,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           const char    *code,
           lxw_row_t      from_row,
           lxw_col_t      from_col,
           double         value)
{
  char cell[PC_WB_CELL_SIZE];

  _pc_wb_formula (wb, sheet, row, col, PC_WB_MONEY, value, "='%s'!%s", code,
                  _pc_wb_cell (cell, from_row, from_col, TRUE));
}

static void
write_provider_row (PcWb                    *wb,
                    lxw_worksheet           *sheet,
                    lxw_row_t                row,
                    const PcProviderFigures *p,
                    const PcWbProviderCells *cells)
{
  char own[PC_WB_CELL_SIZE], tariff[PC_WB_CELL_SIZE], gap[PC_WB_CELL_SIZE];

  /* Two lines: a trust's name is long, and LibreOffice does not grow a
   * row for wrapped text. */
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_row (sheet, row, 30.0, NULL), "setting a row's height");
  _pc_wb_text (wb, sheet, row, 0, p->name, PC_WB_WRAP);
  _pc_wb_text (wb, sheet, row, 1, p->code, PC_WB_WRAP);
  _pc_wb_number (wb, sheet, row, 2, p->mff, PC_WB_FACTOR);
  _pc_wb_text (wb, sheet, row, 3, p->pathway == NULL ? "none"
               : p->is_current ? p->pathway->name : "best practice (no current pathway)",
               PC_WB_WRAP);
  if (cells->best_practice_row > 0)
    link_cell (wb, sheet, row, 4, p->code, cells->best_practice_row, cells->all_col,
               p->best_practice_all);
  if (p->pathway != NULL && cells->pathway_row > 0)
    {
      link_cell (wb, sheet, row, 5, p->code, cells->pathway_row, cells->all_col, p->at_tariff_all);
      link_cell (wb, sheet, row, 6, p->code, cells->pathway_row + 1, cells->all_col,
                 p->at_own_all);
      _pc_wb_cell (tariff, row, 5, FALSE);
      _pc_wb_cell (own, row, 6, FALSE);
      _pc_wb_formula (wb, sheet, row, 7, PC_WB_MONEY, p->gap_all, "=%s-%s", own, tariff);
      _pc_wb_formula (wb, sheet, row, 8, PC_WB_PERCENT,
                      p->at_tariff_all != 0 ? p->gap_all / p->at_tariff_all : 0,
                      "=IF(%s=0,0,%s/%s)", tariff, _pc_wb_cell (gap, row, 7, FALSE), tariff);
    }
  if (!wb->comparison->has_activity)
    return;
  _pc_wb_patients_count (wb, sheet, row, 9, p->patients, FALSE);
  _pc_wb_number (wb, sheet, row, 10, p->shortfalls, PC_WB_COUNT);
  _pc_wb_number (wb, sheet, row, 11, p->open_risks, PC_WB_COUNT);
}

static void
add_chart (PcWb          *wb,
           lxw_worksheet *sheet,
           lxw_row_t      last)
{
  static const struct { lxw_col_t col; const char *name; } series[] = {
    { 5, "At tariff × MFF" }, { 6, "At the provider's own cost" },
  };
  lxw_chart *chart = workbook_add_chart (wb->workbook, LXW_CHART_COLUMN);
  lxw_chart_options options = { 0, };

  if (chart == NULL)
    {
      _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
      return;
    }
  chart_title_set_name (chart, "Expected cost per patient diagnosed");
  chart_axis_set_name (chart->y_axis, "£ per patient");
  chart_axis_set_num_format (chart->y_axis, "[$£-809]#,##0");
  chart_axis_set_min (chart->y_axis, 0);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      lxw_chart_series *s = chart_add_series (chart, NULL, NULL);

      if (s == NULL)
        {
          _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart series");
          return;
        }
      chart_series_set_categories (s, "Providers", PV_FIRST_ROW, 0, last, 0);
      chart_series_set_values (s, "Providers", PV_FIRST_ROW, series[i].col, last, series[i].col);
      chart_series_set_name_range (s, "Providers", PV_HEADER_ROW, series[i].col);
    }
  options.x_scale = 1.6;
  options.y_scale = 1.3;
  if (_pc_wb_check (wb, worksheet_insert_chart_opt (sheet, last + 3, 0, chart, &options),
                    "inserting a chart"))
    wb->stats.charts++;
}

static void
write_providers_sheet (PcWb          *wb,
                       lxw_worksheet *sheet)
{
  static const char * const labels[] = {
    "Provider", "Code", "MFF", "Pathway priced", "Best practice at tariff × MFF",
    "At tariff × MFF", "At the provider's own cost", "Gap (£): own − tariff × MFF",
    "Gap (%)", "Patients", "Compliance shortfalls", "Open risks", NULL
  };
  GPtrArray *providers = wb->comparison->providers;

  write_about (wb, sheet);
  write_headers (wb, sheet, PV_HEADER_ROW, labels);
  for (guint i = 0; i < providers->len && !_pc_wb_failed (wb); i++)
    write_provider_row (wb, sheet, PV_FIRST_ROW + i, g_ptr_array_index (providers, i),
                        &g_array_index (wb->np_cells, PcWbProviderCells, i));
  if (providers->len == 0)
    _pc_wb_text (wb, sheet, PV_FIRST_ROW, 0, "No provider has a current pathway for this site "
                 "or patients of these areas there.", PC_WB_NOTE);
  else
    add_chart (wb, sheet, PV_FIRST_ROW + providers->len - 1);
  _pc_wb_col_width (wb, sheet, 0, 0, 36);
  _pc_wb_col_width (wb, sheet, 1, 2, 8);
  _pc_wb_col_width (wb, sheet, 3, 3, 20);
  _pc_wb_col_width (wb, sheet, 4, 8, 14);
  _pc_wb_col_width (wb, sheet, 9, 11, 11);
  _pc_wb_set_up_sheet (wb, sheet, PV_FIRST_ROW, 1);
}

/* The Providers sheet first, then one per provider; the Providers sheet is
 * written last, as its formulas point into the others. */
void
_pc_wb_write_negotiation (PcWb *wb)
{
  GPtrArray *providers = wb->comparison->providers;
  lxw_worksheet *summary = _pc_wb_add_sheet (wb, "Providers");
  g_autofree lxw_worksheet **sheets = g_new0 (lxw_worksheet *, providers->len + 1);

  wb->np_cells = g_array_sized_new (FALSE, TRUE, sizeof (PcWbProviderCells), providers->len);
  g_array_set_size (wb->np_cells, providers->len);
  for (guint i = 0; i < providers->len; i++)
    {
      const PcProviderFigures *figures = g_ptr_array_index (providers, i);

      sheets[i] = _pc_wb_add_sheet (wb, figures->code);
    }
  for (guint i = 0; i < providers->len && !_pc_wb_failed (wb); i++)
    _pc_wb_write_provider_sheet (wb, sheets[i], g_ptr_array_index (providers, i),
                                 &g_array_index (wb->np_cells, PcWbProviderCells, i));
  if (!_pc_wb_failed (wb))
    write_providers_sheet (wb, summary);
  if (!_pc_wb_failed (wb))
    worksheet_activate (summary);
}
