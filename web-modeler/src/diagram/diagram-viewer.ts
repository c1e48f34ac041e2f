import './diagram-viewer.css';

/** How an element is marked on the canvas (a CSS class `diagram-<mark>` on its shape). */
export type DiagramMark = 'active' | 'taken' | 'problem' | 'selected';
/** A small overlay in an element's corner: counts (blue), incidents (red), anything else (grey). */
export type BadgeKind = 'count' | 'incident' | 'info';

export interface DiagramViewer {
  readonly element: HTMLElement;
  /** Imports the BPMN XML and fits it to the container. */
  show(xml: string): Promise<void>;
  mark(elementIds: readonly string[], mark: DiagramMark): void;
  badge(elementId: string, text: string, kind: BadgeKind, tooltip?: string): void;
  /** A tint over each element, 0 (none) to 1 (hottest): where instances spend their time. */
  heat(values: Readonly<Record<string, number>>): void;
  /** Removes marks, badges and heat; the diagram stays. */
  clear(): void;
  onElementClick(listener: (elementId: string) => void): void;
  destroy(): void;
}

interface Shape {
  id: string;
  width?: number;
  height?: number;
  waypoints?: unknown;
}

interface ViewerServices {
  canvas: {
    zoom(level: 'fit-viewport', center?: 'auto'): void;
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, marker: string): void;
  };
  overlays: {
    add(id: string, type: string, overlay: { position: object; html: HTMLElement }): string;
    remove(filter: { type: string }): void;
  };
  elementRegistry: { get(id: string): Shape | undefined };
  eventBus: { on(event: string, callback: (event: { element: Shape }) => void): void };
}

const OVERLAY_TYPE = 'conveyor-diagram';

/**
 * A read-only diagram (bpmn-js NavigatedViewer: pan and zoom) for the tasklist and the cockpit,
 * with the marks and badges they put on activities. bpmn-js is loaded on first use, so screens
 * without a diagram never download it.
 */
export async function createDiagramViewer(): Promise<DiagramViewer> {
  await import('bpmn-js/dist/assets/diagram-js.css');
  await import('bpmn-js/dist/assets/bpmn-js.css');
  const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
  const element = document.createElement('div');
  element.className = 'diagram-viewer';
  const viewer = new NavigatedViewer({ container: element });
  const get = <K extends keyof ViewerServices>(name: K): ViewerServices[K] =>
    viewer.get<ViewerServices[K]>(name);
  const marked: Array<[string, string]> = [];

  const api: DiagramViewer = {
    element,
    async show(xml) {
      marked.length = 0;
      await viewer.importXML(xml);
      get('canvas').zoom('fit-viewport', 'auto');
    },
    mark(elementIds, mark) {
      for (const id of elementIds) {
        if (!get('elementRegistry').get(id)) continue;
        get('canvas').addMarker(id, `diagram-${mark}`);
        marked.push([id, `diagram-${mark}`]);
      }
    },
    badge(elementId, text, kind, tooltip) {
      if (!get('elementRegistry').get(elementId)) return;
      const html = document.createElement('div');
      html.className = `diagram-badge diagram-badge-${kind}`;
      html.textContent = text;
      html.dataset.elementId = elementId;
      html.dataset.kind = kind;
      if (tooltip) html.title = tooltip;
      const position = kind === 'incident' ? { bottom: 10, right: 10 } : { bottom: 10, left: -10 };
      get('overlays').add(elementId, OVERLAY_TYPE, { position, html });
    },
    heat(values) {
      for (const [id, value] of Object.entries(values)) {
        const shape = get('elementRegistry').get(id);
        if (!shape || shape.waypoints || !shape.width || !shape.height) continue;
        const html = document.createElement('div');
        html.className = 'diagram-heat';
        html.dataset.elementId = id;
        html.style.width = `${shape.width}px`;
        html.style.height = `${shape.height}px`;
        html.style.opacity = String(0.15 + 0.6 * Math.min(1, Math.max(0, value)));
        get('overlays').add(id, OVERLAY_TYPE, { position: { top: 0, left: 0 }, html });
      }
    },
    clear() {
      for (const [id, marker] of marked.splice(0)) {
        if (get('elementRegistry').get(id)) get('canvas').removeMarker(id, marker);
      }
      get('overlays').remove({ type: OVERLAY_TYPE });
    },
    onElementClick(listener) {
      get('eventBus').on('element.click', (event) => listener(event.element.id));
    },
    destroy() {
      viewer.destroy();
    },
  };
  return api;
}
