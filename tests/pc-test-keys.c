/* pc-test-keys.c: key events as a keyboard sends them.  GTK 4 has no
 * public way to synthesise a key event inside the process (the GTK 3
 * gtk_test_widget_send_key is gone, and emitting a controller's signal
 * skips focus handling, key bindings and input methods), so the tests go
 * through the X server with the XTest extension, as xdotool does: the
 * event reaches GTK exactly as a real key press under Xvfb would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "pc-test-keys.h"
#include "pc-test-util.h"

static Display *
x_display (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static void
press (Display *dpy,
       KeyCode  code,
       gboolean down)
{
  XTestFakeKeyEvent (dpy, code, down, CurrentTime);
}

/* Each modifier's key, held around the key itself. */
static void
hold_modifiers (Display         *dpy,
                GdkModifierType  modifiers,
                gboolean         down)
{
  if (modifiers & GDK_SHIFT_MASK)
    press (dpy, XKeysymToKeycode (dpy, XK_Shift_L), down);
  if (modifiers & GDK_CONTROL_MASK)
    press (dpy, XKeysymToKeycode (dpy, XK_Control_L), down);
  if (modifiers & GDK_ALT_MASK)
    press (dpy, XKeysymToKeycode (dpy, XK_Alt_L), down);
}

void
pc_test_key (GtkWindow       *window,
             guint            keyval,
             GdkModifierType  modifiers)
{
  Display *dpy = x_display ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  KeyCode code = XKeysymToKeycode (dpy, keyval);

  g_assert_nonnull (surface);
  g_assert_cmpuint (code, !=, 0);
  /* A keysym on the key's second level ('A', '%') needs Shift held. */
  if (XkbKeycodeToKeysym (dpy, code, 0, 0) != keyval && XkbKeycodeToKeysym (dpy, code, 0, 1) == keyval)
    modifiers |= GDK_SHIFT_MASK;
  /* With no window manager under Xvfb, nothing else gives the X focus. */
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  hold_modifiers (dpy, modifiers, TRUE);
  press (dpy, code, TRUE);
  press (dpy, code, FALSE);
  hold_modifiers (dpy, modifiers, FALSE);
  /* A round trip: the events are in GDK's queue when XSync returns. */
  XSync (dpy, False);
  pc_test_wait_idle (10);
}

void
pc_test_type (GtkWindow  *window,
              const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      g_assert_true (g_ascii_isprint (*c));
      pc_test_key (window, gdk_unicode_to_keyval ((guint) (guchar) *c), 0);
    }
}

GtkWidget *
pc_test_find_widget (GtkWidget         *root,
                     PcTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = pc_test_find_widget (w, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}
