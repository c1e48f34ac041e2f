import type { StoredVariable } from '../common/variables/index.js';
import type { Wait } from '../engine/waiting-tree.js';

interface CamundaMapping {
  $type: string;
  source?: string;
  sourceExpression?: string;
  target?: string;
  variables?: string;
  businessKey?: string;
}

export interface CallActivitySpec {
  calledElement: string;
  inputs: CamundaMapping[];
  outputs: CamundaMapping[];
}

/** What a waiting call activity asks for: the called process key and its camunda:in / camunda:out mappings. */
export function callActivitySpec(wait: Wait): CallActivitySpec {
  const owner = wait.api.owner as unknown as {
    behaviour: { calledElement?: string; extensionElements?: { values?: CamundaMapping[] } };
  };
  const values = owner.behaviour.extensionElements?.values ?? [];
  return {
    calledElement: String(wait.api.content.calledElement ?? owner.behaviour.calledElement ?? ''),
    inputs: values.filter((v) => v.$type === 'camunda:In'),
    outputs: values.filter((v) => v.$type === 'camunda:Out'),
  };
}

/**
 * Applies camunda:in or camunda:out: `variables="all"` copies everything, `source`/`target` one
 * variable; `sourceExpression` is evaluated with `evaluate`. Types travel with the values.
 */
export function mapVariables(
  mappings: CamundaMapping[],
  from: Map<string, StoredVariable>,
  evaluate: (expression: string) => StoredVariable,
): Map<string, StoredVariable> {
  const result = new Map<string, StoredVariable>();
  for (const mapping of mappings) {
    if (mapping.variables === 'all') {
      from.forEach((value, name) => result.set(name, value));
    } else if (mapping.target && mapping.sourceExpression) {
      result.set(mapping.target, evaluate(mapping.sourceExpression));
    } else if (mapping.target && mapping.source) {
      const value = from.get(mapping.source);
      if (value) result.set(mapping.target, value);
    }
  }
  return result;
}

/** `<camunda:in businessKey="${…}"/>` passes the business key on. */
export function businessKeyMapping(mappings: CamundaMapping[]): string | undefined {
  return mappings.find((m) => m.businessKey)?.businessKey;
}
