/** One problem the service reported for a refused deployment. */
export interface DiagramProblem {
  /** The element it concerns, when the message names one that exists in the diagram. */
  elementId: string | null;
  message: string;
}

/** Where the list starts; the engine may put a code and the file name before it. */
const PREFIX = /Invalid BPMN \(\d+ problems?\): /;
const ELEMENT_PROBLEM = /^([A-Za-z_][\w.-]*): (.+)$/s;

/**
 * Splits the service's 400 message ("ENGINE-09005 Could not parse BPMN process. a.bpmn: Invalid
 * BPMN (2 problems): Task_1: no assignee; Timer_1: …")
 * into problems. A leading word counts as an element id only if the diagram has that element,
 * so a message that merely contains a colon stays whole.
 */
export function parseValidationMessage(
  message: string,
  hasElement: (id: string) => boolean,
): DiagramProblem[] {
  const start = PREFIX.exec(message);
  if (!start) return [{ elementId: null, message }];
  const body = message.slice(start.index + start[0].length);
  const problems: DiagramProblem[] = [];
  for (const part of body.split('; ')) {
    const match = ELEMENT_PROBLEM.exec(part);
    if (/^and \d+ more$/.test(part)) continue;
    if (match && hasElement(match[1])) {
      problems.push({ elementId: match[1], message: match[2] });
    } else if (problems.length > 0) {
      // A message that itself contained "; " belongs to the problem before it.
      problems[problems.length - 1].message += `; ${part}`;
    } else {
      problems.push({ elementId: null, message: part });
    }
  }
  return problems;
}
