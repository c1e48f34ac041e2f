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
