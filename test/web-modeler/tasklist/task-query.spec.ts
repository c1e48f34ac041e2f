import { camundaDate } from '../../../web-modeler/src/api/dates.js';
import {
  INITIAL_STATE,
  isOverdue,
  pageCount,
  searchValue,
  toTaskQuery,
  type TaskListState,
} from '../../../web-modeler/src/tasklist/task-query.js';

const NOW = new Date('2026-11-22T10:30:00.000Z');
const state = (patch: Partial<TaskListState>): TaskListState => ({ ...INITIAL_STATE, ...patch });

describe('toTaskQuery', () => {
  it('asks for my tasks by assignee, sorted by due date, first page', () => {
    // when
    const query = toTaskQuery(INITIAL_STATE, 'ivan', NOW);
    // then
    expect(query).toEqual({
      body: {
        assignee: 'ivan',
        sorting: [
          { sortBy: 'dueDate', sortOrder: 'asc' },
          { sortBy: 'created', sortOrder: 'desc' },
        ],
      },
      firstResult: 0,
      maxResults: INITIAL_STATE.pageSize,
    });
  });

  it("asks for my groups' tasks as a candidate user and for all tasks without a user filter", () => {
    expect(toTaskQuery(state({ view: 'groups' }), 'ivan', NOW).body).toMatchObject({
      candidateUser: 'ivan',
    });
    const all = toTaskQuery(state({ view: 'all' }), 'ivan', NOW).body;
    expect(all.assignee).toBeUndefined();
    expect(all.candidateUser).toBeUndefined();
  });

  it('maps the process, overdue and follow-up filters to Camunda dates', () => {
    const body = toTaskQuery(
      state({ processKey: 'leadProcess', due: 'overdue', followUp: 'reached' }),
      'ivan',
      NOW,
    ).body;
    expect(body).toMatchObject({
      processDefinitionKey: 'leadProcess',
      dueBefore: '2026-11-22T10:30:00.000+0000',
      followUpBefore: '2026-11-22T10:30:00.000+0000',
    });
    expect(
      toTaskQuery(state({ followUp: 'hideLater' }), 'ivan', NOW).body.followUpBeforeOrNotExistent,
    ).toBe('2026-11-22T10:30:00.000+0000');
  });

  it('makes "due today" the local day: after the instant before midnight, before the next midnight', () => {
    const body = toTaskQuery(state({ due: 'today' }), 'ivan', NOW).body;
    const start = new Date(NOW);
    start.setHours(0, 0, 0, 0);
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    expect(body.dueAfter).toBe(camundaDate(new Date(start.getTime() - 1)));
    expect(body.dueBefore).toBe(camundaDate(end));
  });

  it('searches the business key anywhere, with % and _ taken literally', () => {
    expect(
      toTaskQuery(state({ businessKey: ' ORD-7 ' }), 'ivan', NOW).body
        .processInstanceBusinessKeyLike,
    ).toBe('%ORD-7%');
    expect(
      toTaskQuery(state({ businessKey: '50%_off' }), 'ivan', NOW).body
        .processInstanceBusinessKeyLike,
    ).toBe('%50\\%\\_off%');
  });

  it('searches a process variable: eq reads numbers and booleans, like looks for text', () => {
    const eq = toTaskQuery(
      state({ variableName: 'amount', variableOperator: 'eq', variableValue: '1500' }),
      'ivan',
      NOW,
    ).body;
    expect(eq.processVariables).toEqual([{ name: 'amount', operator: 'eq', value: 1500 }]);
    const like = toTaskQuery(
      state({ variableName: 'customer', variableOperator: 'like', variableValue: 'Ivanov' }),
      'ivan',
      NOW,
    ).body;
    expect(like.processVariables).toEqual([
      { name: 'customer', operator: 'like', value: '%Ivanov%' },
    ]);
    expect(
      toTaskQuery(state({ variableValue: 'x' }), 'ivan', NOW).body.processVariables,
    ).toBeUndefined();
  });

  it('sorts by priority descending and pages by the page size', () => {
    const query = toTaskQuery(
      state({ sortBy: 'priority', sortOrder: 'desc', page: 2, pageSize: 10 }),
      'ivan',
      NOW,
    );
    expect(query.body.sorting?.[0]).toEqual({ sortBy: 'priority', sortOrder: 'desc' });
    expect(query.firstResult).toBe(20);
    expect(query.maxResults).toBe(10);
    expect(toTaskQuery(state({ sortBy: 'created' }), 'ivan', NOW).body.sorting).toEqual([
      { sortBy: 'created', sortOrder: 'asc' },
    ]);
  });
});

describe('searchValue', () => {
  it('reads the text as the server reads name_eq_value', () => {
    expect(searchValue('true')).toBe(true);
    expect(searchValue('false')).toBe(false);
    expect(searchValue('null')).toBeNull();
    expect(searchValue('-12.5')).toBe(-12.5);
    expect(searchValue('ORD-1')).toBe('ORD-1');
  });
});

describe('isOverdue and pageCount', () => {
  it('tells a passed due date from a future one and no due date', () => {
    expect(isOverdue('2026-11-22T10:29:59.000+0000', NOW)).toBe(true);
    expect(isOverdue('2026-11-22T12:00:00.000+0200', NOW)).toBe(true);
    expect(isOverdue('2026-11-22T11:00:00.000+0000', NOW)).toBe(false);
    expect(isOverdue(null, NOW)).toBe(false);
  });

  it('counts at least one page', () => {
    expect(pageCount(0, 15)).toBe(1);
    expect(pageCount(15, 15)).toBe(1);
    expect(pageCount(16, 15)).toBe(2);
  });
});
