import { definitionStatistics } from '../api/cockpit-statistics.js';
import { listProcessDefinitions } from '../api/definitions.js';
import { h } from '../app/dom.js';
import { t } from '../i18n/i18n.js';
import { cockpitHash } from './cockpit-routes.js';
import { LoadedView } from './cockpit-ui.js';
import {
  countsByDefinition,
  countsOf,
  processRows,
  type Counts,
  type ProcessRow,
} from './definition-stats.js';

const ALL_VERSIONS = '';

/**
 * The dashboard: every deployed process with its running instances and incidents, the latest
 * version by default, any version (or all together) to choose.
 */
export class DefinitionsView extends LoadedView {
  constructor() {
    super('cockpit.definitions.title', 'cockpit-definitions');
    void this.load();
  }

  protected async load(): Promise<void> {
    this.status.show('info', 'cockpit.loading');
    try {
      const [definitions, statistics] = await Promise.all([
        listProcessDefinitions(),
        definitionStatistics(),
      ]);
      this.render(processRows(definitions), countsByDefinition(statistics));
      this.status.clear();
    } catch (error) {
      this.status.error(error);
    }
  }

  private render(rows: ProcessRow[], counts: Map<string, Counts>): void {
    this.dataLabels.reset();
    if (rows.length === 0) {
      this.body.replaceChildren(this.dataLabels.text(h('p'), 'cockpit.definitions.none'));
      return;
    }
    this.body.replaceChildren(
      this.dataLabels.table(
        [
          'cockpit.definitions.process',
          'cockpit.definitions.version',
          'cockpit.definitions.instances',
          'cockpit.definitions.incidents',
          'cockpit.definitions.actions',
        ],
        rows.map((row) => this.cells(row, counts)),
        { 'data-table': 'definitions' },
      ),
    );
  }

  private cells(row: ProcessRow, counts: Map<string, Counts>): Node[] {
    const select = h('select', { 'data-field': 'version', 'data-definition-key': row.key });
    for (const version of row.versions) {
      select.append(h('option', { value: version.id }, String(version.version)));
    }
    const all = h('option', { value: ALL_VERSIONS });
    this.dataLabels.text(all, 'cockpit.definitions.allVersions');
    select.append(all);
    const instances = h('span', { 'data-count': 'instances', 'data-definition-key': row.key });
    const incidents = h('span', { 'data-count': 'incidents', 'data-definition-key': row.key });
    const diagram = h('a', { 'data-action': 'diagram', 'data-definition-key': row.key });
    const list = h('a', {
      'data-action': 'instances',
      href: cockpitHash({ view: 'instances', definitionKey: row.key }),
    });
    const start = h('a', { 'data-action': 'start' });
    this.dataLabels.text(diagram, 'cockpit.definitions.diagram');
    this.dataLabels.text(list, 'cockpit.definitions.list');
    this.dataLabels.text(start, 'cockpit.definitions.start');
    const update = () => {
      const chosen = select.value || null;
      const shown = countsOf(row, chosen, counts);
      instances.textContent = String(shown.instances);
      incidents.textContent = String(shown.incidents);
      incidents.classList.toggle('cockpit-incidents', shown.incidents > 0);
      const definitionId = chosen ?? row.versions[0].id;
      diagram.href = cockpitHash({ view: 'definition', definitionId });
      start.href = cockpitHash({ view: 'start', definitionId });
    };
    select.addEventListener('change', update);
    update();
    const title = h(
      'span',
      { class: 'cockpit-process-name' },
      h('strong', {}, row.name),
      h('small', {}, row.key),
    );
    this.dataLabels.on(
      () => (title.title = t('cockpit.definitions.versions', { count: row.versions.length })),
    );
    return [
      title,
      select,
      instances,
      incidents,
      h('span', { class: 'cockpit-actions' }, diagram, list, start),
    ];
  }
}
