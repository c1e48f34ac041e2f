import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { DiagramProblem } from './validation-problems.js';

const MARKER = 'conveyor-invalid';
const OVERLAY_TYPE = 'conveyor-problem';

/**
 * Shows the service's validation problems on the diagram: a red outline (canvas marker) and a
 * badge whose tooltip is the message, on every element a problem names. Cleared on the next
 * deploy or import.
 */
export class ProblemMarkers {
  private marked: string[] = [];

  constructor(private readonly modeler: Modeler) {}

  show(problems: readonly DiagramProblem[]): void {
    this.clear();
    const canvas = this.modeler.get<Canvas>('canvas');
    const overlays = this.modeler.get<Overlays>('overlays');
    const registry = this.modeler.get<ElementRegistry>('elementRegistry');
    const byElement = new Map<string, string[]>();
    for (const problem of problems) {
      if (!problem.elementId || !registry.get(problem.elementId)) continue;
      byElement.set(problem.elementId, [
        ...(byElement.get(problem.elementId) ?? []),
        problem.message,
      ]);
    }
    for (const [elementId, messages] of byElement) {
      canvas.addMarker(elementId, MARKER);
      const badge = document.createElement('div');
      badge.className = 'conveyor-problem-badge';
      badge.textContent = '!';
      badge.title = messages.join('\n');
      badge.dataset.elementId = elementId;
      // The process itself has no shape of its own to badge: its marker is enough.
      if (registry.get(elementId) !== canvas.getRootElement()) {
        overlays.add(elementId, OVERLAY_TYPE, { position: { top: -10, right: 10 }, html: badge });
      }
      this.marked.push(elementId);
    }
  }

  /** Selects the element and scrolls it into view (from the problem list under the toolbar). */
  reveal(elementId: string): void {
    const element = this.modeler.get<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return;
    this.modeler.get<Canvas>('canvas').scrollToElement(element);
    this.modeler.get<Selection>('selection').select(element);
  }

  clear(): void {
    const canvas = this.modeler.get<Canvas>('canvas');
    for (const elementId of this.marked) {
      if (this.modeler.get<ElementRegistry>('elementRegistry').get(elementId)) {
        canvas.removeMarker(elementId, MARKER);
      }
    }
    this.modeler.get<Overlays>('overlays').remove({ type: OVERLAY_TYPE });
    this.marked = [];
  }
}
