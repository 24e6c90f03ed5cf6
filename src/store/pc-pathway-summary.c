/* pc-pathway-summary.c: the pathway list's items and their one query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-pathway-summary"
#include "config.h"

#include <sqlite3.h>

#include "pc-labels.h"
#include "pc-pathway-summary.h"
#include "pc-project-private.h"

struct _PcPathwaySummary
{
  GObject        parent_instance;
  char          *name;
  char          *site;
  PcPathwayKind  kind;
  char          *provider;
  guint          n_steps;
  char          *title;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_SITE,
  PROP_KIND,
  PROP_PROVIDER,
  PROP_N_STEPS,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PcPathwaySummary, pc_pathway_summary, G_TYPE_OBJECT)

static void
pc_pathway_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcPathwaySummary *self = PC_PATHWAY_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_pathway_summary_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PcPathwaySummary *self = PC_PATHWAY_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_SITE:
      self->site = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_PROVIDER:
      self->provider = g_value_dup_string (value);
      break;
    case PROP_N_STEPS:
      self->n_steps = g_value_get_uint (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_pathway_summary_finalize (GObject *object)
{
  PcPathwaySummary *self = PC_PATHWAY_SUMMARY (object);

  g_free (self->name);
  g_free (self->site);
  g_free (self->provider);
  g_free (self->title);
  G_OBJECT_CLASS (pc_pathway_summary_parent_class)->finalize (object);
}

static void
pc_pathway_summary_class_init (PcPathwaySummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                      | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = pc_pathway_summary_get_property;
  object_class->set_property = pc_pathway_summary_set_property;
  object_class->finalize = pc_pathway_summary_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SITE] = g_param_spec_string ("site", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, PC_N_KINDS - 1, 0, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, NULL, flags);
  properties[PROP_N_STEPS] = g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_pathway_summary_init (PcPathwaySummary *self)
{
}

const char *
pc_pathway_summary_get_name (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), NULL);
  return self->name;
}

const char *
pc_pathway_summary_get_site (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), NULL);
  return self->site;
}

PcPathwayKind
pc_pathway_summary_get_kind (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), PC_KIND_BEST_PRACTICE);
  return self->kind;
}

const char *
pc_pathway_summary_get_provider (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), NULL);
  return self->provider;
}

guint
pc_pathway_summary_get_n_steps (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), 0);
  return self->n_steps;
}

const char *
pc_pathway_summary_get_title (PcPathwaySummary *self)
{
  g_return_val_if_fail (PC_IS_PATHWAY_SUMMARY (self), NULL);
  return self->title;
}

/* The same words as pc_project_describe_pathway, from the joined row. */
static char *
describe (const char    *site_name,
          PcPathwayKind  kind,
          const char    *provider,
          const char    *provider_name)
{
  if (provider != NULL && provider_name != NULL)
    return g_strdup_printf ("%s, %s: %s (%s)", site_name, pc_kind_label (kind), provider_name, provider);
  return g_strdup_printf ("%s, %s", site_name, pc_kind_label (kind));
}

static PcPathwaySummary *
summary_from_row (sqlite3_stmt *stmt)
{
  const char *kind_text = (const char *) sqlite3_column_text (stmt, 2);
  const char *provider = (const char *) sqlite3_column_text (stmt, 3);
  PcPathwayKind kind = PC_KIND_CURRENT;
  g_autofree char *title = NULL;

  /* Checked on open (pc-project-check.c): an unknown kind cannot get here. */
  pc_kind_from_string (kind_text, &kind);
  title = describe ((const char *) sqlite3_column_text (stmt, 4), kind, provider,
                    (const char *) sqlite3_column_text (stmt, 5));
  return g_object_new (PC_TYPE_PATHWAY_SUMMARY,
                       "name", (const char *) sqlite3_column_text (stmt, 0),
                       "site", (const char *) sqlite3_column_text (stmt, 1),
                       "kind", (guint) kind,
                       "provider", provider,
                       "n-steps", (guint) sqlite3_column_int (stmt, 6),
                       "title", title,
                       NULL);
}

GListStore *
pc_project_list_pathway_summaries (PcProject  *self,
                                   GError    **error)
{
  g_autoptr(GListStore) summaries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PC_IS_PROJECT (self), NULL);

  stmt = _pc_project_prepare (self,
                              "SELECT p.name, p.site, p.kind, p.provider, COALESCE (s.name, p.site), "
                              "v.name, (SELECT COUNT (*) FROM pathway_steps t WHERE t.pathway = p.name) "
                              "FROM pathways p LEFT JOIN sites s ON s.code = p.site "
                              "LEFT JOIN providers v ON v.code = p.provider "
                              "ORDER BY p.site, p.kind, p.name", NULL, error);
  if (stmt == NULL)
    return NULL;
  summaries = g_list_store_new (PC_TYPE_PATHWAY_SUMMARY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PcPathwaySummary) summary = summary_from_row (stmt);

      g_list_store_append (summaries, summary);
    }
  if (!_pc_project_finish (self, stmt, rc, "list its pathways", error))
    return NULL;
  return g_steal_pointer (&summaries);
}
