/* pc-sensitivity.c: one-way sensitivity, the tornado's data.  Each
 * parameter is set to its low and then its high value on a copy of the
 * inputs, everything else held at base, and the projection recomputed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-sensitivity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-sensitivity.h"

static const char * const kind_names[PC_N_SENSITIVITY_KINDS] = {
  "unit_cost", "quantity", "share", "stage_mix", "incidence", "trend", "survival",
  "inflation", "discount_rate",
};

const char *
pc_sensitivity_kind_to_string (PcSensitivityKind kind)
{
  g_return_val_if_fail (kind < PC_N_SENSITIVITY_KINDS, NULL);
  return kind_names[kind];
}

static void
one_way_result_free (PcOneWayResult *result)
{
  g_free (result->id);
  g_free (result->step);
  g_free (result);
}

void
pc_one_way_free (PcOneWay *one_way)
{
  if (one_way == NULL)
    return;
  g_clear_pointer (&one_way->parameters, g_ptr_array_unref);
  g_free (one_way);
}

static void
add_parameter (GPtrArray         *parameters,
               PcSensitivityKind  kind,
               const char        *step,
               int                stage,
               double             base)
{
  PcOneWayResult *result = g_new0 (PcOneWayResult, 1);
  GString *id = g_string_new (kind_names[kind]);

  if (step != NULL)
    g_string_append_printf (id, ":%s", step);
  if (stage >= 0)
    g_string_append_printf (id, ":%s", pc_stage_to_string (stage));
  result->id = g_string_free (id, FALSE);
  result->kind = kind;
  result->step = g_strdup (step);
  result->stage = stage;
  result->base = base;
  g_ptr_array_add (parameters, result);
}

/* The default low and high value of a parameter, by its kind. */
static void
default_range (PcOneWayResult *p)
{
  double b = p->base;

  switch (p->kind)
    {
    case PC_SENSITIVITY_UNIT_COST:
    case PC_SENSITIVITY_QUANTITY:
      p->low = b * 0.8, p->high = b * 1.2;
      break;
    case PC_SENSITIVITY_SHARE:
      p->low = MAX (0.0, b - 0.1), p->high = MIN (1.0, b + 0.1);
      break;
    case PC_SENSITIVITY_STAGE_MIX:
      p->low = b * 0.8, p->high = MIN (1.0, b * 1.2);
      break;
    case PC_SENSITIVITY_INCIDENCE:
    case PC_SENSITIVITY_SURVIVAL:
      p->low = 0.9, p->high = 1.1;
      break;
    case PC_SENSITIVITY_TREND:
    case PC_SENSITIVITY_INFLATION:
      p->low = b - 0.01, p->high = b + 0.01;
      break;
    case PC_SENSITIVITY_DISCOUNT_RATE:
      p->low = MAX (0.0, b - 0.015), p->high = b + 0.015;
      break;
    case PC_N_SENSITIVITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
step_seen (const PcPathway *pathway,
           guint            index)
{
  const PcStep *step = g_ptr_array_index (pathway->steps, index);

  for (guint j = 0; j < index; j++)
    if (strcmp (((PcStep *) g_ptr_array_index (pathway->steps, j))->name, step->name) == 0)
      return TRUE;
  return FALSE;
}

static void
enumerate_step_parameters (const PcPathway *pathway,
                           GPtrArray       *parameters)
{
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      double unit_cost = pc_step_unit_cost (step, pathway->mff);

      if (step_seen (pathway, i))
        continue;
      if (unit_cost > 0)
        add_parameter (parameters, PC_SENSITIVITY_UNIT_COST, step->name, -1, unit_cost);
      if (step->quantity > 0)
        add_parameter (parameters, PC_SENSITIVITY_QUANTITY, step->name, -1, step->quantity);
      for (guint s = 0; s < PC_N_STAGES; s++)
        if (step->share[s] > 0)
          add_parameter (parameters, PC_SENSITIVITY_SHARE, step->name, s, step->share[s]);
    }
}

static GPtrArray *
enumerate_parameters (const PcPathway         *pathway,
                      const PcProjectionInput *input)
{
  GPtrArray *parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) one_way_result_free);

  enumerate_step_parameters (pathway, parameters);
  for (guint s = 0; s < PC_N_STAGES; s++)
    if (input->stage_share[s] > 0 && input->stage_share[s] < 1)
      add_parameter (parameters, PC_SENSITIVITY_STAGE_MIX, NULL, s, input->stage_share[s]);
  add_parameter (parameters, PC_SENSITIVITY_INCIDENCE, NULL, -1, 1.0);
  add_parameter (parameters, PC_SENSITIVITY_TREND, NULL, -1, input->trend);
  for (guint s = 0; s < PC_N_STAGES; s++)
    if (input->stage_share[s] > 0)
      add_parameter (parameters, PC_SENSITIVITY_SURVIVAL, NULL, s, 1.0);
  add_parameter (parameters, PC_SENSITIVITY_INFLATION, NULL, -1, input->inflation);
  add_parameter (parameters, PC_SENSITIVITY_DISCOUNT_RATE, NULL, -1, input->discount_rate);
  return parameters;
}

/* Moves every step named @name: unit cost and quantity by the ratio of the
 * new value to the base, shares by the difference. */
static void
set_step_parameter (const PcOneWayResult *p,
                    double                value,
                    PcPathway            *pathway)
{
  for (guint i = 0; i < pathway->steps->len; i++)
    {
      PcStep *step = g_ptr_array_index (pathway->steps, i);

      if (strcmp (step->name, p->step) != 0)
        continue;
      if (p->kind == PC_SENSITIVITY_UNIT_COST)
        {
          step->unit_cost_override = pc_step_unit_cost (step, pathway->mff) * value / p->base;
          step->has_unit_cost_override = TRUE;
        }
      else if (p->kind == PC_SENSITIVITY_QUANTITY)
        step->quantity *= value / p->base;
      else
        step->share[p->stage] = CLAMP (step->share[p->stage] + value - p->base, 0.0, 1.0);
    }
}

static void
set_stage_mix (const PcOneWayResult *p,
               double                value,
               PcProjectionInput    *input)
{
  double others = 1.0 - p->base;

  for (guint s = 0; s < PC_N_STAGES; s++)
    if ((int) s != p->stage)
      input->stage_share[s] *= (1.0 - value) / others;
  input->stage_share[p->stage] = value;
}

static void
set_parameter (const PcOneWayResult *p,
               double                value,
               PcPathway            *pathway,
               PcProjectionInput    *input)
{
  switch (p->kind)
    {
    case PC_SENSITIVITY_UNIT_COST:
    case PC_SENSITIVITY_QUANTITY:
    case PC_SENSITIVITY_SHARE:
      set_step_parameter (p, value, pathway);
      break;
    case PC_SENSITIVITY_STAGE_MIX:
      set_stage_mix (p, value, input);
      break;
    case PC_SENSITIVITY_INCIDENCE:
      for (guint t = 0; t < input->n_years; t++)
        input->crude_incidence[t] *= value;
      break;
    case PC_SENSITIVITY_TREND:
      input->trend = value;
      break;
    case PC_SENSITIVITY_SURVIVAL:
      for (guint k = 1; k <= PC_N_OFFSETS; k++)
        input->survival[p->stage][k] = MIN (1.0, input->survival[p->stage][k] * value);
      break;
    case PC_SENSITIVITY_INFLATION:
      input->inflation = value;
      break;
    case PC_SENSITIVITY_DISCOUNT_RATE:
      input->discount_rate = value;
      break;
    case PC_N_SENSITIVITY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
evaluate (const PcOneWayResult    *p,
          double                   value,
          const PcPathway         *pathway,
          const PcProjectionInput *input,
          double                  *total,
          double                  *npv)
{
  g_autoptr(PcPathway) moved_pathway = pc_pathway_copy (pathway);
  g_autoptr(PcProjectionInput) moved_input = pc_projection_input_copy (input);
  g_autoptr(PcProjection) projection = NULL;

  set_parameter (p, value, moved_pathway, moved_input);
  projection = pc_projection_compute (moved_pathway, moved_input);
  *total = projection->total_cost;
  *npv = projection->npv;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const PcOneWayResult *x = *(PcOneWayResult **) a;
  const PcOneWayResult *y = *(PcOneWayResult **) b;
  double npv_x = fabs (x->npv_high - x->npv_low);
  double npv_y = fabs (y->npv_high - y->npv_low);

  if (x->swing != y->swing)
    return x->swing > y->swing ? -1 : 1;
  if (npv_x != npv_y)
    return npv_x > npv_y ? -1 : 1;
  return 0;
}

PcOneWay *
pc_sensitivity_one_way (const PcPathway         *pathway,
                        const PcProjectionInput *input,
                        GHashTable              *ranges)
{
  g_autoptr(PcProjection) base = NULL;
  PcOneWay *one_way;

  g_return_val_if_fail (pathway != NULL && input != NULL, NULL);

  base = pc_projection_compute (pathway, input);
  one_way = g_new0 (PcOneWay, 1);
  one_way->base_total = base->total_cost;
  one_way->base_npv = base->npv;
  one_way->parameters = enumerate_parameters (pathway, input);

  for (guint i = 0; i < one_way->parameters->len; i++)
    {
      PcOneWayResult *p = g_ptr_array_index (one_way->parameters, i);
      const PcRange *own = ranges != NULL ? g_hash_table_lookup (ranges, p->id) : NULL;

      default_range (p);
      if (own != NULL)
        p->low = own->low, p->high = own->high;
      evaluate (p, p->low, pathway, input, &p->total_low, &p->npv_low);
      evaluate (p, p->high, pathway, input, &p->total_high, &p->npv_high);
      p->swing = fabs (p->total_high - p->total_low);
    }
  g_ptr_array_sort (one_way->parameters, compare_swing);
  return one_way;
}
