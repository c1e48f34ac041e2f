import type { CockpitTask } from '../../../web-modeler/src/api/cockpit-types.js';
import { groupOverdueTasks } from '../../../web-modeler/src/cockpit/overdue-groups.js';

const task = (
  id: string,
  assignee: string | null,
  candidateGroups: string[] = [],
): CockpitTask => ({
  id,
  name: id,
  assignee,
  created: '2026-11-01T10:00:00.000+0000',
  due: '2026-11-02T10:00:00.000+0000',
  priority: 50,
  processDefinitionId: 'p:1:x',
  processInstanceId: `i-${id}`,
  taskDefinitionKey: 'T',
  candidateGroups,
});

describe('overdue tasks per employee and per group', () => {
  it('groups by assignee and by each candidate group, largest first, nobody last', () => {
    // given four overdue tasks: ivan has two, one is unassigned, one has no candidate group
    const tasks = [
      task('a', 'ivan', ['sales']),
      task('b', 'petr', ['sales', 'service']),
      task('c', 'ivan'),
      task('d', null, ['service']),
    ];
    // when
    const groups = groupOverdueTasks(tasks);
    // then
    expect(groups.byAssignee.map((g) => [g.id, g.tasks.map((t) => t.id)])).toEqual([
      ['ivan', ['a', 'c']],
      ['petr', ['b']],
      [null, ['d']],
    ]);
    expect(groups.byGroup.map((g) => [g.id, g.tasks.map((t) => t.id)])).toEqual([
      ['sales', ['a', 'b']],
      ['service', ['b', 'd']],
      [null, ['c']],
    ]);
  });

  it('has no groups without overdue tasks', () => {
    expect(groupOverdueTasks([])).toEqual({ byAssignee: [], byGroup: [] });
  });
});
