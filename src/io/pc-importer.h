/* pc-importer.h: CSV import of every kind of docs/FORMATS.md into a
 * project: validated row by row, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pc-project.h"

G_BEGIN_DECLS

typedef enum
{
  PC_IMPORT_TARIFFS,
  PC_IMPORT_PROVIDERS,
  PC_IMPORT_AREAS,
  PC_IMPORT_POPULATION,
  PC_IMPORT_SITES,
  PC_IMPORT_INCIDENCE,
  PC_IMPORT_STAGES,
  PC_IMPORT_SURVIVAL,
  PC_IMPORT_PATHWAY_STEPS,
  PC_IMPORT_SCENARIO_CHANGES,
  PC_IMPORT_SCENARIO_INVESTMENTS,
  PC_IMPORT_ACTIVITY,
  PC_IMPORT_AREA_GROUPS,
  PC_IMPORT_POPULATION_ONS,
  PC_N_IMPORT_KINDS
} PcImportKind;

const char *pc_import_kind_to_string   (PcImportKind  kind);
gboolean    pc_import_kind_from_string (const char   *text,
                                        PcImportKind *kind);

/* One bad value: where it is and what is wrong, for the window's list. */
typedef struct
{
  char    *file;
  guint64  line;
  guint    column;        /* 1-based position in the file's header; 0 for the whole row */
  char    *column_name;
  char    *message;
} PcImportProblem;

void pc_import_problem_free (PcImportProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcImportProblem, pc_import_problem_free)

typedef enum
{
  PC_IMPORT_DEFAULT = 0,
  PC_IMPORT_REPLACE = 1 << 0,   /* activity only: the file replaces the project's activity */
} PcImportFlags;

/* Called at most every 65,536 rows with the bytes read so far. */
typedef void (*PcImportProgressFunc) (guint64  bytes_done,
                                      guint64  bytes_total,
                                      gpointer user_data);

/* Imports @path into @project in one transaction.  On failure the project is
 * unchanged, @error holds the first problem as one line ("FILE:LINE:COLUMN:
 * NAME: what is wrong", and how many more), and @problems, when not NULL,
 * receives up to 100 of them. */
gboolean pc_import_csv      (PcProject             *project,
                             PcImportKind           kind,
                             const char            *path,
                             guint64               *n_rows,
                             GPtrArray            **problems,
                             GError               **error);
gboolean pc_import_csv_full (PcProject             *project,
                             PcImportKind           kind,
                             const char            *path,
                             PcImportFlags          flags,
                             PcImportProgressFunc   progress,
                             gpointer               user_data,
                             guint64               *n_rows,
                             GPtrArray            **problems,
                             GError               **error);

typedef struct
{
  PcImportFlags         flags;
  const char           *source;     /* the publication and its year, for the record */
  PcImportProgressFunc  progress;
  gpointer              user_data;
  /* Cancelled from any thread, the import stops within 65,536 rows, rolls
   * back (the project exactly as before) and fails with
   * G_IO_ERROR_CANCELLED; NULL for none. */
  GCancellable         *cancellable;
} PcImportOptions;

typedef struct
{
  PcImportKind  kind;
  guint64       n_rows;
  GPtrArray    *notes;      /* of char*: what the user should know of a good import */
  GPtrArray    *problems;   /* of PcImportProblem */
} PcImportResult;

void     pc_import_result_clear (PcImportResult *result);

/* As pc_import_csv_full, and records where the rows came from (kind, file
 * name, SHA-256, rows, time and @options' source) in the same
 * transaction.  @options may be NULL; @result, when not NULL, must be
 * cleared with pc_import_result_clear. */
gboolean pc_import_run      (PcProject              *project,
                             PcImportKind            kind,
                             const char             *path,
                             const PcImportOptions  *options,
                             PcImportResult         *result,
                             GError                **error);

/* The kind a CSV holds, from its header: the kind all of whose required
 * columns it names (the most of them, when several fit).  A header that
 * fits none is an error listing every kind and its columns. */
gboolean pc_import_detect_kind (const char    *path,
                                PcImportKind  *kind,
                                GError       **error);

G_END_DECLS
