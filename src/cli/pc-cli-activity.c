/* pc-cli-activity.c: `pathcost-cli activity` (flows, actual costs,
 * compliance, unit costs, the risk register) and `pathcost-cli risk`, which
 * records the owner, action, status and due date of a register entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "pc-activity-json.h"
#include "pc-cli.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-project.h"
#include "pc-report-json.h"

typedef struct
{
  gboolean flows;
  gboolean costs;
  char    *compliance;
  gboolean risks;
  gboolean unit_costs;
  char    *apply_unit_costs;
  char    *provider;
  gboolean json;
} ActivityOptions;

static void
print_node (JsonNode *node)
{
  g_autofree char *text = pc_report_json_to_string (node, TRUE);

  puts (text);
  json_node_unref (node);
}

static void
print_cell (const char *text, int width)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  printf ("%*s%s", MAX (pad, 0), "", text);
}

static void
print_money_cell (double value, int width)
{
  g_autofree char *text = pc_format_money (value);

  print_cell (text, width);
}

static void
print_share_cell (double share)
{
  g_autofree char *text = isfinite (share) ? g_strdup_printf ("%.1f%%", share * 100) : g_strdup ("—");

  print_cell (text, 9);
}

static void
print_flows (GPtrArray *flows)
{
  printf ("%-10s %-10s %10s %18s %18s\n", _("Area"), _("Provider"), _("Patients"), _("Cost"),
          _("Tariff paid"));
  for (guint i = 0; i < flows->len; i++)
    {
      const PcFlow *flow = g_ptr_array_index (flows, i);

      printf ("%-10s %-10s %10" G_GUINT64_FORMAT " ", flow->area, flow->provider, flow->patients);
      print_money_cell (flow->cost, 18);
      putchar (' ');
      print_money_cell (flow->tariff_paid, 18);
      putchar ('\n');
    }
}

static void
print_costs (GPtrArray *costs)
{
  printf ("%-8s %-9s %-8s %9s %14s %14s %14s %14s\n", _("Site"), _("Provider"), _("Stage"),
          _("Patients"), _("Mean"), _("Q1"), _("Median"), _("Q3"));
  for (guint i = 0; i < costs->len; i++)
    {
      const PcActualCost *c = g_ptr_array_index (costs, i);

      printf ("%-8s %-9s %-8s %9" G_GUINT64_FORMAT " ", c->site, c->provider,
              pc_stage_to_string (c->stage), c->patients);
      print_money_cell (c->mean, 14);
      print_money_cell (c->q1, 15);
      print_money_cell (c->median, 15);
      print_money_cell (c->q3, 15);
      putchar ('\n');
    }
}

static void
print_compliance (GPtrArray *rows)
{
  printf ("%-52s %-8s %6s %9s %9s %9s\n", _("Step"), _("Stage"), _("Year"), _("Patients"),
          _("Expected"), _("Actual"));
  for (guint i = 0; i < rows->len; i++)
    {
      const PcCompliance *row = g_ptr_array_index (rows, i);
      g_autofree char *step = g_utf8_substring (row->step, 0, MIN (g_utf8_strlen (row->step, -1), 52));

      if (row->expected_share == 0 && row->patients == 0)
        continue;
      printf ("%s%*s %-8s %6d %9" G_GUINT64_FORMAT " ", step, 52 - (int) g_utf8_strlen (step, -1), "",
              pc_stage_to_string (row->stage), row->offset, row->patients);
      print_share_cell (row->expected_share);
      putchar (' ');
      if (row->measurable)
        print_share_cell (row->actual_share);
      else
        print_cell (_("not measurable"), 14);
      putchar ('\n');
    }
}

static void
print_unit_costs (GPtrArray *costs)
{
  printf ("%-9s %-8s %9s %12s %16s\n", _("Provider"), _("HRG"), _("Records"), _("Units"),
          _("Mean per unit"));
  for (guint i = 0; i < costs->len; i++)
    {
      const PcUnitCost *c = g_ptr_array_index (costs, i);
      g_autofree char *units = pc_format_number (c->quantity, 1);

      printf ("%-9s %-8s %9" G_GUINT64_FORMAT " %12s ", c->provider, c->hrg, c->records, units);
      print_money_cell (c->mean_unit_cost, 16);
      putchar ('\n');
    }
}

static void
print_risks (GPtrArray *risks)
{
  if (risks->len == 0)
    {
      puts (_("No step falls short of its pathway or costs more than its tolerance allows."));
      return;
    }
  for (guint i = 0; i < risks->len; i++)
    {
      const PcRisk *r = g_ptr_array_index (risks, i);
      g_autofree char *expected = r->kind == PC_RISK_COST ? pc_format_money (r->expected)
                                  : g_strdup_printf ("%.1f%%", r->expected * 100);
      g_autofree char *actual = r->kind == PC_RISK_COST ? pc_format_money (r->actual)
                                : g_strdup_printf ("%.1f%%", r->actual * 100);

      printf ("%s | %s | %s | %s%s | %s: expected %s, actual %s | %s | %s | %s%s%s\n",
              r->pathway, r->step, r->provider,
              r->stage >= 0 ? _("stage ") : "", r->stage >= 0 ? pc_stage_to_string (r->stage) : _("all stages"),
              pc_risk_kind_to_string (r->kind), expected, actual,
              *r->owner ? r->owner : _("no owner"), *r->action ? r->action : _("no action"), r->status,
              r->due != NULL ? _(", due ") : "", r->due != NULL ? r->due : "");
    }
}

static int
count_choices (const ActivityOptions *o)
{
  return o->flows + o->costs + (o->compliance != NULL) + o->risks + o->unit_costs
         + (o->apply_unit_costs != NULL);
}

static int
run_activity (PcProject *project, const ActivityOptions *o, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (o->apply_unit_costs != NULL)
    {
      guint n_steps = 0;

      if (!pc_project_apply_unit_costs (project, o->apply_unit_costs, &n_steps, error))
        return EXIT_FAILURE;
      g_printerr (_("Wrote %u provider unit costs into %s.\n"), n_steps, o->apply_unit_costs);
      return EXIT_SUCCESS;
    }
  rows = o->flows ? pc_project_activity_flows (project, o->provider, error)
         : o->costs ? pc_project_activity_costs (project, o->provider, error)
         : o->compliance ? pc_project_activity_compliance (project, o->compliance, o->provider, error)
         : o->unit_costs ? pc_project_activity_unit_costs (project, o->provider, error)
         : pc_project_risk_register (project, o->provider, error);
  if (rows == NULL)
    return EXIT_FAILURE;
  if (o->json)
    print_node (o->flows ? pc_flows_json_build (rows)
                : o->costs ? pc_costs_json_build (rows)
                : o->compliance ? pc_compliance_json_build (o->compliance, o->provider, rows)
                : o->unit_costs ? pc_unit_costs_json_build (rows)
                : pc_risks_json_build (rows));
  else if (o->flows)
    print_flows (rows);
  else if (o->costs)
    print_costs (rows);
  else if (o->compliance)
    print_compliance (rows);
  else if (o->unit_costs)
    print_unit_costs (rows);
  else
    print_risks (rows);
  return EXIT_SUCCESS;
}

int
pc_cli_command_activity (int argc, char **argv, GError **error)
{
  ActivityOptions o = { 0, };
  GOptionEntry entries[] = {
    { "flows", 0, 0, G_OPTION_ARG_NONE, &o.flows, N_("Patients, cost and tariff by area and provider"), NULL },
    { "costs", 0, 0, G_OPTION_ARG_NONE, &o.costs, N_("Actual cost per patient"), NULL },
    { "compliance", 0, 0, G_OPTION_ARG_STRING, &o.compliance, N_("Compliance with a pathway"), "PATHWAY" },
    { "risks", 0, 0, G_OPTION_ARG_NONE, &o.risks, N_("The pathway risk register"), NULL },
    { "unit-costs", 0, 0, G_OPTION_ARG_NONE, &o.unit_costs, N_("Mean cost per unit of each HRG"), NULL },
    { "apply-unit-costs", 0, 0, G_OPTION_ARG_STRING, &o.apply_unit_costs,
      N_("Write the provider's unit costs into its pathway"), "PATHWAY" },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &o.provider, N_("One provider"), "CODE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(PcProject) project = NULL;
  int status = EXIT_FAILURE;

  if (!pc_cli_parse_options (entries, &argc, &argv, error))
    status = 2;
  else if (argc != 3 || count_choices (&o) != 1)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("usage: pathcost-cli activity FILE.pathcost (--flows | --costs | --compliance "
                     "PATHWAY | --risks | --unit-costs | --apply-unit-costs PATHWAY) "
                     "[--provider CODE] [--json]"));
      status = 2;
    }
  else if ((project = pc_cli_open_project (argv[2], o.apply_unit_costs != NULL
                                                     ? PC_PROJECT_OPEN_DEFAULT
                                                     : PC_PROJECT_OPEN_READ_ONLY, error)) != NULL)
    status = run_activity (project, &o, error);
  g_free (o.compliance);
  g_free (o.apply_unit_costs);
  g_free (o.provider);
  return status;
}

int
pc_cli_command_risk (int argc, char **argv, GError **error)
{
  g_autofree char *pathway = NULL, *step = NULL, *provider = NULL, *stage = NULL, *kind = NULL;
  g_autofree char *owner = NULL, *action = NULL, *status_text = NULL, *due = NULL;
  GOptionEntry entries[] = {
    { "pathway", 0, 0, G_OPTION_ARG_STRING, &pathway, N_("Pathway"), "NAME" },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step, N_("Step"), "NAME" },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider, N_("Provider"), "CODE" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("Stage (compliance entries)"), "STAGE" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("compliance or cost"), "KIND" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Owner"), "TEXT" },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("Action"), "TEXT" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Status"), "TEXT" },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due date, or '' to clear it"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcProject) project = NULL;
  PcRisk risk = { 0, };
  PcStage stage_value = PC_STAGE_UNKNOWN;

  if (!pc_cli_parse_options (entries, &argc, &argv, error))
    return 2;
  if (argc != 3 || pathway == NULL || step == NULL || provider == NULL
      || !pc_risk_kind_from_string (kind, &risk.kind)
      || (stage != NULL && !pc_stage_from_string (stage, &stage_value))
      || (risk.kind == PC_RISK_COMPLIANCE) != (stage != NULL))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("usage: pathcost-cli risk FILE.pathcost --pathway NAME --step NAME --provider "
                     "CODE --kind compliance --stage STAGE | --kind cost, then --owner, --action, "
                     "--status, --due"));
      return 2;
    }
  risk = (PcRisk) { pathway, step, provider, stage != NULL ? (int) stage_value : -1, risk.kind,
                    0, 0, owner, action, status_text, due };
  project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_DEFAULT, error);
  if (project == NULL || !pc_project_set_risk_notes (project, &risk, error))
    return EXIT_FAILURE;
  return EXIT_SUCCESS;
}
