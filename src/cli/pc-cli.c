/* pc-cli.c: pathcost-cli, the engine's face for scripts and tests.  Every
 * command changes the project in one transaction or not at all, and every
 * failure ends with one line on stderr and a non-zero exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pc-cli.h"
#include "pc-compare.h"
#include "pc-error.h"
#include "pc-format.h"
#include "pc-importer.h"
#include "pc-project.h"
#include "pc-report-json.h"
#include "pc-workbook.h"

#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv, GError **error);

static void
print_usage (FILE *out)
{
  fputs (_("Usage:\n"
           "  pathcost-cli new FILE.pathcost\n"
           "  pathcost-cli import FILE.pathcost KIND DATA.csv [--replace] [--source TEXT]\n"
           "  pathcost-cli sources FILE.pathcost [--json]\n"
           "  pathcost-cli set FILE.pathcost KEY VALUE\n"
           "  pathcost-cli report FILE.pathcost --area CODE --pathway NAME "
           "--from YEAR --years N [--scenario NAME] [--json]\n"
           "  pathcost-cli compare FILE.pathcost --scenario NAME [selection] [--json]\n"
           "  pathcost-cli sensitivity FILE.pathcost [selection] (--oneway | --psa N --seed S) [--json]\n"
           "  pathcost-cli activity FILE.pathcost (--flows | --costs | --compliance PATHWAY | --risks\n"
           "                | --unit-costs | --apply-unit-costs PATHWAY) [--provider CODE] [--json]\n"
           "  pathcost-cli export FILE.pathcost --output OUT.xlsx --area CODE --pathway NAME\n"
           "                --from YEAR --years N [--scenario NAME]\n"
           "  pathcost-cli export FILE.pathcost --output OUT.xlsx --negotiation --site CODE\n"
           "                --area CODE [--from YEAR --years N]\n"
           "  pathcost-cli providers FILE.pathcost --site CODE --area CODE [--json]\n"
           "  pathcost-cli risk FILE.pathcost --pathway NAME --step NAME --provider CODE\n"
           "                (--kind compliance --stage STAGE | --kind cost) [--owner TEXT]\n"
           "                [--action TEXT] [--status TEXT]\n"
           "\n"
           "KIND is one of: tariffs, providers, areas, area_groups, population,\n"
           "population_ons (an ONS projection CSV as published), sites, incidence,\n"
           "stages, survival, pathway_steps, scenario_changes, scenario_investments,\n"
           "activity (--replace swaps the project's activity whole), or auto (the\n"
           "kind the file's header says). --source names the publication and year.\n"
           "Wherever an area CODE is taken, an area group's code means its areas.\n"
           "KEY is discount_rate, inflation, incidence_year, price_year (financial years\n"
           "such as 2026), risk_share_tolerance, risk_cost_threshold, disclosure_threshold\n"
           "(8; 0 = off), range:PARAMETER (LOW,HIGH) or se:PARAMETER.\n"), out);
}

static int
usage_error (GError **error, const char *message)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s", message);
  return EXIT_USAGE;
}

PcProject *
pc_cli_open_project (const char *path, PcProjectOpenFlags flags, GError **error)
{
  PcProject *project = pc_project_open_full (path, flags, error);

  if (project != NULL && pc_project_get_notice (project) != NULL)
    {
      g_autofree char *line = g_strdelimit (g_strdup (pc_project_get_notice (project)), "\r\n", ' ');

      g_printerr ("pathcost-cli: %s\n", line);
    }
  return project;
}

static int
command_new (int argc, char **argv, GError **error)
{
  g_autoptr(PcProject) project = NULL;

  if (argc != 3)
    return usage_error (error, _("usage: pathcost-cli new FILE.pathcost"));
  project = pc_project_create (argv[2], error);
  return project != NULL ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* On a terminal, a long import says how far it has got. */
static void
print_progress (guint64 done, guint64 total, gpointer user_data)
{
  g_printerr (_("\rImporting… %3.0f%%"), total > 0 ? 100.0 * done / total : 100.0);
}

/* The options after FILE KIND DATA.csv: --replace and --source TEXT. */
static gboolean
parse_import_options (int               argc,
                      char            **argv,
                      PcImportOptions  *options,
                      GError          **error)
{
  for (int i = 5; i < argc; i++)
    {
      if (strcmp (argv[i], "--replace") == 0)
        options->flags |= PC_IMPORT_REPLACE;
      else if (strcmp (argv[i], "--source") == 0 && i + 1 < argc)
        options->source = argv[++i];
      else if (g_str_has_prefix (argv[i], "--source="))
        options->source = argv[i] + strlen ("--source=");
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("usage: pathcost-cli import FILE.pathcost KIND DATA.csv [--replace] "
                         "[--source \"PUBLICATION, YEAR\"] (unexpected '%s')"), argv[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
list_import_kinds (void)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint k = 0; k < PC_N_IMPORT_KINDS; k++)
    g_string_append_printf (kinds, "%s, ", pc_import_kind_to_string (k));
  g_string_append (kinds, "or auto");
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

/* KIND, or "auto": the kind the file's header says. */
static int
import_kind (const char *given, const char *path, PcImportKind *kind, GError **error)
{
  g_autofree char *kinds = NULL;

  if (strcmp (given, "auto") == 0)
    return pc_import_detect_kind (path, kind, error) ? EXIT_SUCCESS : EXIT_FAILURE;
  if (pc_import_kind_from_string (given, kind))
    return EXIT_SUCCESS;
  kinds = list_import_kinds ();
  g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("unknown kind '%s' (one of %s)"), given, kinds);
  return EXIT_USAGE;
}

static int
command_import (int argc, char **argv, GError **error)
{
  g_autoptr(PcProject) project = NULL;
  gboolean interactive = isatty (STDERR_FILENO);
  PcImportOptions options = { PC_IMPORT_DEFAULT, NULL, NULL, NULL };
  PcImportResult result = { 0, };
  PcImportKind kind;
  int status;

  if (argc < 5)
    return usage_error (error, _("usage: pathcost-cli import FILE.pathcost KIND DATA.csv [--replace] "
                                 "[--source \"PUBLICATION, YEAR\"]"));
  if (!parse_import_options (argc, argv, &options, error))
    return EXIT_USAGE;
  if ((status = import_kind (argv[3], argv[4], &kind, error)) != EXIT_SUCCESS)
    return status;
  options.progress = interactive ? print_progress : NULL;
  project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_DEFAULT, error);
  if (project == NULL || !pc_import_run (project, kind, argv[4], &options, &result, error))
    {
      if (interactive)
        g_printerr ("\r%*s\r", 40, "");
      pc_import_result_clear (&result);
      return EXIT_FAILURE;
    }
  if (interactive)
    g_printerr (_("\rImported %" G_GUINT64_FORMAT " rows of %s.\n"), result.n_rows,
                pc_import_kind_to_string (kind));
  for (guint i = 0; i < result.notes->len; i++)
    g_printerr (_("pathcost-cli: note: %s\n"), (char *) g_ptr_array_index (result.notes, i));
  pc_import_result_clear (&result);
  return EXIT_SUCCESS;
}

static int
command_set (int argc, char **argv, GError **error)
{
  g_autoptr(PcProject) project = NULL;

  if (argc != 5)
    return usage_error (error, _("usage: pathcost-cli set FILE.pathcost KEY VALUE"));
  project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_DEFAULT, error);
  if (project == NULL || !pc_project_set_setting (project, argv[3], argv[4], error))
    return EXIT_FAILURE;
  return EXIT_SUCCESS;
}

typedef struct
{
  char   **areas;
  char    *pathway;
  char    *scenario;
  char    *output;
  int      from;
  int      years;
  gboolean json;
  gboolean one_way;
  int      psa;
  gint64   seed;
} Selection;

static void
selection_clear (Selection *selection)
{
  g_strfreev (selection->areas);
  g_free (selection->pathway);
  g_free (selection->scenario);
  g_free (selection->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selection, selection_clear)

/* The current financial year: April to March. */
gboolean
pc_cli_parse_options (const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv,
                      GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.pathcost");

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
parse_selection (int *argc, char ***argv, Selection *selection, GError **error)
{
  GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &selection->areas,
      N_("Area code (repeat or separate with commas to add areas)"), "CODE" },
    { "pathway", 0, 0, G_OPTION_ARG_STRING, &selection->pathway, N_("Pathway name"), "NAME" },
    { "from", 0, 0, G_OPTION_ARG_INT, &selection->from, N_("First financial year"), "YEAR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &selection->years, N_("Horizon in years (1-20)"), "N" },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &selection->scenario, N_("Scenario name"), "NAME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &selection->json, N_("Print JSON"), NULL },
    { "oneway", 0, 0, G_OPTION_ARG_NONE, &selection->one_way, N_("One-way sensitivity"), NULL },
    { "psa", 0, 0, G_OPTION_ARG_INT, &selection->psa, N_("Monte Carlo iterations"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &selection->seed, N_("Random seed"), "S" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &selection->output, N_("Workbook to write"), "OUT.xlsx" },
    { NULL }
  };

  selection->from = pc_current_financial_year ();
  selection->years = 10;
  selection->seed = 1;
  return pc_cli_parse_options (entries, argc, argv, error);
}

GStrv
pc_cli_split_areas (char **given)
{
  g_autoptr(GStrvBuilder) areas = g_strv_builder_new ();

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (given[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*g_strstrip (parts[j]) != '\0')
          g_strv_builder_add (areas, parts[j]);
    }
  return g_strv_builder_end (areas);
}

static gboolean
check_selection (const Selection *selection, GStrv areas, GError **error)
{
  if (areas[0] == NULL)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--area: give at least one area code"));
  else if (selection->pathway == NULL)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--pathway: give a pathway name"));
  else if (selection->years < 1 || selection->years > PC_MAX_HORIZON)
    g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                 _("--years: the horizon must be 1 to %d years (it is %d)"),
                 PC_MAX_HORIZON, selection->years);
  else
    return TRUE;
  return FALSE;
}

/* What every projecting command starts from: the command line parsed, the
 * project opened read-only, the pathway and the projection input loaded,
 * and (with @apply_scenario) the scenario applied to both. */
typedef struct
{
  Selection          selection;
  GStrv              areas;
  char              *area_label;
  PcProject         *project;
  PcPathway         *pathway;
  PcProjectionInput *input;
  PcScenario        *scenario;
} Run;

static void
run_clear (Run *run)
{
  selection_clear (&run->selection);
  g_strfreev (run->areas);
  g_free (run->area_label);
  g_clear_object (&run->project);
  g_clear_pointer (&run->pathway, pc_pathway_free);
  g_clear_pointer (&run->input, pc_projection_input_free);
  g_clear_pointer (&run->scenario, pc_scenario_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
run_start (Run *run, int argc, char **argv, const char *usage, gboolean apply_scenario,
           GError **error)
{
  Selection *selection = &run->selection;

  if (!parse_selection (&argc, &argv, selection, error))
    return EXIT_USAGE;
  if (argc != 3)
    return usage_error (error, usage);
  run->areas = pc_cli_split_areas (selection->areas);
  if (!check_selection (selection, run->areas, error))
    return EXIT_USAGE;
  run->area_label = g_strjoinv ("+", run->areas);

  run->project = pc_cli_open_project (argv[2], PC_PROJECT_OPEN_READ_ONLY, error);
  if (run->project == NULL
      || (run->pathway = pc_project_load_pathway (run->project, selection->pathway, error)) == NULL
      || (run->input = pc_project_load_projection_input (run->project, run->pathway->site,
                                                         (const char * const *) run->areas,
                                                         selection->from, selection->years,
                                                         error)) == NULL)
    return EXIT_FAILURE;
  if (selection->scenario != NULL
      && (run->scenario = pc_project_load_scenario (run->project, selection->scenario, error)) == NULL)
    return EXIT_FAILURE;
  if (apply_scenario && run->scenario != NULL
      && !pc_scenario_apply (run->scenario, run->pathway, run->input, error))
    return EXIT_FAILURE;
  return EXIT_SUCCESS;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("pathcost-cli: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
}

static void
print_json (JsonNode *node)
{
  g_autofree char *text = pc_report_json_to_string (node, TRUE);

  puts (text);
  json_node_unref (node);
}

static int
command_report (int argc, char **argv, GError **error)
{
  g_auto(Run) run = { { NULL, }, };
  g_autoptr(PcProjection) projection = NULL;
  int status = run_start (&run, argc, argv,
                          _("usage: pathcost-cli report FILE.pathcost --area CODE --pathway NAME "
                            "--from YEAR --years N [--scenario NAME] [--json]"), TRUE, error);

  if (status != EXIT_SUCCESS)
    return status;
  projection = pc_projection_compute (run.pathway, run.input);
  print_warnings (projection->warnings);
  if (run.selection.json)
    print_json (pc_report_json_build (run.pathway, projection, run.area_label,
                                      run.selection.scenario));
  else
    {
      g_autofree char *pathway_title = pc_project_describe_pathway (run.project, run.pathway);
      g_autofree char *area_title = pc_project_describe_areas (run.project,
                                                               (const char * const *) run.areas);

      pc_cli_print_report (run.pathway, pathway_title, projection, area_title,
                           run.selection.scenario, run.input->inflation, run.input->discount_rate);
    }
  return EXIT_SUCCESS;
}

static int
command_compare (int argc, char **argv, GError **error)
{
  g_auto(Run) run = { { NULL, }, };
  g_autoptr(PcScenarioComparison) compared = NULL;
  int status = run_start (&run, argc, argv,
                          _("usage: pathcost-cli compare FILE.pathcost --scenario NAME --area CODE "
                            "--pathway NAME --from YEAR --years N [--json]"), FALSE, error);

  if (status != EXIT_SUCCESS)
    return status;
  if (run.scenario == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--scenario: name the scenario to compare"));
      return EXIT_USAGE;
    }
  compared = pc_scenario_compare (run.pathway, run.input, run.scenario, error);
  if (compared == NULL)
    return EXIT_FAILURE;
  /* The scenario's input is a copy of the baseline's: its warnings hold
   * the baseline's and any of the scenario's own. */
  print_warnings (compared->scenario->warnings);
  if (run.selection.json)
    print_json (pc_compare_json_build (run.pathway, compared->baseline, compared->changed_pathway,
                                       compared->scenario, compared->comparison, run.area_label,
                                       run.scenario->name));
  else
    pc_cli_print_comparison (compared->baseline, compared->scenario, compared->comparison,
                             run.scenario->name, compared->discount_rate);
  return EXIT_SUCCESS;
}

static int
command_sensitivity (int argc, char **argv, GError **error)
{
  g_auto(Run) run = { { NULL, }, };
  int status = run_start (&run, argc, argv,
                          _("usage: pathcost-cli sensitivity FILE.pathcost --area CODE --pathway NAME "
                            "(--oneway | --psa N --seed S) [--json]"), TRUE, error);

  if (status != EXIT_SUCCESS)
    return status;
  if (run.selection.one_way == (run.selection.psa > 0))
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("choose one of --oneway and --psa N (N at least 1)"));
      return EXIT_USAGE;
    }
  if (run.selection.psa > 1000000 || run.selection.seed < 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("--psa takes 1 to 1,000,000 iterations and --seed a number 0 or more"));
      return EXIT_USAGE;
    }
  if (run.selection.one_way)
    {
      g_autoptr(GHashTable) ranges = pc_project_load_sensitivity_ranges (run.project);
      g_autoptr(PcOneWay) one_way = pc_sensitivity_one_way (run.pathway, run.input, ranges);

      if (run.selection.json)
        print_json (pc_one_way_json_build (one_way));
      else
        pc_cli_print_one_way (one_way);
    }
  else
    {
      g_autoptr(GHashTable) errors = pc_project_load_standard_errors (run.project);
      g_autoptr(PcPsa) psa = pc_sensitivity_psa (run.pathway, run.input, errors,
                                                 (guint) run.selection.psa,
                                                 (guint64) run.selection.seed,
                                                 g_get_num_processors ());

      if (run.selection.json)
        print_json (pc_psa_json_build (psa));
      else
        pc_cli_print_psa (psa);
    }
  return EXIT_SUCCESS;
}

static int
command_export (int argc, char **argv, GError **error)
{
  g_auto(Run) run = { { NULL, }, };
  PcWorkbookRequest request = { 0, };
  int status;

  for (int i = 3; i < argc; i++)
    if (strcmp (argv[i], "--negotiation") == 0)
      return pc_cli_command_export_negotiation (argc, argv, error);
  status = run_start (&run, argc, argv,
                      _("usage: pathcost-cli export FILE.pathcost --output OUT.xlsx --area CODE "
                        "--pathway NAME --from YEAR --years N [--scenario NAME]"), FALSE, error);

  if (status != EXIT_SUCCESS)
    return status;
  if (run.selection.output == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID, _("--output: name the workbook to write"));
      return EXIT_USAGE;
    }
  request.pathway = run.selection.pathway;
  request.areas = (const char * const *) run.areas;
  request.from = run.selection.from;
  request.years = run.selection.years;
  request.scenario = run.scenario;
  request.output_path = run.selection.output;
  return pc_workbook_export_full (run.project, &request, NULL, error) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static const struct
{
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "new", command_new },
  { "import", command_import },
  { "set", command_set },
  { "report", command_report },
  { "compare", command_compare },
  { "sensitivity", command_sensitivity },
  { "activity", pc_cli_command_activity },
  { "risk", pc_cli_command_risk },
  { "export", command_export },
  { "sources", pc_cli_command_sources },
  { "providers", pc_cli_command_providers },
};

static int
run_command (int argc, char **argv, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc, argv, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("unknown command '%s' (try pathcost-cli --help)"), argv[1]);
  return EXIT_USAGE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }

  status = run_command (argc, argv, &error);
  if (error != NULL)
    {
      /* One line: a message never spans lines, whatever it quotes. */
      g_strdelimit (error->message, "\r\n", ' ');
      g_printerr ("pathcost-cli: %s\n", error->message);
      if (status == EXIT_SUCCESS)
        status = EXIT_FAILURE;
    }
  if (fflush (stdout) != 0 && status == EXIT_SUCCESS)
    {
      g_printerr ("pathcost-cli: %s\n", _("could not write the output"));
      status = EXIT_FAILURE;
    }
  return status;
}
