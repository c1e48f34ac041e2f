import { activityStatistics } from '../api/cockpit-statistics.js';
import { processDefinition } from '../api/cockpit-definitions.js';
import { processDefinitionXml } from '../api/definitions.js';
import { activitiesOfDefinition } from '../api/history.js';
import { h } from '../app/dom.js';
import type { DiagramViewer } from '../diagram/diagram-viewer.js';
import { t } from '../i18n/i18n.js';
import { cockpitHash } from './cockpit-routes.js';
import { Labels, StatusLine, type View } from './cockpit-ui.js';
import { activityBadges, averageDurations, heatOf } from './definition-stats.js';

/**
 * One definition's diagram: a badge per activity with the instances waiting there (blue) and its
 * incidents (red); a heatmap of the average time instances spend at each activity.
 */
export class DefinitionDiagramView implements View {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly durationLabels = new Labels();
  private readonly status = new StatusLine();
  private readonly title = h('h2');
  private readonly canvas = h('div', { class: 'cockpit-diagram' });
  private readonly durations = h('div', { class: 'cockpit-durations' });
  private readonly heatToggle = h('input', { type: 'checkbox', 'data-action': 'heatmap' });
  private viewer: DiagramViewer | null = null;
  private disposed = false;
  private heat: Record<string, number> = {};
  private badges: ReturnType<typeof activityBadges> = [];

  constructor(private readonly definitionId: string) {
    this.heatToggle.addEventListener('change', () => this.decorate());
    const heatLabel = h('label', { class: 'cockpit-toggle' }, this.heatToggle, ' ');
    heatLabel.append(this.labels.span('cockpit.diagram.heatmap'));
    this.element = h(
      'div',
      { class: 'cockpit-view', 'data-definition-id': definitionId },
      h(
        'div',
        { class: 'cockpit-toolbar' },
        this.title,
        heatLabel,
        this.labels.button('cockpit.refresh', () => void this.loadOverlays(), {
          'data-action': 'refresh',
        }),
        this.labels.text(
          h('a', { href: cockpitHash({ view: 'start', definitionId }), 'data-action': 'start' }),
          'cockpit.definitions.start',
        ),
      ),
      this.status.element,
      h(
        'p',
        { class: 'cockpit-legend' },
        h('span', { class: 'diagram-badge diagram-badge-count' }, '1'),
        ' ',
        this.labels.span('cockpit.diagram.legendCount'),
        ' ',
        h('span', { class: 'diagram-badge diagram-badge-incident' }, '1'),
        ' ',
        this.labels.span('cockpit.diagram.legendIncident'),
      ),
      this.canvas,
      this.durations,
    );
    void this.load();
  }

  retranslate(): void {
    this.labels.retranslate();
    this.durationLabels.retranslate();
    this.status.retranslate();
  }

  dispose(): void {
    this.disposed = true;
    this.viewer?.destroy();
    this.viewer = null;
  }

  private async load(): Promise<void> {
    this.status.show('info', 'cockpit.loading');
    try {
      const [definition, xml, viewer] = await Promise.all([
        processDefinition(this.definitionId),
        processDefinitionXml(this.definitionId),
        newViewer(),
      ]);
      if (this.disposed) return viewer.destroy();
      this.viewer = viewer;
      this.labels.on(
        () =>
          (this.title.textContent = t('cockpit.diagram.title', {
            name: definition.name ?? definition.key,
            version: definition.version,
          })),
      );
      this.canvas.append(viewer.element);
      await viewer.show(xml);
      await this.loadOverlays();
    } catch (error) {
      this.status.error(error);
    }
  }

  private async loadOverlays(): Promise<void> {
    try {
      const [statistics, activities] = await Promise.all([
        activityStatistics(this.definitionId),
        activitiesOfDefinition(this.definitionId),
      ]);
      this.badges = activityBadges(statistics);
      const durations = averageDurations(activities, new Date());
      this.heat = heatOf(durations);
      this.renderDurations(durations, activities);
      this.decorate();
      this.status.clear();
      this.element.dataset.loaded = 'true';
    } catch (error) {
      this.status.error(error);
    }
  }

  /** Badges always; the heat only while the toggle is on. */
  private decorate(): void {
    const viewer = this.viewer;
    if (!viewer) return;
    viewer.clear();
    if (this.heatToggle.checked) viewer.heat(this.heat);
    for (const badge of this.badges) {
      const tooltip =
        badge.kind === 'count'
          ? t('cockpit.diagram.waiting', { count: badge.text })
          : t('cockpit.diagram.incidents', { count: badge.text });
      viewer.badge(badge.elementId, badge.text, badge.kind, tooltip);
    }
    this.element.dataset.heatmap = String(this.heatToggle.checked);
  }

  /** The same averages as a table, longest first: readable without the colours. */
  private renderDurations(
    durations: Map<string, number>,
    activities: { activityId: string; activityName: string | null }[],
  ): void {
    this.durationLabels.reset();
    const names = new Map(activities.map((a) => [a.activityId, a.activityName ?? a.activityId]));
    const rows = [...durations.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([id, ms]) => [
        h('span', { 'data-activity-id': id }, names.get(id) ?? id),
        this.durationLabels.duration(ms),
      ]);
    const heading = this.durationLabels.text(h('h3'), 'cockpit.diagram.durations');
    this.durations.replaceChildren(
      heading,
      this.durationLabels.table(['cockpit.diagram.activity', 'cockpit.diagram.averageTime'], rows),
    );
  }
}

/** The viewer module (and bpmn-js behind it) loads only when a diagram is shown. */
async function newViewer(): Promise<DiagramViewer> {
  const { createDiagramViewer } = await import('../diagram/diagram-viewer.js');
  return createDiagramViewer();
}
