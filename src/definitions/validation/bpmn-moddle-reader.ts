import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { BpmnProblem } from './bpmn-validation-error.js';

const camunda = createRequire(import.meta.url)(
  'camunda-bpmn-moddle/resources/camunda.json',
) as object;

// One instance: it only holds the type registry; every fromXML call gets its own reader.
const moddle = new BpmnModdle({ camunda });

export type ReadBpmnResult =
  | { definitions: ModdleElement; elementsById: Record<string, ModdleElement> }
  | { problems: BpmnProblem[] };

/**
 * Parses the document with bpmn-moddle and the camunda extension. Every warning (unknown
 * element, unresolved reference, duplicate id, malformed markup it skipped) counts as a problem:
 * a document the engine would read differently from what the modeller shows is not deployable.
 */
export async function readBpmn(text: string): Promise<ReadBpmnResult> {
  try {
    const { rootElement, warnings, elementsById } = await moddle.fromXML(text);
    if (warnings.length > 0) {
      return {
        problems: warnings.map((w) => ({ elementId: w.element?.id, message: oneLine(w.message) })),
      };
    }
    return { definitions: rootElement, elementsById };
  } catch (error) {
    const warnings = (error as { warnings?: { message: string }[] }).warnings ?? [];
    const reasons = [
      error instanceof Error ? error.message : String(error),
      ...warnings.map((w) => w.message),
    ];
    return {
      problems: [...new Set(reasons.map(oneLine))].map((message) => ({
        message: `Malformed XML: ${message}`,
      })),
    };
  }
}

/** bpmn-moddle spreads line, column and cause over tab-indented lines. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ', ');
}
