/* pc-row-list.c: a reference table as a lazy GListModel of formatted rows.
 *
 * A (re)load reads only the rowids, in primary-key order; rows are read by
 * rowid a page at a time when a view asks for them, and a few pages are
 * kept.  So a population table of a million rows costs 8 MB of rowids and
 * a few hundred row objects, however far the user scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-row-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-project-private.h"
#include "pc-row-list.h"
#include "pc-row-private.h"
#include "pc-tables.h"

#define PAGE_SIZE 256
/* A view shows at most a page or two at once; two more spare a re-read
 * when the user scrolls back and forth across a page boundary. */
#define N_CACHED_PAGES 4

typedef struct
{
  guint      page;
  guint64    last_used;
  GPtrArray *rows;  /* PcRow, NULL when the slot is free */
} CachedPage;

struct _PcRowList
{
  GObject          parent_instance;
  PcProject       *project;
  const PcTableInfo *spec;   /* what pc-tables.c says of the table */
  guint            n_columns;
  char            *select_sql;
  GArray          *rowids;  /* gint64, in primary-key order */
  CachedPage       cache[N_CACHED_PAGES];
  guint64          clock;
  GError          *read_error;
  gboolean         read_error_unannounced;
  int              sort_column;      /* -1: the table's own order */
  gboolean         sort_descending;
  char            *filter;           /* NULL: every row */
};

enum {
  PROP_0,
  PROP_READ_ERROR,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void pc_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PcRowList, pc_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pc_row_list_model_init))

static void
clear_cache (PcRowList *self)
{
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    g_clear_pointer (&self->cache[i].rows, g_ptr_array_unref);
}

/* Trims trailing zeros of pc_format_number's text down to @min decimals. */
static char *
format_decimal (double value,
                guint  min_decimals,
                guint  max_decimals)
{
  char *text = pc_format_number (value, max_decimals);
  char *point = strchr (text, '.');
  gsize keep;

  if (point == NULL)
    return text;
  keep = strlen (text);
  while (keep > (gsize) (point - text) + 1 + min_decimals && text[keep - 1] == '0')
    keep--;
  if (text[keep - 1] == '.')
    keep--;
  text[keep] = '\0';
  return text;
}

static char *
format_cell (sqlite3_stmt     *stmt,
             int               index,
             const PcColumnInfo *column)
{
  int type = sqlite3_column_type (stmt, index);
  double value;

  if (type == SQLITE_NULL)
    return g_strdup ("");
  /* SQLite lets any column hold text: a figure that is not a number is
   * shown as it was written, never as a made-up 0.  The file may come from
   * anywhere, and a label needs valid UTF-8. */
  if (column->format == PC_CELL_TEXT || type == SQLITE_TEXT || type == SQLITE_BLOB)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);
      int length = sqlite3_column_bytes (stmt, index);

      return g_utf8_make_valid (text != NULL ? text : "", length);
    }

  value = sqlite3_column_double (stmt, index);
  switch (column->format)
    {
    case PC_CELL_MONEY:
      return pc_format_money (value);
    case PC_CELL_YEAR:
      if (type == SQLITE_INTEGER)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, index));
      return format_decimal (value, 0, 2);
    case PC_CELL_COUNT:
    case PC_CELL_DECIMAL:
      return format_decimal (value, column->min_decimals, column->max_decimals);
    case PC_CELL_PERCENT:
      {
        g_autofree char *number = format_decimal (value * 100.0, column->min_decimals,
                                                  column->max_decimals);

        return g_strconcat (number, "%", NULL);
      }
    case PC_CELL_TEXT:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static PcRow *
empty_row (PcRowList *self)
{
  GStrv texts = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    texts[i] = g_strdup ("");
  return _pc_row_new (texts);
}

/* Keeps the first failure to read a page, for the view to show: get_item()
 * has no way to return it.  Announced once get_item() holds its row, so a
 * handler may even reload the list. */
static void
take_read_error (PcRowList *self,
                 GError    *error)
{
  if (self->read_error != NULL)
    {
      g_error_free (error);
      return;
    }
  self->read_error = error;
  self->read_error_unannounced = TRUE;
}

/* Reads one page of rows by rowid.  A row that has gone (the file changed
 * under a list not yet reloaded) or cannot be read shows empty cells: a
 * GListModel must give an item for every position it announced. */
static GPtrArray *
read_page (PcRowList *self,
           guint      page)
{
  GError *error = NULL;
  g_autofree char *doing = g_strdup_printf ("read the %s", self->spec->name);
  guint first = page * PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->rowids->len);
  GPtrArray *rows = g_ptr_array_new_full (last - first, g_object_unref);
  sqlite3_stmt *stmt = _pc_project_prepare (self->project, self->select_sql, NULL, &error);

  if (stmt == NULL)
    take_read_error (self, error);

  for (guint i = first; i < last; i++)
    {
      GStrv texts;
      int rc;

      if (stmt == NULL)
        {
          g_ptr_array_add (rows, empty_row (self));
          continue;
        }
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (self->rowids, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          /* SQLITE_DONE: the row went since the last reload, no error. */
          if (rc != SQLITE_DONE)
            {
              _pc_project_sqlite_error (self->project, rc, doing, &error);
              take_read_error (self, error);
              error = NULL;
            }
          g_ptr_array_add (rows, empty_row (self));
          continue;
        }
      texts = g_new0 (char *, self->n_columns + 1);
      for (guint c = 0; c < self->n_columns; c++)
        texts[c] = format_cell (stmt, (int) c, &self->spec->columns[c]);
      g_ptr_array_add (rows, _pc_row_new (texts));
    }
  sqlite3_finalize (stmt);
  return rows;
}

static GPtrArray *
lookup_page (PcRowList *self,
             guint      page)
{
  CachedPage *victim = &self->cache[0];

  self->clock++;
  for (guint i = 0; i < N_CACHED_PAGES; i++)
    {
      CachedPage *slot = &self->cache[i];

      if (slot->rows != NULL && slot->page == page)
        {
          slot->last_used = self->clock;
          return slot->rows;
        }
      /* A free slot, else the page used longest ago. */
      if (victim->rows != NULL && (slot->rows == NULL || slot->last_used < victim->last_used))
        victim = slot;
    }

  g_clear_pointer (&victim->rows, g_ptr_array_unref);
  victim->rows = read_page (self, page);
  victim->page = page;
  victim->last_used = self->clock;
  return victim->rows;
}

static GType
pc_row_list_get_item_type (GListModel *model)
{
  return PC_TYPE_ROW;
}

static guint
pc_row_list_get_n_items (GListModel *model)
{
  PcRowList *self = PC_ROW_LIST (model);

  return self->rowids->len;
}

static gpointer
pc_row_list_get_item (GListModel *model,
                      guint       position)
{
  PcRowList *self = PC_ROW_LIST (model);
  GPtrArray *rows;
  PcRow *row;

  if (position >= self->rowids->len)
    return NULL;
  rows = lookup_page (self, position / PAGE_SIZE);
  row = g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
  if (self->read_error_unannounced)
    {
      self->read_error_unannounced = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ERROR]);
    }
  return row;
}

static void
pc_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pc_row_list_get_item_type;
  iface->get_n_items = pc_row_list_get_n_items;
  iface->get_item = pc_row_list_get_item;
}

static void
pc_row_list_finalize (GObject *object)
{
  PcRowList *self = PC_ROW_LIST (object);

  clear_cache (self);
  g_clear_error (&self->read_error);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->select_sql, g_free);
  g_clear_pointer (&self->filter, g_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (pc_row_list_parent_class)->finalize (object);
}

static void
pc_row_list_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PcRowList *self = PC_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_READ_ERROR:
      g_value_set_boxed (value, self->read_error);
      break;
    case PROP_SORT_COLUMN:
      g_value_set_int (value, self->sort_column);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_row_list_class_init (PcRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_row_list_finalize;
  object_class->get_property = pc_row_list_get_property;

  properties[PROP_READ_ERROR] =
    g_param_spec_boxed ("read-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Set with pc_row_list_set_order and pc_row_list_set_filter, which can
   * fail: the store sorts and filters, never the view's models. */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_int ("sort-column", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_row_list_init (PcRowList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sort_column = -1;
}

/* "%text%" for LIKE, with LIKE's own characters taken as written. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The rowids of the rows the filter keeps, in the order asked (then
 * primary-key order), or NULL on failure.  SQLite sorts and filters: a
 * five-million-row activity table never comes into memory as rows. */
static GArray *
read_rowids (PcRowList  *self,
             GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *doing = g_strdup_printf ("read the %s", self->spec->name);
  g_autofree char *pattern = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_string_append_printf (sql, "SELECT rowid FROM %s", self->spec->name);
  if (self->filter != NULL)
    {
      /* Stored values, as text: a code or a name as shown, a figure
       * without its £ or thousands separators. */
      g_string_append (sql, " WHERE ");
      for (guint c = 0; c < self->n_columns; c++)
        g_string_append_printf (sql, "%sCAST(%s AS TEXT) LIKE ?1 ESCAPE '\\'", c > 0 ? " OR " : "",
                                self->spec->columns[c].name);
      pattern = like_pattern (self->filter);
    }
  g_string_append (sql, " ORDER BY ");
  if (self->sort_column >= 0)
    g_string_append_printf (sql, "%s %s, ", self->spec->columns[self->sort_column].name,
                            self->sort_descending ? "DESC" : "ASC");
  g_string_append (sql, self->spec->browse_order);
  stmt = _pc_project_prepare (self->project, sql->str, NULL, error);
  if (stmt == NULL)
    return NULL;
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  if (!_pc_project_finish (self->project, stmt, rc, doing, error))
    return NULL;
  return g_steal_pointer (&rowids);
}

/* The tables pc-tables.c gives a title: those a user browses. */
const char * const *
pc_row_list_get_tables (void)
{
  static GStrv names;

  if (g_once_init_enter (&names))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint n_tables;
      const PcTableInfo *tables = pc_tables_get_all (&n_tables);

      for (guint i = 0; i < n_tables; i++)
        if (tables[i].title != NULL)
          g_strv_builder_add (builder, tables[i].name);
      g_once_init_leave (&names, g_strv_builder_end (builder));
    }
  return (const char * const *) names;
}

PcRowList *
pc_row_list_new (PcProject   *project,
                 const char  *table,
                 GError     **error)
{
  g_autoptr(PcRowList) self = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  const PcTableInfo *spec = pc_tables_lookup (table);
  GArray *rowids;

  g_return_val_if_fail (PC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (spec == NULL || spec->title == NULL)
    {
      g_set_error (error, PC_ERROR, PC_ERROR_INVALID,
                   _("“%s” is not a reference table of a project"), table);
      return NULL;
    }

  self = g_object_new (PC_TYPE_ROW_LIST, NULL);
  self->project = g_object_ref (project);
  self->spec = spec;
  self->n_columns = pc_table_get_n_columns (spec);
  for (guint c = 0; c < self->n_columns; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", spec->columns[c].name);
  g_string_append_printf (sql, " FROM %s WHERE rowid = ?", spec->name);
  self->select_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  rowids = read_rowids (self, error);
  if (rowids == NULL)
    return NULL;
  g_array_unref (self->rowids);
  self->rowids = rowids;
  return g_steal_pointer (&self);
}

PcProject *
pc_row_list_get_project (PcRowList *self)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), NULL);
  return self->project;
}

const char *
pc_row_list_get_table (PcRowList *self)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), NULL);
  return self->spec->name;
}

guint
pc_row_list_get_n_columns (PcRowList *self)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), 0);
  return self->n_columns;
}

const char *
pc_row_list_get_column_title (PcRowList *self,
                              guint      column)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return _(self->spec->columns[column].title);
}

const GError *
pc_row_list_get_read_error (PcRowList *self)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), NULL);
  return self->read_error;
}

gboolean
pc_row_list_column_is_numeric (PcRowList *self,
                               guint      column)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);
  return self->spec->columns[column].format != PC_CELL_TEXT;
}

gboolean
pc_row_list_reload (PcRowList  *self,
                    GError    **error)
{
  GArray *rowids;
  guint old_n;

  g_return_val_if_fail (PC_IS_ROW_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rowids = read_rowids (self, error);
  if (rowids == NULL)
    return FALSE;

  old_n = self->rowids->len;
  g_array_unref (self->rowids);
  self->rowids = rowids;
  clear_cache (self);
  if (self->read_error != NULL)
    {
      g_clear_error (&self->read_error);
      self->read_error_unannounced = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ERROR]);
    }
  /* An import may change any row, so the whole list is announced as
   * replaced, in one signal a view can handle at once. */
  if (old_n > 0 || rowids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, rowids->len);
  return TRUE;
}

/* Sorts by @column (-1: the table's own order), then the table's own
 * order, and reloads.  On failure nothing changes. */
gboolean
pc_row_list_set_order (PcRowList  *self,
                       int         column,
                       gboolean    descending,
                       GError    **error)
{
  int old_column;
  gboolean old_descending;

  g_return_val_if_fail (PC_IS_ROW_LIST (self), FALSE);
  g_return_val_if_fail (column >= -1 && column < (int) self->n_columns, FALSE);

  if (column == self->sort_column && (column < 0 || descending == self->sort_descending))
    return TRUE;
  old_column = self->sort_column;
  old_descending = self->sort_descending;
  self->sort_column = column;
  self->sort_descending = column >= 0 && descending;
  if (!pc_row_list_reload (self, error))
    {
      self->sort_column = old_column;
      self->sort_descending = old_descending;
      return FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
  return TRUE;
}

/* Keeps the rows one of whose values contains @text (case aside for
 * ASCII); NULL or "" keeps every row.  Reloads; on failure nothing
 * changes. */
gboolean
pc_row_list_set_filter (PcRowList   *self,
                        const char  *text,
                        GError     **error)
{
  char *old;

  g_return_val_if_fail (PC_IS_ROW_LIST (self), FALSE);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->filter) == 0)
    return TRUE;
  old = g_steal_pointer (&self->filter);
  self->filter = g_strdup (text);
  if (!pc_row_list_reload (self, error))
    {
      g_free (self->filter);
      self->filter = old;
      return FALSE;
    }
  g_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  return TRUE;
}

const char *
pc_row_list_get_filter (PcRowList *self)
{
  g_return_val_if_fail (PC_IS_ROW_LIST (self), NULL);
  return self->filter;
}
