import type { CamundaFormat } from '../bpmn-types.js';
import { shareSubProcessVariables } from '../sub-process-scope.js';
import { ExternalTaskService } from './external-task.service.js';

/**
 * Gives Camunda 7's attributes their behaviour in bpmn-engine (which parses them but ignores them):
 * external service tasks that wait for a worker, and camunda:inputOutput. Called by the engine once
 * per activity when a definition loads. User task attributes are resolved per task instance by
 * task-attributes.ts, since multi-instance iterations never pass through an extension.
 */

interface MessageLike {
  fields: { redelivered?: boolean; routingKey?: string };
  content: Record<string, unknown>;
}

interface Parameter {
  name: string;
  value?: string;
  definition?: {
    $type: string;
    value?: string;
    items?: { value?: string }[];
    entries?: { key: string; value?: string }[];
  };
}

interface ExtensionValue {
  $type: string;
  inputParameters?: Parameter[];
  outputParameters?: Parameter[];
}

export interface ActivityLike {
  id: string;
  type: string;
  name?: string;
  /** The behaviour class bpmn-elements instantiates on execute. */
  Behaviour?: { prototype: unknown };
  behaviour: Record<string, unknown> & {
    extensionElements?: { values?: ExtensionValue[] };
  };
  broker: {
    publish(exchange: string, routingKey: string, content: unknown): void;
    subscribeTmp(
      exchange: string,
      pattern: string,
      handler: (routingKey: string, message: MessageLike) => void,
      options: { noAck: boolean; consumerTag: string },
    ): void;
    cancel(consumerTag: string): void;
  };
  environment: {
    variables: Record<string, unknown>;
    resolveExpression(expression: string, message?: unknown): unknown;
  };
}

const EXTERNAL_CAPABLE = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);

export function camundaExtension(activity: ActivityLike) {
  if (activity.type === 'bpmn:Process') return undefined;
  if (activity.type === 'bpmn:SubProcess' && activity.Behaviour)
    shareSubProcessVariables(activity.Behaviour);
  const { behaviour, broker, environment } = activity;
  const io = behaviour.extensionElements?.values?.find((v) => v.$type === 'camunda:InputOutput');
  const isExternal = EXTERNAL_CAPABLE.has(activity.type) && behaviour.type === 'external';
  if (isExternal) behaviour.Service = ExternalTaskService;
  const errorVariables = errorVariablesOf(behaviour);
  if (!isExternal && !io && !errorVariables) return undefined;

  const resolve = (value: unknown, message: MessageLike): unknown =>
    typeof value === 'string' ? environment.resolveExpression(value, message) : value;

  function publishFormat(message: MessageLike): void {
    const input = io?.inputParameters?.length
      ? Object.fromEntries(
          io.inputParameters.map((p) => [p.name, parameterValue(p, message, resolve)]),
        )
      : undefined;
    // Expressions inside the activity see its input parameters as local variables (content.input).
    const scoped: MessageLike = input
      ? { ...message, content: { ...message.content, input } }
      : message;
    const camunda: CamundaFormat = {};
    if (isExternal) {
      camunda.external = {
        topic: asText(resolve(behaviour.topic, scoped)) ?? '',
        priority: toInteger(resolve(behaviour.taskPriority, scoped)) ?? 0,
      };
    }
    broker.publish('format', 'run.camunda', { camunda, ...(input ? { input } : {}) });
  }

  return {
    activate(message: MessageLike) {
      // A discarded activity (a branch not taken, a cancelled path) never runs: its inputs must not
      // be resolved, since the variables they name may never exist.
      if (message.fields.routingKey === 'run.discard') return;
      // A resumed activity published its format on its first run; a multi-instance root scope is no
      // task itself (each iteration is formatted on its own).
      const rootScope = message.content.isMultiInstance && message.content.index === undefined;
      if (!message.fields.redelivered && !rootScope) publishFormat(message);
      // The output mapping must be listened for again after every recovery.
      if (errorVariables) {
        // camunda:errorCodeVariable / errorMessageVariable: the caught error, kept for the path after it.
        broker.subscribeTmp(
          'event',
          'activity.end',
          (_, end) => {
            const error = end.content.output as { code?: unknown; message?: unknown } | undefined;
            if (errorVariables.code)
              environment.variables[errorVariables.code] = error?.code ?? null;
            if (errorVariables.message)
              environment.variables[errorVariables.message] = error?.message ?? null;
          },
          { noAck: true, consumerTag: '_camunda-error-variables' },
        );
      }
      if (io?.outputParameters?.length) {
        broker.subscribeTmp(
          'event',
          'activity.end',
          (_, end) => {
            for (const p of io.outputParameters ?? []) {
              environment.variables[p.name] = parameterValue(p, end, resolve);
            }
          },
          { noAck: true, consumerTag: '_camunda-output' },
        );
      }
    },
    deactivate() {
      broker.cancel('_camunda-output');
      broker.cancel('_camunda-error-variables');
    },
  };
}

function parameterValue(
  p: Parameter,
  message: MessageLike,
  resolve: (value: unknown, message: MessageLike) => unknown,
): unknown {
  const d = p.definition;
  if (!d) return resolve(p.value, message);
  switch (d.$type) {
    case 'camunda:List':
      return (d.items ?? []).map((item) => resolve(item.value, message));
    case 'camunda:Map':
      return Object.fromEntries((d.entries ?? []).map((e) => [e.key, resolve(e.value, message)]));
    default:
      // camunda:Script parameters are refused at deployment; nothing else reaches here.
      return resolve(d.value, message);
  }
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function toInteger(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

interface ErrorDefinitionBehaviour {
  type?: string;
  behaviour?: { errorCodeVariable?: string; errorMessageVariable?: string };
}

/** The variables an error boundary event stores the caught error's code and message in, if any. */
function errorVariablesOf(
  behaviour: Record<string, unknown>,
): { code?: string; message?: string } | null {
  const definitions = (behaviour.eventDefinitions ?? []) as ErrorDefinitionBehaviour[];
  const error = definitions.find((d) => d.type === 'bpmn:ErrorEventDefinition')?.behaviour;
  if (!error?.errorCodeVariable && !error?.errorMessageVariable) return null;
  return { code: error.errorCodeVariable, message: error.errorMessageVariable };
}
