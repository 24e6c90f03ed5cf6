/* pc-step-row.c: a step of the pathway editor's table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-step-row"
#include "config.h"

#include "pc-step-row.h"

struct _PcStepRow
{
  GObject  parent_instance;
  guint    index;
  PcStep  *step;
  char    *pending[PC_N_STEP_FIELDS];
  char    *error[PC_N_STEP_FIELDS];
};

enum { REFRESHED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PcStepRow, pc_step_row, G_TYPE_OBJECT)

static void
clear_field (PcStepRow  *self,
             PcStepField field)
{
  g_clear_pointer (&self->pending[field], g_free);
  g_clear_pointer (&self->error[field], g_free);
}

PcStepRow *
pc_step_row_new (guint         index,
                 const PcStep *step)
{
  PcStepRow *self = g_object_new (PC_TYPE_STEP_ROW, NULL);

  self->index = index;
  self->step = pc_step_copy (step);
  return self;
}

guint
pc_step_row_get_index (PcStepRow *self)
{
  g_return_val_if_fail (PC_IS_STEP_ROW (self), 0);
  return self->index;
}

const PcStep *
pc_step_row_get_step (PcStepRow *self)
{
  g_return_val_if_fail (PC_IS_STEP_ROW (self), NULL);
  return self->step;
}

static gboolean
same_step (const PcStep *a,
           const PcStep *b)
{
  for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
    {
      g_autofree char *x = pc_step_field_to_text (a, f);
      g_autofree char *y = pc_step_field_to_text (b, f);

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
    }
  return a->tariff_price == b->tariff_price;
}

void
pc_step_row_set_step (PcStepRow    *self,
                      guint         index,
                      const PcStep *step)
{
  g_return_if_fail (PC_IS_STEP_ROW (self));

  /* Another row's change reloads every row: what this one shows (a value
   * refused and still being corrected) stays when its step did not change. */
  if (self->index == index && same_step (self->step, step))
    return;
  self->index = index;
  pc_step_free (self->step);
  self->step = pc_step_copy (step);
  for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
    clear_field (self, f);
  g_signal_emit (self, signals[REFRESHED], 0);
}

char *
pc_step_row_get_text (PcStepRow  *self,
                      PcStepField field)
{
  g_return_val_if_fail (PC_IS_STEP_ROW (self), NULL);

  if (self->pending[field] != NULL)
    return g_strdup (self->pending[field]);
  return pc_step_field_to_text (self->step, field);
}

const char *
pc_step_row_get_error (PcStepRow  *self,
                       PcStepField field)
{
  g_return_val_if_fail (PC_IS_STEP_ROW (self), NULL);
  return self->error[field];
}

PcStep *
pc_step_row_type (PcStepRow  *self,
                  PcStepField field,
                  const char *text)
{
  g_autoptr(PcStep) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PC_IS_STEP_ROW (self), NULL);

  clear_field (self, field);
  self->pending[field] = g_strdup (text);
  edited = pc_step_copy (self->step);
  if (!pc_step_field_parse (edited, field, text, &error))
    self->error[field] = g_strdup (error->message);
  /* Every cell showing this field follows (the one typed in already has
   * the text, and keeps it). */
  g_signal_emit (self, signals[REFRESHED], 0);
  return self->error[field] == NULL ? g_steal_pointer (&edited) : NULL;
}

void
pc_step_row_set_error (PcStepRow   *self,
                       PcStepField  field,
                       const char  *message)
{
  g_return_if_fail (PC_IS_STEP_ROW (self));

  g_free (self->error[field]);
  self->error[field] = g_strdup (message);
  g_signal_emit (self, signals[REFRESHED], 0);
}

gboolean
pc_step_row_has_pending (PcStepRow  *self,
                         PcStepField field)
{
  g_return_val_if_fail (PC_IS_STEP_ROW (self), FALSE);
  return self->pending[field] != NULL;
}

void
pc_step_row_revert (PcStepRow  *self,
                    PcStepField field)
{
  g_return_if_fail (PC_IS_STEP_ROW (self));

  clear_field (self, field);
  g_signal_emit (self, signals[REFRESHED], 0);
}

static void
pc_step_row_finalize (GObject *object)
{
  PcStepRow *self = PC_STEP_ROW (object);

  for (guint f = 0; f < PC_N_STEP_FIELDS; f++)
    clear_field (self, f);
  g_clear_pointer (&self->step, pc_step_free);
  G_OBJECT_CLASS (pc_step_row_parent_class)->finalize (object);
}

static void
pc_step_row_class_init (PcStepRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_step_row_finalize;

  /* What the row's cells show has changed: a reload, undo or revert. */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_step_row_init (PcStepRow *self)
{
}
