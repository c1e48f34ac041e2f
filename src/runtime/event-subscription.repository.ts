import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';

export interface SubscriptionRow {
  id: string;
  type: 'message' | 'signal';
  event_name: string;
  instance_id: string | null;
  definition_id: string | null;
  activity_id: string;
  execution_id: string | null;
  /** The waiting execution's local variables (inputs, loop variables); null for start events. */
  local_variables: Record<string, unknown> | null;
  created: Date;
}

/** All SQL on event_subscription: what message or signal each instance (or start event) waits for. */
@Injectable()
export class EventSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  byInstance(tx: EntityManager, instanceId: string): Promise<SubscriptionRow[]> {
    return tx.query(`SELECT * FROM event_subscription WHERE instance_id = $1`, [instanceId]);
  }

  async insert(tx: EntityManager, row: SubscriptionRow): Promise<void> {
    await tx.query(
      `INSERT INTO event_subscription (id, type, event_name, instance_id, definition_id, activity_id, execution_id, local_variables, created)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.id,
        row.type,
        row.event_name,
        row.instance_id,
        row.definition_id,
        row.activity_id,
        row.execution_id,
        row.local_variables === null ? null : JSON.stringify(row.local_variables),
        row.created,
      ],
    );
  }

  async delete(tx: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.query(`DELETE FROM event_subscription WHERE id = ANY($1)`, [ids]);
  }

  /** Start-event subscriptions of every version of a process key (a new version replaces them). */
  async deleteStartSubscriptionsOfKey(tx: EntityManager, key: string): Promise<void> {
    await tx.query(
      `DELETE FROM event_subscription WHERE instance_id IS NULL
         AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)`,
      [key],
    );
  }

  /**
   * Instance subscriptions waiting for an event name, narrowed as Camunda correlates: by instance id,
   * business key, process variables equal to the correlation keys and the waiting execution's
   * local variables equal to the local correlation keys; only instances `caller` may see.
   */
  findWaiting(
    type: 'message' | 'signal',
    name: string,
    caller: CallerInfo,
    filter: {
      instanceId?: string;
      businessKey?: string;
      correlationKeys?: Map<string, unknown>;
      localCorrelationKeys?: Map<string, unknown>;
    } = {},
  ): Promise<SubscriptionRow[]> {
    const params: unknown[] = [type, name];
    const conditions = ['s.type = $1', 's.event_name = $2', 's.instance_id IS NOT NULL'];
    if (filter.instanceId !== undefined) {
      params.push(filter.instanceId);
      conditions.push(`s.instance_id = $${params.length}`);
    }
    if (filter.businessKey !== undefined) {
      params.push(filter.businessKey);
      conditions.push(`i.business_key = $${params.length}`);
    }
    for (const [variable, value] of filter.correlationKeys ?? []) {
      params.push(variable, JSON.stringify(value ?? null));
      conditions.push(
        `EXISTS (SELECT 1 FROM variable v WHERE v.instance_id = s.instance_id AND v.task_id IS NULL
           AND v.name = $${params.length - 1} AND v.value = $${params.length}::jsonb)`,
      );
    }
    for (const [variable, value] of filter.localCorrelationKeys ?? []) {
      params.push(variable, JSON.stringify(value ?? null));
      conditions.push(
        `s.local_variables -> $${params.length - 1}::text = $${params.length}::jsonb`,
      );
    }
    const visible = instanceVisibility(caller, 's.instance_id', params);
    if (visible) conditions.push(visible);
    return this.dataSource.query(
      `SELECT s.* FROM event_subscription s JOIN process_instance i ON i.id = s.instance_id
        WHERE ${conditions.join(' AND ')} ORDER BY s.created, s.id`,
      params,
    );
  }

  /** Start events of the latest version of each process listening to a message/signal name. */
  findStartEvents(type: 'message' | 'signal', name: string): Promise<SubscriptionRow[]> {
    return this.dataSource.query(
      `SELECT * FROM event_subscription WHERE type = $1 AND event_name = $2 AND instance_id IS NULL ORDER BY id`,
      [type, name],
    );
  }
}
