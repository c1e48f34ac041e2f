import { Activity } from 'bpmn-elements';
import * as Gateways from 'bpmn-elements/gateways';

// Not in the package's type declarations, but exported by its gateways entry.
const { InclusiveGatewayBehaviour } = Gateways as unknown as { InclusiveGatewayBehaviour: unknown };

interface ActivityDefinition {
  id: string;
  [key: string]: unknown;
}

interface ElementContext {
  getInboundSequenceFlows(id: string): unknown[];
}

/**
 * bpmn-elements 17 passes every token through a converging inclusive gateway, so the work after it
 * ran once per branch. A converging inclusive gateway joins like bpmn-elements' parallel join: it
 * waits until each incoming flow was taken or discarded (a branch the split did not take arrives
 * as discarded), which is the inclusive join's meaning. Splitting stays inclusive.
 */
export function InclusiveGateway(
  activityDef: ActivityDefinition,
  context: ElementContext,
): unknown {
  const converging = context.getInboundSequenceFlows(activityDef.id).length > 1;
  const definition = converging ? { ...activityDef, isParallelGateway: true } : activityDef;
  return new (
    Activity as unknown as new (behaviour: unknown, def: unknown, ctx: unknown) => unknown
  )(InclusiveGatewayBehaviour, definition, context);
}
