import type { BpmnModdle, ModdleElement } from 'bpmn-moddle';

/** Suffix of the wait state inserted before an activity with camunda:asyncBefore. */
export const ASYNC_BEFORE_SUFFIX = '__asyncBefore';

interface FlowNode extends ModdleElement {
  id: string;
  asyncBefore?: boolean;
  incoming?: ModdleElement[];
  outgoing?: ModdleElement[];
  flowElements?: ModdleElement[];
}

/**
 * camunda:asyncBefore makes a transaction boundary before an activity: the work before it commits,
 * and a job continues the instance into the activity. bpmn-engine has no such notion, so each
 * asyncBefore activity gets a wait state in front of it (a receive task without a message, named
 * `<activity>__asyncBefore`) that the unit of work turns into an async-continuation job. Returns
 * whether the model changed.
 */
export function insertAsyncBeforeWaits(moddle: BpmnModdle, root: ModdleElement): boolean {
  let changed = false;
  const visit = (container: FlowNode) => {
    for (const element of [...(container.flowElements ?? [])] as FlowNode[]) {
      if (element.flowElements) visit(element);
      if (
        !element.asyncBefore ||
        element.$type === 'bpmn:BoundaryEvent' ||
        element.$type === 'bpmn:StartEvent'
      )
        continue;
      const incoming = (container.flowElements ?? []).filter(
        (flow) =>
          flow.$type === 'bpmn:SequenceFlow' &&
          (flow as { targetRef?: ModdleElement }).targetRef === element,
      );
      if (incoming.length === 0) continue;
      const wait = moddle.create('bpmn:ReceiveTask', {
        id: `${element.id}${ASYNC_BEFORE_SUFFIX}`,
        name: element.name,
      }) as FlowNode;
      const flow = moddle.create('bpmn:SequenceFlow', {
        id: `${element.id}${ASYNC_BEFORE_SUFFIX}_flow`,
        sourceRef: wait,
        targetRef: element,
      });
      for (const inbound of incoming) (inbound as { targetRef?: ModdleElement }).targetRef = wait;
      wait.incoming = incoming;
      wait.outgoing = [flow];
      element.incoming = [flow];
      container.flowElements!.push(wait, flow);
      changed = true;
    }
  };
  for (const process of ((root as { rootElements?: ModdleElement[] }).rootElements ??
    []) as FlowNode[]) {
    if (process.$type === 'bpmn:Process') visit(process);
  }
  return changed;
}
