/* pc-compare-selection.h: what a business case is about: the pathway, the
 * area (or group of areas, or every area), the scenario and the years; the
 * Compare and Sensitivity views each hold one.  It gathers the inputs from
 * the store as pathcost-cli does for the same options.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pc-document.h"
#include "pc-scenario.h"

G_BEGIN_DECLS

#define PC_TYPE_COMPARE_SELECTION (pc_compare_selection_get_type ())
G_DECLARE_FINAL_TYPE (PcCompareSelection, pc_compare_selection, PC, COMPARE_SELECTION, GtkWidget)

void               pc_compare_selection_set_document (PcCompareSelection *self,
                                                      PcDocument         *document);
void               pc_compare_selection_set_period   (PcCompareSelection *self,
                                                      int                 from,
                                                      int                 years);
/* Chooses by name (NULL: "No scenario") or by area or group code (NULL:
 * every area); FALSE when there is none of that name. */
gboolean           pc_compare_selection_set_scenario (PcCompareSelection *self,
                                                      const char         *name);
gboolean           pc_compare_selection_set_area     (PcCompareSelection *self,
                                                      const char         *code);
/* The chosen scenario (NULL when none), loaded from the project. */
const PcScenario  *pc_compare_selection_get_scenario (PcCompareSelection *self);
/* The document's pathway and the projection input of the chosen areas and
 * years, as pc_project_load_projection_input() gathers it; the input is
 * kept until the choice or the reference data change. */
const PcProjectionInput *pc_compare_selection_load_input (PcCompareSelection *self,
                                                          const PcPathway   **pathway,
                                                          GError            **error);
/* The chosen area codes joined by "," (what --area takes) and as a person
 * reads them; the first year. */
char              *pc_compare_selection_get_area_codes (PcCompareSelection *self);
char              *pc_compare_selection_describe_area  (PcCompareSelection *self);
int                pc_compare_selection_get_from       (PcCompareSelection *self);
int                pc_compare_selection_get_years      (PcCompareSelection *self);

G_END_DECLS
