/* pc-error.h: Pathcost's own error domain, for every failure a user can meet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PC_ERROR (pc_error_quark ())

typedef enum
{
  PC_ERROR_INVALID,        /* a value breaks a rule of the model */
  PC_ERROR_NOT_FOUND,      /* a code, pathway or setting that does not exist */
  PC_ERROR_NOT_PROJECT,    /* the file is not a Pathcost project */
  PC_ERROR_NEWER_VERSION,  /* the project was written by a newer Pathcost */
  PC_ERROR_DAMAGED,        /* the project file is damaged or tampered with */
  PC_ERROR_IN_USE,         /* another program is writing the project */
  PC_ERROR_EXISTS,         /* refusing to overwrite an existing file */
  PC_ERROR_IO,             /* reading or writing a file failed */
  PC_ERROR_PARSE,          /* a CSV file is malformed or has bad values */
} PcError;

GQuark pc_error_quark (void);

G_END_DECLS
