/* pc-cli-report.c: the readable report: money as £1,234,567.89, years as
 * 2026/27, figures right-aligned in columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pc-breakdown.h"
#include "pc-cli.h"
#include "pc-format.h"
#include "pc-labels.h"

#define MONEY_WIDTH 16

/* Pads by characters, not bytes: "£" is two bytes in UTF-8. */
static void
print_right (const char *text,
             int         width)
{
  int pad = width - (int) g_utf8_strlen (text, -1);

  printf ("%*s%s", MAX (pad, 0), "", text);
}

static void
print_money (double value)
{
  g_autofree char *text = pc_format_money (value);

  print_right (text, MONEY_WIDTH);
}

static void
print_offset_headings (const char *last)
{
  printf ("%-10s", _("Stage"));
  for (guint k = 0; k < PC_N_OFFSETS; k++)
    {
      g_autofree char *heading = g_strdup_printf (_("Year %u"), k);

      print_right (heading, MONEY_WIDTH);
    }
  if (last != NULL)
    print_right (last, MONEY_WIDTH);
  putchar ('\n');
}

/* The headline is the expected cost per patient diagnosed (docs/MODEL.md,
 * "Expected cost per patient"); the years after diagnosis are shown for
 * `patient` steps per patient alive, and `death` steps per death, apart,
 * because adding the two over the years would count a death every year. */
static void
print_cost_per_patient (const PcProjection *projection)
{
  gboolean has_death_costs = FALSE;

  printf ("%s\n", _("Cost per patient alive at the start of each year after diagnosis, and the "
                    "expected cost per patient diagnosed (before inflation)"));
  print_offset_headings (_("Expected"));
  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      printf ("%-10s", pc_stage_to_string (s));
      for (guint k = 0; k < PC_N_OFFSETS; k++)
        {
          print_money (projection->cost_per_patient[s][PC_BASIS_PATIENT][k]);
          has_death_costs = has_death_costs || projection->cost_per_patient[s][PC_BASIS_DEATH][k] != 0;
        }
      print_money (projection->expected_cost_per_patient[s]);
      putchar ('\n');
    }
  printf ("%-*s", 10 + MONEY_WIDTH * PC_N_OFFSETS, _("All stages (weighted by the stage mix)"));
  print_money (projection->expected_cost_all_stages);
  putchar ('\n');
  if (has_death_costs)
    {
      printf ("\n%s\n", _("Cost per death, by the year after diagnosis in which the patient dies "
                          "(included in the expected cost, weighted by who dies)"));
      print_offset_headings (NULL);
      for (guint s = 0; s < PC_N_STAGES; s++)
        {
          printf ("%-10s", pc_stage_to_string (s));
          for (guint k = 0; k < PC_N_OFFSETS; k++)
            print_money (projection->cost_per_patient[s][PC_BASIS_DEATH][k]);
          putchar ('\n');
        }
    }
  putchar ('\n');
}

static void
print_year_table_heading (const PcProjection *projection)
{
  printf ("%-9s", _("Year"));
  print_right (_("Patients"), 10);
  print_right (_("Cost"), MONEY_WIDTH);
  for (guint p = 0; projection->phases[p] != NULL; p++)
    print_right (pc_phase_label (projection->phases[p]), MONEY_WIDTH);
  putchar ('\n');
}

static void
print_years (const PcProjection *projection)
{
  print_year_table_heading (projection);
  for (guint t = 0; t < projection->n_years; t++)
    {
      const PcYearResult *year = &projection->years[t];
      g_autofree char *label = pc_format_financial_year (year->year);
      g_autofree char *patients = pc_format_number (year->incident_total, 1);

      printf ("%-9s", label);
      print_right (patients, 10);
      print_money (year->cost);
      for (guint p = 0; projection->phases[p] != NULL; p++)
        print_money (year->cost_by_phase[p]);
      putchar ('\n');
    }
}

static void
print_funding (const PcProjection *projection)
{
  printf ("\n%s\n", _("Cost by funding stream over the horizon"));
  for (guint f = 0; projection->fundings[f] != NULL; f++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", pc_funding_label (projection->fundings[f]),
                                                projection->fundings[f]);

      printf ("  %s%*s", label, MAX (0, 44 - (int) g_utf8_strlen (label, -1)), "");
      print_money (pc_projection_total_by_funding (projection, f));
      putchar ('\n');
    }
}

void
pc_cli_print_report (const PcPathway    *pathway,
                     const char         *pathway_title,
                     const PcProjection *projection,
                     const char         *area,
                     const char         *scenario,
                     double              inflation,
                     double              discount_rate)
{
  g_autofree char *first = pc_format_financial_year (projection->from);
  g_autofree char *last = pc_format_financial_year (projection->from + (int) projection->n_years - 1);
  g_autofree char *inflation_text = pc_format_number (inflation * 100.0, 1);
  g_autofree char *discount_text = pc_format_number (discount_rate * 100.0, 1);
  g_autofree char *incidence_year = pc_format_financial_year (projection->incidence_year);
  g_autofree char *price_year = pc_format_financial_year (projection->price_year);

  printf ("%-10s%s (%s)\n", _("Pathway"), pathway_title, pathway->name);
  printf ("%-10s%s, %s to %s\n", _("Area"), area, first, last);
  if (scenario != NULL)
    printf ("%-10s%s\n", _("Scenario"), scenario);
  printf (_("%-10sprices of %s, inflation %s%% a year from then; incidence rates of %s, "
            "trend counted from then; discount rate %s%% a year from %s\n\n"), _("Settings"),
          price_year, inflation_text, incidence_year, discount_text, first);

  print_cost_per_patient (projection);
  print_years (projection);

  printf ("%-19s", _("Total"));
  print_money (projection->total_cost);
  printf ("\n%-19s", _("NPV"));
  print_money (projection->npv);
  putchar ('\n');
  print_funding (projection);
}

void
pc_cli_print_comparison (const PcProjection *baseline,
                         const PcProjection *scenario,
                         const PcComparison *comparison,
                         const char         *scenario_name,
                         double              discount_rate)
{
  printf (_("Scenario '%s' against the baseline\n\n"), scenario_name);
  printf ("%-9s", _("Year"));
  print_right (_("Baseline"), MONEY_WIDTH);
  print_right (_("Scenario"), MONEY_WIDTH);
  print_right (_("Difference"), MONEY_WIDTH);
  print_right (_("Cumulative"), MONEY_WIDTH);
  print_right (_("Bed days"), 12);
  putchar ('\n');
  for (guint t = 0; t < comparison->n_years; t++)
    {
      const PcComparisonYear *year = &comparison->years[t];
      g_autofree char *label = pc_format_financial_year (year->year);
      g_autofree char *bed_days = pc_format_number (year->activity[PC_ACTIVITY_BED_DAY], 1);

      printf ("%-9s", label);
      print_money (baseline->years[t].cost);
      print_money (scenario->years[t].cost);
      print_money (year->difference);
      print_money (year->cumulative);
      print_right (bed_days, 12);
      putchar ('\n');
    }
  printf ("\n%-25s", _("NPV of the difference"));
  print_money (comparison->npv_difference);
  {
    g_autofree char *rate = pc_format_number (discount_rate * 100.0, 1);
    g_autofree char *first = pc_format_financial_year (baseline->from);

    printf (_("  (discounted at %s%% a year to %s)"), rate, first);
  }
  putchar ('\n');
  if (comparison->has_payback)
    {
      g_autofree char *payback = pc_format_financial_year (comparison->payback_year);

      printf ("%-25s%16s\n", _("Payback year"), payback);
    }
  else
    printf ("%-25s%16s\n", _("Payback year"), _("none"));
}

void
pc_cli_print_one_way (const PcOneWay *one_way)
{
  printf ("%s", _("One-way sensitivity, ranked by the swing in the horizon's total cost\n"));
  printf ("%-18s", _("Total at base"));
  print_money (one_way->base_total);
  printf ("\n\n%-44s", _("Parameter"));
  print_right (_("Low"), 12);
  print_right (_("High"), 12);
  print_right (_("Total at low"), MONEY_WIDTH);
  print_right (_("Total at high"), MONEY_WIDTH);
  print_right (_("Swing"), MONEY_WIDTH);
  putchar ('\n');
  for (guint i = 0; i < one_way->parameters->len; i++)
    {
      const PcOneWayResult *p = g_ptr_array_index (one_way->parameters, i);
      g_autofree char *low = pc_format_number (p->low, 4);
      g_autofree char *high = pc_format_number (p->high, 4);
      g_autofree char *start = g_utf8_substring (p->id, 0, MIN (g_utf8_strlen (p->id, -1), 42));
      g_autofree char *id = g_utf8_strlen (p->id, -1) > 43 ? g_strconcat (start, "…", NULL)
                                                           : g_strdup (p->id);

      printf ("%s%*s", id, 44 - (int) g_utf8_strlen (id, -1), "");
      print_right (low, 12);
      print_right (high, 12);
      print_money (p->total_low);
      print_money (p->total_high);
      print_money (p->swing);
      putchar ('\n');
    }
}

void
pc_cli_print_psa (const PcPsa *psa)
{
  printf (_("Probabilistic sensitivity: %u iterations, seed %" G_GUINT64_FORMAT "\n\n"),
          psa->n_iterations, psa->seed);
  printf ("%-9s", _("Year"));
  print_right (_("Mean"), MONEY_WIDTH);
  print_right (_("2.5%"), MONEY_WIDTH);
  print_right (_("97.5%"), MONEY_WIDTH);
  putchar ('\n');
  for (guint t = 0; t <= psa->n_years + 1; t++)
    {
      const PcPsaYear *row = t < psa->n_years ? &psa->years[t]
                             : t == psa->n_years ? &psa->total : &psa->npv;
      g_autofree char *label = t < psa->n_years ? pc_format_financial_year (row->year)
                               : g_strdup (t == psa->n_years ? _("Total") : _("NPV"));

      printf ("%-9s", label);
      print_money (row->mean);
      print_money (row->low);
      print_money (row->high);
      putchar ('\n');
    }
}
