import { setInstanceVariable, type VariableValue } from '../api/instances.js';
import { h } from '../app/dom.js';
import type { MessageKey } from '../i18n/ru.js';
import type { Labels } from './cockpit-ui.js';
import type { WorkContext } from './instance-work.js';
import { section } from './instance-work.js';
import {
  EDITABLE_TYPES,
  editableTypeOf,
  parseVariableInput,
  variableText,
  type EditableType,
} from './variable-input.js';

const PROBLEMS: Record<'integer' | 'number' | 'boolean' | 'date' | 'json', MessageKey> = {
  integer: 'cockpit.variables.badInteger',
  number: 'cockpit.variables.badNumber',
  boolean: 'cockpit.variables.badBoolean',
  date: 'cockpit.variables.badDate',
  json: 'cockpit.variables.badJson',
};

/**
 * The instance's variables; while it runs each can be edited (value and type) and new ones added,
 * through PUT /process-instance/{id}/variables/{name}.
 */
export function variablesSection(
  labels: Labels,
  instanceId: string,
  variables: Record<string, VariableValue>,
  editable: boolean,
  ctx: WorkContext,
): HTMLElement {
  const names = Object.keys(variables).sort((a, b) => a.localeCompare(b));
  const save = async (name: string, type: EditableType, text: string) => {
    const parsed = parseVariableInput(type, text);
    if (!parsed.ok) return ctx.status.show('error', PROBLEMS[parsed.problem], { name });
    // A success shown now is this save's, not an earlier action's.
    ctx.status.clear();
    try {
      await setInstanceVariable(instanceId, name, parsed.variable);
      await ctx.reload();
      ctx.status.show('success', 'cockpit.variables.saved', { name });
    } catch (error) {
      ctx.status.error(error);
    }
  };
  const rows = names.map((name) => {
    const variable = variables[name];
    const value = h('span', { class: 'cockpit-value' }, variableText(variable));
    const actions = h('span', { class: 'cockpit-actions' });
    const row = [h('code', { 'data-variable': name }, name), variable.type, value, actions];
    if (editable && variable.type !== 'Null' && variable.type !== 'Object') {
      actions.append(
        labels.button(
          'cockpit.variables.edit',
          () => {
            const editor = typedInput(
              labels,
              editableTypeOf(variable.type),
              variableText(variable),
            );
            const saveButton = labels.button(
              'cockpit.variables.save',
              () => void save(name, editor.type.value as EditableType, editor.value.value),
              { 'data-action': 'save-variable', 'data-variable': name, class: 'primary' },
            );
            value.replaceChildren(editor.type, editor.value);
            actions.replaceChildren(saveButton);
            editor.value.focus();
          },
          { 'data-action': 'edit-variable', 'data-variable': name },
        ),
      );
    }
    return row;
  });
  const element = section(labels, 'cockpit.instance.variables', 'variables', names.length, () =>
    labels.table(
      [
        'cockpit.variables.name',
        'cockpit.variables.type',
        'cockpit.variables.value',
        'cockpit.variables.actions',
      ],
      rows,
      { 'data-table': 'variables' },
    ),
  );
  if (editable) element.append(addForm(labels, save));
  return element;
}

function addForm(
  labels: Labels,
  save: (name: string, type: EditableType, text: string) => Promise<void>,
): HTMLElement {
  const name = h('input', { name: 'newVariableName', 'data-field': 'new-variable-name' });
  labels.attr(name, 'placeholder', 'cockpit.variables.name');
  const editor = typedInput(labels, 'String', '');
  const form = h(
    'form',
    { class: 'cockpit-inline-form', 'data-form': 'add-variable' },
    name,
    editor.type,
    editor.value,
    labels.text(h('button', { type: 'submit' }), 'cockpit.variables.add'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (name.value.trim()) {
      void save(name.value.trim(), editor.type.value as EditableType, editor.value.value);
    }
  });
  return form;
}

function typedInput(labels: Labels, type: EditableType, text: string) {
  const select = h('select', { 'data-field': 'variable-type' });
  for (const option of EDITABLE_TYPES) select.append(h('option', { value: option }, option));
  select.value = type;
  const value = h('input', { 'data-field': 'variable-value' });
  value.value = text;
  labels.attr(value, 'placeholder', 'cockpit.variables.value');
  return { type: select, value };
}
