/* pc-workbook.c: exports the negotiation workbook (docs/MODEL.md, "The
 * workbook"): a temporary file beside the target, written under the C
 * numeric locale, renamed over the target only when complete.
 *
 * The formulas follow the engine's arithmetic: Assumptions (inputs) →
 * Tariffs and Pathway (unit cost, cost per patient by stage) → Cost per
 * patient (by stage × basis × year after diagnosis, per phase, funding
 * stream and activity) and Patients (diagnosed per year; in care = diagnosed
 * k years before × survival) → Projection (price index × SUMPRODUCT of the
 * two) → Summary.  Each formula caches the engine's figure, or for the
 * intermediate ones the same arithmetic done here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-workbook"
/* memfd_create */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pc-error.h"
#include "pc-format.h"
#include "pc-temp-file.h"
#include "pc-workbook-private.h"

/* libxlsxwriter prints numbers with %.16G through the current locale. */
G_STATIC_ASSERT (LXW_VERSION_ID >= 114);

/* Excel's limit for a document property. */
#define MAX_PROPERTY_CHARS 255

static char *
describe_selection (PcWb *wb)
{
  guint n_areas = g_strv_length ((char **) wb->request->areas);
  g_autofree char *first = pc_format_financial_year (wb->request->from);
  g_autofree char *areas = n_areas <= 3 ? g_strjoinv (", ", (char **) wb->request->areas)
                                        : g_strdup_printf ("%u areas", n_areas);
  g_autofree char *text = g_strdup_printf ("%s, %s, %d years from %s", wb->pathway->name, areas,
                                           wb->request->years, first);

  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), MAX_PROPERTY_CHARS));
}

static void
set_custom_property (PcWb       *wb,
                     const char *name,
                     const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  g_autofree char *text = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1),
                                                           MAX_PROPERTY_CHARS));

  _pc_wb_check (wb, workbook_set_custom_property_string (wb->workbook, name, text),
                "setting properties");
}

static void
set_negotiation_properties (PcWb *wb)
{
  g_autofree char *title = g_strdup_printf ("Pathcost negotiation pack: %s",
                                            wb->comparison->site_name);
  g_autofree char *valid_title = g_utf8_make_valid (title, -1);
  lxw_doc_properties properties = { 0, };

  properties.title = valid_title;
  properties.author = (char *) "Pathcost " PACKAGE_VERSION;
  properties.category = (char *) "Cancer care pathway costing";
  properties.keywords = (char *) "Pathcost, providers, tariff, MFF, negotiation";
  properties.comments = (char *) "Figures are live formulas; patient counts follow the "
                                 "project's disclosure control.";
  _pc_wb_check (wb, workbook_set_properties (wb->workbook, &properties), "setting properties");
  set_custom_property (wb, "Pathcost project", wb->project_name);
}

static void
set_pathway_properties (PcWb *wb)
{
  g_autofree char *title = g_strdup_printf ("Pathcost: %s", wb->pathway->name);
  g_autofree char *valid_title = g_utf8_make_valid (title, -1);
  g_autofree char *subject = describe_selection (wb);
  lxw_doc_properties properties = { 0, };

  properties.title = valid_title;
  properties.subject = subject;
  properties.author = (char *) "Pathcost " PACKAGE_VERSION;
  properties.category = (char *) "Cancer care pathway costing";
  properties.keywords = (char *) "Pathcost, pathway, projection, tariff, negotiation";
  properties.comments = (char *) "Figures are live formulas; yellow cells on the Assumptions, "
                                 "Tariffs and Pathway sheets are inputs.";
  properties.status = (char *) "Baseline";
  _pc_wb_check (wb, workbook_set_properties (wb->workbook, &properties), "setting properties");
  set_custom_property (wb, "Pathcost project", wb->project_name);
  set_custom_property (wb, "Pathcost selection", subject);
}

typedef void (*SheetWriter) (PcWb *wb, lxw_worksheet *sheet);

/* Sheets appear in the order of this table and are written in the order of
 * @order: each after the sheets its formulas point into. */
static gboolean
has_scenario (PcWb *wb)
{
  return wb->request->scenario != NULL;
}

static gboolean
has_activity (PcWb *wb)
{
  return _pc_wb_has_activity (wb);
}

static void
write_sheets (PcWb *wb)
{
  static const struct
  {
    const char  *name;
    SheetWriter  write;
    guint        order;
    gboolean   (*applies) (PcWb *wb);   /* NULL: always */
  } sheets[] = {
    { PC_WB_SHEET_SUMMARY, _pc_wb_write_summary, 11, NULL },
    { PC_WB_SHEET_ASSUMPTIONS, _pc_wb_write_assumptions, 0, NULL },
    { PC_WB_SHEET_TARIFFS, _pc_wb_write_tariffs, 1, NULL },
    { PC_WB_SHEET_PATHWAY, _pc_wb_write_pathway, 2, NULL },
    { PC_WB_SHEET_COSTS, _pc_wb_write_costs, 3, NULL },
    { PC_WB_SHEET_PATIENTS, _pc_wb_write_patients, 4, NULL },
    { PC_WB_SHEET_PROJECTION, _pc_wb_write_projection, 5, NULL },
    { PC_WB_SHEET_SCENARIO, _pc_wb_write_scenario, 6, has_scenario },
    { PC_WB_SHEET_PROVIDER, _pc_wb_write_provider, 7, NULL },
    { PC_WB_SHEET_FLOWS, _pc_wb_write_flows, 8, has_activity },
    { PC_WB_SHEET_COMPLIANCE, _pc_wb_write_compliance, 9, has_activity },
    { PC_WB_SHEET_RISKS, _pc_wb_write_risks, 10, has_activity },
    /* Last, so the sheets before it keep their places for readers who
     * find them by position. */
    { PC_WB_SHEET_SOURCES, _pc_wb_write_sources, 12, NULL },
  };
  lxw_worksheet *added[G_N_ELEMENTS (sheets)] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    if (sheets[i].applies == NULL || sheets[i].applies (wb))
      added[i] = _pc_wb_add_sheet (wb, sheets[i].name);
  for (guint order = 0; order < G_N_ELEMENTS (sheets); order++)
    for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
      if (sheets[i].order == order && added[i] != NULL && !_pc_wb_failed (wb))
        sheets[i].write (wb, added[i]);
  if (!_pc_wb_failed (wb))
    worksheet_activate (added[0]);
}

/* Writes the whole workbook to @path; FALSE with wb->error set on failure
 * (the caller removes the file). */
static gboolean
write_workbook (PcWb       *wb,
                const char *path)
{
  lxw_error rc;

  wb->workbook = workbook_new (path);
  if (wb->workbook == NULL)
    return _pc_wb_check (wb, LXW_ERROR_MEMORY_MALLOC_FAILED, "creating the workbook");
  _pc_wb_create_formats (wb);
  if (wb->negotiation != NULL)
    {
      set_negotiation_properties (wb);
      _pc_wb_write_negotiation (wb);
    }
  else
    {
      set_pathway_properties (wb);
      write_sheets (wb);
    }
  rc = workbook_close (g_steal_pointer (&wb->workbook));
  return _pc_wb_check (wb, rc, "saving the file") && !_pc_wb_failed (wb);
}

static gboolean
write_in_c_locale (PcWb       *wb,
                   const char *path)
{
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t previous;
  gboolean ok;

  if (c_numeric == (locale_t) 0)
    {
      g_set_error (&wb->error, PC_ERROR, PC_ERROR_IO,
                   "could not write the workbook: no C locale (%s)", g_strerror (errno));
      return FALSE;
    }
  previous = uselocale (c_numeric);
  ok = write_workbook (wb, path);
  uselocale (previous);
  freelocale (c_numeric);
  return ok;
}

static gboolean
set_io_error (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PC_ERROR, PC_ERROR_IO, "cannot write the workbook to %s: %s", display,
               saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG
               ? "the disk is full" : g_strerror (saved_errno));
  return FALSE;
}

/* Copies @source (from its start) into the file at @path; FALSE with errno. */
static gboolean
copy_into (int         source,
           const char *path)
{
  int fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  char buffer[65536];
  off_t offset = 0;
  ssize_t n_read;
  int saved_errno;
  gboolean ok = fd >= 0;

  while (ok && (n_read = pread (source, buffer, sizeof buffer, offset)) != 0)
    {
      ssize_t done = 0;

      if (n_read < 0)
        {
          ok = errno == EINTR;
          continue;
        }
      while (ok && done < n_read)
        {
          ssize_t n = write (fd, buffer + done, n_read - done);

          if (n < 0 && errno != EINTR)
            ok = FALSE;
          else if (n > 0)
            done += n;
        }
      offset += n_read;
    }
  /* on disk before the rename, so a crash leaves the old file or the new */
  if (ok && fsync (fd) != 0)
    ok = FALSE;
  saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && ok)
    {
      saved_errno = errno;
      ok = FALSE;
    }
  errno = saved_errno;
  return ok;
}

/* libxlsxwriter builds the file in memory (a memfd, through its /proc
 * name), where neither a full disk nor a crash can touch the target's
 * folder and where its own messages on stderr (it prints its failures)
 * never arise from the disk; then the bytes go to a temporary file beside
 * the target, with our own errors, and are renamed over it. */
static gboolean
export_to (PcWb        *wb,
           const char  *output_path,
           GError     **error)
{
  int memory = memfd_create ("pathcost-workbook", MFD_CLOEXEC);
  g_autofree char *memory_path = NULL;
  g_autofree char *temporary = NULL;

  if (memory < 0)
    return set_io_error (output_path, errno, error);
  memory_path = g_strdup_printf ("/proc/self/fd/%d", memory);
  if (!write_in_c_locale (wb, memory_path))
    {
      g_autofree char *display = g_filename_display_name (output_path);

      close (memory);
      g_propagate_prefixed_error (error, g_steal_pointer (&wb->error), "%s: ", display);
      return FALSE;
    }
  temporary = pc_temp_file_new (output_path);
  if (temporary == NULL || !copy_into (memory, temporary) || g_rename (temporary, output_path) != 0)
    {
      int saved_errno = errno;

      close (memory);
      if (temporary != NULL)
        g_remove (temporary);
      return set_io_error (output_path, saved_errno, error);
    }
  close (memory);
  return TRUE;
}

gboolean
pc_workbook_export_full (PcProject               *project,
                         const PcWorkbookRequest *request,
                         PcWorkbookStats         *stats,
                         GError                 **error)
{
  PcWb wb = { 0, };
  gboolean ok;

  g_return_val_if_fail (PC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (request != NULL && request->pathway != NULL, FALSE);
  g_return_val_if_fail (request->areas != NULL && request->areas[0] != NULL, FALSE);
  g_return_val_if_fail (request->output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  wb.project = project;
  wb.request = request;
  ok = _pc_wb_load (&wb, error) && export_to (&wb, request->output_path, error);
  if (ok && stats != NULL)
    *stats = wb.stats;
  _pc_wb_clear (&wb);
  return ok;
}

gboolean
pc_workbook_export_negotiation (PcProject                  *project,
                                const PcNegotiationRequest *request,
                                PcWorkbookStats            *stats,
                                GError                    **error)
{
  PcWb wb = { 0, };
  gboolean ok;

  g_return_val_if_fail (PC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (request != NULL && request->site != NULL, FALSE);
  g_return_val_if_fail (request->areas != NULL && request->areas[0] != NULL, FALSE);
  g_return_val_if_fail (request->output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  wb.project = project;
  wb.negotiation = request;
  ok = _pc_wb_load_negotiation (&wb, error) && export_to (&wb, request->output_path, error);
  if (ok && stats != NULL)
    *stats = wb.stats;
  _pc_wb_clear (&wb);
  return ok;
}

gboolean
pc_workbook_export (PcProject          *project,
                    const char         *pathway,
                    const char * const *areas,
                    int                 from,
                    int                 years,
                    const char         *output_path,
                    GError            **error)
{
  PcWorkbookRequest request = {
    .pathway = pathway,
    .areas = areas,
    .from = from,
    .years = years,
    .scenario = NULL,
    .output_path = output_path,
  };

  return pc_workbook_export_full (project, &request, NULL, error);
}
