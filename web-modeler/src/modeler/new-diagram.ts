/**
 * The diagram "New" opens: one executable process with a start event, the Camunda namespace
 * declared so the properties panel's camunda:* attributes serialize without surprises, and a
 * history time to live (Camunda 7 asks for one on every deployed process).
 */
export function newDiagramXml(): string {
  const suffix = Math.random().toString(36).slice(2, 9);
  const processId = `Process_${suffix}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${suffix}" targetNamespace="http://bpmn.io/schema/bpmn"
  exporter="Conveyor Modeler" exporterVersion="1">
  <bpmn:process id="${processId}" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
