import request from 'supertest';
import { bpmn, EngineRest } from './support/engine-rest.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// A candidate group's list by due date is read through the group's links (TaskRepository.list):
// it must give the same tasks in the same order as the general query shape.
const DUE = bpmn(`<process id="due" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="call" />
  <userTask id="call" name="Call the client" camunda:candidateGroups="sales,backoffice" camunda:dueDate="\${due}" camunda:priority="\${priority}" />
  <sequenceFlow id="f2" sourceRef="call" targetRef="end" /><endEvent id="end" />
</process>`);
const UNDATED = bpmn(`<process id="undated" isExecutable="true">
  <startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="call" />
  <userTask id="call" name="Call back some day" camunda:candidateGroups="sales" />
  <sequenceFlow id="f2" sourceRef="call" targetRef="end" /><endEvent id="end" />
</process>`);

describe('a candidate group tasklist sorted by due date', () => {
  let t: TestApp;
  let api: EngineRest;
  const ids = (tasks: { id: string }[]) => tasks.map((task) => task.id);

  beforeAll(async () => {
    t = await startTestApp();
    api = new EngineRest(t.http);
    await api.deployOk(DUE, 'due.bpmn');
    await api.deployOk(UNDATED, 'undated.bpmn');
    const days = [5, 1, 3, 1, 9, 2];
    for (const [i, day] of days.entries()) {
      await api.start('due', {
        variables: {
          due: { value: `2027-01-0${day}T09:00:00.000+0000`, type: 'Date' },
          priority: { value: i, type: 'Integer' },
        },
      });
    }
    await api.start('undated');
    const [first] = await api.tasks({
      candidateGroup: 'sales',
      sortBy: 'dueDate',
      sortOrder: 'asc',
    });
    await request(t.http)
      .post(`/engine-rest/task/${first.id}/claim`)
      .send({ userId: 'olga' })
      .expect(204);
  });
  afterAll(() => t.close());

  it('orders by due date, undated last, ties by id, as the general query does', async () => {
    const sorted = { sortBy: 'dueDate', sortOrder: 'asc' };
    const all = await api.tasks({ ...sorted, unassigned: 'true' });
    const sales = await api.tasks({ ...sorted, candidateGroup: 'sales' });
    const salesOnly = (await api.tasks({ candidateGroup: 'sales' })).map((task) => task.id);
    expect(ids(sales)).toEqual(ids(all).filter((id) => salesOnly.includes(id)));
    expect(sales.map((task) => task.due?.slice(0, 10))).toEqual([
      '2027-01-01', // the other one of that day was claimed
      '2027-01-02',
      '2027-01-03',
      '2027-01-05',
      '2027-01-09',
      undefined,
    ]);
  });

  it('pages, includes assigned tasks on request and keeps a second sort key', async () => {
    const sorted = { sortBy: 'dueDate', sortOrder: 'asc', candidateGroup: 'sales' };
    const whole = ids(await api.tasks(sorted));
    const page = ids(await api.tasks({ ...sorted, firstResult: '1', maxResults: '2' }));
    expect(page).toEqual(whole.slice(1, 3));
    const withAssigned = await api.tasks({ ...sorted, includeAssignedTasks: 'true' });
    expect(withAssigned).toHaveLength(7);
    expect(withAssigned[0].assignee).toBe('olga');
    const twoKeys = await request(t.http)
      .post('/engine-rest/task')
      .send({
        candidateGroup: 'backoffice',
        includeAssignedTasks: true,
        sorting: [
          { sortBy: 'dueDate', sortOrder: 'asc' },
          { sortBy: 'priority', sortOrder: 'desc' },
        ],
      })
      .expect(200);
    const firstDay = (twoKeys.body as { due: string; priority: number }[]).slice(0, 2);
    expect(firstDay.map((task) => [task.due.slice(0, 10), task.priority])).toEqual([
      ['2027-01-01', 3],
      ['2027-01-01', 1],
    ]);
  });
});
