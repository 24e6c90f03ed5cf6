/* pc-workbook-costs.c: the Cost per patient sheet.  Each row is one group
 * of steps (all, a phase, a funding stream, an activity's units) and each
 * column one stage × basis × year after diagnosis, so that a year's cost is
 * one SUMPRODUCT of this row with the Patients sheet's patients in care.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-breakdown.h"
#include "pc-labels.h"
#include "pc-workbook-private.h"

#define LAST_COL (PC_WB_CP_FIRST_COL + PC_WB_CP_WIDTH - 1)

typedef enum
{
  GROUP_ALL,
  GROUP_PHASE,
  GROUP_FUNDING,
  GROUP_ACTIVITY,
} GroupKind;

typedef struct
{
  GroupKind          kind;
  const char        *name;       /* the phase or funding stream */
  PcActivity         activity;
  const PcCostGroup *costs;      /* the engine's figures; NULL when no step is in it */
} Group;

static gboolean
in_group (const PcStep *step,
          const Group  *group)
{
  switch (group->kind)
    {
    case GROUP_PHASE:
      return g_strcmp0 (step->phase, group->name) == 0;
    case GROUP_FUNDING:
      return g_strcmp0 (step->funding, group->name) == 0;
    case GROUP_ACTIVITY:
      return step->activity == group->activity;
    case GROUP_ALL:
    default:
      return TRUE;
    }
}

/* The cells of the Pathway sheet the group's cost at @stage, @basis and
 * @offset adds up (for an activity, share × quantity); its value is the
 * engine's, in the group's PcCostGroup. */
static void
group_terms (PcWb        *wb,
             const Group *group,
             guint        stage,
             guint        basis,
             guint        offset,
             GPtrArray   *terms)
{
  for (guint i = 0; i < wb->pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (wb->pathway->steps, i);
      lxw_row_t row = PC_WB_PW_STEP_ROW + i;
      char a[PC_WB_CELL_SIZE], b[PC_WB_CELL_SIZE];

      if (step->basis != basis || (guint) step->year_offset != offset || !in_group (step, group))
        continue;
      if (group->kind == GROUP_ACTIVITY)
        {
          _pc_wb_cell (a, row, PC_WB_PW_SHARE_COL + stage, FALSE);
          _pc_wb_cell (b, row, PC_WB_PW_QUANTITY_COL, FALSE);
          g_ptr_array_add (terms, g_strconcat (PC_WB_REF_PATHWAY, a, "*", PC_WB_REF_PATHWAY, b,
                                               NULL));
        }
      else
        {
          _pc_wb_cell (a, row, PC_WB_PW_COST_COL + stage, FALSE);
          g_ptr_array_add (terms, g_strconcat (PC_WB_REF_PATHWAY, a, NULL));
        }
    }
}

/* A combination no step of the group has is a plain 0: membership is fixed
 * by the locked phase, basis, offset and activity columns. */
static void
write_group_cell (PcWb          *wb,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  const Group   *group,
                  guint          stage,
                  guint          basis,
                  guint          offset)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  PcWbFormat format = group->kind == GROUP_ACTIVITY ? PC_WB_NUMBER : PC_WB_MONEY;
  lxw_col_t col = _pc_wb_cp_col (stage, basis, offset);
  g_autofree char *sum = NULL;
  double total;

  group_terms (wb, group, stage, basis, offset, terms);
  if (terms->len == 0)
    {
      _pc_wb_number (wb, sheet, row, col, 0.0, format);
      return;
    }
  total = group->kind == GROUP_ACTIVITY ? group->costs->units[stage][basis][offset]
                                        : group->costs->cost[stage][basis][offset];
  sum = _pc_wb_sum_of (terms);
  _pc_wb_formula (wb, sheet, row, col, format, total, "=%s", sum);
}

/* A group by its label, with the code the project's files use beside it. */
static char *
group_label (const Group *group)
{
  switch (group->kind)
    {
    case GROUP_PHASE:
      return _pc_wb_label_with_code (pc_phase_label (group->name), group->name);
    case GROUP_FUNDING:
      return _pc_wb_label_with_code (pc_funding_label (group->name), group->name);
    case GROUP_ACTIVITY:
      return _pc_wb_label_with_code (pc_activity_label (group->activity),
                                     pc_activity_to_string (group->activity));
    case GROUP_ALL:
    default:
      return g_strdup ("Cost per patient");
    }
}

static void
write_group (PcWb          *wb,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             const char    *label,
             const Group   *group)
{
  g_autofree char *name = group_label (group);

  _pc_wb_text (wb, sheet, row, 0, label, PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, name, PC_WB_TEXT);
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint b = 0; b < PC_N_BASES; b++)
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        write_group_cell (wb, sheet, row, group, s, b, k);
}

static void
write_header (PcWb          *wb,
              lxw_worksheet *sheet)
{
  _pc_wb_text (wb, sheet, 3, 0, "Group", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 3, 1, "Stage at diagnosis", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 4, 0, "", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 4, 1, "Cost per", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 5, 0, "", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, 5, 1, "Year after diagnosis", PC_WB_HEADER);
  /* Two lines for "Stage unknown" and "death in the year", which would
   * run over the rows below. */
  for (lxw_row_t row = 3; row <= 4 && !_pc_wb_failed (wb); row++)
    _pc_wb_check (wb, worksheet_set_row (sheet, row, 30.0, NULL), "setting a header's height");
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint b = 0; b < PC_N_BASES; b++)
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        {
          lxw_col_t col = _pc_wb_cp_col (s, b, k);
          g_autofree char *stage = g_strdup_printf ("Stage %s", pc_stage_to_string (s));

          _pc_wb_text (wb, sheet, 3, col, stage, PC_WB_HEADER);
          _pc_wb_text (wb, sheet, 4, col,
                       b == PC_BASIS_PATIENT ? "patient alive" : "death in the year",
                       PC_WB_HEADER);
          _pc_wb_number (wb, sheet, 5, col, k, PC_WB_YEAR);
        }
}

/* The share of patients diagnosed that each column's steps reach: S(k)
 * alive at the start of year k, S(k) − S(k + 1) dying during it. */
static void
write_survival_row (PcWb              *wb,
                    lxw_worksheet     *sheet,
                    const PcBreakdown *breakdown)
{
  const lxw_row_t row = PC_WB_CP_WEIGHT_ROW;

  _pc_wb_text (wb, sheet, row, 0, "Survival", PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row, 1, "Share of patients diagnosed", PC_WB_TEXT);
  for (guint s = 0; s < PC_N_STAGES; s++)
    for (guint k = 0; k < PC_N_OFFSETS; k++)
      {
        lxw_row_t srow = PC_WB_AS_STAGE_ROW + s;
        char now[PC_WB_CELL_SIZE], next[PC_WB_CELL_SIZE];

        _pc_wb_cell (now, srow, PC_WB_AS_SURVIVAL_COL + k, TRUE);
        _pc_wb_cell (next, srow, PC_WB_AS_SURVIVAL_COL + k + 1, TRUE);
        _pc_wb_formula (wb, sheet, row, _pc_wb_cp_col (s, PC_BASIS_PATIENT, k), PC_WB_SHARE,
                        breakdown->weight[s][PC_BASIS_PATIENT][k], "=" PC_WB_REF_ASSUMPTIONS "%s", now);
        _pc_wb_formula (wb, sheet, row, _pc_wb_cp_col (s, PC_BASIS_DEATH, k), PC_WB_SHARE,
                        breakdown->weight[s][PC_BASIS_DEATH][k], "=" PC_WB_REF_ASSUMPTIONS "%s-" PC_WB_REF_ASSUMPTIONS "%s",
                        now, next);
      }
}

/* "=SUMPRODUCT(costs,weights)" over stage @stage's columns of Cost per
 * patient row @cost_row: E(stage) of docs/MODEL.md#expected-cost-per-patient
 * for that row's steps.  @sheet_ref is "" on this sheet. */
char *
_pc_wb_expected_formula (const char *sheet_ref,
                         lxw_row_t   cost_row,
                         guint       stage)
{
  lxw_col_t first = _pc_wb_cp_col (stage, 0, 0);
  lxw_col_t last = _pc_wb_cp_col (stage, PC_N_BASES - 1, PC_MAX_OFFSET);
  char costs[PC_WB_RANGE_SIZE], weights[PC_WB_RANGE_SIZE];

  _pc_wb_range (costs, cost_row, first, cost_row, last);
  _pc_wb_range (weights, PC_WB_CP_WEIGHT_ROW, first, PC_WB_CP_WEIGHT_ROW, last);
  return g_strdup_printf ("=SUMPRODUCT(%s%s,%s%s)", sheet_ref, costs, sheet_ref, weights);
}

/* The headline: E by stage, cached with the engine's figures, and over all
 * stages at the stage mix. */
static void
write_expected (PcWb              *wb,
                lxw_worksheet     *sheet,
                const PcCostGroup *total)
{
  lxw_row_t row = _pc_wb_cp_expected_row (wb);
  char shares[PC_WB_RANGE_SIZE], costs[PC_WB_RANGE_SIZE];

  _pc_wb_text (wb, sheet, row - 2, 0,
               "Expected cost per patient diagnosed (price-year prices, before inflation): "
               "each year's costs weighted by the share of patients there to receive them",
               PC_WB_HEADING);
  _pc_wb_text (wb, sheet, row - 1, 0, "Stage", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row - 1, 1, "Expected cost per patient diagnosed", PC_WB_HEADER);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *label = g_strdup_printf ("Stage %s", pc_stage_to_string (s));
      g_autofree char *formula = _pc_wb_expected_formula ("", PC_WB_CP_TOTAL_ROW, s);

      _pc_wb_text (wb, sheet, row + s, 0, label, PC_WB_TEXT);
      _pc_wb_formula (wb, sheet, row + s, 1, PC_WB_MONEY,
                      total->expected[s], "%s", formula);
      _pc_wb_formula (wb, sheet, row + s, 2, PC_WB_SHARE, wb->input->stage_share[s], "=%s",
                      _pc_wb_stage_share_name (s));
    }
  _pc_wb_text (wb, sheet, row - 1, 2, "Share at diagnosis", PC_WB_HEADER);
  _pc_wb_text (wb, sheet, row + PC_N_STAGES, 0, "All stages", PC_WB_TEXT);
  _pc_wb_text (wb, sheet, row + PC_N_STAGES, 2, "(at the stage mix)", PC_WB_NOTE);
  _pc_wb_formula (wb, sheet, row + PC_N_STAGES, 1, PC_WB_MONEY_TOTAL,
                  total->expected_all, "=SUMPRODUCT(%s,%s)",
                  _pc_wb_range (costs, row, 1, row + PC_N_STAGES - 1, 1),
                  _pc_wb_range (shares, row, 2, row + PC_N_STAGES - 1, 2));
}

void
_pc_wb_write_costs (PcWb          *wb,
                    lxw_worksheet *sheet)
{
  const PcProjection *projection = wb->projection;
  g_autoptr(PcBreakdown) breakdown = pc_breakdown_compute (wb->pathway, wb->input);
  lxw_row_t row = PC_WB_CP_GROUP_ROW;
  Group group = { GROUP_ALL, NULL, 0, &breakdown->total };

  _pc_wb_text (wb, sheet, 0, 0, "Cost per patient by stage and year after diagnosis", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0,
               "Price-year prices. 'patient alive' columns: cost per patient alive at the start "
               "of the year; 'death in the year': cost per patient who dies during it (never "
               "add these up over the years). Activity rows count units.",
               PC_WB_NOTE);
  write_header (wb, sheet);
  write_survival_row (wb, sheet, breakdown);
  write_group (wb, sheet, PC_WB_CP_TOTAL_ROW, "All steps", &group);
  group.kind = GROUP_PHASE;
  for (guint p = 0; projection->phases[p] != NULL; p++)
    {
      group.name = projection->phases[p];
      group.costs = pc_breakdown_find_phase (breakdown, group.name);
      write_group (wb, sheet, row++, "Phase", &group);
    }
  group.kind = GROUP_FUNDING;
  for (guint f = 0; projection->fundings[f] != NULL; f++)
    {
      group.name = projection->fundings[f];
      group.costs = pc_breakdown_find_funding (breakdown, group.name);
      write_group (wb, sheet, row++, "Funding stream", &group);
    }
  group.kind = GROUP_ACTIVITY;
  group.name = NULL;
  for (guint a = 0; a < wb->activities->len; a++)
    {
      group.activity = g_array_index (wb->activities, PcActivity, a);
      group.costs = pc_breakdown_find_activity (breakdown, group.activity);
      write_group (wb, sheet, row++, "Activity units", &group);
    }
  write_expected (wb, sheet, &breakdown->total);
  _pc_wb_col_width (wb, sheet, 0, 0, 16);
  _pc_wb_col_width (wb, sheet, 1, 1, 40);
  _pc_wb_col_width (wb, sheet, PC_WB_CP_FIRST_COL, LAST_COL, 11);
  _pc_wb_set_up_sheet (wb, sheet, PC_WB_CP_WEIGHT_ROW, PC_WB_CP_FIRST_COL);
  /* A stage (both bases, every year) a page. */
  _pc_wb_print_every (wb, sheet, PC_WB_CP_FIRST_COL - 1, PC_WB_CP_FIRST_COL, LAST_COL,
                      PC_N_BASES * PC_N_OFFSETS);
}

lxw_row_t
_pc_wb_cp_phase_row (PcWb  *wb,
                     guint  p)
{
  return PC_WB_CP_GROUP_ROW + p;
}

lxw_row_t
_pc_wb_cp_funding_row (PcWb  *wb,
                       guint  f)
{
  return PC_WB_CP_GROUP_ROW + g_strv_length (wb->projection->phases) + f;
}

/* Below the activity rows, a heading and a header. */
lxw_row_t
_pc_wb_cp_expected_row (PcWb *wb)
{
  return _pc_wb_cp_activity_row (wb, wb->activities->len) + 3;
}

lxw_row_t
_pc_wb_cp_activity_row (PcWb  *wb,
                        guint  a)
{
  return _pc_wb_cp_funding_row (wb, g_strv_length (wb->projection->fundings)) + a;
}
