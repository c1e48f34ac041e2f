import { type ModdleElement, elementProperty, elementsProperty, is } from './moddle-element.js';

/**
 * Fills in each flow node's `incoming`/`outgoing` from the sequence flows' sourceRef/targetRef.
 * In BPMN XML those child elements are redundant, and documents not written by a modeler often
 * leave them out; bpmn-engine and Camunda derive them from the flows, and so does bpmn-js on import.
 * bpmnlint's rules read only `incoming`/`outgoing`, so without this they would call every such
 * element an implicit start.
 */
export function completeFlowReferences(elements: readonly ModdleElement[]): void {
  for (const flow of elements) {
    if (!is(flow, 'bpmn:SequenceFlow')) continue;
    addReference(elementProperty(flow, 'sourceRef'), 'outgoing', flow);
    addReference(elementProperty(flow, 'targetRef'), 'incoming', flow);
  }
}

function addReference(
  node: ModdleElement | undefined,
  key: 'incoming' | 'outgoing',
  flow: ModdleElement,
): void {
  if (!node) return;
  const current = elementsProperty(node, key);
  if (!current.includes(flow)) node[key] = [...current, flow];
}
