/* pc-business-case.c: the business case as an A4 PDF (see
 * pc-business-case.h).  Text by pango, charts by the same painters as the
 * window's, on a cairo PDF surface; the figures from the engine, as
 * pathcost-cli compare and sensitivity give them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pc-axis.h"
#include "pc-business-case.h"
#include "pc-compare.h"
#include "pc-compare-chart.h"
#include "pc-error.h"
#include "pc-fan-chart.h"
#include "pc-format.h"
#include "pc-labels.h"
#include "pc-sensitivity.h"
#include "pc-tornado-chart.h"

/* A4 in points; 2 cm margins. */
#define PAGE_WIDTH   595.28
#define PAGE_HEIGHT  841.89
#define MARGIN        56.7
#define BODY_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define BODY_BOTTOM  (PAGE_HEIGHT - MARGIN)
#define TORNADO_BARS 10

typedef struct
{
  char                 *path;
  PangoFontDescription *font;
  PcPathway            *pathway;
  PcProjectionInput    *input;
  PcScenario           *scenario;
  char                 *pathway_title;
  char                 *area;
  char                 *area_codes;
  GHashTable           *ranges;
  GHashTable           *errors;
  GPtrArray            *sources;
  int                   price_year;
  int                   incidence_year;
  /* From the worker thread. */
  PcScenarioComparison *compared;
  PcOneWay             *one_way;
  PcPsa                *psa;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->font, pango_font_description_free);
  g_clear_pointer (&job->pathway, pc_pathway_free);
  g_clear_pointer (&job->input, pc_projection_input_free);
  g_clear_pointer (&job->scenario, pc_scenario_free);
  g_free (job->pathway_title);
  g_free (job->area);
  g_free (job->area_codes);
  g_clear_pointer (&job->ranges, g_hash_table_unref);
  g_clear_pointer (&job->errors, g_hash_table_unref);
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  g_clear_pointer (&job->compared, pc_scenario_comparison_free);
  g_clear_pointer (&job->one_way, pc_one_way_free);
  g_clear_pointer (&job->psa, pc_psa_free);
  g_free (job);
}

/* The worker thread: the comparison, then both sensitivities under the
 * scenario, as pathcost-cli sensitivity --scenario runs them. */
static void
compute_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(PcPathway) pathway = pc_pathway_copy (job->pathway);
  g_autoptr(PcProjectionInput) input = pc_projection_input_copy (job->input);
  GError *error = NULL;

  job->compared = pc_scenario_compare (job->pathway, job->input, job->scenario, &error);
  if (job->compared == NULL || !pc_scenario_apply (job->scenario, pathway, input, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->one_way = pc_sensitivity_one_way (pathway, input, job->ranges);
  if (!g_task_return_error_if_cancelled (task))
    {
      job->psa = pc_sensitivity_psa (pathway, input, job->errors, PC_BUSINESS_CASE_PSA_RUNS,
                                     PC_BUSINESS_CASE_PSA_SEED, g_get_num_processors ());
      g_task_return_boolean (task, TRUE);
    }
}

/* The document: a cursor down A4 pages. */

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  const Job    *job;
  double        y;
  int           page;
} Doc;

static PangoLayout *
doc_layout (Doc        *doc,
            const char *markup,
            double      size,
            double      width)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static void
doc_footer (Doc *doc)
{
  g_autofree char *scenario = g_markup_escape_text (doc->job->scenario->name, -1);
  g_autofree char *text = g_strdup_printf (_("Business case: %s · page %d"), scenario, doc->page);
  g_autoptr(PangoLayout) layout = doc_layout (doc, text, 8, BODY_WIDTH);

  cairo_set_source_rgb (doc->cr, 0.35, 0.35, 0.35);
  cairo_move_to (doc->cr, MARGIN, PAGE_HEIGHT - MARGIN / 2 - 8);
  pango_cairo_show_layout (doc->cr, layout);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
}

static void
doc_new_page (Doc *doc)
{
  doc_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  doc->y = MARGIN;
}

/* Starts a new page unless @height fits below the cursor. */
static void
doc_need (Doc    *doc,
          double  height)
{
  if (doc->y + height > BODY_BOTTOM && doc->y > MARGIN)
    doc_new_page (doc);
}

static void
doc_text (Doc        *doc,
          const char *markup,
          double      size,
          double      space_after)
{
  g_autoptr(PangoLayout) layout = doc_layout (doc, markup, size, BODY_WIDTH);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  doc_need (doc, height);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  pango_cairo_show_layout (doc->cr, layout);
  doc->y += height + space_after;
}

static void
doc_heading (Doc        *doc,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);

  /* A heading does not stay alone at the foot of a page. */
  doc_need (doc, 90);
  doc->y += 6;
  doc_text (doc, markup, 13, 6);
}

/* Plain text, escaped. */
static void
doc_plain (Doc        *doc,
           const char *text,
           double      size)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  doc_text (doc, escaped, size, 4);
}

/* Columns after the first right-aligned, as wide as @widths say (shares of
 * the body, NULL: the first wider); each row as tall as its tallest cell;
 * the headings again on a new page. */
static double
doc_row (Doc                *doc,
         const char * const *texts,
         const double       *widths,
         guint               n_columns,
         gboolean            heading,
         gboolean            paint)
{
  double x = MARGIN;
  int tallest = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (texts[c], -1);
      g_autofree char *markup = heading ? g_strdup_printf ("<b>%s</b>", escaped) : g_strdup (escaped);
      double width = widths[c] * BODY_WIDTH;
      g_autoptr(PangoLayout) layout = doc_layout (doc, markup, 8.5, width - 6);
      int h;

      pango_layout_set_alignment (layout, c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, NULL, &h);
      tallest = MAX (tallest, h);
      if (paint)
        {
          cairo_move_to (doc->cr, x, doc->y);
          pango_cairo_show_layout (doc->cr, layout);
        }
      x += width;
    }
  return tallest + 3;
}

static void
doc_table (Doc                *doc,
           const char * const *headings,
           guint               n_columns,
           GPtrArray          *rows,
           const double       *widths)
{
  g_autofree double *shares = g_new (double, n_columns);

  for (guint c = 0; c < n_columns; c++)
    shares[c] = widths != NULL ? widths[c]
                : c == 0 ? (n_columns > 4 ? 0.2 : 0.4) : (n_columns > 4 ? 0.8 : 0.6) / MAX (n_columns - 1, 1);
  for (int r = -1; r < (int) rows->len; r++)
    {
      const char * const *texts = r < 0 ? headings : g_ptr_array_index (rows, r);
      double height = doc_row (doc, texts, shares, n_columns, r < 0, FALSE);

      if (r >= 0 && doc->y + height > BODY_BOTTOM)
        {
          doc_new_page (doc);
          r -= 1;
          texts = headings;
        }
      height = doc_row (doc, texts, shares, n_columns, texts == headings, TRUE);
      doc->y += height;
      if (texts == headings)
        {
          cairo_set_line_width (doc->cr, 0.5);
          cairo_move_to (doc->cr, MARGIN, doc->y - 1.5);
          cairo_line_to (doc->cr, MARGIN + BODY_WIDTH, doc->y - 1.5);
          cairo_stroke (doc->cr);
        }
    }
  doc->y += 8;
}

/* A chart painted as on screen at 96 dots an inch, so 0.75 of a point a pixel. */
static void
doc_chart (Doc    *doc,
           void  (*paint) (cairo_t *, PangoContext *, int, int, gpointer),
           gpointer chart,
           double height)
{
  PangoContext *context;
  cairo_font_options_t *options;

  doc_need (doc, height);
  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  cairo_scale (doc->cr, 0.75, 0.75);
  context = pango_cairo_create_context (doc->cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_font_description (context, doc->job->font);
  paint (doc->cr, context, (int) (BODY_WIDTH / 0.75), (int) (height / 0.75), chart);
  g_object_unref (context);
  cairo_restore (doc->cr);
  doc->y += height + 10;
}

/* The sections */

/* A table row that owns the strings it is given. */
static char **
take_row (char *first,
          ...)
{
  GPtrArray *row = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (char *text = first; text != NULL; text = va_arg (ap, char *))
    g_ptr_array_add (row, text);
  va_end (ap);
  g_ptr_array_add (row, NULL);
  return (char **) g_ptr_array_free (row, FALSE);
}

static char *
format_rate (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.10g", rate * 100.0));
}

char *
pc_business_case_describe_override (const PcOverride *override)
{
  g_autofree char *value = NULL;
  const char *stage = override->stage >= 0 ? pc_stage_to_string (override->stage) : "";

  switch (override->parameter)
    {
    case PC_PARAMETER_STAGE_SHARE:
      value = format_rate (override->value);
      return g_strdup_printf (_("Share of %s patients diagnosed at stage %s set to %s"), override->site, stage, value);
    case PC_PARAMETER_STEP_QUANTITY:
      value = pc_format_number (override->value, 2);
      return g_strdup_printf (_("Quantity of “%s” in %s set to %s"), override->step, override->pathway, value);
    case PC_PARAMETER_STEP_SHARE:
      value = format_rate (override->value);
      return g_strdup_printf (_("Share of stage %s patients getting “%s” in %s set to %s"), stage, override->step,
                              override->pathway, value);
    case PC_PARAMETER_STEP_UNIT_COST:
      value = pc_format_money (override->value);
      return g_strdup_printf (_("Unit cost of “%s” in %s set to %s"), override->step, override->pathway, value);
    case PC_PARAMETER_TREND:
      value = format_rate (override->value);
      return g_strdup_printf (_("Incidence trend of %s set to %s a year"), override->site, value);
    case PC_PARAMETER_INFLATION:
      value = format_rate (override->value);
      return g_strdup_printf (_("Cost inflation set to %s a year"), value);
    case PC_N_PARAMETERS:
    default:
      return g_strdup (pc_parameter_to_string (override->parameter));
    }
}

static void
write_question (Doc *doc)
{
  const Job *job = doc->job;
  const PcComparison *comparison = job->compared->comparison;
  g_autofree char *first = pc_format_financial_year (comparison->years[0].year);
  g_autofree char *last = pc_format_financial_year (comparison->years[comparison->n_years - 1].year);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", job->scenario->name);
  g_autofree char *question = g_strdup_printf (_("What does the scenario “%s” change in the cost of %s for %s, "
                                                 "from %s to %s, against the pathway as it is?"),
                                               job->scenario->name, job->pathway_title, job->area, first, last);
  g_autofree char *npv = pc_format_money (comparison->npv_difference);
  g_autofree char *rate = format_rate (job->compared->discount_rate);
  g_autofree char *total = pc_format_money (comparison->years[comparison->n_years - 1].cumulative);
  g_autofree char *payback = comparison->has_payback ? pc_format_financial_year (comparison->payback_year)
                                                     : g_strdup (_("none in these years"));
  g_autofree char *figures = g_markup_printf_escaped (_("<b>NPV of the difference at %s a year: %s</b>\n"
                                                        "<b>Payback year: %s</b>\n"
                                                        "Difference over the %u years (scenario minus baseline): %s"),
                                                      rate, npv, payback, comparison->n_years, total);

  doc_text (doc, _("<span size='small'>Business case</span>"), 10, 2);
  doc_text (doc, title, 20, 8);
  doc_plain (doc, question, 11);
  doc->y += 6;
  doc_text (doc, figures, 11, 4);
  doc_plain (doc, _("A negative difference is a saving. Payback is the first year from which the cumulative "
                    "difference stays at or below zero."), 9);
}

static void
write_changes (Doc *doc)
{
  const PcScenario *scenario = doc->job->scenario;

  doc_heading (doc, _("What the scenario changes"));
  if (scenario->overrides->len == 0)
    doc_plain (doc, _("No change to the pathway or its population."), 10);
  for (guint i = 0; i < scenario->overrides->len; i++)
    {
      g_autofree char *text = pc_business_case_describe_override (g_ptr_array_index (scenario->overrides, i));
      g_autofree char *line = g_strdup_printf ("• %s", text);

      doc_plain (doc, line, 10);
    }
  doc_heading (doc, _("Investment"));
  if (scenario->investments->len == 0)
    doc_plain (doc, _("No investment lines."), 10);
  for (guint i = 0; i < scenario->investments->len; i++)
    {
      const PcInvestment *investment = g_ptr_array_index (scenario->investments, i);
      g_autofree char *cost = pc_format_money (investment->cost_per_year);
      g_autofree char *first = pc_format_financial_year (investment->first_year);
      g_autofree char *last = pc_format_financial_year (investment->last_year);
      g_autofree char *line = g_strdup_printf (_("• %s: %s a year from %s to %s, funded by %s"), investment->name,
                                               cost, first, last, pc_funding_label (investment->funding));

      doc_plain (doc, line, 10);
    }
}

static void
write_comparison (Doc *doc)
{
  const PcScenarioComparison *compared = doc->job->compared;
  const PcComparison *comparison = compared->comparison;
  const char *headings[] = { _("Year"), _("Baseline"), _("Scenario"), _("Difference"), _("Cumulative") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PcCompareChart) chart = g_object_ref_sink (PC_COMPARE_CHART (pc_compare_chart_new ()));
  g_autofree double *baseline = g_new (double, comparison->n_years);
  g_autofree double *scenario = g_new (double, comparison->n_years);
  g_autofree double *cumulative = g_new (double, comparison->n_years);
  g_auto(GStrv) years = pc_axis_year_labels (comparison->years[0].year, comparison->n_years);
  g_autofree char *prices = pc_format_financial_year (compared->baseline->price_year);
  g_autofree char *title = g_strdup_printf (_("%s, %s: baseline and “%s”, at %s prices"), doc->job->pathway_title,
                                            doc->job->area, doc->job->scenario->name, prices);
  int payback = -1;

  for (guint i = 0; i < comparison->n_years; i++)
    {
      baseline[i] = compared->baseline->years[i].cost;
      scenario[i] = compared->scenario->years[i].cost;
      cumulative[i] = comparison->years[i].cumulative;
      if (comparison->has_payback && comparison->years[i].year == comparison->payback_year)
        payback = (int) i;
      g_ptr_array_add (rows, take_row (pc_format_financial_year (comparison->years[i].year),
                                       pc_format_money (baseline[i]), pc_format_money (scenario[i]),
                                       pc_format_money (comparison->years[i].difference),
                                       pc_format_money (cumulative[i]), NULL));
    }
  pc_compare_chart_set_data (chart, title, (const char * const *) years, comparison->n_years, baseline, scenario,
                             cumulative, payback);
  doc_need (doc, 370);
  doc_heading (doc, _("Cost by year: baseline beside scenario"));
  doc_chart (doc, pc_compare_chart_paint, chart, 330);
  doc_table (doc, headings, G_N_ELEMENTS (headings), rows, NULL);
}

/* Years down, one column per activity the scenario moves, as the window shows it. */
static void
write_activity (Doc *doc)
{
  const PcComparison *comparison = doc->job->compared->comparison;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  gboolean moved[PC_N_ACTIVITIES] = { FALSE, };
  guint n_moved = 0;

  doc_heading (doc, _("Activity moved (scenario minus baseline, units a year)"));
  g_strv_builder_add (headings, _("Year"));
  for (guint a = 0; a < PC_N_ACTIVITIES; a++)
    {
      for (guint i = 0; i < comparison->n_years; i++)
        moved[a] = moved[a] || comparison->years[i].activity[a] != 0.0;
      if (moved[a])
        {
          g_strv_builder_add (headings, pc_activity_label (a));
          n_moved++;
        }
    }
  if (n_moved == 0)
    {
      doc_plain (doc, _("The scenario moves no activity."), 10);
      return;
    }
  for (guint i = 0; i < comparison->n_years; i++)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      g_autofree char *year = pc_format_financial_year (comparison->years[i].year);

      g_strv_builder_add (row, year);
      for (guint a = 0; a < PC_N_ACTIVITIES; a++)
        if (moved[a])
          {
            g_autofree char *units = pc_format_number (comparison->years[i].activity[a], 2);

            g_strv_builder_add (row, units);
          }
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  texts = g_strv_builder_end (headings);
  doc_table (doc, (const char * const *) texts, n_moved + 1, rows, NULL);
}

static void
write_tornado (Doc *doc)
{
  const PcOneWay *one_way = doc->job->one_way;
  g_autoptr(PcTornadoChart) chart = g_object_ref_sink (PC_TORNADO_CHART (pc_tornado_chart_new ()));
  g_autofree char *prices = pc_format_financial_year (doc->job->compared->scenario->price_year);
  g_autofree char *title = g_strdup_printf (_("%s, %s, “%s”: total cost over the years as each input moves, "
                                              "at %s prices"), doc->job->pathway_title, doc->job->area,
                                            doc->job->scenario->name, prices);
  g_autofree char *base = pc_format_money (one_way->base_total);
  g_autofree char *text = g_strdup_printf (_("One-way sensitivity under the scenario: each input set to a low and a "
                                             "high value in turn, the others at base. Total cost at base: %s. "
                                             "The %u inputs that move it most:"),
                                           base, MIN (one_way->parameters->len, TORNADO_BARS));

  /* The heading, its words and its chart on one page. */
  doc_need (doc, 220 + 28 * MIN (one_way->parameters->len, TORNADO_BARS));
  doc_heading (doc, _("How sure: one input at a time"));
  doc_plain (doc, text, 10);
  pc_tornado_chart_set_one_way (chart, title, one_way, TORNADO_BARS);
  doc_chart (doc, pc_tornado_chart_paint, chart, 150 + 28 * MIN (one_way->parameters->len, TORNADO_BARS));
}

static void
write_psa (Doc *doc)
{
  const PcPsa *psa = doc->job->psa;
  g_autoptr(PcFanChart) chart = g_object_ref_sink (PC_FAN_CHART (pc_fan_chart_new ()));
  g_autofree double *mean = g_new (double, psa->n_years);
  g_autofree double *low = g_new (double, psa->n_years);
  g_autofree double *high = g_new (double, psa->n_years);
  g_auto(GStrv) years = pc_axis_year_labels (psa->years[0].year, psa->n_years);
  g_autofree char *prices = pc_format_financial_year (doc->job->compared->scenario->price_year);
  g_autofree char *n_runs = pc_format_number (psa->n_iterations, 0);
  g_autofree char *title = g_strdup_printf (_("%s, %s, “%s”: cost by year, mean and 95%% interval of %s runs, "
                                              "at %s prices"), doc->job->pathway_title, doc->job->area,
                                            doc->job->scenario->name, n_runs, prices);
  g_autofree char *total_mean = pc_format_money (psa->total.mean);
  g_autofree char *total_low = pc_format_money (psa->total.low);
  g_autofree char *total_high = pc_format_money (psa->total.high);
  g_autofree char *npv_mean = pc_format_money (psa->npv.mean);
  g_autofree char *npv_low = pc_format_money (psa->npv.low);
  g_autofree char *npv_high = pc_format_money (psa->npv.high);
  g_autofree char *runs = pc_format_number (psa->n_iterations, 0);
  g_autofree char *text = g_markup_printf_escaped (_("Probabilistic sensitivity under the scenario: %s runs, seed %"
                                                     G_GUINT64_FORMAT ", every uncertain input drawn at once.\n"
                                                     "<b>Total cost: mean %s, 95%% interval %s to %s.</b>\n"
                                                     "<b>NPV: mean %s, 95%% interval %s to %s.</b>"),
                                                   runs, psa->seed, total_mean, total_low, total_high,
                                                   npv_mean, npv_low, npv_high);

  for (guint i = 0; i < psa->n_years; i++)
    {
      mean[i] = psa->years[i].mean;
      low[i] = psa->years[i].low;
      high[i] = psa->years[i].high;
    }
  pc_fan_chart_set_data (chart, title, (const char * const *) years, psa->n_years, mean, low, high);
  doc_need (doc, 340);
  doc_heading (doc, _("How sure: everything at once"));
  doc_text (doc, text, 10, 6);
  doc_chart (doc, pc_fan_chart_paint, chart, 250);
}

static void
write_assumptions (Doc *doc)
{
  const Job *job = doc->job;
  g_autofree char *prices = pc_format_financial_year (job->price_year);
  g_autofree char *incidence = pc_format_financial_year (job->incidence_year);
  g_autofree char *inflation = format_rate (job->input->inflation);
  g_autofree char *scenario_inflation = format_rate (job->compared->scenario_inflation);
  g_autofree char *discount = format_rate (job->compared->discount_rate);
  g_autofree char *first = pc_format_financial_year (job->compared->comparison->years[0].year);
  g_autofree char *text = g_strdup_printf (_("• Costs at %s prices (the price year), inflated at %s a year "
                                             "(%s under the scenario).\n"
                                             "• Incidence as in %s (the incidence year), moved by the site's trend.\n"
                                             "• NPV discounted at %s a year to the start of %s.\n"
                                             "• Areas: %s (%s).\n"
                                             "• The figures are those of pathcost-cli compare and sensitivity "
                                             "on the same project, areas and years."),
                                           prices, inflation, scenario_inflation, incidence, discount, first,
                                           job->area, job->area_codes);

  doc_heading (doc, _("Assumptions"));
  doc_plain (doc, text, 10);
}

static void
write_sources (Doc *doc)
{
  GPtrArray *sources = doc->job->sources;
  const char *headings[] = { _("Data"), _("File"), _("Rows"), _("Imported") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  doc_heading (doc, _("Sources of the data"));
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PcSource *source = g_ptr_array_index (sources, i);

      g_ptr_array_add (rows, take_row (
        source->source != NULL ? g_strdup_printf ("%s: %s", source->kind, source->source) : g_strdup (source->kind),
        g_strdup (source->file_name != NULL ? source->file_name : _("source not recorded")),
        pc_format_number ((double) source->rows, 0),
        g_strndup (source->imported_at != NULL ? source->imported_at : "", 10), NULL));
    }
  if (rows->len == 0)
    doc_plain (doc, _("No import is recorded."), 10);
  else
    doc_table (doc, headings, G_N_ELEMENTS (headings), rows, (const double[]) { 0.52, 0.24, 0.1, 0.14 });
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_document (const Job  *job,
                FILE       *stream,
                GError    **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_file, stream, PAGE_WIDTH, PAGE_HEIGHT);
  Doc doc = { cairo_create (surface), NULL, job, MARGIN, 1 };
  g_autofree char *title = g_strdup_printf (_("Business case: %s"), job->scenario->name);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pathcost");
  doc.context = pango_cairo_create_context (doc.cr);
  pango_cairo_context_set_resolution (doc.context, 72.0);
  write_question (&doc);
  write_changes (&doc);
  write_comparison (&doc);
  write_activity (&doc);
  write_tornado (&doc);
  write_psa (&doc);
  write_assumptions (&doc);
  write_sources (&doc);
  doc_footer (&doc);
  cairo_show_page (doc.cr);
  g_object_unref (doc.context);
  status = cairo_status (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (job->path);

      g_set_error (error, PC_ERROR, PC_ERROR_IO, _("cannot write the business case to %s: %s"), display,
                   status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (errno) : cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Beside the target, then renamed: a failure leaves no half document. */
static gboolean
write_file (const Job  *job,
            GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (dir, template, NULL);
  g_autofree char *display = g_filename_display_name (job->path);
  int fd = g_mkstemp_full (temporary, O_RDWR, 0666);
  FILE *stream;
  gboolean ok;

  if (fd < 0 || (stream = fdopen (fd, "wb")) == NULL)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          close (fd);
          g_remove (temporary);
        }
      g_set_error (error, PC_ERROR, PC_ERROR_IO, _("cannot write the business case to %s: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  ok = write_document (job, stream, error);
  if (fflush (stream) != 0 || fsync (fileno (stream)) != 0)
    ok = ok && (g_set_error (error, PC_ERROR, PC_ERROR_IO, _("cannot write the business case to %s: %s"),
                             display, g_strerror (errno)), FALSE);
  fclose (stream);
  if (ok && g_rename (temporary, job->path) != 0)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_IO, _("cannot write the business case to %s: %s"), display,
                   g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_remove (temporary);
  return ok;
}

static void
computed (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || !write_file (job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

void
pc_business_case_write_async (const PcBusinessCaseRequest *request,
                              const char                  *path,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (path);
  job->font = request->font != NULL ? pango_font_description_copy (request->font)
                                    : pango_font_description_from_string ("Sans 10");
  job->pathway = pc_pathway_copy (request->pathway);
  job->input = pc_projection_input_copy (request->input);
  /* The document's copy: the worker must not share the window's. */
  job->scenario = pc_project_load_scenario (request->project, request->scenario->name, &error);
  job->pathway_title = pc_project_describe_pathway (request->project, request->pathway);
  job->area = g_strdup (request->area);
  job->area_codes = g_strdup (request->area_codes);
  job->ranges = pc_project_load_sensitivity_ranges (request->project);
  job->errors = pc_project_load_standard_errors (request->project);
  job->sources = pc_project_list_sources (request->project, NULL);
  job->price_year = request->input->price_year;
  job->incidence_year = request->input->incidence_year;
  if (job->scenario == NULL)
    {
      job_free (job);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  worker = g_task_new (NULL, cancellable, computed, task);
  g_task_set_task_data (worker, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (worker, compute_in_thread);
}

gboolean
pc_business_case_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
