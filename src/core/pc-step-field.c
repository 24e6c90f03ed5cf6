/* pc-step-field.c: reading and writing a step's fields as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-step-field"
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pc-costing.h"
#include "pc-error.h"
#include "pc-step-field.h"

const char *
pc_step_field_title (PcStepField field)
{
  switch (field)
    {
    case PC_STEP_FIELD_PHASE: return _("Phase");
    case PC_STEP_FIELD_NAME: return _("Step");
    case PC_STEP_FIELD_ACTIVITY: return _("Activity");
    case PC_STEP_FIELD_TARIFF_CODE: return _("Tariff code");
    case PC_STEP_FIELD_LOCAL_COST: return _("Local cost (£)");
    case PC_STEP_FIELD_QUANTITY: return _("Quantity");
    case PC_STEP_FIELD_SHARE_1: return _("Stage 1");
    case PC_STEP_FIELD_SHARE_2: return _("Stage 2");
    case PC_STEP_FIELD_SHARE_3: return _("Stage 3");
    case PC_STEP_FIELD_SHARE_4: return _("Stage 4");
    case PC_STEP_FIELD_SHARE_UNKNOWN: return _("Unknown stage");
    case PC_STEP_FIELD_BASIS: return _("Basis");
    case PC_STEP_FIELD_YEAR_OFFSET: return _("Year");
    case PC_STEP_FIELD_FUNDING: return _("Funding");
    case PC_STEP_FIELD_PROVIDER_COST: return _("Provider cost (£)");
    case PC_N_STEP_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
pc_step_field_numeric (PcStepField field)
{
  return field == PC_STEP_FIELD_LOCAL_COST || field == PC_STEP_FIELD_QUANTITY
         || (field >= PC_STEP_FIELD_SHARE_1 && field <= PC_STEP_FIELD_SHARE_UNKNOWN)
         || field == PC_STEP_FIELD_YEAR_OFFSET || field == PC_STEP_FIELD_PROVIDER_COST;
}

/* Shortest plain decimal (never "3.2e+02") that reads back as the same
 * double. */
static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];

  for (int decimals = 0; decimals <= 17; decimals++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return g_strdup (buffer);
    }
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

char *
pc_step_field_to_text (const PcStep *step,
                       PcStepField   field)
{
  g_return_val_if_fail (step != NULL, NULL);

  switch (field)
    {
    case PC_STEP_FIELD_PHASE: return g_strdup (step->phase);
    case PC_STEP_FIELD_NAME: return g_strdup (step->name);
    case PC_STEP_FIELD_ACTIVITY: return g_strdup (pc_activity_to_string (step->activity));
    case PC_STEP_FIELD_TARIFF_CODE: return g_strdup (step->tariff_code != NULL ? step->tariff_code : "");
    case PC_STEP_FIELD_LOCAL_COST:
      return step->tariff_code != NULL ? g_strdup ("") : number_text (step->local_unit_cost);
    case PC_STEP_FIELD_QUANTITY: return number_text (step->quantity);
    case PC_STEP_FIELD_SHARE_1:
    case PC_STEP_FIELD_SHARE_2:
    case PC_STEP_FIELD_SHARE_3:
    case PC_STEP_FIELD_SHARE_4:
    case PC_STEP_FIELD_SHARE_UNKNOWN:
      return number_text (step->share[field - PC_STEP_FIELD_SHARE_1]);
    case PC_STEP_FIELD_BASIS: return g_strdup (pc_basis_to_string (step->basis));
    case PC_STEP_FIELD_YEAR_OFFSET: return g_strdup_printf ("%d", step->year_offset);
    case PC_STEP_FIELD_FUNDING: return g_strdup (step->funding);
    case PC_STEP_FIELD_PROVIDER_COST:
      return step->has_provider_unit_cost ? number_text (step->provider_unit_cost) : g_strdup ("");
    case PC_N_STEP_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reads a number a person typed: "1,234.5", "£1,234.50", " 3 ".  Commas
 * are thousands separators only between digit groups of three. */
gboolean
pc_parse_typed_number (const char *text,
                       double     *value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *p = text;
  char *end = NULL;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-')
    g_string_append_c (plain, *p++);
  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");
  for (; *p != '\0'; p++)
    {
      if (*p == ',' && plain->len > 0 && g_ascii_isdigit (p[-1])
          && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
          && !g_ascii_isdigit (p[4]))
        continue;
      g_string_append_c (plain, *p);
    }
  g_strstrip (plain->str);
  if (plain->str[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (plain->str, &end);
  return end != plain->str && *end == '\0' && isfinite (*value);
}

static gboolean
parse_field_value (PcStep      *step,
                   PcStepField  field,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double number = 0.0;

  if (pc_step_field_numeric (field) && *trimmed != '\0' && !pc_parse_typed_number (trimmed, &number))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("%s: “%s” is not a number"),
                   pc_step_field_title (field), trimmed);
      return FALSE;
    }

  switch (field)
    {
    case PC_STEP_FIELD_PHASE:
    case PC_STEP_FIELD_NAME:
    case PC_STEP_FIELD_FUNDING:
      if (*trimmed == '\0')
        {
          g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("%s: cannot be empty"),
                       pc_step_field_title (field));
          return FALSE;
        }
      if (field == PC_STEP_FIELD_PHASE)
        g_free (step->phase), step->phase = g_steal_pointer (&trimmed);
      else if (field == PC_STEP_FIELD_NAME)
        g_free (step->name), step->name = g_steal_pointer (&trimmed);
      else
        g_free (step->funding), step->funding = g_steal_pointer (&trimmed);
      return TRUE;
    case PC_STEP_FIELD_ACTIVITY:
      if (!pc_activity_from_string (trimmed, &step->activity))
        break;
      return TRUE;
    case PC_STEP_FIELD_BASIS:
      if (!pc_basis_from_string (trimmed, &step->basis))
        break;
      return TRUE;
    case PC_STEP_FIELD_TARIFF_CODE:
      g_clear_pointer (&step->tariff_code, g_free);
      if (*trimmed != '\0')
        step->tariff_code = g_ascii_strup (trimmed, -1);
      return TRUE;
    case PC_STEP_FIELD_LOCAL_COST:
      step->local_unit_cost = number;
      return TRUE;
    case PC_STEP_FIELD_QUANTITY:
      if (*trimmed == '\0')
        break;
      step->quantity = number;
      return TRUE;
    case PC_STEP_FIELD_SHARE_1:
    case PC_STEP_FIELD_SHARE_2:
    case PC_STEP_FIELD_SHARE_3:
    case PC_STEP_FIELD_SHARE_4:
    case PC_STEP_FIELD_SHARE_UNKNOWN:
      if (*trimmed == '\0')
        break;
      step->share[field - PC_STEP_FIELD_SHARE_1] = number;
      return TRUE;
    case PC_STEP_FIELD_YEAR_OFFSET:
      if (*trimmed == '\0' || number != floor (number))
        {
          g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                       _("Year: the year after diagnosis is a whole number from 0 to %d"), PC_MAX_OFFSET);
          return FALSE;
        }
      step->year_offset = (int) CLAMP (number, -1, PC_MAX_OFFSET + 1);
      return TRUE;
    case PC_STEP_FIELD_PROVIDER_COST:
      step->has_provider_unit_cost = *trimmed != '\0';
      step->provider_unit_cost = number;
      return TRUE;
    case PC_N_STEP_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
  g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("%s: “%s” is not allowed here"),
               pc_step_field_title (field), trimmed);
  return FALSE;
}

gboolean
pc_step_field_parse (PcStep       *step,
                     PcStepField   field,
                     const char   *text,
                     GError      **error)
{
  g_autoptr(PcStep) edited = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  edited = pc_step_copy (step);
  if (!parse_field_value (edited, field, trimmed, error))
    return FALSE;
  if (field == PC_STEP_FIELD_LOCAL_COST && edited->tariff_code != NULL && *trimmed != '\0')
    {
      g_set_error_literal (error, PC_ERROR, PC_ERROR_INVALID,
                           _("Local cost: this step is priced by its tariff code; clear the code first"));
      return FALSE;
    }
  if (!pc_step_validate (edited, &invalid))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, "%s: %s", pc_step_field_title (field), invalid->message);
      return FALSE;
    }
  /* Swap the edited fields in, keeping @step's address. */
  {
    PcStep old = *step;

    *step = *edited;
    *edited = old;
  }
  return TRUE;
}
