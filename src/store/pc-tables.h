/* pc-tables.h: the project file's tables described once: each table's
 * name, its title for people, the columns that name a row, and each
 * column's title, how it is shown, and the values it may hold.  The
 * reference view, the row list and the checks on open all read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a column's values are shown. */
typedef enum
{
  PC_CELL_TEXT,
  PC_CELL_MONEY,     /* £1,234.56 */
  PC_CELL_YEAR,      /* an integer as stored, no grouping: 2019 */
  PC_CELL_COUNT,     /* 12,345 (decimals only when stored) */
  PC_CELL_DECIMAL,   /* at least min_decimals, at most max_decimals */
  PC_CELL_PERCENT,   /* a proportion stored as 0.396, shown as 39.60% */
} PcCellFormat;

/* What a column may hold, as an import would have written it. */
typedef enum
{
  PC_VALUE_TEXT,
  PC_VALUE_INTEGER,
  PC_VALUE_REAL,
  PC_VALUE_DATE,     /* text, a real calendar date YYYY-MM-DD */
} PcValueType;

typedef enum
{
  PC_VALUE_DEFAULT      = 0,
  PC_VALUE_NULLABLE     = 1 << 0,
  PC_VALUE_LOW_EXCLUDED = 1 << 1,   /* more than low, not equal to it */
} PcValueFlags;

typedef struct
{
  const char   *name;
  PcValueType   type;
  PcValueFlags  flags;
  double        low;
  double        high;
  const char   *meaning;        /* what a value must be: "is not …" */
  const char   *title;          /* untranslated (N_); translate with _() */
  PcCellFormat  format;
  guint         min_decimals;
  guint         max_decimals;
} PcColumnInfo;

typedef struct
{
  const char         *name;
  /* untranslated (N_); NULL for a table the reference view does not show */
  const char         *title;
  const char         *key;          /* the columns that name a row, ", "-separated */
  const char         *browse_order; /* ORDER BY for showing it (age bands by number) */
  /* Millions of rows: checked on open by one aggregate, its text not at all. */
  gboolean            large;
  const PcColumnInfo *columns;      /* ends with a NULL name */
} PcTableInfo;

/* Every table of a project, in the order a user meets them; @n_tables
 * gets their number. */
const PcTableInfo *pc_tables_get_all  (guint       *n_tables);
/* The table called @name, or NULL. */
const PcTableInfo *pc_tables_lookup   (const char  *name);
guint              pc_table_get_n_columns (const PcTableInfo *table);

G_END_DECLS
