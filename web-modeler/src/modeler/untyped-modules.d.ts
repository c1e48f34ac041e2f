// The bpmn-io packages below ship JavaScript without type declarations. Each is a diagram-js
// module (a plain object of service definitions) passed to the Modeler's additionalModules.
declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = Record<string, unknown>;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const CamundaPlatformPropertiesProviderModule: ModuleDeclaration;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const CamundaPlatformBehaviorsModule: Record<string, unknown>;
  export default CamundaPlatformBehaviorsModule;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: Record<string, unknown>;
  export default lintModule;
}

declare module 'bpmn-js-token-simulation/lib/modeler' {
  const tokenSimulationModule: Record<string, unknown>;
  export default tokenSimulationModule;
}

declare module 'diagram-js-minimap' {
  const minimapModule: Record<string, unknown>;
  export default minimapModule;
}

// bpmnlint's rules are CommonJS factories: (config) => { check }.
declare module 'bpmnlint/rules/*' {
  const rule: (config: object) => unknown;
  export default rule;
}
