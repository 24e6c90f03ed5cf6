/* pc-project.h: a Pathcost project file (one SQLite database) opened for
 * reading and writing, with the checks that keep foreign files harmless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "pc-activity.h"
#include "pc-model.h"
#include "pc-projection.h"
#include "pc-scenario.h"
#include "pc-sensitivity.h"
#include "pc-step-field.h"

G_BEGIN_DECLS

/* 'PthC': PRAGMA application_id of every Pathcost project. */
#define PC_PROJECT_APPLICATION_ID 0x50746843
#define PC_PROJECT_SCHEMA_VERSION 7

#define PC_TYPE_PROJECT (pc_project_get_type ())
G_DECLARE_FINAL_TYPE (PcProject, pc_project, PC, PROJECT, GObject)

typedef enum
{
  PC_PROJECT_OPEN_DEFAULT   = 0,
  PC_PROJECT_OPEN_READ_ONLY = 1 << 0,
} PcProjectOpenFlags;

/* Creates a new, empty project; refuses to overwrite an existing file. */
PcProject   *pc_project_create              (const char   *path,
                                             GError      **error);
/* Opens an existing project, refusing (unmodified) a file that is not a
 * project, comes from a newer version, or is damaged. */
PcProject   *pc_project_open                (const char   *path,
                                             GError      **error);
PcProject   *pc_project_open_full           (const char        *path,
                                             PcProjectOpenFlags flags,
                                             GError           **error);
const char  *pc_project_get_path            (PcProject    *self);
/* What opening the project did that the user should be told of, once: an
 * interrupted change undone, a stray journal set aside; NULL when nothing. */
const char  *pc_project_get_notice          (PcProject    *self);
/* The file name as the user should read it in a message. */
const char  *pc_project_get_display_name    (PcProject    *self);
sqlite3     *pc_project_get_db              (PcProject    *self);

/* Every change is made between begin (BEGIN IMMEDIATE, so a second writer
 * learns at once that the project is in use) and commit or rollback.  The
 * calls nest: a begin inside another opens a savepoint, whose commit
 * keeps its work for the outer commit and whose rollback undoes only it,
 * so an edit that is one change of its own can also be part of a larger
 * one (an undo step). */
gboolean     pc_project_begin               (PcProject    *self,
                                             GError      **error);
gboolean     pc_project_commit              (PcProject    *self,
                                             GError      **error);
void         pc_project_rollback            (PcProject    *self);

/* Writes a consistent copy of the project to @dest_path, replacing it
 * atomically (a temporary file beside it, fsync, rename, fsync of the
 * folder): Save, Save As and the working copy.  Works on a project opened
 * read-only; refused while a change is being made. */
gboolean     pc_project_write_copy          (PcProject    *self,
                                             const char   *dest_path,
                                             GError      **error);

/* Settings: discount_rate (default 0.035), inflation (default 0),
 * incidence_year and price_year (the years the trend and inflation count
 * from; docs/MODEL.md, "Base years"), the risk register's tolerances; and
 * for sensitivity analysis, range:PARAMETER ("LOW,HIGH") and se:PARAMETER
 * (a standard error), PARAMETER as pc-sensitivity.h names it. */
gboolean     pc_project_set_setting         (PcProject    *self,
                                             const char   *key,
                                             const char   *value,
                                             GError      **error);
double       pc_project_get_discount_rate   (PcProject    *self);
double       pc_project_get_inflation       (PcProject    *self);
int          pc_project_get_incidence_year  (PcProject    *self);
int          pc_project_get_price_year      (PcProject    *self);
/* Any numeric setting by key, its default when unset. */
double       pc_project_get_setting         (PcProject    *self,
                                             const char   *key);
/* id → PcRange, and id → double (standard error); free with g_hash_table_unref. */
GHashTable  *pc_project_load_sensitivity_ranges (PcProject *self);
GHashTable  *pc_project_load_standard_errors    (PcProject *self);

/* Reads one pathway with its steps, unit prices and provider MFF. */
PcPathway   *pc_project_load_pathway        (PcProject    *self,
                                             const char   *name,
                                             GError      **error);
/* Names of all pathways, ordered by site, kind and name. */
GStrv        pc_project_list_pathways       (PcProject    *self,
                                             GError      **error);
/* A place a user can choose: an area, or a group of areas (members set). */
typedef struct
{
  char *code;
  char *name;
  GStrv members;      /* NULL for an area */
} PcPlace;

void         pc_place_free                  (PcPlace      *place);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPlace, pc_place_free)

/* Area codes for @codes, each group replaced by its members, each area
 * once; a code that is neither is an error naming it. */
GStrv        pc_project_expand_areas        (PcProject          *self,
                                             const char * const *codes,
                                             GError            **error);
/* Of PcPlace: the groups (with members), then the areas, each by name. */
GPtrArray   *pc_project_list_places         (PcProject    *self,
                                             GError      **error);
/* "Name (CODE)" for each code, joined by " + ". */
char        *pc_project_describe_areas      (PcProject          *self,
                                             const char * const *codes);
/* The pathway as a person reads it: its site's name, its kind, and its
 * provider's name and code. */
char        *pc_project_describe_pathway    (PcProject          *self,
                                             const PcPathway    *pathway);

/* An area's name, or NULL when the code is not an area. */
char        *pc_project_get_area_name       (PcProject          *self,
                                             const char         *code);
/* Makes @code the group of @members called @name (the code when empty),
 * replacing any group of that code; refuses an area's code, no members or
 * an area not in the project. */
gboolean     pc_project_set_area_group      (PcProject          *self,
                                             const char         *code,
                                             const char         *name,
                                             const char * const *members,
                                             GError            **error);
gboolean     pc_project_delete_area_group   (PcProject          *self,
                                             const char         *code,
                                             GError            **error);
/* Provider code → name, for every provider. */
GHashTable  *pc_project_load_provider_names (PcProject          *self,
                                             GError            **error);

/* Where the figures came from: one record per import, newest first, then
 * one per table that holds rows no record accounts for (source NULL and
 * file_name NULL: "source not recorded"). */
typedef struct
{
  char    *kind;
  char    *table;
  char    *file_name;
  char    *sha256;
  guint64  rows;
  char    *imported_at;   /* ISO 8601, UTC */
  char    *source;        /* the publication the user named; NULL when not given */
} PcSource;

void         pc_source_free                 (PcSource     *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcSource, pc_source_free)

gboolean     pc_project_record_import       (PcProject    *self,
                                             const char   *kind,
                                             const char   *file_name,
                                             const char   *sha256,
                                             guint64       rows,
                                             const char   *source,
                                             GError      **error);
GPtrArray   *pc_project_list_sources        (PcProject    *self,
                                             GError      **error);
/* The source text of the last import of @kind, to suggest for the next. */
char        *pc_project_get_last_source     (PcProject    *self,
                                             const char   *kind);

/* Codes of all areas, in order. */
GStrv        pc_project_list_areas          (PcProject    *self,
                                             GError      **error);
/* Gathers what a projection of @site over @areas needs for the years
 * from - PC_MAX_OFFSET to from + n_years - 1. */
PcProjectionInput *pc_project_load_projection_input (PcProject          *self,
                                                     const char         *site,
                                                     const char * const *areas,
                                                     int                 from,
                                                     int                 n_years,
                                                     GError            **error);

/* What a site's cost per patient needs without any area: its trend, stage
 * shares and survival, and the settings; no patients (a one-year input at
 * the price year).  For the expected cost per patient of a pathway. */
PcProjectionInput *pc_project_load_site_input (PcProject          *self,
                                               const char         *site,
                                               GError            **error);

/* Incidence per 100 000 by sex and age band (0 where none is given). */
typedef double PcRates[PC_N_SEXES][PC_N_AGE_BANDS];

gboolean     pc_project_load_incidence_rates (PcProject         *self,
                                              const char        *site,
                                              PcRates            rates,
                                              GError           **error);
/* One year of an area's population, by sex and age band. */
typedef struct
{
  int    year;
  double count[PC_N_SEXES][PC_N_AGE_BANDS];
} PcPopulationYear;

/* Of PcPopulationYear, by year: the rows of @area a projection from
 * @first_year to @last_year reads (docs/MODEL.md, "Population outside its
 * years": from the latest year not after @first_year, else the first, to
 * the one @last_year uses). */
GPtrArray   *pc_project_load_population_span (PcProject         *self,
                                              const char        *area,
                                              int                first_year,
                                              int                last_year,
                                              GError           **error);

/* Scenarios: loaded and saved whole; saving checks every change against
 * the project (the step exists, the stage mix still sums to 1). */
GStrv        pc_project_list_scenarios      (PcProject         *self,
                                             GError           **error);
PcScenario  *pc_project_load_scenario       (PcProject         *self,
                                             const char        *name,
                                             GError           **error);
gboolean     pc_project_save_scenario       (PcProject         *self,
                                             const PcScenario  *scenario,
                                             GError           **error);
gboolean     pc_project_delete_scenario     (PcProject         *self,
                                             const char        *name,
                                             GError           **error);

/* Writing scenarios row by row inside a change the caller began (an
 * import, or pc_project_save_scenario): the one writer of scenario_changes
 * and scenario_investments.  A row is checked (site, pathway and step
 * known, the value in its parameter's range; an investment's years, cost
 * and scope) before it is added; a scenario's stage mix of a site, once
 * all its changes are in. */
typedef struct _PcScenarioWriter PcScenarioWriter;

/* The part of a change a check refused. */
typedef enum
{
  PC_OVERRIDE_SITE,
  PC_OVERRIDE_PATHWAY,
  PC_OVERRIDE_STEP,
  PC_OVERRIDE_VALUE,
} PcOverrideField;

PcScenarioWriter *pc_scenario_writer_new    (PcProject           *project,
                                             GError             **error);
void         pc_scenario_writer_free        (PcScenarioWriter    *writer);
/* Deletes @scenario's changes and investment lines. */
gboolean     pc_scenario_writer_clear       (PcScenarioWriter    *writer,
                                             const char          *scenario,
                                             GError             **error);
/* @field (when not NULL) gets the part refused. */
gboolean     pc_scenario_writer_check_change (PcScenarioWriter   *writer,
                                             const PcOverride    *override,
                                             PcOverrideField     *field,
                                             GError             **error);
gboolean     pc_scenario_writer_add_change  (PcScenarioWriter    *writer,
                                             const char          *scenario,
                                             const PcOverride    *override,
                                             GError             **error);
gboolean     pc_scenario_writer_check_investment (PcScenarioWriter   *writer,
                                                  const PcInvestment *investment,
                                                  GError            **error);
gboolean     pc_scenario_writer_add_investment (PcScenarioWriter    *writer,
                                                const char          *scenario,
                                                const PcInvestment  *investment,
                                                GError             **error);
/* The stage shares @scenario gives @site, with the site's own for stages
 * it does not change, still sum to 1. */
gboolean     pc_scenario_writer_check_stage_mix (PcScenarioWriter *writer,
                                                 const char       *scenario,
                                                 const char       *site,
                                                 GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcScenarioWriter, pc_scenario_writer_free)

/* Writing whole pathways row by row inside a change the caller began (an
 * import of pathway_steps): statements are prepared and the tariff codes
 * read once, for speed; the one writer of pathways and pathway_steps
 * besides the step edits below. */
typedef struct _PcPathwayWriter PcPathwayWriter;

PcPathwayWriter *pc_pathway_writer_new      (PcProject        *project,
                                             GError          **error);
void         pc_pathway_writer_free         (PcPathwayWriter  *writer);
/* Replaces pathway @name (its steps too) with an empty one; @provider NULL
 * or empty for none. */
gboolean     pc_pathway_writer_replace      (PcPathwayWriter  *writer,
                                             const char       *name,
                                             const char       *site,
                                             PcPathwayKind     kind,
                                             const char       *provider,
                                             GError          **error);
/* The rules every step written to a project meets (pc_step_check, then a
 * known basis and activity, a phase and funding, a tariff code in the
 * tariffs), as the step edits apply them; @field gets the field refused. */
gboolean     pc_pathway_writer_check_step   (PcPathwayWriter  *writer,
                                             const PcStep     *step,
                                             PcStepField      *field,
                                             GError          **error);
/* Writes @step, checked, at @position of @pathway; a blank tariff code and
 * a NaN local cost are written as none. */
gboolean     pc_pathway_writer_add_step     (PcPathwayWriter  *writer,
                                             const char       *pathway,
                                             gint64            position,
                                             const PcStep     *step,
                                             GError          **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPathwayWriter, pc_pathway_writer_free)

/* Editing one pathway's steps, each call one change.  @index counts from 0
 * in the order pc_project_load_pathway gives; a step is checked as an
 * import checks it (pc_step_validate, a known tariff code, phase and
 * funding given, no second step of the same name, year and basis).
 * tariff_price and any unit cost override in @step are ignored, and so is
 * local_unit_cost when the step has a tariff code. */
gboolean     pc_project_update_step         (PcProject     *self,
                                             const char    *pathway,
                                             guint          index,
                                             const PcStep  *step,
                                             GError       **error);
/* Inserts before @index; @index equal to the number of steps appends. */
gboolean     pc_project_insert_step         (PcProject     *self,
                                             const char    *pathway,
                                             guint          index,
                                             const PcStep  *step,
                                             GError       **error);
gboolean     pc_project_delete_step         (PcProject     *self,
                                             const char    *pathway,
                                             guint          index,
                                             GError       **error);
/* Afterwards the step that was at @from is at @to. */
gboolean     pc_project_move_step           (PcProject     *self,
                                             const char    *pathway,
                                             guint          from,
                                             guint          to,
                                             GError       **error);
/* Every tariff code, in order, for completion in the editor. */
GStrv        pc_project_list_tariff_codes   (PcProject     *self,
                                             GError       **error);
/* A tariff's description, unit and price year; all NULL and 0 when the
 * code is not in the tariffs. */
gboolean     pc_project_describe_tariff     (PcProject     *self,
                                             const char    *code,
                                             char         **description,
                                             char         **unit,
                                             int           *year,
                                             GError       **error);
/* The first best-practice pathway of @site by name, or NULL. */
char        *pc_project_find_best_practice  (PcProject     *self,
                                             const char    *site);
/* The pathways of @site: best practice first, then current ones, each
 * kind by name. */
GStrv        pc_project_list_pathways_for_site (PcProject  *self,
                                                const char *site,
                                                GError    **error);

/* Whether any patient-level activity was imported. */
gboolean     pc_project_has_activity        (PcProject     *self);
/* Patient-level activity (docs/MODEL.md's definitions), each optionally for one
 * provider.  Arrays of PcFlow, PcActualCost, PcCompliance, PcUnitCost. */
GPtrArray   *pc_project_activity_flows      (PcProject    *self,
                                             const char   *provider,
                                             GError      **error);
GPtrArray   *pc_project_activity_costs      (PcProject    *self,
                                             const char   *provider,
                                             GError      **error);
GPtrArray   *pc_project_activity_compliance (PcProject    *self,
                                             const char   *pathway,
                                             const char   *provider,
                                             GError      **error);
GPtrArray   *pc_project_activity_unit_costs (PcProject    *self,
                                             const char   *provider,
                                             GError      **error);
gboolean     pc_project_apply_unit_costs    (PcProject    *self,
                                             const char   *pathway,
                                             guint        *n_steps,
                                             GError      **error);
/* The pathway risk register: entries derived from compliance with every
 * best-practice pathway and from unit costs, with what the user wrote
 * about each (owner, action, status, due date) kept across re-imports. */
GPtrArray   *pc_project_risk_register       (PcProject    *self,
                                             const char   *provider,
                                             GError      **error);
/* Records owner, action, status and due date of the entry @risk's key
 * names; a note left NULL keeps what the entry had.  A due date is
 * YYYY-MM-DD, a real calendar date (else PC_ERROR_INVALID naming "due"),
 * or "" to clear it. */
gboolean     pc_project_set_risk_notes      (PcProject    *self,
                                             const PcRisk *risk,
                                             GError      **error);

G_END_DECLS
