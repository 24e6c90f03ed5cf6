/* pc-activity-json.c: the activity analyses as JSON.  Money and shares are
 * written unrounded; a share that cannot be measured is null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-activity-json"

#include "config.h"

#include <math.h>

#include "pc-activity-json.h"

static void
member_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
member_double (JsonBuilder *builder, const char *name, double value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
member_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* { "<member>": [ each item written by @add ] } */
static JsonNode *
build_list (const char *member,
            GPtrArray  *items,
            void      (*add) (JsonBuilder *builder, gconstpointer item))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      add (builder, g_ptr_array_index (items, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_flow (JsonBuilder *builder, gconstpointer item)
{
  const PcFlow *flow = item;

  member_string (builder, "area", flow->area);
  member_string (builder, "provider", flow->provider);
  member_int (builder, "patients", (gint64) flow->patients);
  member_double (builder, "cost", flow->cost);
  member_double (builder, "tariff_paid", flow->tariff_paid);
}

JsonNode *
pc_flows_json_build (GPtrArray *flows)
{
  return build_list ("flows", flows, add_flow);
}

static void
add_cost (JsonBuilder *builder, gconstpointer item)
{
  const PcActualCost *cost = item;

  member_string (builder, "site", cost->site);
  member_string (builder, "provider", cost->provider);
  member_string (builder, "stage", pc_stage_to_string (cost->stage));
  member_int (builder, "patients", (gint64) cost->patients);
  member_double (builder, "mean", cost->mean);
  member_double (builder, "q1", cost->q1);
  member_double (builder, "median", cost->median);
  member_double (builder, "q3", cost->q3);
  json_builder_set_member_name (builder, "mean_by_activity");
  json_builder_begin_object (builder);
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    member_double (builder, pc_activity_to_string (a), cost->mean_by_activity[a]);
  json_builder_end_object (builder);
}

JsonNode *
pc_costs_json_build (GPtrArray *costs)
{
  return build_list ("costs", costs, add_cost);
}

static void
add_compliance (JsonBuilder *builder, gconstpointer item)
{
  const PcCompliance *row = item;

  member_string (builder, "step", row->step);
  member_string (builder, "stage", pc_stage_to_string (row->stage));
  member_int (builder, "offset", row->offset);
  json_builder_set_member_name (builder, "measurable");
  json_builder_add_boolean_value (builder, row->measurable);
  member_int (builder, "patients", (gint64) row->patients);
  member_double (builder, "expected_share", row->expected_share);
  member_double (builder, "actual_share", row->actual_share);
}

JsonNode *
pc_compliance_json_build (const char *pathway,
                          const char *provider,
                          GPtrArray  *rows)
{
  JsonNode *node = build_list ("steps", rows, add_compliance);
  JsonObject *object = json_node_get_object (node);

  json_object_set_string_member (object, "pathway", pathway);
  if (provider != NULL)
    json_object_set_string_member (object, "provider", provider);
  else
    json_object_set_null_member (object, "provider");
  return node;
}

static void
add_unit_cost (JsonBuilder *builder, gconstpointer item)
{
  const PcUnitCost *cost = item;

  member_string (builder, "provider", cost->provider);
  member_string (builder, "hrg", cost->hrg);
  member_int (builder, "records", (gint64) cost->records);
  member_double (builder, "quantity", cost->quantity);
  member_double (builder, "cost", cost->cost);
  member_double (builder, "mean_unit_cost", cost->mean_unit_cost);
}

JsonNode *
pc_unit_costs_json_build (GPtrArray *costs)
{
  return build_list ("unit_costs", costs, add_unit_cost);
}

static void
add_risk (JsonBuilder *builder, gconstpointer item)
{
  const PcRisk *risk = item;

  member_string (builder, "pathway", risk->pathway);
  member_string (builder, "step", risk->step);
  member_string (builder, "provider", risk->provider);
  member_string (builder, "stage", risk->stage >= 0 ? pc_stage_to_string (risk->stage) : NULL);
  member_string (builder, "kind", pc_risk_kind_to_string (risk->kind));
  member_double (builder, "expected", risk->expected);
  member_double (builder, "actual", risk->actual);
  member_string (builder, "owner", risk->owner);
  member_string (builder, "action", risk->action);
  member_string (builder, "status", risk->status);
  member_string (builder, "due", risk->due);
}

JsonNode *
pc_risks_json_build (GPtrArray *risks)
{
  return build_list ("risks", risks, add_risk);
}
