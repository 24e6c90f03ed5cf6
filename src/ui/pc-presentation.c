/* pc-presentation.c: the window's presentation mode, for a workshop on a
 * projector: full screen, large type and high contrast (the
 * "pc-presentation" style class, resources/style.css), one view at a
 * time with the chart first, no editing chrome, and the projection's
 * live levers.  F5 or the header's button enters it; Escape leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-presentation"
#include "config.h"

#include <glib/gi18n.h>

#include "pc-window-private.h"

enum
{
  PROP_0,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Views where presenting would show editing: the projection (its chart
 * and levers) is shown instead, and the view comes back on leaving. */
static gboolean
is_editing_view (const char *name)
{
  return g_strcmp0 (name, "pathway") == 0 || g_strcmp0 (name, "settings") == 0
         || g_strcmp0 (name, "reference") == 0;
}

void
_pc_window_set_presenting (PcWindow *self,
                           gboolean  presenting)
{
  presenting = !!presenting && self->document != NULL;
  if (self->presenting == presenting)
    return;
  self->presenting = presenting;
  if (presenting)
    {
      const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

      g_free (self->view_before_presenting);
      self->view_before_presenting = g_strdup (view);
      /* One view at a time: the list of views goes, and stays gone. */
      adw_flap_set_fold_policy (self->nav_flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
      adw_flap_set_reveal_flap (self->nav_flap, FALSE);
      if (is_editing_view (view))
        adw_view_stack_set_visible_child_name (self->view_stack, "projection");
      gtk_widget_add_css_class (GTK_WIDGET (self), "pc-presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "pc-presentation");
      adw_flap_set_fold_policy (self->nav_flap, ADW_FLAP_FOLD_POLICY_AUTO);
      if (self->view_before_presenting != NULL)
        adw_view_stack_set_visible_child_name (self->view_stack, self->view_before_presenting);
      g_clear_pointer (&self->view_before_presenting, g_free);
    }
  pc_projection_view_set_presenting (self->projection_view, presenting);
  pc_pathway_editor_set_presenting (self->pathway_editor, presenting);
  _pc_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

gboolean
pc_window_get_presenting (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), FALSE);
  return self->presenting;
}

static void
pc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, PC_WINDOW (object)->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PRESENTING:
      _pc_window_set_presenting (PC_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Escape leaves, and only while presenting: otherwise it stays with
 * popovers, dialogs and cells that cancel with it. */
static gboolean
leave_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  PcWindow *self = PC_WINDOW (widget);

  if (!self->presenting)
    return FALSE;
  _pc_window_set_presenting (self, FALSE);
  return TRUE;
}

/* The window manager took full screen away (a key of its own): the room
 * sees the desk again, so presenting ends with it. */
static void
on_fullscreened (PcWindow *self)
{
  if (self->presenting && !gtk_window_is_fullscreen (GTK_WINDOW (self))
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    _pc_window_set_presenting (self, FALSE);
}

void
_pc_window_class_install_presentation (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);

  object_class->get_property = pc_window_get_property;
  object_class->set_property = pc_window_set_property;
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* A stateful action: the header's toggle button shows the state. */
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
}

void
_pc_window_init_presentation (PcWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                          gtk_callback_action_new (leave_on_escape, NULL, NULL));

  /* Bubble phase: a popover or an open drop-down closes first. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), escape);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_swapped (self, "notify::fullscreened", G_CALLBACK (on_fullscreened), self);
}
