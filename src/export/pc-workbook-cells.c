/* pc-workbook-cells.c: the workbook's cell writers.  Each checks its
 * libxlsxwriter call and keeps the first failure, after which writing stops
 * and the export fails with that message; numbers are checked to be finite
 * (1.1.4 writes NaN as "NAN" and reports success).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-workbook-private.h"

/* Excel's limit on the text of one cell, in bytes as libxlsxwriter counts. */
#define MAX_TEXT_BYTES 32767
#define MAX_FORMULA_CHARS 8192

gboolean
_pc_wb_failed (PcWb *wb)
{
  return wb->error != NULL;
}

gboolean
_pc_wb_check (PcWb       *wb,
              lxw_error   rc,
              const char *doing)
{
  if (rc == LXW_NO_ERROR || _pc_wb_failed (wb))
    return rc == LXW_NO_ERROR;
  g_set_error (&wb->error, PC_ERROR, PC_ERROR_IO,
               "could not write the workbook: %s (%s)", lxw_strerror (rc), doing);
  return FALSE;
}

static gboolean
check_finite (PcWb          *wb,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value)
{
  char cell[PC_WB_CELL_SIZE];

  if (isfinite (value) || _pc_wb_failed (wb))
    return isfinite (value);
  g_set_error (&wb->error, PC_ERROR, PC_ERROR_INVALID,
               "could not write the workbook: the figure for %s!%s is not a number "
               "(check the project's reference data)",
               sheet->name, _pc_wb_cell (cell, row, col, FALSE));
  return FALSE;
}

char *
_pc_wb_cell (char      *buffer,
             lxw_row_t  row,
             lxw_col_t  col,
             gboolean   absolute)
{
  if (absolute)
    lxw_rowcol_to_cell_abs (buffer, row, col, 1, 1);
  else
    lxw_rowcol_to_cell (buffer, row, col);
  return buffer;
}

char *
_pc_wb_range (char      *buffer,
              lxw_row_t  first_row,
              lxw_col_t  first_col,
              lxw_row_t  last_row,
              lxw_col_t  last_col)
{
  lxw_rowcol_to_range_abs (buffer, first_row, first_col, last_row, last_col);
  return buffer;
}

char *
_pc_wb_sum_of (GPtrArray *cells)
{
  GString *sum = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append_c (sum, '+');
      g_string_append (sum, g_ptr_array_index (cells, i));
    }
  if (sum->len == 0)
    g_string_append_c (sum, '0');
  return g_string_free (sum, FALSE);
}

/* What ends a text cut to fit a cell, so a reader sees it was cut. */
#define CUT_MARKER " […] (cut: a cell holds at most 32,767 characters)"

/* Project text may be any length and, from a hand-edited file, not UTF-8.
 * Past the cell's limit it is cut at a word where one is near, never
 * silently: the marker says so. */
char *
_pc_wb_printable_text (const char *text)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  gsize keep = MAX_TEXT_BYTES - strlen (CUT_MARKER);
  const char *end;
  char *space;
  char *cut;

  if (strlen (valid) <= MAX_TEXT_BYTES)
    return valid;
  end = g_utf8_find_prev_char (valid, valid + keep + 1);
  valid[end - valid] = '\0';
  space = strrchr (valid, ' ');
  if (space != NULL && (gsize) (space - valid) + 200 > keep)
    *space = '\0';
  cut = g_strconcat (valid, CUT_MARKER, NULL);
  g_free (valid);
  return cut;
}

/* Always a string cell, never a formula: text that starts with = + - @
 * stays text. */
void
_pc_wb_text (PcWb          *wb,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *text,
             PcWbFormat     format)
{
  g_autofree char *printable = NULL;

  if (_pc_wb_failed (wb))
    return;
  printable = _pc_wb_printable_text (text);
  if (_pc_wb_check (wb, worksheet_write_string (sheet, row, col, printable, wb->formats[format]),
                    "writing text"))
    wb->stats.strings++;
}

void
_pc_wb_number (PcWb          *wb,
               lxw_worksheet *sheet,
               lxw_row_t      row,
               lxw_col_t      col,
               double         value,
               PcWbFormat     format)
{
  if (_pc_wb_failed (wb) || !check_finite (wb, sheet, row, col, value))
    return;
  if (_pc_wb_check (wb, worksheet_write_number (sheet, row, col, value, wb->formats[format]),
                    "writing a number"))
    wb->stats.numbers++;
}

void
_pc_wb_formula (PcWb          *wb,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                lxw_col_t      col,
                PcWbFormat     format,
                double         cached,
                const char    *formula_format,
                ...)
{
  g_autofree char *formula = NULL;
  char cell[PC_WB_CELL_SIZE];
  va_list args;

  if (_pc_wb_failed (wb) || !check_finite (wb, sheet, row, col, cached))
    return;
  va_start (args, formula_format);
  formula = g_strdup_vprintf (formula_format, args);
  va_end (args);
  if (strlen (formula) > MAX_FORMULA_CHARS)
    {
      g_set_error (&wb->error, PC_ERROR, PC_ERROR_INVALID,
                   "could not write the workbook: the formula for %s!%s would be longer than "
                   "Excel's %d characters (the pathway has too many steps)",
                   sheet->name, _pc_wb_cell (cell, row, col, FALSE),
                   MAX_FORMULA_CHARS);
      return;
    }
  if (_pc_wb_check (wb, worksheet_write_formula_num (sheet, row, col, formula,
                                                     wb->formats[format], cached),
                    "writing a formula"))
    wb->stats.formulas++;
}

/* A formula whose result is text (a live label such as "2019/20"); the
 * cached text must be what the formula gives, for readers that do not
 * recalculate. */
void
_pc_wb_formula_text (PcWb          *wb,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     PcWbFormat     format,
                     const char    *cached,
                     const char    *formula_format,
                     ...)
{
  g_autofree char *formula = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  if (_pc_wb_failed (wb))
    return;
  va_start (args, formula_format);
  formula = g_strdup_vprintf (formula_format, args);
  va_end (args);
  g_assert (strlen (formula) <= MAX_FORMULA_CHARS);
  printable = g_utf8_make_valid (cached, -1);
  if (_pc_wb_check (wb, worksheet_write_formula_str (sheet, row, col, formula,
                                                     wb->formats[format], printable),
                    "writing a formula"))
    wb->stats.formulas++;
}

/* Between @minimum and @maximum; an infinite maximum is left open. */
static void
fill_validation (lxw_data_validation *validation,
                 double               minimum,
                 double               maximum,
                 const char          *message)
{
  validation->minimum_number = minimum;
  validation->maximum_number = maximum;
  validation->value_number = minimum;
  if (isinf (maximum))
    validation->criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  else
    validation->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  validation->error_title = (char *) "Value not allowed";
  validation->error_message = (char *) message;
}

/* Input cells accept a decimal from @minimum to @maximum; an infinite
 * bound is left open. */
void
_pc_wb_validate (PcWb          *wb,
                 lxw_worksheet *sheet,
                 lxw_row_t      first_row,
                 lxw_col_t      first_col,
                 lxw_row_t      last_row,
                 lxw_col_t      last_col,
                 double         minimum,
                 double         maximum,
                 const char    *message)
{
  lxw_data_validation validation = { 0, };

  if (_pc_wb_failed (wb) || last_row < first_row || last_col < first_col)
    return;
  validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
  fill_validation (&validation, minimum, maximum, message);
  if (_pc_wb_check (wb, worksheet_data_validation_range (sheet, first_row, first_col,
                                                         last_row, last_col, &validation),
                    "adding data validation"))
    wb->stats.validations++;
}

/* A year cell accepts a whole number from @minimum to @maximum. */
void
_pc_wb_validate_year (PcWb          *wb,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      int            minimum,
                      int            maximum,
                      const char    *message)
{
  lxw_data_validation validation = { 0, };

  if (_pc_wb_failed (wb))
    return;
  validation.validate = LXW_VALIDATION_TYPE_INTEGER;
  fill_validation (&validation, minimum, maximum, message);
  if (_pc_wb_check (wb, worksheet_data_validation_cell (sheet, row, col, &validation),
                    "adding data validation"))
    wb->stats.validations++;
}

/* Letters, digits, '_' and '.' only: anything else becomes '_'. */
static char *
name_for (const char *prefix,
          const char *suffix)
{
  char *name = g_strconcat (prefix, suffix, NULL);

  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.')
      *p = '_';
  return name;
}

/* Defines PREFIXSUFFIX for the range and returns it, or NULL when that name
 * is taken or too long: formulas then use the cell reference. */
const char *
_pc_wb_define_name (PcWb       *wb,
                    const char *prefix,
                    const char *suffix,
                    const char *sheet_ref,
                    lxw_row_t   first_row,
                    lxw_col_t   first_col,
                    lxw_row_t   last_row,
                    lxw_col_t   last_col)
{
  g_autofree char *name = name_for (prefix, suffix != NULL ? suffix : "");
  g_autofree char *folded = g_ascii_strdown (name, -1);
  g_autofree char *formula = NULL;
  char range[PC_WB_RANGE_SIZE];

  if (_pc_wb_failed (wb) || strlen (name) > 200 || g_hash_table_contains (wb->names, folded))
    return NULL;
  if (first_row == last_row && first_col == last_col)
    _pc_wb_cell (range, first_row, first_col, TRUE);
  else
    _pc_wb_range (range, first_row, first_col, last_row, last_col);
  formula = g_strconcat ("=", sheet_ref, range, NULL);
  if (!_pc_wb_check (wb, workbook_define_name (wb->workbook, name, formula), "defining a name"))
    return NULL;
  wb->stats.names++;
  g_hash_table_insert (wb->names, g_strdup (folded), g_steal_pointer (&name));
  return g_hash_table_lookup (wb->names, folded);
}

void
_pc_wb_col_width (PcWb          *wb,
                  lxw_worksheet *sheet,
                  lxw_col_t      first_col,
                  lxw_col_t      last_col,
                  double         width)
{
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_set_column (sheet, first_col, last_col, width, NULL),
                  "setting column widths");
}

lxw_worksheet *
_pc_wb_add_sheet (PcWb       *wb,
                  const char *name)
{
  lxw_worksheet *sheet;

  if (_pc_wb_failed (wb)
      || !_pc_wb_check (wb, workbook_validate_sheet_name (wb->workbook, name), name))
    return NULL;
  sheet = workbook_add_worksheet (wb->workbook, name);
  if (sheet == NULL)
    _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, name);
  else
    wb->stats.sheets++;
  return sheet;
}

/* House style: headers frozen and repeated on every printed page,
 * landscape, fit to the page's width, protected without a password (input
 * cells are unlocked).  With more than a title and its note above the
 * table, the last of the @header_rows is the column header: LibreOffice
 * keeps a row's default height however its text wraps, so a wrapped
 * header would spill over the first figures; give it three lines. */
void
_pc_wb_set_up_sheet (PcWb          *wb,
                     lxw_worksheet *sheet,
                     lxw_row_t      header_rows,
                     lxw_col_t      frozen_cols)
{
  lxw_protection protection = { 0, };

  if (_pc_wb_failed (wb))
    return;
  worksheet_freeze_panes (sheet, header_rows, frozen_cols);
  if (header_rows > 0)
    _pc_wb_check (wb, worksheet_repeat_rows (sheet, 0, header_rows - 1), "repeating titles");
  if (header_rows > 2)
    _pc_wb_check (wb, worksheet_set_row (sheet, header_rows - 1, PC_WB_HEADER_HEIGHT, NULL),
                  "setting the header's height");
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);           /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  _pc_wb_check (wb, worksheet_set_footer (sheet, "&L&A&RPage &P of &N"), "setting the footer");
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect (sheet, NULL, &protection);
}

/* A format for numbers (@number_format) or, without one, for text. */
static lxw_format *
add_format (PcWb       *wb,
            const char *number_format,
            gboolean    input)
{
  lxw_format *format = workbook_add_format (wb->workbook);

  if (format == NULL)
    {
      _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a format");
      return NULL;
    }
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (input)
    {
      /* Inputs: unlocked on a protected sheet, and yellow so they are found. */
      format_set_unlocked (format);
      format_set_bg_color (format, 0xFFF2CC);
      format_set_border (format, LXW_BORDER_HAIR);
      format_set_border_color (format, 0xBF9000);
    }
  return format;
}

static lxw_format *
add_text_format (PcWb     *wb,
                 gboolean  bold,
                 double    size,
                 gboolean  italic)
{
  lxw_format *format = add_format (wb, NULL, FALSE);

  if (format == NULL)
    return NULL;
  if (bold)
    format_set_bold (format);
  if (size > 0)
    format_set_font_size (format, size);
  if (italic)
    {
      format_set_italic (format);
      format_set_font_color (format, 0x595959);
    }
  return format;
}

char *
_pc_wb_label_with_code (const char *label,
                        const char *code)
{
  if (g_strcmp0 (label, code) == 0)
    return g_strdup (code);
  return g_strdup_printf ("%s (%s)", label, code);
}

void
_pc_wb_create_formats (PcWb *wb)
{
  static const struct { PcWbFormat id; const char *number_format; gboolean input; } numbers[] = {
    { PC_WB_YEAR, "0", FALSE },
    { PC_WB_YEAR_INPUT, "0", TRUE },
    /* A payback year of 0 reads "none". */
    { PC_WB_PAYBACK, "0;-0;\"none\"", FALSE },
    { PC_WB_MONEY, "[$£-809]#,##0.00", FALSE },
    { PC_WB_MONEY_TOTAL, "[$£-809]#,##0.00", FALSE },
    { PC_WB_MONEY_INPUT, "[$£-809]#,##0.00", TRUE },
    { PC_WB_SHARE, "0.00%", FALSE },
    { PC_WB_SHARE_INPUT, "0.00%", TRUE },
    { PC_WB_FACTOR, "0.0000", FALSE },
    { PC_WB_FACTOR_INPUT, "0.0000", TRUE },
    { PC_WB_PERCENT, "0.0%", FALSE },
    { PC_WB_PERCENT_INPUT, "0.00%", TRUE },
    { PC_WB_COUNT, "#,##0", FALSE },
    { PC_WB_COUNT_INPUT, "#,##0", TRUE },
    { PC_WB_COUNT_TOP, "#,##0", FALSE },
    { PC_WB_NUMBER, "#,##0.00", FALSE },
    { PC_WB_NUMBER_INPUT, "#,##0.00", TRUE },
    { PC_WB_PATIENTS, "#,##0.0", FALSE },
    { PC_WB_UNITS, "#,##0.0", FALSE },
  };
  lxw_format *header;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    wb->formats[numbers[i].id] = add_format (wb, numbers[i].number_format, numbers[i].input);
  wb->formats[PC_WB_TEXT] = add_text_format (wb, FALSE, 0, FALSE);
  wb->formats[PC_WB_WRAP] = add_text_format (wb, FALSE, 0, FALSE);
  wb->formats[PC_WB_LINK] = add_text_format (wb, FALSE, 0, FALSE);
  wb->formats[PC_WB_TITLE] = add_text_format (wb, TRUE, 14, FALSE);
  wb->formats[PC_WB_HEADING] = add_text_format (wb, TRUE, 12, FALSE);
  wb->formats[PC_WB_NOTE] = add_text_format (wb, FALSE, 0, TRUE);
  wb->formats[PC_WB_NOTE_WRAP] = add_text_format (wb, FALSE, 0, TRUE);
  header = wb->formats[PC_WB_HEADER] = add_text_format (wb, TRUE, 0, FALSE);
  wb->formats[PC_WB_GROUP_HEADER] = add_text_format (wb, TRUE, 0, FALSE);
  if (_pc_wb_failed (wb))
    return;
  format_set_bold (wb->formats[PC_WB_MONEY_TOTAL]);
  format_set_top (wb->formats[PC_WB_MONEY_TOTAL], LXW_BORDER_THIN);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_bg_color (wb->formats[PC_WB_GROUP_HEADER], 0xDDEBF7);
  format_set_align (wb->formats[PC_WB_COUNT_TOP], LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (wb->formats[PC_WB_WRAP]);
  format_set_text_wrap (wb->formats[PC_WB_NOTE_WRAP]);
  format_set_align (wb->formats[PC_WB_NOTE_WRAP], LXW_ALIGN_VERTICAL_TOP);
  format_set_align (wb->formats[PC_WB_WRAP], LXW_ALIGN_VERTICAL_TOP);
  format_set_underline (wb->formats[PC_WB_LINK], LXW_UNDERLINE_SINGLE);
  format_set_font_color (wb->formats[PC_WB_LINK], LXW_COLOR_BLUE);
}

/* A note over columns 0 … @last_col, wrapped in @lines lines: a long note
 * in one cell spills past the table and makes a printed page tiny. */
void
_pc_wb_note_across (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      last_col,
                    const char    *text,
                    guint          lines)
{
  g_autofree char *printable = NULL;

  if (_pc_wb_failed (wb))
    return;
  printable = _pc_wb_printable_text (text);
  if (_pc_wb_check (wb, worksheet_merge_range (sheet, row, 0, row, last_col, printable,
                                               wb->formats[PC_WB_NOTE_WRAP]), "writing a note"))
    wb->stats.strings++;
  _pc_wb_check (wb, worksheet_set_row (sheet, row, 15.0 * lines, NULL), "setting a row's height");
}

/* A sheet too wide for one page printed in parts: columns from each of
 * @breaks (ascending, 0-terminated) on a new page, columns 0 …
 * @repeat_last repeated on each, the parts fitted to as many pages' width:
 * fitting thirty columns to one page prints them too small to read. */
void
_pc_wb_print_in_parts (PcWb            *wb,
                       lxw_worksheet   *sheet,
                       lxw_col_t        repeat_last,
                       const lxw_col_t *breaks)
{
  guint n = 0;

  if (_pc_wb_failed (wb))
    return;
  while (breaks[n] != 0)
    n++;
  if (n == 0)
    return;
  _pc_wb_check (wb, worksheet_repeat_columns (sheet, 0, repeat_last), "repeating columns");
  _pc_wb_check (wb, worksheet_set_v_pagebreaks (sheet, (lxw_col_t *) breaks), "setting page breaks");
  /* Excel breaks there; LibreOffice, fitting to as many pages, makes its
   * parts of about equal width instead (a scale without fitting makes it
   * print a column a page beside repeated ones). */
  worksheet_fit_to_pages (sheet, (uint16_t) (n + 1), 0);
}

/* The same with a break every @per_page columns from @first to @last. */
void
_pc_wb_print_every (PcWb          *wb,
                    lxw_worksheet *sheet,
                    lxw_col_t      repeat_last,
                    lxw_col_t      first,
                    lxw_col_t      last,
                    lxw_col_t      per_page)
{
  g_autoptr(GArray) breaks = g_array_new (TRUE, TRUE, sizeof (lxw_col_t));

  for (lxw_col_t col = first; col <= last; col += per_page)
    if (col > repeat_last + 1)
      g_array_append_val (breaks, col);
  _pc_wb_print_in_parts (wb, sheet, repeat_last, (const lxw_col_t *) (void *) breaks->data);
}
