/* pc-scenario-choice.c: a drop-down's choice: a name shown, a code meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pc-scenario-view"
#include "config.h"

#include "pc-scenario-choice.h"

struct _PcScenarioChoice
{
  GObject  parent_instance;
  char    *code;
  char    *label;
};

enum
{
  PROP_0,
  PROP_CODE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PcScenarioChoice, pc_scenario_choice, G_TYPE_OBJECT)

static void
pc_scenario_choice_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcScenarioChoice *self = PC_SCENARIO_CHOICE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_scenario_choice_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PcScenarioChoice *self = PC_SCENARIO_CHOICE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_scenario_choice_finalize (GObject *object)
{
  PcScenarioChoice *self = PC_SCENARIO_CHOICE (object);

  g_free (self->code);
  g_free (self->label);
  G_OBJECT_CLASS (pc_scenario_choice_parent_class)->finalize (object);
}

static void
pc_scenario_choice_class_init (PcScenarioChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pc_scenario_choice_get_property;
  object_class->set_property = pc_scenario_choice_set_property;
  object_class->finalize = pc_scenario_choice_finalize;
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                               | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_scenario_choice_init (PcScenarioChoice *self)
{
}

PcScenarioChoice *
pc_scenario_choice_new (const char *code,
                        const char *label)
{
  return g_object_new (PC_TYPE_SCENARIO_CHOICE, "code", code, "label", label, NULL);
}

const char *
pc_scenario_choice_get_code (PcScenarioChoice *self)
{
  g_return_val_if_fail (PC_IS_SCENARIO_CHOICE (self), NULL);
  return self->code;
}

const char *
pc_scenario_choice_get_label (PcScenarioChoice *self)
{
  g_return_val_if_fail (PC_IS_SCENARIO_CHOICE (self), NULL);
  return self->label;
}

typedef struct
{
  int width_chars;
  int max_width_chars;
} LabelWidth;

static void
on_label_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LabelWidth               *width)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (width->width_chars != -1 || width->max_width_chars != -1)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), width->width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), width->max_width_chars);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_label_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  unused)
{
  gpointer object = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (object)
                                                   : pc_scenario_choice_get_label (object);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
free_label_width (gpointer  width,
                  GClosure *closure)
{
  g_free (width);
}

GtkListItemFactory *
pc_choice_label_factory_new (int width_chars,
                             int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LabelWidth *width = g_new (LabelWidth, 1);

  *width = (LabelWidth) { width_chars, max_width_chars };
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_label_setup), width, free_label_width, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_bind), NULL);
  return factory;
}

GtkWidget *
pc_choice_drop_down_new (const char *accessible_label)
{
  GListStore *choices = g_list_store_new (PC_TYPE_SCENARIO_CHOICE);
  GtkExpression *label = gtk_property_expression_new (PC_TYPE_SCENARIO_CHOICE, NULL, "label");
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (choices), label);
  g_autoptr(GtkListItemFactory) shown = pc_choice_label_factory_new (10, -1);
  g_autoptr(GtkListItemFactory) listed = pc_choice_label_factory_new (-1, -1);

  /* A long step's name is cut short on the button, whole in the list, so
   * a form of choices fits a projector's width with large text. */
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), shown);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), listed);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_tooltip_text (drop_down, accessible_label);
  return drop_down;
}

static GListStore *
choices_of (GtkDropDown *drop_down)
{
  return G_LIST_STORE (gtk_drop_down_get_model (drop_down));
}

void
pc_choice_drop_down_clear (GtkDropDown *drop_down)
{
  g_list_store_remove_all (choices_of (drop_down));
}

void
pc_choice_drop_down_add (GtkDropDown *drop_down,
                         const char  *code,
                         const char  *label)
{
  g_autoptr(PcScenarioChoice) choice = pc_scenario_choice_new (code, label);

  g_list_store_append (choices_of (drop_down), choice);
}

static int
by_label (gconstpointer a,
          gconstpointer b,
          gpointer      data)
{
  return g_utf8_collate (pc_scenario_choice_get_label ((PcScenarioChoice *) a),
                         pc_scenario_choice_get_label ((PcScenarioChoice *) b));
}

void
pc_choice_drop_down_fill (GtkDropDown *drop_down,
                          GHashTable  *names,
                          const char  *none_label)
{
  g_autoptr(GListStore) sorted = g_list_store_new (PC_TYPE_SCENARIO_CHOICE);
  GHashTableIter iter;
  gpointer code, name;

  pc_choice_drop_down_clear (drop_down);
  if (none_label != NULL)
    pc_choice_drop_down_add (drop_down, NULL, none_label);
  if (names == NULL)
    return;
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", (const char *) name, (const char *) code);
      g_autoptr(PcScenarioChoice) choice = pc_scenario_choice_new (code, label);

      g_list_store_insert_sorted (sorted, choice, by_label, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sorted)); i++)
    {
      g_autoptr(PcScenarioChoice) choice = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_list_store_append (choices_of (drop_down), choice);
    }
}

const char *
pc_choice_drop_down_get (GtkDropDown *drop_down)
{
  PcScenarioChoice *choice = gtk_drop_down_get_selected_item (drop_down);

  return choice != NULL ? choice->code : NULL;
}

gboolean
pc_choice_drop_down_set (GtkDropDown *drop_down,
                         const char  *code)
{
  GListModel *choices = G_LIST_MODEL (choices_of (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(PcScenarioChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (choice->code, code) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
pc_choice_drop_down_label (GtkDropDown *drop_down,
                           const char  *code)
{
  GListModel *choices = G_LIST_MODEL (choices_of (drop_down));

  for (guint i = 0; code != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(PcScenarioChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (choice->code, code) == 0)
        return choice->label;
    }
  return code;
}
