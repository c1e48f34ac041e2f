import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { splitList, toPage, toSort } from '../common/query/page.js';
import type { StoredVariable } from '../common/variables/index.js';
import type {
  ProcessInstanceQueryBodyDto,
  ProcessInstanceQueryDto,
} from './dto/instance-query.dto.js';
import {
  InstanceRepository,
  type InstanceFilter,
  type InstanceRow,
} from './instance.repository.js';
import { checkVariableFilters, parseVariableFilterParam } from './variable-filter.js';
import { VariableRepository } from './variable.repository.js';

export interface ActivityInstanceDto {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  childActivityInstances: ActivityInstanceDto[];
  childTransitionInstances: [];
  executionIds: string[];
  activityName: string | null;
  incidentIds: string[];
  incidents: [];
  name?: string | null;
}

/**
 * An instance that does not exist and one the caller may not see get the same answer: the caller
 * learns nothing about instances outside their work.
 */
export function instanceNotFound(id: string): ConveyorError {
  return new ConveyorError(ErrorCode.NotFound, `Process instance with id ${id} does not exist`);
}

/** Reads of running process instances and their variables, narrowed to what the caller may see. */
@Injectable()
export class ProcessInstanceService {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly variables: VariableRepository,
    private readonly dataSource: DataSource,
  ) {}

  list(
    query: ProcessInstanceQueryDto | ProcessInstanceQueryBodyDto,
    caller: CallerInfo,
  ): Promise<InstanceRow[]> {
    const sorting =
      'sorting' in query && query.sorting?.[0]
        ? query.sorting[0]
        : (query as ProcessInstanceQueryDto);
    return this.instances.list(
      filterOf(query),
      caller,
      toSort({ sortBy: sorting.sortBy, sortOrder: sorting.sortOrder }, 'instanceId'),
      toPage(query),
    );
  }

  count(
    query: ProcessInstanceQueryDto | ProcessInstanceQueryBodyDto,
    caller: CallerInfo,
  ): Promise<number> {
    return this.instances.count(filterOf(query), caller);
  }

  async get(id: string, caller: CallerInfo): Promise<InstanceRow> {
    const instance = await this.instances.findById(id, caller);
    if (!instance) throw instanceNotFound(id);
    return instance;
  }

  async variablesOf(id: string, caller: CallerInfo): Promise<Map<string, StoredVariable>> {
    await this.get(id, caller);
    return this.variables.loadOutside(id);
  }

  async variable(id: string, name: string, caller: CallerInfo): Promise<StoredVariable> {
    const variable = (await this.variablesOf(id, caller)).get(name);
    if (!variable) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `process instance variable with name ${name} does not exist`,
      );
    }
    return variable;
  }

  /** The activity instance tree: the process instance with the activities now active in it. */
  async activityTree(id: string, caller: CallerInfo): Promise<ActivityInstanceDto> {
    const instance = await this.get(id, caller);
    const open: {
      id: string;
      activity_id: string;
      activity_type: string;
      activity_name: string | null;
      execution_id: string;
    }[] = await this.dataSource.query(
      `SELECT id, activity_id, activity_type, activity_name, execution_id FROM history_activity_instance
          WHERE instance_id = $1 AND end_time IS NULL ORDER BY seq`,
      [id],
    );
    return {
      id: instance.id,
      parentActivityInstanceId: null,
      activityId: instance.definition_id,
      activityType: 'processDefinition',
      processInstanceId: instance.id,
      processDefinitionId: instance.definition_id,
      childActivityInstances: open.map((a) => ({
        id: a.id,
        parentActivityInstanceId: instance.id,
        activityId: a.activity_id,
        activityType: a.activity_type,
        processInstanceId: instance.id,
        processDefinitionId: instance.definition_id,
        childActivityInstances: [],
        childTransitionInstances: [],
        executionIds: [a.execution_id],
        activityName: a.activity_name,
        name: a.activity_name,
        incidentIds: [],
        incidents: [],
      })),
      childTransitionInstances: [],
      executionIds: [instance.id],
      activityName: null,
      incidentIds: [],
      incidents: [],
    };
  }
}

function filterOf(q: ProcessInstanceQueryDto | ProcessInstanceQueryBodyDto): InstanceFilter {
  const list = (value: string | string[] | undefined) =>
    Array.isArray(value) ? value : splitList(value);
  return {
    ids: list(q.processInstanceIds),
    businessKey: q.businessKey,
    businessKeyLike: q.businessKeyLike,
    definitionId: q.processDefinitionId,
    definitionKey: q.processDefinitionKey,
    definitionKeyIn: list(q.processDefinitionKeyIn),
    superInstanceId: q.superProcessInstance,
    subInstanceId: q.subProcessInstance,
    activityIdIn: list(q.activityIdIn),
    suspended: q.suspended ?? (q.active ? false : undefined),
    withIncident: q.withIncident,
    variables:
      typeof q.variables === 'string' || q.variables === undefined
        ? parseVariableFilterParam(q.variables)
        : checkVariableFilters(q.variables),
  };
}
