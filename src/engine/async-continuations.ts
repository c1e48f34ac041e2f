import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';

/** Suffixes of the wait states inserted before (after) an activity with camunda:asyncBefore (asyncAfter). */
const BEFORE = '__asyncBefore';
const AFTER = '__asyncAfter';

interface FlowNode extends ModdleElement {
  id: string;
  asyncBefore?: boolean;
  asyncAfter?: boolean;
  incoming?: ModdleElement[];
  outgoing?: ModdleElement[];
  flowElements?: ModdleElement[];
}

interface Flow extends ModdleElement {
  sourceRef?: ModdleElement;
  targetRef?: ModdleElement;
}

/** The diagram's activity an inserted async wait belongs to, or null for any other element id. */
export function asyncActivityOf(elementId: string): string | null {
  for (const suffix of [BEFORE, AFTER]) {
    if (elementId.endsWith(suffix)) return elementId.slice(0, -suffix.length);
  }
  return null;
}

/**
 * camunda:asyncBefore / asyncAfter make a transaction boundary before / after an activity: the work
 * up to it commits, and a job continues the instance. bpmn-engine has no such notion, so each one
 * gets a wait state (a receive task without a message, `<activity>__asyncBefore` / `__asyncAfter`)
 * on its incoming / outgoing flows, which the unit of work turns into an async-continuation job.
 * Returns whether the model changed.
 */
export function insertAsyncWaits(moddle: BpmnModdle, root: ModdleElement): boolean {
  let changed = false;
  const visit = (container: FlowNode) => {
    const flows = () =>
      (container.flowElements ?? []).filter((e) => e.$type === 'bpmn:SequenceFlow') as Flow[];
    for (const element of [...(container.flowElements ?? [])] as FlowNode[]) {
      if (element.flowElements) visit(element);
      if (element.$type === 'bpmn:BoundaryEvent' || element.$type === 'bpmn:SequenceFlow') continue;
      if (element.asyncBefore && element.$type !== 'bpmn:StartEvent') {
        const incoming = flows().filter((flow) => flow.targetRef === element);
        if (incoming.length > 0) {
          const wait = createWait(moddle, element, BEFORE);
          const link = moddle.create('bpmn:SequenceFlow', {
            id: `${wait.id}_flow`,
            sourceRef: wait,
            targetRef: element,
          });
          incoming.forEach((flow) => (flow.targetRef = wait));
          Object.assign(wait, { incoming, outgoing: [link] });
          element.incoming = [link];
          container.flowElements!.push(wait, link);
          changed = true;
        }
      }
      if (element.asyncAfter) {
        const outgoing = flows().filter((flow) => flow.sourceRef === element);
        if (outgoing.length > 0) {
          const wait = createWait(moddle, element, AFTER);
          const link = moddle.create('bpmn:SequenceFlow', {
            id: `${wait.id}_flow`,
            sourceRef: element,
            targetRef: wait,
          });
          outgoing.forEach((flow) => (flow.sourceRef = wait));
          Object.assign(wait, { incoming: [link], outgoing });
          element.outgoing = [link];
          container.flowElements!.push(wait, link);
          changed = true;
        }
      }
    }
  };
  for (const process of ((root as { rootElements?: ModdleElement[] }).rootElements ??
    []) as FlowNode[]) {
    if (process.$type === 'bpmn:Process') visit(process);
  }
  return changed;
}

function createWait(moddle: BpmnModdle, element: FlowNode, suffix: string): FlowNode {
  return moddle.create('bpmn:ReceiveTask', {
    id: `${element.id}${suffix}`,
    name: element.name,
  }) as FlowNode;
}
