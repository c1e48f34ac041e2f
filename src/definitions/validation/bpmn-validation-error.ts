/** One reason a BPMN document was refused, tied to the element it concerns when there is one. */
export interface BpmnProblem {
  elementId?: string;
  message: string;
}

/**
 * How many problems a response spells out (in the message and in the deployment's report), so a
 * hostile diagram cannot make the error body grow; all of them stay in `problems`.
 */
const PROBLEMS_IN_RESPONSE = 20;

/** The problems a response names, and how many more it only counts ("and N more"). */
export function problemsInResponse(problems: readonly BpmnProblem[]): {
  shown: readonly BpmnProblem[];
  more: number;
} {
  const shown = problems.slice(0, PROBLEMS_IN_RESPONSE);
  return { shown, more: problems.length - shown.length };
}

/**
 * A deployment's BPMN document was refused before anything was stored. The message summarises
 * the problems (safe to show to the caller); `problems` lists every one with its element id.
 */
export class BpmnValidationError extends Error {
  constructor(readonly problems: readonly BpmnProblem[]) {
    super(summarize(problems));
    this.name = 'BpmnValidationError';
  }
}

function summarize(problems: readonly BpmnProblem[]): string {
  const { shown, more } = problemsInResponse(problems);
  const named = shown.map((p) => (p.elementId ? `${p.elementId}: ${p.message}` : p.message));
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return `Invalid BPMN (${problems.length} ${noun}): ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** The message of whatever a callback threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
