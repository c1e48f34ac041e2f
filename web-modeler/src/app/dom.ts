type Child = Node | string | null | undefined | false;

export interface Attributes {
  [name: string]: string | boolean | undefined | ((event: Event) => void);
}

/**
 * Creates an element: attributes starting with `on` become event listeners (never inline
 * handlers, which the CSP forbids), `true` booleans become empty attributes, children are appended.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) element.append(child);
  }
  return element;
}
