/**
 * The cockpit's own paths under `#/cockpit`: the shell routes on the first segment only, the
 * cockpit on the rest. Pure, so the unit specs pin the links down.
 */
export type CockpitRoute =
  | { view: 'definitions' }
  | { view: 'definition'; definitionId: string }
  | { view: 'instances'; definitionKey?: string }
  | { view: 'instance'; instanceId: string }
  | { view: 'overdue' }
  | { view: 'start'; definitionId?: string };

export type CockpitTab = 'definitions' | 'instances' | 'overdue' | 'start';

/** The route of a location hash; null when the hash is not the cockpit's. */
export function parseCockpitRoute(hash: string): CockpitRoute | null {
  const segments = hash.replace(/^#\/?/, '').split('/');
  if (segments[0] !== 'cockpit') return null;
  const [view, rawId] = [segments[1] ?? '', segments.slice(2).join('/')];
  const id = rawId ? safeDecode(rawId) : '';
  switch (view) {
    case 'definition':
      return id ? { view: 'definition', definitionId: id } : { view: 'definitions' };
    case 'instances':
      return id ? { view: 'instances', definitionKey: id } : { view: 'instances' };
    case 'instance':
      return id ? { view: 'instance', instanceId: id } : { view: 'instances' };
    case 'overdue':
      return { view: 'overdue' };
    case 'start':
      return id ? { view: 'start', definitionId: id } : { view: 'start' };
    default:
      return { view: 'definitions' };
  }
}

export function cockpitHash(route: CockpitRoute): string {
  switch (route.view) {
    case 'definitions':
      return '#/cockpit';
    case 'definition':
      return `#/cockpit/definition/${encodeURIComponent(route.definitionId)}`;
    case 'instances':
      return route.definitionKey
        ? `#/cockpit/instances/${encodeURIComponent(route.definitionKey)}`
        : '#/cockpit/instances';
    case 'instance':
      return `#/cockpit/instance/${encodeURIComponent(route.instanceId)}`;
    case 'overdue':
      return '#/cockpit/overdue';
    case 'start':
      return route.definitionId
        ? `#/cockpit/start/${encodeURIComponent(route.definitionId)}`
        : '#/cockpit/start';
  }
}

/** The tab a route belongs to (an instance page under instances, a diagram under definitions). */
export function tabOf(route: CockpitRoute): CockpitTab {
  switch (route.view) {
    case 'definitions':
    case 'definition':
      return 'definitions';
    case 'instances':
    case 'instance':
      return 'instances';
    case 'overdue':
      return 'overdue';
    case 'start':
      return 'start';
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
