import { deploymentProblems } from '../../web-modeler/src/modeler/validation-problems.js';

const diagram = new Set(['Process_1', 'Task_1', 'Timer_1']);
const hasElement = (id: string) => diagram.has(id);
const problem = (mainElementId: string | null, message: string) => ({
  message,
  line: null,
  column: null,
  mainElementId,
  elementIds: mainElementId ? [mainElementId] : [],
});

describe('deploymentProblems', () => {
  it("reads Camunda's ParseException report, every resource, onto the elements it names", () => {
    // given the details of a refused deployment of two files
    const details = {
      'p.bpmn': {
        errors: [
          problem('Task_1', 'the user task has no assignee'),
          problem('Timer_1', 'Invalid duration "x": expected PT15M; e.g. PT1H'),
        ],
        warnings: [],
      },
      'q.bpmn': { errors: [problem(null, 'and 3 more')], warnings: [] },
    };
    // when
    const problems = deploymentProblems('ENGINE-09005 …', details, hasElement);
    // then
    expect(problems).toEqual([
      { elementId: 'Task_1', message: 'the user task has no assignee' },
      { elementId: 'Timer_1', message: 'Invalid duration "x": expected PT15M; e.g. PT1H' },
      { elementId: null, message: 'and 3 more' },
    ]);
  });

  it('puts a problem on no element when the diagram lacks it', () => {
    const details = { 'p.bpmn': { errors: [problem('Gone_1', 'unsupported')], warnings: [] } };
    expect(deploymentProblems('…', details, hasElement)).toEqual([
      { elementId: null, message: 'unsupported' },
    ]);
  });

  it('returns the message whole without a report', () => {
    for (const details of [undefined, null, [], {}, { 'p.bpmn': { errors: 'no' } }]) {
      expect(deploymentProblems('Deployment is too large', details, hasElement)).toEqual([
        { elementId: null, message: 'Deployment is too large' },
      ]);
    }
  });
});
