import type { ModdleElement } from 'bpmn-moddle';

/**
 * Typed reads of moddle element properties. bpmn-moddle's objects are loosely typed; these keep
 * the `unknown`s in one place so the checks read like the BPMN they inspect.
 */

export type { ModdleElement };

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string'
  );
}

/** The element's type or one of its super types, e.g. `is(task, 'bpmn:Activity')`. */
export function is(element: ModdleElement, type: string): boolean {
  const instanceOf = (element as { $instanceOf?: unknown }).$instanceOf;
  return typeof instanceOf === 'function'
    ? (instanceOf as (t: string) => boolean).call(element, type)
    : element.$type === type;
}

export function stringProperty(element: ModdleElement, key: string): string | undefined {
  const value = element[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanProperty(element: ModdleElement, key: string): boolean | undefined {
  const value = element[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function elementProperty(element: ModdleElement, key: string): ModdleElement | undefined {
  const value = element[key];
  return isModdleElement(value) ? value : undefined;
}

export function elementsProperty(element: ModdleElement, key: string): ModdleElement[] {
  const value = element[key];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The camunda:* (or other) extension elements of the given type, e.g. `camunda:Connector`. */
export function extensionElements(element: ModdleElement, type: string): ModdleElement[] {
  const container = elementProperty(element, 'extensionElements');
  return container ? elementsProperty(container, 'values').filter((value) => is(value, type)) : [];
}

/** The text of a bpmn:FormalExpression (conditions, timer values, loop cardinality). */
export function expressionBody(element: ModdleElement | undefined): string | undefined {
  return element ? stringProperty(element, 'body') : undefined;
}

/** The element itself or its nearest ancestor of the given type. */
export function closest(element: ModdleElement, type: string): ModdleElement | undefined {
  for (let current: ModdleElement | undefined = element; current; current = current.$parent) {
    if (is(current, type)) return current;
  }
  return undefined;
}

/** Every flow element and artifact of a process, descending into sub-processes. */
export function allFlowElements(container: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const visit = (parent: ModdleElement): void => {
    for (const child of [
      ...elementsProperty(parent, 'flowElements'),
      ...elementsProperty(parent, 'artifacts'),
    ]) {
      found.push(child);
      if (is(child, 'bpmn:FlowElementsContainer')) visit(child);
    }
  };
  visit(container);
  return found;
}
