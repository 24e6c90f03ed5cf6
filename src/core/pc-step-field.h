/* pc-step-field.h: a pathway step's fields as a person types them: the text
 * the editor shows for each field, and that text read back with a reason
 * when it cannot be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-model.h"

G_BEGIN_DECLS

typedef enum
{
  PC_STEP_FIELD_PHASE,
  PC_STEP_FIELD_NAME,
  PC_STEP_FIELD_ACTIVITY,
  PC_STEP_FIELD_TARIFF_CODE,
  PC_STEP_FIELD_LOCAL_COST,
  PC_STEP_FIELD_QUANTITY,
  PC_STEP_FIELD_SHARE_1,
  PC_STEP_FIELD_SHARE_2,
  PC_STEP_FIELD_SHARE_3,
  PC_STEP_FIELD_SHARE_4,
  PC_STEP_FIELD_SHARE_UNKNOWN,
  PC_STEP_FIELD_BASIS,
  PC_STEP_FIELD_YEAR_OFFSET,
  PC_STEP_FIELD_FUNDING,
  PC_STEP_FIELD_PROVIDER_COST,
  PC_N_STEP_FIELDS
} PcStepField;

/* The column heading, translated. */
const char *pc_step_field_title   (PcStepField    field);
/* TRUE for fields typed as numbers (right-aligned in the editor). */
gboolean    pc_step_field_numeric (PcStepField    field);
/* The field's value as the editor shows it: plain numbers ("4560",
 * "0.25"), blank for no local cost or no provider cost. */
char       *pc_step_field_to_text (const PcStep  *step,
                                   PcStepField    field);
/* Sets @field of @step from @text and checks the step; on failure @step is
 * unchanged and @error says why in the user's words.  Money may be typed
 * with £ and thousands separators. */
gboolean    pc_step_field_parse   (PcStep        *step,
                                   PcStepField    field,
                                   const char    *text,
                                   GError       **error);

/* A number a person typed: "1,234.5", "£1,234.50", " 3 "; commas are
 * thousands separators only between digit groups of three. */
gboolean    pc_parse_typed_number (const char *text,
                                   double     *value);

G_END_DECLS
