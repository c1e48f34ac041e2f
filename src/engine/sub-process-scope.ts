/**
 * bpmn-elements runs an embedded sub-process on a copy of its parent's variables, so what its
 * activities write (output parameters, script `execution.setVariable`, error code variables) never
 * reaches the process instance. Camunda 7 writes them to the instance. Each sub-process execution is
 * therefore given its parent's variables object itself, once created or recovered.
 */
const kVariables = Symbol.for('variables');
const kExecutions = Symbol.for('executions');

interface EnvironmentLike {
  variables: Record<string, unknown>;
  [kVariables]?: Record<string, unknown>;
  assignVariables(values: unknown): void;
}

interface SubProcessBehaviourPrototype {
  environment: EnvironmentLike;
  [kExecutions]?: Set<{ environment: EnvironmentLike }>;
  _upsertExecution: (
    this: SubProcessBehaviourPrototype,
    message: unknown,
  ) => {
    environment: EnvironmentLike;
  };
  recover: (this: SubProcessBehaviourPrototype, state: unknown) => unknown;
}

const patched = new WeakSet<object>();

/** Patches the SubProcess behaviour class (found on a sub-process activity) once. */
export function shareSubProcessVariables(Behaviour: { prototype: unknown }): void {
  const proto = Behaviour.prototype as SubProcessBehaviourPrototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const upsert = proto._upsertExecution;
  const recover = proto.recover;
  proto._upsertExecution = function (this: SubProcessBehaviourPrototype, message: unknown) {
    const execution = upsert.call(this, message);
    share(execution.environment, this.environment);
    return execution;
  };
  proto.recover = function (this: SubProcessBehaviourPrototype, state: unknown) {
    const result = recover.call(this, state);
    for (const execution of this[kExecutions] ?? []) share(execution.environment, this.environment);
    return result;
  };
}

function share(child: EnvironmentLike, parent: EnvironmentLike): void {
  if (child === parent || child[kVariables] === parent.variables) return;
  child[kVariables] = parent.variables;
  // ProcessExecution merges its execute message into its variables (a new object): not for a shared scope.
  child.assignVariables = () => undefined;
}
