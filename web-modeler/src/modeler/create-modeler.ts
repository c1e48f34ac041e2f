import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import 'diagram-js-minimap/assets/diagram-js-minimap.css';
import Modeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import tokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import minimapModule from 'diagram-js-minimap';
import { lintConfig } from './lint-config.js';
import { translateModule } from './translate.js';

/**
 * bpmn-js with the properties panel and the Camunda 7 provider: assignee, candidate groups, due
 * dates, forms, timers, messages, external topics, input/output and conditions are edited in the
 * panel and written as camunda:* attributes (camunda-bpmn-moddle), which is what the service reads.
 * The Camunda behaviours keep those attributes consistent when elements change type or are copied.
 * Also: live lint (what the service would refuse, on the elements), a minimap, token simulation
 * to walk the diagram before deploying, and Russian labels (translate.ts).
 */
export function createModeler(canvas: HTMLElement, propertiesPanel: HTMLElement): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviorsModule,
      lintModule,
      minimapModule,
      tokenSimulationModule,
      translateModule,
    ],
    linting: { bpmnlint: lintConfig, active: true },
    moddleExtensions: { camunda: camundaModdle },
  });
}
