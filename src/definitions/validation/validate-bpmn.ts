import type { ModdleElement } from 'bpmn-moddle';
import { readBpmn } from './bpmn-moddle-reader.js';
import { type BpmnProblem, BpmnValidationError } from './bpmn-validation-error.js';
import { checkEvents } from './event-checks.js';
import { lintForExecution } from './execution-lint.js';
import {
  type ExecutableProcess,
  describeProcess,
  executableProcessElements,
} from './executable-processes.js';
import { checkExpressions } from './expression-checks.js';
import { completeFlowReferences } from './flow-references.js';
import { checkLinkEvents } from './link-event-checks.js';
import { checkListeners } from './listener-checks.js';
import { allFlowElements, closest, is, stringProperty } from './moddle-element.js';
import { decodeWithinLimit, findDtdProblem, findStructureProblem } from './raw-bpmn-guards.js';
import { checkStoredLengths } from './stored-length-checks.js';
import { checkSupportedElements } from './supported-elements.js';
import { checkTaskImplementations } from './task-implementation-checks.js';
import { checkTimers } from './timer-checks.js';

export interface ValidateBpmnOptions {
  /** Larger documents are refused before parsing. */
  maxBytes: number;
  /**
   * A syntax check for expressions (JUEL `${…}`, FEEL `=…`) that throws on an error. Called for
   * condition bodies, timer expressions, expression-valued camunda attributes of user tasks,
   * multi-instance settings, call activity mappings and input/output parameters.
   */
  checkExpression?: (text: string) => void;
}

export interface ValidatedBpmn {
  /** bpmn-moddle's `bpmn:Definitions` root (with camunda extension properties). */
  definitions: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  targetNamespace?: string;
  /** The executable processes, in document order; never empty. */
  processes: ExecutableProcess[];
}

/**
 * Checks an uploaded BPMN document before a deployment stores anything, and returns it parsed.
 * Cheap guards on the raw text run first (size, DOCTYPE/ENTITY, nesting depth, attribute size),
 * then bpmn-moddle parses it (any warning refuses it), then the executable processes are checked
 * for what Conveyor can run. Throws BpmnValidationError listing every problem found.
 */
export async function validateBpmn(
  xml: string | Buffer,
  options: ValidateBpmnOptions,
): Promise<ValidatedBpmn> {
  const text = decodeWithinLimit(xml, options.maxBytes);
  if (typeof text !== 'string') throw new BpmnValidationError([text]);
  const rawProblem = findDtdProblem(text) ?? findStructureProblem(text);
  if (rawProblem) throw new BpmnValidationError([rawProblem]);

  const read = await readBpmn(text);
  if ('problems' in read) throw new BpmnValidationError(read.problems);
  const { definitions, elementsById } = read;

  const processElements = executableProcessElements(definitions);
  if (processElements.length === 0) {
    throw new BpmnValidationError([
      { message: 'The document contains no executable process (isExecutable="true")' },
    ]);
  }
  const described = processElements.map(describeProcess);
  const elements = processElements.flatMap(allFlowElements);
  completeFlowReferences(elements);
  const problems: BpmnProblem[] = [
    ...described.flatMap((d) => d.problems),
    ...checkSupportedElements(elements),
    ...checkTaskImplementations(elements),
    ...checkListeners([...processElements, ...elements]),
    ...checkEvents(elements),
    ...checkTimers(elements, options.checkExpression),
    ...checkExpressions(elements, options.checkExpression),
    ...checkLinkEvents([...processElements, ...elements.filter((e) => is(e, 'bpmn:SubProcess'))]),
    ...checkStoredLengths(definitions, [...processElements, ...elements]),
    ...lintForExecution(definitions, (id) => isInExecutableProcess(elementsById[id])),
  ];
  if (problems.length > 0) throw new BpmnValidationError(problems);

  return {
    definitions,
    elementsById,
    targetNamespace: stringProperty(definitions, 'targetNamespace'),
    processes: described.map((d) => d.process),
  };
}

function isInExecutableProcess(element: ModdleElement | undefined): boolean {
  const process = element && closest(element, 'bpmn:Process');
  return process?.isExecutable === true;
}
