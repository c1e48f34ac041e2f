import type { FormField } from './form-fields.js';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const CAMUNDA = 'http://camunda.org/schema/1.0/bpmn';
const TYPES: readonly FormField['type'][] = ['string', 'long', 'boolean', 'date', 'enum'];

/**
 * The `camunda:formData` fields of one user task, read from its definition's BPMN XML (the same
 * XML the diagram shows; the server validated it at deployment, so unknown types are not expected).
 */
export function formFieldsOf(xml: string, activityId: string): FormField[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const activity = [...document.getElementsByTagName('*')].find(
    (element) => element.getAttribute('id') === activityId && element.localName === 'userTask',
  );
  return activity ? fieldsOf(activity) : [];
}

/** The start form: the `camunda:formData` of the process's none start event (top level). */
export function startFormFieldsOf(xml: string, processKey: string): FormField[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const process = [...document.getElementsByTagNameNS(BPMN, 'process')].find(
    (element) => element.getAttribute('id') === processKey,
  );
  const start = [...(process?.children ?? [])].find(
    (element) =>
      element.namespaceURI === BPMN &&
      element.localName === 'startEvent' &&
      ![...element.children].some((child) => child.localName.endsWith('EventDefinition')),
  );
  return start ? fieldsOf(start) : [];
}

function fieldsOf(element: Element): FormField[] {
  const extensions = [...element.children].find((child) => child.localName === 'extensionElements');
  const formData = extensions && children(extensions, 'formData')[0];
  return formData ? children(formData, 'formField').map(toField) : [];
}

function toField(element: Element): FormField {
  const rawType = element.getAttribute('type') ?? 'string';
  const type = TYPES.includes(rawType as FormField['type'])
    ? (rawType as FormField['type'])
    : 'string';
  const field: FormField = {
    id: element.getAttribute('id') ?? '',
    type,
    validation: constraintsOf(element),
  };
  const label = element.getAttribute('label');
  if (label !== null) field.label = label;
  const defaultValue = element.getAttribute('defaultValue');
  if (defaultValue !== null) field.defaultValue = defaultValue;
  const datePattern = element.getAttribute('datePattern');
  if (datePattern !== null) field.datePattern = datePattern;
  if (type === 'enum') {
    field.values = children(element, 'value').map((value) => {
      const name = value.getAttribute('name');
      const id = value.getAttribute('id') ?? '';
      return name === null ? { id } : { id, name };
    });
  }
  return field;
}

function constraintsOf(field: Element): FormField['validation'] {
  const validation = children(field, 'validation')[0];
  if (!validation) return [];
  return children(validation, 'constraint').map((constraint) => {
    const name = constraint.getAttribute('name') ?? '';
    const config = constraint.getAttribute('config');
    return config === null ? { name } : { name, config };
  });
}

function children(parent: Element, localName: string): Element[] {
  return [...parent.children].filter(
    (child) => child.namespaceURI === CAMUNDA && child.localName === localName,
  );
}
