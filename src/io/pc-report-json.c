/* pc-report-json.c: writes a projection as the JSON object other tools read.
 * Money is written unrounded, as the engine computed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-report-json"

#include "config.h"

#include "pc-format.h"
#include "pc-report-json.h"

static void
add_offsets (JsonBuilder  *builder,
             const char   *member,
             const double *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint k = 0; k < PC_N_OFFSETS; k++)
    json_builder_add_double_value (builder, values[k]);
  json_builder_end_array (builder);
}

static void
add_pathway (JsonBuilder        *builder,
             const PcPathway    *pathway,
             const PcProjection *projection)
{
  json_builder_set_member_name (builder, "pathway");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, pathway->name);
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, pathway->site);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pc_kind_to_string (pathway->kind));
  json_builder_set_member_name (builder, "provider");
  if (pathway->provider != NULL)
    json_builder_add_string_value (builder, pathway->provider);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "cost_per_patient");
  json_builder_begin_object (builder);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      json_builder_set_member_name (builder, pc_stage_to_string (s));
      json_builder_begin_object (builder);
      add_offsets (builder, "patient", projection->cost_per_patient[s][PC_BASIS_PATIENT]);
      add_offsets (builder, "death", projection->cost_per_patient[s][PC_BASIS_DEATH]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  /* The pathway's headline (docs/MODEL.md, "Expected cost per patient"). */
  json_builder_set_member_name (builder, "expected_cost_per_patient");
  json_builder_begin_object (builder);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      json_builder_set_member_name (builder, pc_stage_to_string (s));
      json_builder_add_double_value (builder, projection->expected_cost_per_patient[s]);
    }
  json_builder_set_member_name (builder, "all");
  json_builder_add_double_value (builder, projection->expected_cost_all_stages);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_warnings (JsonBuilder *builder,
              GPtrArray   *warnings)
{
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (warnings, i));
  json_builder_end_array (builder);
}

static void
add_named_values (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *names,
                  const double       *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_double_value (builder, values[i]);
    }
  json_builder_end_object (builder);
}

static void
add_year (JsonBuilder        *builder,
          const PcProjection *projection,
          const PcYearResult *year)
{
  g_autofree char *label = pc_format_financial_year (year->year);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year->year);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);

  json_builder_set_member_name (builder, "incident");
  json_builder_begin_object (builder);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      json_builder_set_member_name (builder, pc_stage_to_string (s));
      json_builder_add_double_value (builder, year->incident[s]);
    }
  json_builder_set_member_name (builder, "total");
  json_builder_add_double_value (builder, year->incident_total);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cost");
  json_builder_add_double_value (builder, year->cost);
  add_named_values (builder, "cost_by_phase",
                    (const char * const *) projection->phases, year->cost_by_phase);
  add_named_values (builder, "cost_by_funding",
                    (const char * const *) projection->fundings, year->cost_by_funding);

  /* Every activity is listed, zero or not, so readers need not guess. */
  json_builder_set_member_name (builder, "activity");
  json_builder_begin_object (builder);
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    {
      json_builder_set_member_name (builder, pc_activity_to_string (a));
      json_builder_add_double_value (builder, year->activity[a]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

JsonNode *
pc_report_json_build (const PcPathway    *pathway,
                      const PcProjection *projection,
                      const char         *area,
                      const char         *scenario)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (pathway != NULL && projection != NULL && area != NULL, NULL);

  json_builder_begin_object (builder);
  add_pathway (builder, pathway, projection);
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, area);
  json_builder_set_member_name (builder, "scenario");
  if (scenario != NULL)
    json_builder_add_string_value (builder, scenario);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "incidence_year");
  json_builder_add_int_value (builder, projection->incidence_year);
  json_builder_set_member_name (builder, "price_year");
  json_builder_add_int_value (builder, projection->price_year);

  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint t = 0; t < projection->n_years; t++)
    add_year (builder, projection, &projection->years[t]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "total_cost");
  json_builder_add_double_value (builder, projection->total_cost);
  json_builder_set_member_name (builder, "npv");
  json_builder_add_double_value (builder, projection->npv);

  add_warnings (builder, projection->warnings);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_year_values (JsonBuilder            *builder,
                 const char             *member,
                 const PcComparison     *comparison,
                 gboolean                cumulative)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint t = 0; t < comparison->n_years; t++)
    {
      const PcComparisonYear *year = &comparison->years[t];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, year->year);
      json_builder_set_member_name (builder, "cost");
      json_builder_add_double_value (builder, cumulative ? year->cumulative : year->difference);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_activity_difference (JsonBuilder        *builder,
                         const PcComparison *comparison)
{
  json_builder_set_member_name (builder, "activity_difference");
  json_builder_begin_array (builder);
  for (guint t = 0; t < comparison->n_years; t++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, comparison->years[t].year);
      json_builder_set_member_name (builder, "activity");
      json_builder_begin_object (builder);
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        {
          json_builder_set_member_name (builder, pc_activity_to_string (a));
          json_builder_add_double_value (builder, comparison->years[t].activity[a]);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
pc_compare_json_build (const PcPathway    *baseline_pathway,
                       const PcProjection *baseline,
                       const PcPathway    *scenario_pathway,
                       const PcProjection *scenario,
                       const PcComparison *comparison,
                       const char         *area,
                       const char         *scenario_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "baseline");
  json_builder_add_value (builder, pc_report_json_build (baseline_pathway, baseline, area, NULL));
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_value (builder, pc_report_json_build (scenario_pathway, scenario, area,
                                                         scenario_name));
  add_year_values (builder, "difference", comparison, FALSE);
  add_year_values (builder, "cumulative", comparison, TRUE);
  json_builder_set_member_name (builder, "npv_difference");
  json_builder_add_double_value (builder, comparison->npv_difference);
  json_builder_set_member_name (builder, "payback_year");
  if (comparison->has_payback)
    json_builder_add_int_value (builder, comparison->payback_year);
  else
    json_builder_add_null_value (builder);
  add_activity_difference (builder, comparison);
  /* The scenario's warnings include the baseline's (same data) and, when
   * it changes nothing in this pathway, says so. */
  add_warnings (builder, scenario->warnings);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *member,
                   double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

JsonNode *
pc_one_way_json_build (const PcOneWay *one_way)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_double_member (builder, "base_total", one_way->base_total);
  add_double_member (builder, "base_npv", one_way->base_npv);
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < one_way->parameters->len; i++)
    {
      const PcOneWayResult *p = g_ptr_array_index (one_way->parameters, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "parameter");
      json_builder_add_string_value (builder, p->id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pc_sensitivity_kind_to_string (p->kind));
      add_double_member (builder, "base", p->base);
      add_double_member (builder, "low", p->low);
      add_double_member (builder, "high", p->high);
      add_double_member (builder, "total_low", p->total_low);
      add_double_member (builder, "total_high", p->total_high);
      add_double_member (builder, "npv_low", p->npv_low);
      add_double_member (builder, "npv_high", p->npv_high);
      add_double_member (builder, "swing", p->swing);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_interval (JsonBuilder     *builder,
              const PcPsaYear *interval)
{
  add_double_member (builder, "mean", interval->mean);
  add_double_member (builder, "low", interval->low);
  add_double_member (builder, "high", interval->high);
}

JsonNode *
pc_psa_json_build (const PcPsa *psa)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "iterations");
  json_builder_add_int_value (builder, psa->n_iterations);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, (gint64) psa->seed);
  json_builder_set_member_name (builder, "years");
  json_builder_begin_array (builder);
  for (guint t = 0; t < psa->n_years; t++)
    {
      g_autofree char *label = pc_format_financial_year (psa->years[t].year);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, psa->years[t].year);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, label);
      add_interval (builder, &psa->years[t]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_begin_object (builder);
  add_interval (builder, &psa->total);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "npv");
  json_builder_begin_object (builder);
  add_interval (builder, &psa->npv);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
pc_report_json_to_string (JsonNode *node,
                          gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
add_text_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
pc_sources_json_build (GPtrArray *sources)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sources->len; i++)
    {
      const PcSource *source = g_ptr_array_index (sources, i);

      json_builder_begin_object (builder);
      add_text_or_null (builder, "kind", source->kind);
      add_text_or_null (builder, "table", source->table);
      add_text_or_null (builder, "file", source->file_name);
      add_text_or_null (builder, "sha256", source->sha256);
      json_builder_set_member_name (builder, "rows");
      if (source->file_name != NULL)
        json_builder_add_int_value (builder, (gint64) source->rows);
      else
        json_builder_add_null_value (builder);
      add_text_or_null (builder, "time", source->imported_at);
      add_text_or_null (builder, "source", source->source);
      json_builder_set_member_name (builder, "recorded");
      json_builder_add_boolean_value (builder, source->file_name != NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
