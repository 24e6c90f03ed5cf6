/* pc-workbook-activity.c: the Flows, Compliance and Risk register sheets,
 * written when the project holds patient-level activity.  The figures are
 * the activity analyses' (pc-project-activity.c); gaps and shortfalls are
 * formulas over them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-workbook-private.h"

#define HEADER_ROW 3
#define FIRST_ROW  (HEADER_ROW + 1)

gboolean
_pc_wb_has_activity (PcWb *wb)
{
  return pc_project_has_activity (wb->project);
}

static void
write_headers (PcWb               *wb,
               lxw_worksheet      *sheet,
               const char         *title,
               const char         *about,
               const char * const *headers)
{
  _pc_wb_text (wb, sheet, 0, 0, title, PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, about, PC_WB_NOTE);
  for (guint c = 0; headers[c] != NULL; c++)
    _pc_wb_text (wb, sheet, HEADER_ROW, c, headers[c], PC_WB_HEADER);
}

/* Takes the analysis' rows, or records its failure and returns NULL. */
static GPtrArray *
checked (PcWb      *wb,
         GPtrArray *rows,
         GError    *error)
{
  if (rows == NULL && wb->error == NULL)
    wb->error = error;
  else
    g_clear_error (&error);
  return rows;
}

/* The names a person reads, after the figures: the codes keep their
 * columns, where a finance team's lookups find them. */
static void
write_names (PcWb          *wb,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             const PcFlow  *flow)
{
  const char *area[] = { flow->area, NULL };
  g_autofree char *area_name = pc_project_describe_areas (wb->project, area);

  _pc_wb_text (wb, sheet, row, 7, area_name, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 8, _pc_wb_provider_name (wb, flow->provider), PC_WB_TEXT);
}

static void
write_flow (PcWb          *wb,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            const PcFlow  *flow)
{
  char cost[PC_WB_CELL_SIZE], paid[PC_WB_CELL_SIZE], gap[PC_WB_CELL_SIZE];

  _pc_wb_cell (cost, row, 3, FALSE);
  _pc_wb_cell (paid, row, 4, FALSE);
  _pc_wb_cell (gap, row, 5, FALSE);
  _pc_wb_text (wb, sheet, row, 0, flow->area, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, flow->provider, PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 2, flow->patients, PC_WB_COUNT);
  _pc_wb_number (wb, sheet, row, 3, flow->cost, PC_WB_MONEY);
  _pc_wb_number (wb, sheet, row, 4, flow->tariff_paid, PC_WB_MONEY);
  _pc_wb_formula (wb, sheet, row, 5, PC_WB_MONEY, flow->cost - flow->tariff_paid,
                  "=%s-%s", cost, paid);
  _pc_wb_formula (wb, sheet, row, 6, PC_WB_PERCENT,
                  flow->tariff_paid != 0 ? (flow->cost - flow->tariff_paid) / flow->tariff_paid : 0,
                  "=IF(%s=0,0,%s/%s)", paid, gap, paid);
  write_names (wb, sheet, row, flow);
}

void
_pc_wb_write_flows (PcWb          *wb,
                    lxw_worksheet *sheet)
{
  static const char * const headers[] = {
    "Area", "Provider", "Patients", "Provider's cost", "Tariff paid", "Cost above tariff",
    "Cost above tariff %", "Area's name", "Provider's name", NULL
  };
  GError *error = NULL;
  g_autoptr(GPtrArray) flows = checked (wb, pc_project_activity_flows (wb->project, NULL, &error), error);
  double totals[3] = { 0, };
  lxw_row_t total_row;

  if (flows == NULL)
    return;
  write_headers (wb, sheet, "Flows", "Patient-level activity by area of residence and provider: "
                 "patients (a patient id within a site) with records there, the provider's own "
                 "cost of those records and what the commissioner paid.", headers);
  for (guint i = 0; i < flows->len && !_pc_wb_failed (wb); i++)
    {
      const PcFlow *flow = g_ptr_array_index (flows, i);

      write_flow (wb, sheet, FIRST_ROW + i, flow);
      totals[0] += flow->cost, totals[1] += flow->tariff_paid, totals[2] += flow->cost - flow->tariff_paid;
    }
  total_row = FIRST_ROW + flows->len;
  _pc_wb_text (wb, sheet, total_row, 0, "Total", PC_WB_HEADER);
  for (guint c = 3; c <= 5; c++)
    {
      char range[PC_WB_RANGE_SIZE];

      _pc_wb_range (range, FIRST_ROW, c, MAX (total_row, FIRST_ROW + 1) - 1, c);
      _pc_wb_formula (wb, sheet, total_row, c, PC_WB_MONEY_TOTAL, totals[c - 3], "=SUM(%s)", range);
    }
  _pc_wb_col_width (wb, sheet, 0, 1, 12);
  _pc_wb_col_width (wb, sheet, 2, 6, 18);
  _pc_wb_col_width (wb, sheet, 7, 7, 40);
  _pc_wb_col_width (wb, sheet, 8, 8, 56);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 2);
}

/* The export's pathway when it is best practice, else the first
 * best-practice pathway of its site. */
static char *
best_practice_pathway (PcWb *wb)
{
  if (wb->pathway->kind == PC_KIND_BEST_PRACTICE)
    return g_strdup (wb->pathway->name);
  return pc_project_find_best_practice (wb->project, wb->pathway->site);
}

/* "Breast, best practice (breast_best_practice)", or the code alone when
 * the pathway cannot be read (the analysis then says why). */
static char *
describe_pathway (PcWb       *wb,
                  const char *name)
{
  g_autoptr(PcPathway) pathway = pc_project_load_pathway (wb->project, name, NULL);
  g_autofree char *described = NULL;

  if (pathway == NULL)
    return g_strdup (name);
  described = pc_project_describe_pathway (wb->project, pathway);
  return g_strdup_printf ("%s (%s)", described, name);
}

static void
write_compliance_row (PcWb               *wb,
                      lxw_worksheet      *sheet,
                      lxw_row_t           row,
                      const PcCompliance *c)
{
  char expected[PC_WB_CELL_SIZE], actual[PC_WB_CELL_SIZE];

  _pc_wb_cell (expected, row, 5, FALSE);
  _pc_wb_cell (actual, row, 6, FALSE);
  _pc_wb_text (wb, sheet, row, 0, c->step, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, pc_stage_to_string (c->stage), PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 2, c->offset, PC_WB_COUNT);
  _pc_wb_text (wb, sheet, row, 3, c->measurable ? "yes" : "no (no tariff code)", PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 4, c->patients, PC_WB_COUNT);
  _pc_wb_number (wb, sheet, row, 5, c->expected_share, PC_WB_SHARE);
  if (!isfinite (c->actual_share))
    return;
  _pc_wb_number (wb, sheet, row, 6, c->actual_share, PC_WB_SHARE);
  _pc_wb_formula (wb, sheet, row, 7, PC_WB_SHARE, c->expected_share - c->actual_share,
                  "=%s-%s", expected, actual);
}

void
_pc_wb_write_compliance (PcWb          *wb,
                         lxw_worksheet *sheet)
{
  static const char * const headers[] = {
    "Step", "Stage", "Years after diagnosis", "Measurable", "Patients", "Expected share",
    "Actual share", "Shortfall", NULL
  };
  g_autofree char *pathway = best_practice_pathway (wb);
  g_autofree char *described = pathway != NULL ? describe_pathway (wb, pathway) : NULL;
  g_autofree char *about = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  lxw_row_t row = FIRST_ROW;

  about = g_strdup_printf ("Compliance of all providers' patients with %s: the share of the "
                           "patients of each stage with a record of the step's HRG in the step's "
                           "year after diagnosis, against the pathway's expected share.",
                           described != NULL ? described
                                             : "a best-practice pathway (none for this site)");
  write_headers (wb, sheet, "Compliance", about, headers);
  if (pathway != NULL
      && (rows = checked (wb, pc_project_activity_compliance (wb->project, pathway, NULL, &error),
                          error)) != NULL)
    for (guint i = 0; i < rows->len && !_pc_wb_failed (wb); i++)
      {
        const PcCompliance *c = g_ptr_array_index (rows, i);

        if (c->patients > 0 || c->expected_share > 0)
          write_compliance_row (wb, sheet, row++, c);
      }
  _pc_wb_col_width (wb, sheet, 0, 0, 48);
  _pc_wb_col_width (wb, sheet, 1, 7, 16);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 1);
}

static void
write_risk (PcWb          *wb,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            const PcRisk  *risk)
{
  PcWbFormat format = risk->kind == PC_RISK_COST ? PC_WB_MONEY : PC_WB_SHARE;
  char expected[PC_WB_CELL_SIZE], actual[PC_WB_CELL_SIZE];

  _pc_wb_cell (expected, row, 5, FALSE);
  _pc_wb_cell (actual, row, 6, FALSE);
  _pc_wb_text (wb, sheet, row, 0, risk->pathway, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, risk->step, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 2, risk->provider, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 3, risk->stage >= 0 ? pc_stage_to_string (risk->stage) : "all",
               PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 4, risk->kind == PC_RISK_COST ? "cost above tariff × MFF"
                                                             : "compliance shortfall", PC_WB_TEXT);
  _pc_wb_number (wb, sheet, row, 5, risk->expected, format);
  _pc_wb_number (wb, sheet, row, 6, risk->actual, format);
  _pc_wb_formula (wb, sheet, row, 7, format, risk->actual - risk->expected, "=%s-%s", actual, expected);
  _pc_wb_text (wb, sheet, row, 8, risk->owner, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 9, risk->action, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 10, risk->status, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 11, _pc_wb_provider_name (wb, risk->provider), PC_WB_TEXT);
  /* ISO dates sort as text in every spreadsheet. */
  _pc_wb_text (wb, sheet, row, 12, risk->due, PC_WB_TEXT);
}

void
_pc_wb_write_risks (PcWb          *wb,
                    lxw_worksheet *sheet)
{
  static const char * const headers[] = {
    "Pathway", "Step", "Provider", "Stage", "Risk", "Expected", "Actual", "Actual − expected",
    "Owner", "Action", "Status", "Provider's name", "Due", NULL
  };
  GError *error = NULL;
  g_autoptr(GPtrArray) risks = checked (wb, pc_project_risk_register (wb->project, NULL, &error), error);

  if (risks == NULL)
    return;
  write_headers (wb, sheet, "Risk register", "Steps where a provider's patients fall short of "
                 "the best-practice pathway, or where its cost per unit is above tariff × MFF, "
                 "by more than the project's tolerances; with the owner, action, status and due date "
                 "recorded in Pathcost.", headers);
  for (guint i = 0; i < risks->len && !_pc_wb_failed (wb); i++)
    write_risk (wb, sheet, FIRST_ROW + i, g_ptr_array_index (risks, i));
  _pc_wb_col_width (wb, sheet, 0, 0, 22);
  _pc_wb_col_width (wb, sheet, 1, 1, 44);
  _pc_wb_col_width (wb, sheet, 2, 10, 16);
  _pc_wb_col_width (wb, sheet, 11, 11, 56);
  _pc_wb_col_width (wb, sheet, 12, 12, 12);
  _pc_wb_set_up_sheet (wb, sheet, FIRST_ROW, 2);
}
