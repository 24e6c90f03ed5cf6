/* pc-workbook-private.h: what the writers of the workbook's sheets share:
 * the data being exported, where each sheet put what later sheets refer to,
 * and cell writers that check every libxlsxwriter call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "pc-workbook.h"

G_BEGIN_DECLS

/* Points: three lines of the default 11-point font, for wrapped headers. */
#define PC_WB_HEADER_HEIGHT     45.0

#define PC_WB_SHEET_SUMMARY     "Summary"
#define PC_WB_SHEET_ASSUMPTIONS "Assumptions"
#define PC_WB_SHEET_TARIFFS     "Tariffs"
#define PC_WB_SHEET_PATHWAY     "Pathway"
#define PC_WB_SHEET_COSTS       "Cost per patient"
#define PC_WB_SHEET_PATIENTS    "Patients"
#define PC_WB_SHEET_PROJECTION  "Projection"
#define PC_WB_SHEET_PROVIDER    "Provider comparison"
#define PC_WB_SHEET_SCENARIO    "Scenario"
#define PC_WB_SHEET_FLOWS       "Flows"
#define PC_WB_SHEET_COMPLIANCE  "Compliance"
#define PC_WB_SHEET_RISKS       "Risk register"
#define PC_WB_SHEET_SOURCES     "Sources"
/* The same names as formulas spell them. */
#define PC_WB_REF_ASSUMPTIONS   "Assumptions!"
#define PC_WB_REF_TARIFFS       "Tariffs!"
#define PC_WB_REF_PATHWAY       "Pathway!"
#define PC_WB_REF_COSTS         "'Cost per patient'!"
#define PC_WB_REF_PATIENTS      "Patients!"
#define PC_WB_REF_PROJECTION    "Projection!"

/* Assumptions: fixed rows of the general inputs and the stage table. */
#define PC_WB_AS_FIRST_YEAR_ROW   5
#define PC_WB_AS_INCIDENCE_YEAR_ROW 6
#define PC_WB_AS_PRICE_YEAR_ROW   7
#define PC_WB_AS_INFLATION_ROW    8
#define PC_WB_AS_DISCOUNT_ROW     9
#define PC_WB_AS_TREND_ROW        10
#define PC_WB_AS_MFF_ROW          11
#define PC_WB_AS_VALUE_COL        1
#define PC_WB_AS_STAGE_ROW        15    /* stage 1; one row per stage */
#define PC_WB_AS_SHARE_COL        1
#define PC_WB_AS_SURVIVAL_COL     2     /* S(0); S(k) is k columns right, k = 0 … 6 */
#define PC_WB_AS_RATES_ROW        (PC_WB_AS_STAGE_ROW + PC_N_STAGES + 6)
#define PC_WB_AS_POPULATION_ROW   (PC_WB_AS_RATES_ROW + 1)
#define PC_WB_AS_FROM_COL         2
#define PC_WB_AS_TO_COL           3
#define PC_WB_AS_CASES_COL        4
#define PC_WB_AS_COUNT_COL        5     /* F 0-4 … F 90+, then M 0-4 … M 90+ */

/* A formula's text for the financial year a name holds: 2019 → "2019/20",
 * live, so the label follows the input it names. */
#define PC_WB_FINANCIAL_YEAR(name) name "&\"/\"&RIGHT(" name "+1,2)"

/* Pathway: one row per step from PC_WB_PW_STEP_ROW. */
#define PC_WB_PW_STEP_ROW         4
#define PC_WB_PW_PHASE_COL        0
#define PC_WB_PW_STEP_COL         3
#define PC_WB_PW_TARIFF_COL       6
#define PC_WB_PW_UNIT_COL         7
#define PC_WB_PW_QUANTITY_COL     8
#define PC_WB_PW_SHARE_COL        9     /* + stage */
#define PC_WB_PW_COST_COL         (PC_WB_PW_SHARE_COL + PC_N_STAGES)
#define PC_WB_PW_PROVIDER_COL     (PC_WB_PW_COST_COL + PC_N_STAGES)

/* Cost per patient: a row of PC_WB_CP_WIDTH cells per group, one per
 * stage × basis × year after diagnosis, in that order. */
#define PC_WB_CP_FIRST_COL        2
#define PC_WB_CP_WIDTH            (PC_N_STAGES * PC_N_BASES * PC_N_OFFSETS)
#define PC_WB_CP_WEIGHT_ROW       6
#define PC_WB_CP_TOTAL_ROW        7
#define PC_WB_CP_GROUP_ROW        8     /* phases, then funding streams, then activities */

/* Patients: patients diagnosed per calendar year from the input's first. */
#define PC_WB_PT_DIAGNOSED_ROW    4
#define PC_WB_PT_CASES_COL        2
#define PC_WB_PT_TREND_COL        3
#define PC_WB_PT_STAGE_COL        4     /* + stage */

/* Projection: one row per financial year of the horizon. */
#define PC_WB_PJ_FIRST_ROW        5
#define PC_WB_PJ_INDEX_COL        2
#define PC_WB_PJ_STAGE_COL        3     /* + stage */
#define PC_WB_PJ_PATIENTS_COL     (PC_WB_PJ_STAGE_COL + PC_N_STAGES)
#define PC_WB_PJ_PHASE_COL        (PC_WB_PJ_PATIENTS_COL + 1)

typedef enum
{
  PC_WB_TITLE,
  PC_WB_NOTE,
  PC_WB_HEADING,
  PC_WB_HEADER,
  PC_WB_GROUP_HEADER, /* over a group of columns: runs across them, never wraps */
  PC_WB_TEXT,
  PC_WB_WRAP,         /* text that wraps in its column, top aligned */
  PC_WB_NOTE_WRAP,
  PC_WB_LINK,
  PC_WB_YEAR,
  PC_WB_YEAR_INPUT,
  PC_WB_PAYBACK,
  PC_WB_MONEY,
  PC_WB_MONEY_TOTAL,
  PC_WB_MONEY_INPUT,
  PC_WB_SHARE,
  PC_WB_SHARE_INPUT,
  PC_WB_FACTOR,
  PC_WB_FACTOR_INPUT,
  PC_WB_PERCENT,
  PC_WB_PERCENT_INPUT,
  PC_WB_COUNT,
  PC_WB_COUNT_INPUT,
  PC_WB_COUNT_TOP,    /* beside wrapped text */
  PC_WB_NUMBER,
  PC_WB_NUMBER_INPUT,
  PC_WB_PATIENTS,
  PC_WB_UNITS,
  PC_WB_N_FORMATS
} PcWbFormat;

/* One population row of the Assumptions sheet: an area's counts for one
 * year, standing for the financial years used_from … used_to of the
 * projection (docs/MODEL.md, "Population outside its years": a year
 * outside the area's population years uses the nearest; a gap, the latest
 * year before it). */
typedef struct
{
  char   *area;
  const char *label;          /* "Name (CODE)", owned by PcWb.areas */
  int     year;
  int     used_from;
  int     used_to;
  double  count[PC_N_SEXES][PC_N_AGE_BANDS];
  double  cases;              /* Σ count × rate / 100 000 */
} PcWbPopulation;

typedef struct
{
  char      *code;
  char      *description;
  char      *unit;
  int        year;
  double     price;
  char      *name;            /* its defined name, or NULL */
  lxw_row_t  row;
} PcWbTariff;

/* Where a provider's sheet of the negotiation pack holds its expected
 * costs per patient (all stages), as formulas of the Providers sheet
 * point at them; a row of 0 is none. */
typedef struct
{
  lxw_row_t  best_practice_row;    /* best practice at tariff × MFF, own cost on the next row */
  lxw_row_t  pathway_row;          /* the pathway priced: at tariff, own cost, gap on the next two */
  lxw_col_t  all_col;
} PcWbProviderCells;

typedef struct
{
  PcProject               *project;
  const PcWorkbookRequest *request;
  PcPathway               *pathway;
  PcProjectionInput       *input;
  PcProjection            *projection;
  double                   rates[PC_N_SEXES][PC_N_AGE_BANDS];
  GPtrArray               *population;    /* of PcWbPopulation */
  GPtrArray               *tariffs;       /* of PcWbTariff, in order of first use */
  GPtrArray               *areas;         /* of char*, "Name (CODE)", groups expanded */
  char                    *areas_name;    /* the selection as chosen: "Group name (CODE)" */
  char                    *pathway_name;  /* pc_project_describe_pathway's */
  char                    *project_name;  /* the file as its user knows it */
  GPtrArray               *sources;       /* of PcSource, newest first */
  GHashTable              *provider_names; /* code → name */
  char                    *provider_name; /* NULL without a provider */
  GArray                  *activities;    /* of PcActivity the steps use */

  lxw_workbook            *workbook;
  lxw_format              *formats[PC_WB_N_FORMATS];
  GHashTable              *names;         /* folded defined name → name */

  /* Where sheets put what later sheets refer to. */
  lxw_row_t                pt_care_row;           /* first year of patients in care */
  lxw_row_t                pj_total_row;
  lxw_col_t                pj_total_col;
  lxw_col_t                pj_funding_col;
  lxw_col_t                pj_cumulative_col;
  lxw_col_t                pj_discounted_col;
  lxw_col_t                pj_activity_col;

  /* The Scenario sheet's headline figures, for the Summary. */
  gboolean                 has_comparison;
  double                   sc_total_difference;
  double                   sc_npv_difference;
  int                      sc_payback_year;       /* 0: none */
  lxw_row_t                sc_last_row;
  /* The engine's warning when the scenario changes nothing in the
   * exported pathway (docs/MODEL.md#investment-lines), or NULL. */
  char                    *sc_untouched;

  /* The negotiation pack (pc-workbook-negotiation.c), when that is what
   * is written: the request, the providers side by side, and where each
   * provider's sheet put its figures, for the Providers sheet. */
  const PcNegotiationRequest *negotiation;
  PcProviderComparison    *comparison;
  GArray                  *np_cells;      /* of PcWbProviderCells, one per provider */

  PcWorkbookStats          stats;
  GError                  *error;         /* the first failure; later writes do nothing */
} PcWb;

/* pc-workbook-cells.c */
gboolean       _pc_wb_failed       (PcWb          *wb);
gboolean       _pc_wb_check        (PcWb          *wb,
                                    lxw_error      rc,
                                    const char    *doing);
void           _pc_wb_create_formats (PcWb        *wb);
lxw_worksheet *_pc_wb_add_sheet    (PcWb          *wb,
                                    const char    *name);
void           _pc_wb_set_up_sheet (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      header_rows,
                                    lxw_col_t      frozen_cols);
void           _pc_wb_text         (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    const char    *text,
                                    PcWbFormat     format);
void           _pc_wb_number       (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    double         value,
                                    PcWbFormat     format);
void           _pc_wb_formula      (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    PcWbFormat     format,
                                    double         cached,
                                    const char    *formula_format,
                                    ...) G_GNUC_PRINTF (7, 8);
void           _pc_wb_formula_text (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    PcWbFormat     format,
                                    const char    *cached,
                                    const char    *formula_format,
                                    ...) G_GNUC_PRINTF (7, 8);
void           _pc_wb_validate_year (PcWb         *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    int            minimum,
                                    int            maximum,
                                    const char    *message);
void           _pc_wb_validate     (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      first_row,
                                    lxw_col_t      first_col,
                                    lxw_row_t      last_row,
                                    lxw_col_t      last_col,
                                    double         minimum,
                                    double         maximum,
                                    const char    *message);
const char    *_pc_wb_define_name  (PcWb          *wb,
                                    const char    *prefix,
                                    const char    *suffix,
                                    const char    *sheet_ref,
                                    lxw_row_t      first_row,
                                    lxw_col_t      first_col,
                                    lxw_row_t      last_row,
                                    lxw_col_t      last_col);
void           _pc_wb_col_width    (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_col_t      first_col,
                                    lxw_col_t      last_col,
                                    double         width);
void           _pc_wb_note_across  (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_row_t      row,
                                    lxw_col_t      last_col,
                                    const char    *text,
                                    guint          lines);
/* After _pc_wb_set_up_sheet: print in parts at the columns of @breaks
 * (0-terminated), columns 0 … @repeat_last on every page; or with a break
 * every @per_page columns from @first to @last. */
void           _pc_wb_print_in_parts (PcWb            *wb,
                                      lxw_worksheet   *sheet,
                                      lxw_col_t        repeat_last,
                                      const lxw_col_t *breaks);
void           _pc_wb_print_every  (PcWb          *wb,
                                    lxw_worksheet *sheet,
                                    lxw_col_t      repeat_last,
                                    lxw_col_t      first,
                                    lxw_col_t      last,
                                    lxw_col_t      per_page);
/* Writes "A1" (or "$A$1" when @absolute) into @buffer. */
char          *_pc_wb_cell         (char          *buffer,
                                    lxw_row_t      row,
                                    lxw_col_t      col,
                                    gboolean       absolute);
/* Writes "A1:B2" with absolute references into @buffer. */
char          *_pc_wb_range        (char          *buffer,
                                    lxw_row_t      first_row,
                                    lxw_col_t      first_col,
                                    lxw_row_t      last_row,
                                    lxw_col_t      last_col);
/* "A1+B2+…" over @cells (strings), or "0" when it is empty. */
char          *_pc_wb_sum_of       (GPtrArray     *cells);
/* @text as valid UTF-8 that fits a cell: past the limit, cut at a word
 * and ended by a marker saying it was cut. */
char          *_pc_wb_printable_text (const char  *text);

#define PC_WB_CELL_SIZE  32
#define PC_WB_RANGE_SIZE 64

/* The column of stage × basis × offset in the Cost per patient and
 * Patients in care rows. */
static inline lxw_col_t
_pc_wb_cp_col (guint stage,
               guint basis,
               guint offset)
{
  return PC_WB_CP_FIRST_COL + (stage * PC_N_BASES + basis) * PC_N_OFFSETS + offset;
}

/* StageShare_1 … StageShare_unknown, the names of the stage mix. */
const char *_pc_wb_stage_share_name (guint stage);

/* Rows of the Cost per patient sheet: phase @p, funding stream @f, the
 * activity wb->activities[@a]. */
lxw_row_t   _pc_wb_cp_phase_row    (PcWb *wb, guint p);
lxw_row_t   _pc_wb_cp_funding_row  (PcWb *wb, guint f);
lxw_row_t   _pc_wb_cp_activity_row (PcWb *wb, guint a);

/* The Cost per patient sheet's row of stage 1's expected cost per patient
 * diagnosed (one row per stage; all stages after them). */
lxw_row_t   _pc_wb_cp_expected_row (PcWb *wb);
/* "=SUMPRODUCT(…)" of E(@stage) over Cost per patient row @cost_row. */
char       *_pc_wb_expected_formula (const char *sheet_ref,
                                     lxw_row_t   cost_row,
                                     guint       stage);

/* The Patients sheet's row of patients diagnosed in @year. */
lxw_row_t   _pc_wb_pt_diagnosed_row (PcWb *wb, int year);

/* Each sheet's writer; they run in this order, each after what it uses. */
void _pc_wb_write_assumptions (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_tariffs     (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_pathway     (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_costs       (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_patients    (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_projection  (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_provider    (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_summary     (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_scenario    (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_scenario_summary (PcWb *wb, lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col);
/* pc-workbook-activity.c: written when the project holds activity. */
gboolean _pc_wb_has_activity  (PcWb *wb);
void _pc_wb_write_flows       (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_compliance  (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_risks       (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_write_sources     (PcWb *wb, lxw_worksheet *sheet);

/* pc-workbook-negotiation.c, pc-workbook-providers.c: the negotiation pack. */
void _pc_wb_write_negotiation (PcWb *wb);
void _pc_wb_write_provider_sheet (PcWb                    *wb,
                                  lxw_worksheet           *sheet,
                                  const PcProviderFigures *figures,
                                  PcWbProviderCells       *cells);
/* The provider's flows, compliance and risks below @row; returns the row
 * after them. */
lxw_row_t _pc_wb_write_provider_activity (PcWb                    *wb,
                                          lxw_worksheet           *sheet,
                                          const PcProviderFigures *figures,
                                          lxw_row_t                row);
/* A count of patients under the project's disclosure control: the
 * count, "*", or nothing written for a suppressed one; returns whether
 * it was shown. */
gboolean _pc_wb_patients_count (PcWb          *wb,
                                lxw_worksheet *sheet,
                                lxw_row_t      row,
                                lxw_col_t      col,
                                guint64        count,
                                gboolean       parts_suppressed);

/* "Follow-up (follow_up)": a phase's or funding stream's label with the
 * code a finance team's own lookups use; the code alone when it has no
 * label of its own. */
char *_pc_wb_label_with_code (const char *label, const char *code);

/* pc-workbook-charts.c */
void _pc_wb_add_projection_charts (PcWb *wb, lxw_worksheet *sheet);
void _pc_wb_add_summary_chart     (PcWb *wb, lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col);

/* pc-workbook-data.c: reads what the engine's types do not carry. */
gboolean _pc_wb_load          (PcWb *wb, GError **error);
gboolean _pc_wb_load_negotiation (PcWb *wb, GError **error);
/* The project's file name as its user knows it (never the window's
 * working copy). */
char    *_pc_wb_project_name  (PcWb *wb);
void     _pc_wb_clear         (PcWb *wb);
/* A provider's name, or its code when the project has none. */
const char *_pc_wb_provider_name (PcWb *wb, const char *code);

G_END_DECLS
