/* pc-cli.h: pieces of pathcost-cli shared between its files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pc-model.h"
#include "pc-project.h"
#include "pc-projection.h"
#include "pc-scenario.h"
#include "pc-sensitivity.h"

G_BEGIN_DECLS

/* Prints the human-readable report of a projection on stdout. */
void pc_cli_print_report (const PcPathway    *pathway,
                          const char         *pathway_title,
                          const PcProjection *projection,
                          const char         *area,
                          const char         *scenario,
                          double              inflation,
                          double              discount_rate);
void pc_cli_print_comparison (const PcProjection *baseline,
                              const PcProjection *scenario,
                              const PcComparison *comparison,
                              const char         *scenario_name,
                              double              discount_rate);
void pc_cli_print_one_way    (const PcOneWay     *one_way);
void pc_cli_print_psa        (const PcPsa        *psa);

/* Opens a project and prints, once, on stderr what the open did for it
 * (an interrupted change undone, a stray journal set aside). */
PcProject *pc_cli_open_project (const char         *path,
                                PcProjectOpenFlags  flags,
                                GError            **error);
/* Parses the options @entries of a command on FILE.pathcost (no --help:
 * the usage is pathcost-cli's own). */
gboolean pc_cli_parse_options (const GOptionEntry  *entries,
                               int                 *argc,
                               char              ***argv,
                               GError             **error);
/* --area A --area B and --area A,B both select A and B. */
GStrv    pc_cli_split_areas   (char               **given);

int  pc_cli_command_sources  (int                 argc,
                              char              **argv,
                              GError            **error);
int  pc_cli_command_activity (int                 argc,
                              char              **argv,
                              GError            **error);
int  pc_cli_command_risk     (int                 argc,
                              char              **argv,
                              GError            **error);

int  pc_cli_command_providers (int                 argc,
                               char              **argv,
                               GError            **error);
int  pc_cli_command_export_negotiation (int       argc,
                                        char    **argv,
                                        GError  **error);

G_END_DECLS
