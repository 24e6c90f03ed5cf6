/* pc-temp-file.c: temporary files beside a target, and the removal of
 * those a crash left behind.  The process id in the name says whose a
 * file is: one whose process is gone can only be left over (a process that
 * is running, here or in another window, may still be writing it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-temp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "pc-temp-file.h"

#define MARK ".pc-"

gboolean
pc_temp_file_is_stale (const char *target_base,
                       const char *name)
{
  gsize base_length = strlen (target_base);
  const char *rest;
  gint64 pid;
  char *end = NULL;

  if (name[0] != '.' || strncmp (name + 1, target_base, base_length) != 0
      || !g_str_has_prefix (name + 1 + base_length, MARK))
    return FALSE;
  rest = name + 1 + base_length + strlen (MARK);
  pid = g_ascii_strtoll (rest, &end, 10);
  /* the name ends "-XXXXXX", or "-XXXXXX-journal" for SQLite's journal */
  if (end == rest || *end != '-' || strlen (end + 1) < 6 || pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (strlen (end + 1) != 6 && strcmp (end + 7, "-journal") != 0)
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static void
remove_stale (const char *folder,
              const char *base)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (pc_temp_file_is_stale (base, name))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        g_unlink (path);
      }
}

char *
pc_temp_file_new (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = NULL;
  char *path;
  int fd;

  remove_stale (folder, base);
  name = g_strdup_printf (".%s" MARK "%d-XXXXXX", base, (int) getpid ());
  path = g_build_filename (folder, name, NULL);
  /* 0666 less the umask, as any new file: not mkstemp's 0600. */
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_free (path);
      errno = saved_errno;
      return NULL;
    }
  close (fd);
  return path;
}
