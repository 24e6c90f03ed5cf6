/* pc-workbook-sources.c: the Sources sheet: where the project's figures
 * came from, one row per import record as `pathcost-cli sources` lists
 * them (docs/CLI.md#sources), so a reader can trace a figure to its
 * publication and check the file by its SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"

#include "config.h"

#include "pc-workbook-private.h"

#define HEADER_ROW 4

#define LINE_HEIGHT 15.0     /* points, for the default 11-point font */
#define NOTE \
  "One row per import, newest first: the text given as its source, the file, and the " \
  "file's SHA-256 (sha256sum FILE prints the same). A table whose rows came in before " \
  "Pathcost kept these records says \"source not recorded\"; an import given no source " \
  "text, \"source not given\"."

enum
{
  COL_TABLE,
  COL_KIND,
  COL_SOURCE,
  COL_FILE,
  COL_ROWS,
  COL_TIME,
  COL_SHA256,
  N_COLS
};

/* Characters; the Source column the widest, for a publication's title. */
static const double widths[N_COLS] = { 20, 20, 46, 26, 9, 18, 34 };

/* "2026-11-30 00:32 UTC" from the record's ISO 8601 time; as stored when
 * it does not parse (a file from elsewhere). */
static char *
format_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;

  if (time == NULL)
    return g_strdup (iso != NULL ? iso : "");
  return g_date_time_format (time, "%Y-%m-%d %H:%M UTC");
}

/* Lines @text takes wrapped at word ends in a column @width characters
 * wide, a word longer than the column (a SHA-256) broken where it fills a
 * line.  LibreOffice keeps a row's default height however its text wraps,
 * so the rows are given theirs. */
static guint
wrapped_lines (const char *text,
               double      width)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  /* A column's width counts digits; text runs about a tenth narrower. */
  const glong capacity = MAX ((glong) (width * 1.1) - 1, 1);
  glong used = 0;
  guint lines = 1;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong length = g_utf8_strlen (words[i], -1);

      if (used > 0 && used + 1 + length > capacity)
        {
          lines++;
          used = 0;
        }
      used += (used > 0 ? 1 : 0) + length;
      while (used > capacity)
        {
          lines++;
          used -= capacity;
        }
    }
  return lines;
}

static void
fit_row (PcWb          *wb,
         lxw_worksheet *sheet,
         lxw_row_t      row,
         const char    *texts[N_COLS])
{
  guint lines = 1;

  for (guint c = 0; c < N_COLS; c++)
    if (texts[c] != NULL)
      lines = MAX (lines, wrapped_lines (texts[c], widths[c]));
  _pc_wb_check (wb, worksheet_set_row (sheet, row, LINE_HEIGHT * lines, NULL),
                "setting a row's height");
}

static void
write_source (PcWb           *wb,
              lxw_worksheet  *sheet,
              const PcSource *source,
              lxw_row_t       row)
{
  /* A table filled before import records were kept (docs/CLI.md#sources). */
  gboolean recorded = source->file_name != NULL;
  g_autofree char *time = recorded ? format_time (source->imported_at) : NULL;
  const char *texts[N_COLS] = {
    [COL_TABLE] = source->table,
    [COL_KIND] = source->kind,
    [COL_SOURCE] = !recorded ? "source not recorded"
                   : source->source != NULL ? source->source : "source not given",
    [COL_FILE] = source->file_name,
    [COL_TIME] = time,
    [COL_SHA256] = source->sha256,
  };

  for (guint c = 0; c < N_COLS; c++)
    if (texts[c] != NULL)
      _pc_wb_text (wb, sheet, row, c, texts[c], PC_WB_WRAP);
  if (recorded)
    _pc_wb_number (wb, sheet, row, COL_ROWS, (double) source->rows, PC_WB_COUNT_TOP);
  fit_row (wb, sheet, row, texts);
}

static void
write_header (PcWb          *wb,
              lxw_worksheet *sheet)
{
  static const char * const labels[N_COLS] = {
    "Table", "Kind of import", "Source (publication and year)", "File", "Rows",
    "Imported at", "SHA-256 of the file",
  };
  g_autofree char *about = g_strdup_printf ("Where the figures in %s came from",
                                            wb->project_name);

  _pc_wb_text (wb, sheet, 0, 0, "Sources", PC_WB_TITLE);
  _pc_wb_text (wb, sheet, 1, 0, about, PC_WB_HEADING);
  if (!_pc_wb_failed (wb))
    _pc_wb_check (wb, worksheet_merge_range (sheet, 2, 0, 2, N_COLS - 1, NOTE,
                                             wb->formats[PC_WB_NOTE_WRAP]), "writing a note");
  _pc_wb_check (wb, worksheet_set_row (sheet, 2, LINE_HEIGHT * 2, NULL),
                "setting a row's height");
  for (guint c = 0; c < N_COLS; c++)
    {
      _pc_wb_text (wb, sheet, HEADER_ROW, c, labels[c], PC_WB_HEADER);
      _pc_wb_col_width (wb, sheet, c, c, widths[c]);
    }
}

void
_pc_wb_write_sources (PcWb          *wb,
                      lxw_worksheet *sheet)
{
  GPtrArray *sources = wb->sources;

  write_header (wb, sheet);
  for (guint i = 0; i < sources->len && !_pc_wb_failed (wb); i++)
    write_source (wb, sheet, g_ptr_array_index (sources, i), HEADER_ROW + 1 + i);
  if (sources->len == 0)
    _pc_wb_text (wb, sheet, HEADER_ROW + 1, 0, "The project holds no imported data.",
                 PC_WB_NOTE);
  _pc_wb_set_up_sheet (wb, sheet, HEADER_ROW + 1, 0);
}
