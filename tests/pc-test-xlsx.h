/* pc-test-xlsx.h: reading a written workbook back as a spreadsheet program
 * does, for the tests that check its figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sheet: a GPtrArray of rows, each a GStrv of fields. */
typedef GPtrArray PcTestSheet;

/* Whether @name is on the PATH; skips the test when it is not. */
gboolean     pc_test_have_program (const char          *name);
/* Runs @argv (searched for on the PATH), failing the test with its
 * standard error when it fails. */
void         pc_test_run_program  (const char * const  *argv);
/* A CSV file's records (RFC 4180 quoting). */
PcTestSheet *pc_test_read_csv     (const char          *path);
/* Every sheet of @xlsx in the workbook's order, as gnumeric's ssconvert
 * reads it, numbers in full ("format=raw" rather than as displayed):
 * recalculated, or the values cached in the file.  A GPtrArray of
 * PcTestSheet. */
GPtrArray   *pc_test_read_sheets  (const char          *xlsx,
                                   gboolean             recalculate);

G_END_DECLS
