/* pc-workbook-charts.c: native Excel charts over the Projection sheet:
 * cost by year stacked by phase, patients diagnosed by stage, and the
 * Summary's cost by year.  Series names point at header cells, so names
 * from the project never become chart formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-workbook-private.h"

static lxw_chart *
new_chart (PcWb       *wb,
           uint8_t     type,
           const char *title,
           const char *y_title,
           const char *y_format)
{
  lxw_chart *chart;

  if (_pc_wb_failed (wb))
    return NULL;
  chart = workbook_add_chart (wb->workbook, type);
  if (chart == NULL)
    {
      _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart");
      return NULL;
    }
  chart_title_set_name (chart, title);
  chart_axis_set_name (chart->x_axis, "Financial year");
  chart_axis_set_name (chart->y_axis, y_title);
  chart_axis_set_num_format (chart->y_axis, y_format);
  /* From zero, so a 10% rise does not look like a tripling. */
  chart_axis_set_min (chart->y_axis, 0);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return chart;
}

/* A series of one Projection column over the horizon's years. */
static void
add_series (PcWb      *wb,
            lxw_chart *chart,
            lxw_col_t  col)
{
  lxw_row_t first = PC_WB_PJ_FIRST_ROW, last = wb->pj_total_row - 1;
  lxw_chart_series *series;

  if (chart == NULL || _pc_wb_failed (wb))
    return;
  series = chart_add_series (chart, NULL, NULL);
  if (series == NULL)
    {
      _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a chart series");
      return;
    }
  chart_series_set_categories (series, PC_WB_SHEET_PROJECTION, first, 1, last, 1);
  chart_series_set_values (series, PC_WB_SHEET_PROJECTION, first, col, last, col);
  chart_series_set_name_range (series, PC_WB_SHEET_PROJECTION, PC_WB_PJ_FIRST_ROW - 1, col);
}

static void
insert_chart (PcWb          *wb,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      col,
              lxw_chart     *chart,
              double         x_scale,
              const char    *description)
{
  lxw_chart_options options = { 0, };

  if (chart == NULL || _pc_wb_failed (wb))
    return;
  options.x_scale = x_scale;
  options.y_scale = 1.25;
  options.description = (char *) description;
  if (_pc_wb_check (wb, worksheet_insert_chart_opt (sheet, row, col, chart, &options),
                    "inserting a chart"))
    wb->stats.charts++;
}

void
_pc_wb_add_projection_charts (PcWb          *wb,
                              lxw_worksheet *sheet)
{
  lxw_chart *costs = new_chart (wb, LXW_CHART_COLUMN_STACKED, "Cost by financial year and phase",
                                "Cost (£)", "[$£-809]#,##0");
  lxw_chart *patients = new_chart (wb, LXW_CHART_COLUMN_STACKED,
                                   "Patients diagnosed by stage", "Patients", "#,##0");
  lxw_row_t row = wb->pj_total_row + 2;

  if (wb->pj_total_col == PC_WB_PJ_PHASE_COL)
    costs = NULL;     /* no step, no phase: a chart needs a series */
  for (lxw_col_t col = PC_WB_PJ_PHASE_COL; col < wb->pj_total_col; col++)
    add_series (wb, costs, col);
  for (guint s = 0; s < PC_N_STAGES; s++)
    add_series (wb, patients, PC_WB_PJ_STAGE_COL + s);
  /* Beside the repeated year columns and no wider than the patients'
   * columns, so that the printed Projection (in parts, pc-workbook-
   * projection.c) carries each chart whole on its first part. */
  insert_chart (wb, sheet, row, PC_WB_PJ_INDEX_COL, costs, 1.05,
                "Stacked columns: the cost of each financial year by phase of care; "
                "the figures are in the table above.");
  insert_chart (wb, sheet, row + 20, PC_WB_PJ_INDEX_COL, patients, 1.05,
                "Stacked columns: patients diagnosed in each financial year by stage; "
                "the figures are in the table above.");
}

void
_pc_wb_add_summary_chart (PcWb          *wb,
                          lxw_worksheet *sheet,
                          lxw_row_t      row,
                          lxw_col_t      col)
{
  lxw_chart *chart = new_chart (wb, LXW_CHART_COLUMN, "Cost by financial year", "Cost (£)",
                                "[$£-809]#,##0");

  add_series (wb, chart, wb->pj_total_col);
  if (chart != NULL)
    chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  insert_chart (wb, sheet, row, col, chart, 1.6,
                "Columns: the total cost of each financial year of the projection; the figures "
                "are on the Projection sheet.");
}
