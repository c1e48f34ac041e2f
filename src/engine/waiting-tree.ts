import { asyncActivityOf } from './async-continuations.js';
import type { ElementApi } from './bpmn-types.js';

export type WaitKind =
  'userTask' | 'externalTask' | 'timer' | 'message' | 'signal' | 'callActivity' | 'async';

/** Something the instance waits for, as the runtime tables see it. */
export interface Wait {
  kind: WaitKind;
  activityId: string;
  activityType: string;
  executionId: string;
  api: ElementApi;
}

/**
 * Flattens what the engine is waiting for. `execution.getPostponed()` lists only top-level elements;
 * multi-instance iterations, sub-process children and timer executions sit one level down in
 * `api.owner.execution.getPostponed()` (whose first entry is the element itself).
 */
export function listPostponed(roots: ElementApi[]): ElementApi[] {
  const all: ElementApi[] = [];
  const seen = new Set<string>();
  const visit = (api: ElementApi) => {
    if (seen.has(api.executionId)) return;
    seen.add(api.executionId);
    all.push(api);
    for (const child of api.owner.execution?.getPostponed() ?? []) {
      if (child.executionId === api.executionId) continue;
      if (child.owner === api.owner) {
        if (!seen.has(child.executionId)) {
          seen.add(child.executionId);
          all.push(child);
        }
      } else {
        visit(child);
      }
    }
  };
  roots.forEach(visit);
  return all;
}

export function classifyWaits(postponed: ElementApi[]): Wait[] {
  const waits: Wait[] = [];
  for (const api of postponed) {
    const kind = kindOf(api, postponed);
    if (kind) {
      waits.push({
        kind,
        activityId: api.id,
        activityType: api.owner.type,
        executionId: api.executionId,
        api,
      });
    }
  }
  return waits;
}

function kindOf(api: ElementApi, all: ElementApi[]): WaitKind | null {
  const { content } = api;
  if (content.isSequenceFlow) return null;
  switch (api.type) {
    case 'bpmn:UserTask':
      return isLoopRoot(api, all) ? null : 'userTask';
    case 'bpmn:TimerEventDefinition':
      return content.expireAt ? 'timer' : null;
    // The element itself carries the message (or signal) it waits for; its event definition's
    // sub-execution (`…_0`) waits too, but it is the same wait.
    case 'bpmn:MessageEventDefinition':
    case 'bpmn:ReceiveTask':
      if (asyncActivityOf(api.id)) return 'async';
      if (isLoopRoot(api, all)) return null;
      return waitedMessage(api) ? 'message' : null;
    case 'bpmn:SignalEventDefinition':
      return content.signal ? 'signal' : null;
    case 'bpmn:CallActivity':
      return isLoopRoot(api, all) ? null : 'callActivity';
    default:
      if (content.camunda?.external && !isLoopRoot(api, all)) return 'externalTask';
      return null;
  }
}

/**
 * The message an element waits for. A multi-instance receive task's iterations announce it only in
 * their wait event, not in the content getPostponed() returns, so it is read from the activity.
 */
export function waitedMessage(api: ElementApi): { id?: string; name?: string } | undefined {
  if (api.content.message) return api.content.message;
  if (api.type !== 'bpmn:ReceiveTask' || api.content.index === undefined) return undefined;
  const owner = api.owner as {
    behaviour?: { messageRef?: { id?: string } };
    getActivityById?(id: string): { name?: string } | undefined;
  };
  const id = owner.behaviour?.messageRef?.id;
  return id ? { id, name: owner.getActivityById?.(id)?.name ?? id } : undefined;
}

/** A multi-instance activity's root scope: its iterations are the real waits. */
function isLoopRoot(api: ElementApi, all: ElementApi[]): boolean {
  if (!api.content.isMultiInstance || api.content.index !== undefined) return false;
  return all.some((other) => other !== api && other.owner === api.owner);
}
