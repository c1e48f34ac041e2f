import type {
  HistoricActivity,
  UserOperation,
} from '../../../web-modeler/src/api/cockpit-types.js';
import { instancePath, timeline } from '../../../web-modeler/src/cockpit/instance-path.js';
import { instanceQuery, EMPTY_FILTER } from '../../../web-modeler/src/cockpit/instance-search.js';
import {
  parseVariableInput,
  variableText,
} from '../../../web-modeler/src/cockpit/variable-input.js';

const activity = (
  activityId: string,
  startTime: string,
  endTime: string | null,
  extra: Partial<HistoricActivity> = {},
): HistoricActivity => ({
  id: `${activityId}-1`,
  activityId,
  activityName: activityId,
  activityType: 'userTask',
  processInstanceId: 'i',
  taskId: null,
  assignee: null,
  startTime,
  endTime,
  durationInMillis: null,
  canceled: false,
  ...extra,
});

const flows = [
  { id: 'F1', sourceRef: 'Start', targetRef: 'Review' },
  { id: 'F2', sourceRef: 'Review', targetRef: 'Wait' },
  { id: 'F3', sourceRef: 'Wait', targetRef: 'Ship' },
];

describe('an instance on its diagram', () => {
  it('marks unfinished activities active, finished ones and the flows between visited ones taken', () => {
    const path = instancePath(
      [
        activity('Start', '2026-11-22T09:00:00.000+0000', '2026-11-22T09:00:00.000+0000'),
        activity('Review', '2026-11-22T09:00:00.000+0000', '2026-11-22T10:00:00.000+0000'),
        activity('Wait', '2026-11-22T10:00:00.000+0000', null),
      ],
      flows,
    );
    expect(path.active).toEqual(['Wait']);
    expect(path.taken).toEqual(['Start', 'Review', 'F1', 'F2']);
  });
});

describe('the history timeline', () => {
  it('interleaves activity starts and ends with user operations, one entry per operation', () => {
    const operation = (property: string, newValue: string): UserOperation => ({
      id: `op-${property}`,
      userId: 'olga',
      timestamp: '2026-11-22T09:30:00.000+0000',
      operationId: 'op-1',
      operationType: 'Assign',
      entityType: 'Task',
      property,
      orgValue: null,
      newValue,
      taskId: 't',
      jobId: null,
    });
    const entries = timeline(
      [
        activity('Review', '2026-11-22T09:00:00.000+0000', '2026-11-22T10:00:00.000+0000', {
          assignee: 'ivan',
        }),
      ],
      [operation('assignee', 'ivan'), operation('owner', 'olga')],
    );
    expect(
      entries.map((e) => (e.kind === 'activity' ? `${e.what} ${e.activityId}` : e.operationType)),
    ).toEqual(['started Review', 'Assign', 'completed Review']);
    const assign = entries[1];
    expect(assign.kind === 'operation' && assign.changes.map((c) => c.property)).toEqual([
      'assignee',
      'owner',
    ]);
  });
});

describe('the instance search', () => {
  it('asks history for running instances by default', () => {
    expect(instanceQuery(EMPTY_FILTER)).toEqual({ unfinished: true });
  });

  it('maps every filter to the history query', () => {
    const query = instanceQuery({
      businessKey: ' order-1 ',
      state: 'completed',
      startedFrom: '2026-11-01',
      startedTo: '2026-11-30',
      variableName: 'amount',
      variableValue: '250',
      definitionKey: 'CockpitOrder',
    });
    expect(query).toMatchObject({
      processInstanceBusinessKeyLike: '%order-1%',
      finished: true,
      variables: [{ name: 'amount', operator: 'eq', value: 250 }],
      processDefinitionKey: 'CockpitOrder',
    });
    expect(query.startedAfter).toBe(new Date(2026, 10, 1).toISOString().replace('Z', '+0000'));
    expect(query.startedBefore).toBe(
      new Date(2026, 10, 30, 23, 59, 59, 999).toISOString().replace('Z', '+0000'),
    );
    expect(
      instanceQuery({ ...EMPTY_FILTER, state: 'all', variableName: 'vip', variableValue: 'true' }),
    ).toEqual({
      variables: [{ name: 'vip', operator: 'eq', value: true }],
    });
  });
});

describe('typed variable input', () => {
  it('turns texts into typed values or names the problem', () => {
    expect(parseVariableInput('Long', ' 42 ')).toEqual({
      ok: true,
      variable: { value: 42, type: 'Long' },
    });
    expect(parseVariableInput('Long', '4.2')).toEqual({ ok: false, problem: 'integer' });
    expect(parseVariableInput('Integer', '3000000000')).toEqual({ ok: false, problem: 'integer' });
    expect(parseVariableInput('Double', '4.5')).toEqual({
      ok: true,
      variable: { value: 4.5, type: 'Double' },
    });
    expect(parseVariableInput('Boolean', 'TRUE')).toEqual({
      ok: true,
      variable: { value: true, type: 'Boolean' },
    });
    expect(parseVariableInput('Boolean', 'да')).toEqual({ ok: false, problem: 'boolean' });
    expect(parseVariableInput('String', ' as is ')).toEqual({
      ok: true,
      variable: { value: ' as is ', type: 'String' },
    });
    expect(parseVariableInput('Json', '{"a":1}')).toEqual({
      ok: true,
      variable: { value: '{"a":1}', type: 'Json' },
    });
    expect(parseVariableInput('Json', '{a}')).toEqual({ ok: false, problem: 'json' });
    expect(parseVariableInput('Date', '2026-11-22T10:00:00.000+0000')).toEqual({
      ok: true,
      variable: { value: '2026-11-22T10:00:00.000+0000', type: 'Date' },
    });
    expect(parseVariableInput('Date', 'tomorrow')).toEqual({ ok: false, problem: 'date' });
  });

  it('shows values as text', () => {
    expect(variableText({ value: null })).toBe('');
    expect(variableText({ value: 'x' })).toBe('x');
    expect(variableText({ value: 3 })).toBe('3');
    expect(variableText({ value: { a: 1 } })).toBe('{"a":1}');
  });
});
