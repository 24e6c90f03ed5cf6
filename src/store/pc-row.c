/* pc-row.c: one row of a reference table, its cells already formatted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-row"

#include "config.h"

#include "pc-row-private.h"

struct _PcRow
{
  GObject  parent_instance;
  GStrv    texts;
  guint    n_columns;
};

G_DEFINE_FINAL_TYPE (PcRow, pc_row, G_TYPE_OBJECT)

static void
pc_row_finalize (GObject *object)
{
  PcRow *self = PC_ROW (object);

  g_clear_pointer (&self->texts, g_strfreev);
  G_OBJECT_CLASS (pc_row_parent_class)->finalize (object);
}

static void
pc_row_class_init (PcRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_row_finalize;
}

static void
pc_row_init (PcRow *self)
{
}

PcRow *
_pc_row_new (GStrv texts)
{
  PcRow *self;

  g_return_val_if_fail (texts != NULL, NULL);

  self = g_object_new (PC_TYPE_ROW, NULL);
  self->texts = texts;
  self->n_columns = g_strv_length (texts);
  return self;
}

guint
pc_row_get_n_columns (PcRow *self)
{
  g_return_val_if_fail (PC_IS_ROW (self), 0);
  return self->n_columns;
}

const char *
pc_row_get_text (PcRow *self,
                 guint  column)
{
  g_return_val_if_fail (PC_IS_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->texts[column];
}
