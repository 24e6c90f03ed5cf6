/* pc-workbook.h: the negotiation workbook, a live Excel model of one
 * pathway's projection that both sides of a negotiation can open and change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-project.h"
#include "pc-scenario.h"

G_BEGIN_DECLS

/* What to export: the selection of `pathcost-cli report`.  @scenario must
 * be NULL until the scenario sheets exist (a later issue adds them). */
typedef struct
{
  const char         *pathway;
  const char * const *areas;        /* NULL-terminated area codes, summed */
  int                 from;         /* the first financial year, e.g. 2026 */
  int                 years;        /* the horizon, 1 … PC_MAX_HORIZON */
  const PcScenario   *scenario;
  const char         *output_path;
  /* The project's file as its user knows it, for the Summary and Sources
   * sheets; NULL: the file @project was opened from.  The window, which
   * exports from its working copy, must name the user's file here. */
  const char         *project_name;
} PcWorkbookRequest;

/* Cells written, for benchmarks and tests. */
typedef struct
{
  guint64 numbers;    /* constants and input cells */
  guint64 strings;
  guint64 formulas;
  guint   sheets;
  guint   charts;
  guint   validations;
  guint   names;
} PcWorkbookStats;

/* Writes the workbook to @output_path (replacing any file there) through a
 * temporary file beside it, so that a failed export leaves nothing behind.
 * Every figure is a formula with the engine's value cached. */
gboolean pc_workbook_export      (PcProject               *project,
                                  const char              *pathway,
                                  const char * const      *areas,
                                  int                      from,
                                  int                      years,
                                  const char              *output_path,
                                  GError                 **error);
/* The same, with room for a scenario; fills @stats when not NULL. */
gboolean pc_workbook_export_full (PcProject               *project,
                                  const PcWorkbookRequest *request,
                                  PcWorkbookStats         *stats,
                                  GError                 **error);

/* What the negotiation pack covers: the providers of one site for the
 * patients of some areas (docs/MODEL.md, "The negotiation pack"). */
typedef struct
{
  const char         *site;
  const char * const *areas;        /* NULL-terminated area or group codes, summed */
  int                 from;         /* the first financial year of the horizon stated */
  int                 years;
  const char         *output_path;
  const char         *project_name; /* as in PcWorkbookRequest */
} PcNegotiationRequest;

/* Writes the negotiation pack: a Providers sheet comparing them, then one
 * sheet per provider, every derived figure a formula with its value
 * cached, patient counts under the project's disclosure control. */
gboolean pc_workbook_export_negotiation (PcProject                  *project,
                                         const PcNegotiationRequest *request,
                                         PcWorkbookStats            *stats,
                                         GError                    **error);

G_END_DECLS
