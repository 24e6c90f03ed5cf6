/* pc-cli-providers.c: `pathcost-cli providers`, the providers of a site
 * side by side (docs/CLI.md#providers), and `export --negotiation`, the
 * negotiation pack (docs/CLI.md#export).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pc-cli.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-report-json.h"
#include "pc-workbook.h"

typedef struct
{
  char   **areas;
  char    *site;
  char    *output;
  int      from;
  int      years;
  gboolean json;
  gboolean negotiation;
} ProviderOptions;

static void
options_clear (ProviderOptions *o)
{
  g_strfreev (o->areas);
  g_free (o->site);
  g_free (o->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ProviderOptions, options_clear)

static gboolean
parse_options (int *argc, char ***argv, ProviderOptions *o, GError **error)
{
  GOptionEntry entries[] = {
    { "site", 0, 0, G_OPTION_ARG_STRING, &o->site, N_("Site code"), "CODE" },
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->areas,
      N_("Area code (repeat or separate with commas to add areas)"), "CODE" },
    { "from", 0, 0, G_OPTION_ARG_INT, &o->from, N_("First financial year"), "YEAR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &o->years, N_("Horizon in years (1-20)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json, N_("Print JSON"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output, N_("Workbook to write"), "OUT.xlsx" },
    { "negotiation", 0, 0, G_OPTION_ARG_NONE, &o->negotiation, N_("The negotiation pack"), NULL },
    { NULL }
  };

  o->from = pc_current_financial_year ();
  o->years = 10;
  return pc_cli_parse_options (entries, argc, argv, error);
}

static gboolean
check_options (const ProviderOptions *o, GStrv areas, GError **error)
{
  if (o->site == NULL)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--site: give a site code"));
  else if (areas[0] == NULL)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--area: give at least one area code"));
  else if (o->years < 1 || o->years > PC_MAX_HORIZON)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 _("--years: the horizon must be 1 to %d years (it is %d)"), PC_MAX_HORIZON,
                 o->years);
  else
    return TRUE;
  return FALSE;
}

static void
add_stages (JsonBuilder  *builder,
            const char   *member,
            const double *by_stage,
            double        all)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      json_builder_set_member_name (builder, pc_stage_to_string (s));
      json_builder_add_double_value (builder, by_stage[s]);
    }
  json_builder_set_member_name (builder, "all");
  json_builder_add_double_value (builder, all);
  json_builder_end_object (builder);
}

static void
add_member_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_provider (JsonBuilder                *builder,
              const PcProviderComparison *comparison,
              const PcProviderFigures    *p)
{
  json_builder_begin_object (builder);
  add_member_string (builder, "code", p->code);
  add_member_string (builder, "name", p->name);
  json_builder_set_member_name (builder, "mff");
  json_builder_add_double_value (builder, p->mff);
  add_member_string (builder, "pathway", p->pathway != NULL ? p->pathway->name : NULL);
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, p->is_current);
  if (p->pathway != NULL)
    {
      add_stages (builder, "at_tariff", p->at_tariff, p->at_tariff_all);
      add_stages (builder, "at_own_cost", p->at_own, p->at_own_all);
      add_stages (builder, "gap", p->gap, p->gap_all);
      json_builder_set_member_name (builder, "own_cost_steps");
      json_builder_add_int_value (builder, p->n_own_steps);
    }
  if (p->has_best_practice)
    add_stages (builder, "best_practice_at_tariff", p->best_practice, p->best_practice_all);
  if (comparison->has_activity)
    {
      json_builder_set_member_name (builder, "patients");
      json_builder_add_int_value (builder, (gint64) p->patients);
      json_builder_set_member_name (builder, "cost");
      json_builder_add_double_value (builder, p->cost);
      json_builder_set_member_name (builder, "tariff_paid");
      json_builder_add_double_value (builder, p->tariff_paid);
      json_builder_set_member_name (builder, "compliance_shortfalls");
      json_builder_add_int_value (builder, p->shortfalls);
      json_builder_set_member_name (builder, "open_risks");
      json_builder_add_int_value (builder, p->open_risks);
    }
  json_builder_end_object (builder);
}

static JsonNode *
build_json (const PcProviderComparison *comparison,
            GStrv                       areas)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_member_string (builder, "site", comparison->site);
  add_member_string (builder, "site_name", comparison->site_name);
  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; areas[i] != NULL; i++)
    json_builder_add_string_value (builder, areas[i]);
  json_builder_end_array (builder);
  add_member_string (builder, "best_practice", comparison->best_practice_name);
  json_builder_set_member_name (builder, "has_activity");
  json_builder_add_boolean_value (builder, comparison->has_activity);
  json_builder_set_member_name (builder, "providers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparison->providers->len; i++)
    add_provider (builder, comparison, g_ptr_array_index (comparison->providers, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
money_or_none (const PcProviderFigures *p, double value)
{
  return p->pathway != NULL ? pc_format_money (value) : g_strdup ("—");
}

static void
print_table (const PcProviderComparison *comparison)
{
  g_print (_("Providers of %s (%s); best practice: %s\n"), comparison->site_name, comparison->site,
           comparison->best_practice_name != NULL ? comparison->best_practice_name : _("none"));
  g_print ("%-8s %-40s %6s %14s %14s %14s %14s %9s %11s %6s\n", _("Code"), _("Name"), _("MFF"),
           _("Best practice"), _("At tariff"), _("At own cost"), _("Gap"), _("Patients"),
           _("Shortfalls"), _("Risks"));
  for (guint i = 0; i < comparison->providers->len; i++)
    {
      const PcProviderFigures *p = g_ptr_array_index (comparison->providers, i);
      g_autofree char *best = p->has_best_practice ? pc_format_money (p->best_practice_all)
                                                   : g_strdup ("—");
      g_autofree char *tariff = money_or_none (p, p->at_tariff_all);
      g_autofree char *own = money_or_none (p, p->at_own_all);
      g_autofree char *gap = money_or_none (p, p->gap_all);

      g_print ("%-8s %-40.40s %6.3f %14s %14s %14s %14s %9" G_GUINT64_FORMAT " %11u %6u\n",
               p->code, p->name, p->mff, best, tariff, own, gap, p->patients, p->shortfalls,
               p->open_risks);
    }
}

int
pc_cli_command_providers (int argc, char **argv, GError **error)
{
  g_auto(ProviderOptions) o = { NULL, };
  g_auto(GStrv) areas = NULL;
  g_autoptr(PcProject) project = NULL;
  g_autoptr(PcProviderComparison) comparison = NULL;

  if (!parse_options (&argc, &argv, &o, error))
    return 2;
  areas = pc_cli_split_areas (o.areas);
  if (argc != 3)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("usage: pathcost-cli providers FILE.pathcost --site CODE --area CODE [--json]"));
      return 2;
    }
  if (!check_options (&o, areas, error))
    return 2;
  project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_READ_ONLY, error);
  if (project == NULL
      || (comparison = pc_project_compare_providers (project, o.site, (const char * const *) areas,
                                                     error)) == NULL)
    return EXIT_FAILURE;
  if (o.json)
    {
      JsonNode *node = build_json (comparison, areas);
      g_autofree char *text = pc_report_json_to_string (node, TRUE);

      puts (text);
      json_node_unref (node);
    }
  else
    print_table (comparison);
  return EXIT_SUCCESS;
}

int
pc_cli_command_export_negotiation (int argc, char **argv, GError **error)
{
  g_auto(ProviderOptions) o = { NULL, };
  g_auto(GStrv) areas = NULL;
  g_autoptr(PcProject) project = NULL;
  PcNegotiationRequest request = { 0, };

  if (!parse_options (&argc, &argv, &o, error))
    return 2;
  areas = pc_cli_split_areas (o.areas);
  if (argc != 3 || !o.negotiation)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("usage: pathcost-cli export FILE.pathcost --output OUT.xlsx --negotiation "
                     "--site CODE --area CODE [--from YEAR --years N]"));
      return 2;
    }
  if (!check_options (&o, areas, error))
    return 2;
  if (o.output == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--output: name the workbook to write"));
      return 2;
    }
  project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_READ_ONLY, error);
  if (project == NULL)
    return EXIT_FAILURE;
  request.site = o.site;
  request.areas = (const char * const *) areas;
  request.from = o.from;
  request.years = o.years;
  request.output_path = o.output;
  return pc_workbook_export_negotiation (project, &request, NULL, error) ? EXIT_SUCCESS
                                                                        : EXIT_FAILURE;
}
