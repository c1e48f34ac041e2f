import { h } from '../app/dom.js';
import type { DiagramViewer } from '../diagram/diagram-viewer.js';
import { label } from './labels.js';

/**
 * The task's process diagram with the task marked. The viewer (bpmn-js) is loaded only when a
 * task is opened, so the list alone never downloads it.
 */
export class TaskDiagramView {
  readonly element: HTMLElement;
  private readonly canvas = h('div', { class: 'task-diagram-canvas' });
  private viewer: DiagramViewer | null = null;
  private disposed = false;

  constructor() {
    this.element = h(
      'section',
      { class: 'task-diagram' },
      label('h3', 'tasklist.diagram'),
      this.canvas,
    );
  }

  async show(xml: string, activityId: string): Promise<void> {
    try {
      const { createDiagramViewer } = await import('../diagram/diagram-viewer.js');
      if (this.disposed) return;
      this.viewer = await createDiagramViewer();
      if (this.disposed) {
        this.viewer.destroy();
        return;
      }
      this.canvas.append(this.viewer.element);
      await this.viewer.show(xml);
      this.viewer.mark([activityId], 'active');
      this.canvas.dataset.state = 'shown';
      this.canvas.dataset.activityId = activityId;
    } catch {
      this.canvas.replaceChildren(label('p', 'tasklist.diagram.failed', { class: 'muted' }));
      this.canvas.dataset.state = 'failed';
    }
  }

  dispose(): void {
    this.disposed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }
}
