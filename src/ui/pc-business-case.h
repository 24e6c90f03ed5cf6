/* pc-business-case.h: the business case as an A4 PDF a board paper can
 * carry: the question, the scenario's changes and investments, the
 * comparison (chart and table), payback and NPV, the tornado, the PSA
 * interval, the assumptions and the sources of the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "pc-project.h"
#include "pc-scenario.h"

G_BEGIN_DECLS

/* The PSA the document reports: pathcost-cli sensitivity --psa 10000 --seed 1. */
#define PC_BUSINESS_CASE_PSA_RUNS 10000
#define PC_BUSINESS_CASE_PSA_SEED 1

typedef struct
{
  PcProject               *project;
  const PcPathway         *pathway;
  const PcProjectionInput *input;
  const PcScenario        *scenario;
  const char              *area;        /* as a person reads it */
  const char              *area_codes;  /* as --area takes them */
  const PangoFontDescription *font;     /* the charts' text */
} PcBusinessCaseRequest;

/* Copies what it needs from @request (in the calling thread), runs the
 * comparison and both sensitivities in a worker thread, then writes @path
 * (through a temporary file beside it). */
void     pc_business_case_write_async  (const PcBusinessCaseRequest *request,
                                        const char                  *path,
                                        GCancellable                *cancellable,
                                        GAsyncReadyCallback          callback,
                                        gpointer                     user_data);
gboolean pc_business_case_write_finish (GAsyncResult                *result,
                                        GError                     **error);

/* A scenario's change as a sentence: "Unit cost of “Trastuzumab
 * administration” in breast_current_RF4 set to £144.00". */
char    *pc_business_case_describe_override (const PcOverride *override);

G_END_DECLS
