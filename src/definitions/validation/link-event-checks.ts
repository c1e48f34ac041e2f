import type { BpmnProblem } from './bpmn-validation-error.js';
import { type ModdleElement, elementsProperty, is, stringProperty } from './moddle-element.js';

/**
 * bpmnlint's link-event rule, restated (its module needs the ESM-only min-dash, see
 * execution-lint.ts): within one process or sub-process, every link event needs a name, and each
 * name needs exactly one catch event and at least one throw event, or the token has nowhere to go.
 */
export function checkLinkEvents(containers: readonly ModdleElement[]): BpmnProblem[] {
  return containers.flatMap((container) => {
    const links = elementsProperty(container, 'flowElements').filter(isLinkEvent);
    const problems: BpmnProblem[] = [];
    const byName = new Map<string, ModdleElement[]>();
    for (const link of links) {
      const name = linkName(link);
      if (!name) problems.push({ elementId: link.id, message: 'Link event is missing link name' });
      else byName.set(name, [...(byName.get(name) ?? []), link]);
    }
    for (const [name, events] of byName) {
      const catches = events.filter((e) => is(e, 'bpmn:CatchEvent'));
      const throws = events.length - catches.length;
      if (catches.length === 0) {
        problems.push(
          ...events.map((e) => ({
            elementId: e.id,
            message: `Link catch event with link name <${name}> missing in scope`,
          })),
        );
      } else if (catches.length > 1) {
        problems.push(
          ...catches.map((e) => ({
            elementId: e.id,
            message: `Duplicate link catch event with link name <${name}> in scope`,
          })),
        );
      } else if (throws === 0) {
        problems.push({
          elementId: catches[0]?.id,
          message: `Link throw event with link name <${name}> missing in scope`,
        });
      }
    }
    return problems;
  });
}

function isLinkEvent(element: ModdleElement): boolean {
  return (
    is(element, 'bpmn:Event') &&
    elementsProperty(element, 'eventDefinitions').some((d) => is(d, 'bpmn:LinkEventDefinition'))
  );
}

function linkName(event: ModdleElement): string | undefined {
  const definition = elementsProperty(event, 'eventDefinitions').find((d) =>
    is(d, 'bpmn:LinkEventDefinition'),
  );
  return (definition && stringProperty(definition, 'name')?.trim()) || undefined;
}
