/* test-project-edit.c: pathways and scenarios created, renamed, copied and
 * deleted as wholes, and scenario changes edited one at a time: the store
 * functions behind the window's pathway list and scenario editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pc-error.h"
#include "pc-project.h"
#include "pc-test-util.h"

static guint
count (PcProject  *project,
       const char *sql)
{
  g_autofree char *text = pc_test_query_text (project, sql);

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

static void
test_pathway_create_refusals (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathway) pathway = NULL;

  g_assert_false (pc_project_create_pathway (project, "", "breast", PC_KIND_CURRENT, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "a pathway needs a name");
  g_clear_error (&error);
  g_assert_false (pc_project_create_pathway (project, " x", "breast", PC_KIND_CURRENT, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_project_create_pathway (project, "breast_best_practice", "breast",
                                             PC_KIND_BEST_PRACTICE, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "the project already has a pathway named 'breast_best_practice'");
  g_clear_error (&error);
  g_assert_false (pc_project_create_pathway (project, "new", "colon", PC_KIND_CURRENT, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "unknown site 'colon'");
  g_clear_error (&error);
  g_assert_false (pc_project_create_pathway (project, "new", "breast", PC_KIND_CURRENT, "ZZZ", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "unknown provider 'ZZZ' (import providers first)");
  g_clear_error (&error);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM pathways"), ==, 3);

  g_assert_true (pc_project_create_pathway (project, "new", "breast", PC_KIND_CURRENT, "R1H", &error));
  g_assert_no_error (error);
  pathway = pc_project_load_pathway (project, "new", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pathway->steps->len, ==, 0);
  g_assert_cmpstr (pathway->provider, ==, "R1H");
  g_assert_cmpint (pathway->kind, ==, PC_KIND_CURRENT);
}

static void
test_pathway_copy_as_current (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcPathway) source = pc_project_load_pathway (project, "breast_best_practice", NULL);
  g_autoptr(PcPathway) copy = NULL;

  g_assert_false (pc_project_copy_pathway (project, "breast_best_practice", "breast_current_R1H",
                                           PC_KIND_CURRENT, "NOPE", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pc_project_copy_pathway (project, "missing", "x", PC_KIND_CURRENT, "R1H", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (pc_project_copy_pathway (project, "breast_best_practice", "breast_current_R1H",
                                          PC_KIND_CURRENT, "R1H", &error));
  g_assert_no_error (error);
  copy = pc_project_load_pathway (project, "breast_current_R1H", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->site, ==, "breast");
  g_assert_cmpstr (copy->provider, ==, "R1H");
  g_assert_cmpint (copy->kind, ==, PC_KIND_CURRENT);
  g_assert_cmpuint (copy->steps->len, ==, source->steps->len);
  for (guint i = 0; i < copy->steps->len; i++)
    {
      const PcStep *a = g_ptr_array_index (source->steps, i);
      const PcStep *b = g_ptr_array_index (copy->steps, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpfloat (a->quantity, ==, b->quantity);
    }
}

static void
test_pathway_rename_and_delete (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_project_rename_pathway (project, "breast_current_RF4", "lung_best_practice", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (pc_project_rename_pathway (project, "breast_current_RF4", "breast_RF4", &error));
  g_assert_no_error (error);
  /* The scenarios that name it follow it. */
  g_assert_cmpuint (count (project, "SELECT count(*) FROM scenario_changes WHERE pathway = 'breast_RF4'"), ==, 2);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM scenario_investments WHERE pathway = 'breast_RF4'"), ==, 3);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM pathway_steps WHERE pathway = 'breast_current_RF4'"), ==, 0);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM pathway_steps WHERE pathway = 'breast_RF4'"), >, 0);

  g_assert_false (pc_project_delete_pathway (project, "breast_RF4", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "enhanced_recovery_breast"));
  g_clear_error (&error);
  g_assert_true (pc_project_delete_pathway (project, "breast_best_practice", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM pathways"), ==, 2);
  g_assert_cmpuint (count (project, "SELECT count(*) FROM pathway_steps WHERE pathway = 'breast_best_practice'"), ==, 0);
}

static void
test_scenario_rename_duplicate (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcScenario) copy = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_false (pc_project_rename_scenario (project, "trastuzumab_at_home", "earlier_lung_diagnosis", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (pc_project_rename_scenario (project, "trastuzumab_at_home", "", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_project_rename_scenario (project, "nope", "other", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (pc_project_rename_scenario (project, "trastuzumab_at_home", "herceptin_at_home", &error));
  g_assert_no_error (error);
  g_assert_true (pc_project_duplicate_scenario (project, "herceptin_at_home", "herceptin_copy", &error));
  g_assert_no_error (error);
  names = pc_project_list_scenarios (project, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 4);
  g_assert_true (g_strv_contains ((const char * const *) names, "herceptin_copy"));
  g_assert_false (g_strv_contains ((const char * const *) names, "trastuzumab_at_home"));
  copy = pc_project_load_scenario (project, "herceptin_copy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copy->overrides->len, ==, 1);
  g_assert_cmpuint (copy->investments->len, ==, 1);
}

static void
test_scenario_changes (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcScenario) loaded = NULL;
  PcOverride quantity = { PC_PARAMETER_STEP_QUANTITY, NULL, "breast_current_RF4",
                          "Excess bed days after mastectomy", -1, 0.5 };
  PcOverride share = { PC_PARAMETER_STEP_SHARE, NULL, "breast_current_RF4",
                       "Excess bed days after mastectomy", PC_STAGE_1, 1.5 };
  PcOverride stage = { PC_PARAMETER_STAGE_SHARE, "breast", NULL, NULL, PC_STAGE_1, 0.5 };
  PcOverrideField field = PC_OVERRIDE_SITE;
  double mix[PC_N_STAGES], before[PC_N_STAGES];

  g_assert_true (pc_project_set_scenario_change (project, "new", NULL, &quantity, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pc_project_set_scenario_change (project, "new", NULL, &share, &field, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "step_share: 1.5 is not a share between 0 and 1");
  g_assert_cmpint (field, ==, PC_OVERRIDE_VALUE);
  g_clear_error (&error);
  g_assert_false (pc_project_set_scenario_change (project, "new", NULL, &stage, NULL, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);

  /* Replacing: the old change goes, the new one stays. */
  {
    PcOverride more = quantity;

    more.value = 0.25;
    g_assert_true (pc_project_set_scenario_change (project, "new", &quantity, &more, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pc_project_get_scenario_stage_mix (project, "new", "breast", before, &error));
  g_assert_true (pc_project_shift_scenario_stages (project, "new", "breast", 0.2, &error));
  g_assert_no_error (error);
  g_assert_true (pc_project_get_scenario_stage_mix (project, "new", "breast", mix, &error));
  {
    double expected[PC_N_STAGES];

    pc_stage_mix_shift (before, 0.2, PC_STAGE_3, PC_STAGE_4, PC_STAGE_1, PC_STAGE_2, expected);
    for (guint s = 0; s < PC_N_STAGES; s++)
      pc_assert_close (mix[s], expected[s]);
  }
  mix[PC_STAGE_1] += 0.5;
  g_assert_false (pc_project_set_scenario_stage_mix (project, "new", "breast", mix, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_project_shift_scenario_stages (project, "new", "breast", 1.5, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);

  loaded = pc_project_load_scenario (project, "new", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->overrides->len, ==, 1 + PC_N_STAGES);
  {
    const PcOverride *first = g_ptr_array_index (loaded->overrides, PC_N_STAGES);

    g_assert_cmpint (first->parameter, ==, PC_PARAMETER_STEP_QUANTITY);
    g_assert_cmpfloat (first->value, ==, 0.25);
  }
  g_assert_true (pc_project_remove_scenario_change (project, "new", &stage, &error));
  g_assert_cmpuint (count (project, "SELECT count(*) FROM scenario_changes WHERE scenario = 'new'"), ==, 1);
}

static void
test_scenario_investments (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample_copy ();
  g_autoptr(GError) error = NULL;
  PcInvestment *line = pc_investment_new ("Nurse", 2026, 2030, 12000, "icb", "breast", NULL);
  PcInvestment *wrong = pc_investment_new ("Bad", 2030, 2026, 1, "icb", NULL, NULL);

  g_assert_true (pc_project_set_scenario_investment (project, "plan", NULL, line, &error));
  g_assert_no_error (error);
  g_assert_false (pc_project_set_scenario_investment (project, "plan", NULL, line, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (pc_project_set_scenario_investment (project, "plan", NULL, wrong, &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  line->cost_per_year = 15000;
  g_assert_true (pc_project_set_scenario_investment (project, "plan", "Nurse", line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (project, "SELECT cost_per_year FROM scenario_investments WHERE scenario = 'plan'"),
                    ==, 15000);
  g_assert_true (pc_project_remove_scenario_investment (project, "plan", "Nurse", &error));
  g_assert_cmpuint (count (project, "SELECT count(*) FROM scenario_investments WHERE scenario = 'plan'"), ==, 0);
  pc_investment_free (line);
  pc_investment_free (wrong);
}

static void
test_names_and_sites (void)
{
  g_autoptr(PcProject) project = pc_test_open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) sites = pc_project_load_site_names (project, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (sites), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (sites, "breast"), ==, "Breast");
  g_assert_true (pc_project_check_pathway_name (project, "breast_new", &error));
  g_assert_false (pc_project_check_pathway_name (project, "lung_best_practice", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (pc_project_check_pathway_name (project, "", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pc_project_check_scenario_name (project, "plan", &error));
  g_assert_false (pc_project_check_scenario_name (project, "plan ", &error));
  g_assert_error (error, PC_ERROR, PC_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/project-edit/pathway/create-refusals", test_pathway_create_refusals);
  g_test_add_func ("/project-edit/pathway/copy-as-current", test_pathway_copy_as_current);
  g_test_add_func ("/project-edit/pathway/rename-delete", test_pathway_rename_and_delete);
  g_test_add_func ("/project-edit/names-and-sites", test_names_and_sites);
  g_test_add_func ("/project-edit/scenario/rename-duplicate", test_scenario_rename_duplicate);
  g_test_add_func ("/project-edit/scenario/changes", test_scenario_changes);
  g_test_add_func ("/project-edit/scenario/investments", test_scenario_investments);
  return g_test_run ();
}
