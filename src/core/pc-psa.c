/* pc-psa.c: probabilistic sensitivity analysis.  The pathway and inputs are
 * flattened once into arrays; each iteration draws its parameters with GSL
 * and recomputes cost per patient and cost by year without allocating.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-psa"

#include "config.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "pc-activity.h"
#include "pc-sensitivity.h"

#define BLOCK_SIZE 250
#define DEFAULT_COST_CV 0.10
#define DEFAULT_SHARE_SE 0.05
#define DEFAULT_MIX_SE 0.02
#define DEFAULT_INCIDENCE_SE 0.05
#define DEFAULT_SURVIVAL_SE 0.02

typedef struct
{
  guint     n_steps;
  guint     n_years;              /* horizon */
  const PcPathway         *pathway;
  const PcProjectionInput *input;
  int      *cost_parameter;       /* per step: index of its unit-cost draw */
  double   *cost_cv;              /* per unit-cost parameter */
  guint     n_cost_parameters;
  double   *unit_cost;            /* per step, base */
  double   *share_k;              /* per step × stage: beta concentration, 0 = fixed */
  double    mix_concentration;    /* 0 = fixed */
  double    incidence_sigma;
  double    survival_k[PC_N_STAGES][PC_N_OFFSETS];   /* conditional survival, 0 = fixed */
  double   *trend_factor;         /* per input year: (1 + trend)^(y − incidence year) */
  double   *inflation_factor;     /* per horizon year */
  double   *discount_factor;
  double   *investment;           /* per horizon year, inflated */
  double   *costs;                /* n_iterations × n_years results */
  guint     n_iterations;
  guint64   seed;
  PcPsaProgress progress;         /* may be NULL */
  gpointer  progress_data;
  gint      done;                 /* iterations run, atomically */
  gint      stopped;              /* the caller said stop, atomically */
} Model;

static double
lookup_se (GHashTable *standard_errors,
           const char *id,
           double      fallback)
{
  double *se = standard_errors != NULL ? g_hash_table_lookup (standard_errors, id) : NULL;

  return se != NULL ? *se : fallback;
}

/* Beta concentration α + β from a mean and standard error; shares of 0 or 1
 * (or no spread) stay fixed.  A standard error too large for the mean is
 * capped so that α + β is at least 1. */
static double
beta_concentration (double mean,
                    double se)
{
  if (mean <= 0 || mean >= 1 || se <= 0)
    return 0.0;
  return MAX (mean * (1 - mean) / (se * se) - 1, 1.0);
}

static void
flatten_steps (Model      *model,
               GHashTable *standard_errors)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  const PcPathway *pathway = model->pathway;

  model->n_steps = pathway->steps->len;
  model->cost_parameter = g_new0 (int, MAX (model->n_steps, 1));
  model->cost_cv = g_new0 (double, MAX (model->n_steps, 1));
  model->unit_cost = g_new0 (double, MAX (model->n_steps, 1));
  model->share_k = g_new0 (double, MAX (model->n_steps, 1) * PC_N_STAGES);

  for (guint i = 0; i < model->n_steps; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      gpointer known;

      model->unit_cost[i] = pc_step_unit_cost (step, pathway->mff);
      if (g_hash_table_lookup_extended (by_name, step->name, NULL, &known))
        model->cost_parameter[i] = GPOINTER_TO_INT (known);
      else
        {
          g_autofree char *id = g_strconcat ("unit_cost:", step->name, NULL);
          double mean = model->unit_cost[i];
          double se = lookup_se (standard_errors, id, mean * DEFAULT_COST_CV);

          model->cost_parameter[i] = (int) model->n_cost_parameters;
          model->cost_cv[model->n_cost_parameters++] = mean > 0 ? se / mean : 0.0;
          g_hash_table_insert (by_name, step->name, GINT_TO_POINTER (model->cost_parameter[i]));
        }
      for (guint s = 0; s < PC_N_STAGES; s++)
        {
          g_autofree char *id = g_strdup_printf ("share:%s:%s", step->name, pc_stage_to_string (s));

          model->share_k[i * PC_N_STAGES + s] =
            beta_concentration (step->share[s], lookup_se (standard_errors, id, DEFAULT_SHARE_SE));
        }
    }
}

static void
flatten_epidemiology (Model      *model,
                      GHashTable *standard_errors)
{
  const PcProjectionInput *input = model->input;
  double largest = 0.0, se;

  for (guint s = 0; s < PC_N_STAGES; s++)
    largest = MAX (largest, input->stage_share[s]);
  se = lookup_se (standard_errors, "stage_mix", DEFAULT_MIX_SE);
  model->mix_concentration = beta_concentration (largest, se);

  se = lookup_se (standard_errors, "incidence", DEFAULT_INCIDENCE_SE);
  model->incidence_sigma = sqrt (log (1 + se * se));

  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      g_autofree char *id = g_strconcat ("survival:", pc_stage_to_string (s), NULL);

      se = lookup_se (standard_errors, id, DEFAULT_SURVIVAL_SE);
      for (guint k = 1; k <= PC_MAX_OFFSET; k++)
        {
          double before = input->survival[s][k - 1];
          double p = before > 0 ? input->survival[s][k] / before : 1.0;

          model->survival_k[s][k] = beta_concentration (p, se);
        }
    }
}

static void
flatten_years (Model *model)
{
  const PcProjectionInput *input = model->input;

  model->trend_factor = g_new (double, input->n_years);
  for (guint t = 0; t < input->n_years; t++)
    model->trend_factor[t] = pow (1 + input->trend,
                                  (double) (input->first_year + (int) t - input->incidence_year));
  model->inflation_factor = g_new (double, model->n_years);
  model->discount_factor = g_new (double, model->n_years);
  model->investment = g_new0 (double, model->n_years);
  for (guint t = 0; t < model->n_years; t++)
    {
      int year = input->base_year + (int) t;

      model->inflation_factor[t] = pow (1 + input->inflation, (double) (year - input->price_year));
      model->discount_factor[t] = 1 / pow (1 + input->discount_rate, (double) t);
      for (guint i = 0; i < input->investments->len; i++)
        {
          const PcInvestment *line = g_ptr_array_index (input->investments, i);

          if (year >= line->first_year && year <= line->last_year)
            model->investment[t] += line->cost_per_year * model->inflation_factor[t];
        }
    }
}

static void
model_clear (Model *model)
{
  g_free (model->cost_parameter);
  g_free (model->cost_cv);
  g_free (model->unit_cost);
  g_free (model->share_k);
  g_free (model->trend_factor);
  g_free (model->inflation_factor);
  g_free (model->discount_factor);
  g_free (model->investment);
  g_free (model->costs);
}

static double
draw_beta (gsl_rng *rng,
           double   mean,
           double   concentration)
{
  if (concentration <= 0)
    return mean;
  return gsl_ran_beta (rng, mean * concentration, (1 - mean) * concentration);
}

static void
draw_cost_per_patient (const Model      *model,
                       gsl_rng          *rng,
                       double           *multiplier,
                       PcCostPerPatient  cpp)
{
  const PcPathway *pathway = model->pathway;

  for (guint c = 0; c < model->n_cost_parameters; c++)
    {
      double cv = model->cost_cv[c];

      multiplier[c] = cv > 0 ? gsl_ran_gamma (rng, 1 / (cv * cv), cv * cv) : 1.0;
    }
  memset (cpp, 0, sizeof (PcCostPerPatient));
  for (guint i = 0; i < model->n_steps; i++)
    {
      const PcStep *step = g_ptr_array_index (pathway->steps, i);
      double unit = model->unit_cost[i] * multiplier[model->cost_parameter[i]];

      for (guint s = 0; s < PC_N_STAGES; s++)
        cpp[s][step->basis][step->year_offset] +=
          draw_beta (rng, step->share[s], model->share_k[i * PC_N_STAGES + s])
          * step->quantity * unit;
    }
}

static void
draw_stage_mix (const Model *model,
                gsl_rng     *rng,
                double       mix[PC_N_STAGES])
{
  double alpha[PC_N_STAGES], theta[PC_N_STAGES];
  guint index[PC_N_STAGES], n = 0;

  memcpy (mix, model->input->stage_share, sizeof (double) * PC_N_STAGES);
  if (model->mix_concentration <= 0)
    return;
  for (guint s = 0; s < PC_N_STAGES; s++)
    if (mix[s] > 0)
      {
        alpha[n] = mix[s] * model->mix_concentration;
        index[n++] = s;
      }
  if (n < 2)
    return;
  gsl_ran_dirichlet (rng, n, alpha, theta);
  for (guint j = 0; j < n; j++)
    mix[index[j]] = theta[j];
}

static void
draw_survival (const Model *model,
               gsl_rng     *rng,
               double       S[PC_N_STAGES][PC_N_OFFSETS + 1])
{
  const PcProjectionInput *input = model->input;

  for (guint s = 0; s < PC_N_STAGES; s++)
    {
      S[s][0] = 1.0;
      for (guint k = 1; k <= PC_MAX_OFFSET; k++)
        {
          double before = input->survival[s][k - 1];
          double p = before > 0 ? input->survival[s][k] / before : 1.0;

          S[s][k] = S[s][k - 1] * draw_beta (rng, p, model->survival_k[s][k]);
        }
      S[s][PC_N_OFFSETS] = S[s][PC_MAX_OFFSET];
    }
}

/* One iteration: draws every parameter, then cost(y) as docs/MODEL.md defines it. */
static void
run_iteration (const Model *model,
               gsl_rng     *rng,
               double      *multiplier,
               double      *costs)
{
  const PcProjectionInput *input = model->input;
  PcCostPerPatient cpp;
  double mix[PC_N_STAGES], S[PC_N_STAGES][PC_N_OFFSETS + 1];
  double incidence;

  draw_cost_per_patient (model, rng, multiplier, cpp);
  draw_stage_mix (model, rng, mix);
  incidence = model->incidence_sigma > 0
              ? gsl_ran_lognormal (rng, -model->incidence_sigma * model->incidence_sigma / 2,
                                   model->incidence_sigma)
              : 1.0;
  draw_survival (model, rng, S);

  for (guint t = 0; t < model->n_years; t++)
    {
      double cost = 0.0;

      for (guint k = 0; k < PC_N_OFFSETS; k++)
        {
          guint year = t + PC_MAX_OFFSET - k;
          double cases = input->crude_incidence[year] * model->trend_factor[year] * incidence;

          for (guint s = 0; s < PC_N_STAGES; s++)
            cost += cases * mix[s] * (pc_survival_weight (S[s], PC_BASIS_PATIENT, k)
                                      * cpp[s][PC_BASIS_PATIENT][k]
                                      + pc_survival_weight (S[s], PC_BASIS_DEATH, k)
                                      * cpp[s][PC_BASIS_DEATH][k]);
        }
      costs[t] = cost * model->inflation_factor[t] + model->investment[t];
    }
}

typedef struct
{
  Model *model;
  guint  thread;
  guint  n_threads;
} Worker;

static gpointer
run_blocks (gpointer data)
{
  Worker *worker = data;
  Model *model = worker->model;
  guint n_blocks = (model->n_iterations + BLOCK_SIZE - 1) / BLOCK_SIZE;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autofree double *multiplier = g_new (double, MAX (model->n_cost_parameters, 1));

  for (guint block = worker->thread; block < n_blocks; block += worker->n_threads)
    {
      guint first = block * BLOCK_SIZE;
      guint last = MIN (first + BLOCK_SIZE, model->n_iterations);
      guint done;

      if (g_atomic_int_get (&model->stopped))
        break;
      /* Each block its own stream: the figures do not depend on threads. */
      gsl_rng_set (rng, (unsigned long) (model->seed * 1000003u + block + 1));
      for (guint i = first; i < last; i++)
        run_iteration (model, rng, multiplier, model->costs + (gsize) i * model->n_years);
      /* Asked after every block, so a stop takes at most one block per thread. */
      done = (guint) g_atomic_int_add (&model->done, (gint) (last - first)) + (last - first);
      if (model->progress != NULL && !model->progress (done, model->n_iterations, model->progress_data))
        g_atomic_int_set (&model->stopped, 1);
    }
  gsl_rng_free (rng);
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
summarise (double    *values,
           guint      n,
           PcPsaYear *out)
{
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  qsort (values, n, sizeof (double), compare_doubles);
  out->mean = sum / n;
  out->low = pc_quantile_inc (values, n, 0.025);
  out->high = pc_quantile_inc (values, n, 0.975);
}

static void
summarise_all (const Model *model,
               PcPsa       *psa)
{
  guint n = model->n_iterations;
  g_autofree double *values = g_new (double, n);
  g_autofree double *totals = g_new0 (double, n);
  g_autofree double *npvs = g_new0 (double, n);

  for (guint t = 0; t < model->n_years; t++)
    {
      for (guint i = 0; i < n; i++)
        {
          values[i] = model->costs[(gsize) i * model->n_years + t];
          totals[i] += values[i];
          npvs[i] += values[i] * model->discount_factor[t];
        }
      psa->years[t].year = model->input->base_year + (int) t;
      summarise (values, n, &psa->years[t]);
    }
  summarise (totals, n, &psa->total);
  summarise (npvs, n, &psa->npv);
}

PcPsa *
pc_sensitivity_psa (const PcPathway         *pathway,
                    const PcProjectionInput *input,
                    GHashTable              *standard_errors,
                    guint                    n_iterations,
                    guint64                  seed,
                    guint                    n_threads)
{
  return pc_sensitivity_psa_full (pathway, input, standard_errors, n_iterations, seed, n_threads,
                                  NULL, NULL);
}

PcPsa *
pc_sensitivity_psa_full (const PcPathway         *pathway,
                         const PcProjectionInput *input,
                         GHashTable              *standard_errors,
                         guint                    n_iterations,
                         guint64                  seed,
                         guint                    n_threads,
                         PcPsaProgress            progress,
                         gpointer                 progress_data)
{
  Model model = { 0, };
  g_autofree GThread **threads = NULL;
  g_autofree Worker *workers = NULL;
  PcPsa *psa;

  g_return_val_if_fail (pathway != NULL && input != NULL, NULL);
  g_return_val_if_fail (n_iterations >= 1, NULL);

  model.pathway = pathway;
  model.input = input;
  model.n_years = pc_projection_input_get_horizon (input);
  model.n_iterations = n_iterations;
  model.seed = seed;
  model.progress = progress;
  model.progress_data = progress_data;
  flatten_steps (&model, standard_errors);
  flatten_epidemiology (&model, standard_errors);
  flatten_years (&model);
  model.costs = g_new (double, (gsize) n_iterations * model.n_years);

  n_threads = CLAMP (n_threads, 1, 64);
  threads = g_new0 (GThread *, n_threads);
  workers = g_new0 (Worker, n_threads);
  for (guint i = 0; i < n_threads; i++)
    {
      workers[i] = (Worker) { &model, i, n_threads };
      threads[i] = g_thread_new ("pc-psa", run_blocks, &workers[i]);
    }
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (threads[i]);
  if (g_atomic_int_get (&model.stopped))
    {
      model_clear (&model);
      return NULL;
    }

  psa = g_new0 (PcPsa, 1);
  psa->n_iterations = n_iterations;
  psa->seed = seed;
  psa->n_years = model.n_years;
  psa->years = g_new0 (PcPsaYear, model.n_years);
  summarise_all (&model, psa);
  model_clear (&model);
  return psa;
}

void
pc_psa_free (PcPsa *psa)
{
  if (psa == NULL)
    return;
  g_free (psa->years);
  g_free (psa);
}
