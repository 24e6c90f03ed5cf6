/* pc-test-window.h: the GUI tests' window fixture: a writable copy of the
 * sample open in a presented window, and what the tests ask of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pc-window.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  char     *path;
  PcWindow *window;
} PcTestWindow;

/* A desktop's screen and a projector's. */
#define PC_TEST_DESKTOP_WIDTH    1366
#define PC_TEST_PROJECTOR_WIDTH  1024
#define PC_TEST_SCREEN_HEIGHT    768

/* Opens @fixture->path in a new window of @width × @height, presented,
 * failing the test when it does not open. */
void              pc_test_window_open         (PcTestWindow *fixture,
                                               int           width,
                                               int           height);
/* A fresh copy of the sample in a fresh folder, opened as
 * pc_test_window_open does; as g_test_add's set-up, at a desktop's size
 * or a projector's. */
void              pc_test_window_set_up       (PcTestWindow *fixture,
                                               int           width,
                                               int           height);
void              pc_test_window_set_up_desktop   (PcTestWindow  *fixture,
                                                   gconstpointer  data);
void              pc_test_window_set_up_projector (PcTestWindow  *fixture,
                                                   gconstpointer  data);
/* Destroys the window, checking that nothing keeps it alive, and forgets
 * the copy (g_test_add's tear-down). */
void              pc_test_window_tear_down    (PcTestWindow  *fixture,
                                               gconstpointer  data);
/* The window's template child @name, failing the test without one. */
gpointer          pc_test_window_child        (PcTestWindow *fixture,
                                               const char   *name);
/* The message dialog shown over the window, or NULL; the conditions for
 * pc_test_wait_until (@fixture as their data). */
AdwMessageDialog *pc_test_window_dialog       (PcTestWindow *fixture);
gboolean          pc_test_window_dialog_shown (gpointer      fixture);
gboolean          pc_test_window_dialog_gone  (gpointer      fixture);

G_END_DECLS
