/* pc-pathway-editor-private.h: the pathway editor's instance, shared by
 * its files (pc-pathway-editor.c, -keys.c, -list.c), and what the tests
 * ask of it: acting as a cell would without key events, and what the
 * footer shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pc-pathway-editor.h"

G_BEGIN_DECLS

typedef struct
{
  PcPathwayEditor *editor;
  PcStepField      field;
} PcColumn;

struct _PcPathwayEditor
{
  GtkWidget           parent_instance;

  GtkStack           *empty_stack;  /* "empty" for a project without pathways */
  AdwFlap            *flap;         /* the pathway list, folded when narrow */
  GtkWidget          *step_toolbar;
  GtkListBox         *pathway_list;
  GtkLabel           *title_label;
  GtkColumnView      *fixed_view;   /* number and name: never scroll sideways */
  GtkScrolledWindow  *fixed_scroller;
  GtkColumnView      *column_view;  /* the other fields */
  GtkScrolledWindow  *step_scroller;
  GtkLabel           *error_label;
  GtkFlowBox         *summary_grid;

  PcDocument         *document;
  GListStore         *rows;
  GListStore         *pathways;  /* PcPathwaySummary, in the list's order */
  GtkSingleSelection *selection;
  GtkListStore       *tariff_codes;  /* completion of the tariff code cells */
  PcColumn            columns[PC_N_STEP_FIELDS];
  GtkLabel           *stage_costs[PC_N_STAGES + 1];  /* the last: all stages */
  gboolean            filling_list;
  /* A cell to focus once its row has a widget (a new step's name). */
  guint               focus_index;
  PcStepField         focus_field;
  guint               focus_tick;
  guint               focus_frames;
  char               *after_refused;  /* the action the question held back */
};

/* pc-pathway-editor.c */
void        _pc_pathway_editor_show_error          (PcPathwayEditor *self,
                                                    const char      *message);
/* pc-pathway-editor-keys.c */
void        _pc_pathway_editor_init_keys           (PcPathwayEditor *self);
/* Focuses @field of step @index, at once or as soon as its row has
 * widgets (a step just added). */
void        _pc_pathway_editor_request_focus       (PcPathwayEditor *self,
                                                    guint            index,
                                                    PcStepField      field);
/* The field the focus is in (the name when it is in none). */
PcStepField _pc_pathway_editor_get_focused_field   (PcPathwayEditor *self);
/* pc-pathway-editor-list.c */
void        _pc_pathway_editor_init_pathway_list   (PcPathwayEditor *self);
/* The pathway actions (new, copy, rename, delete) and their keys. */
void        _pc_pathway_editor_class_init_pathway_list (GtkWidgetClass *widget_class);
void        _pc_pathway_editor_fill_pathway_list   (PcPathwayEditor *self);
void        _pc_pathway_editor_mark_current_pathway (PcPathwayEditor *self);

/* For tests */
/* The table's rows (PcStepRow), for tests. */
GListModel *pc_pathway_editor_get_rows        (PcPathwayEditor *self);
guint       pc_pathway_editor_get_selected    (PcPathwayEditor *self);
void        pc_pathway_editor_select          (PcPathwayEditor *self,
                                               guint            index);
/* Types @text into @field of step @index as the cell would, without
 * leaving it: the figures preview the value; FALSE when it is refused. */
gboolean    pc_pathway_editor_type            (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field,
                                               const char      *text);
/* Escape in the cell: the typed text is dropped. */
void        pc_pathway_editor_revert          (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field);
/* The reason shown under the table, or NULL. */
const char *pc_pathway_editor_get_error       (PcPathwayEditor *self);
/* Types @text into @field of step @index as the cell would, then commits
 * it as leaving the cell does; FALSE (and the reason shown) when refused. */
gboolean    pc_pathway_editor_enter           (PcPathwayEditor *self,
                                               guint            index,
                                               PcStepField      field,
                                               const char      *text);
/* The figure under "Stage N" in the footer's expected cost per patient
 * diagnosed; @stage PC_N_STAGES gives the one under "All stages". */
const char *pc_pathway_editor_get_stage_cost  (PcPathwayEditor *self,
                                               PcStage          stage);

G_END_DECLS
