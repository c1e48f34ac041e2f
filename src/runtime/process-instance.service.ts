import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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

/** Reads of running process instances and their variables. */
@Injectable()
export class ProcessInstanceService {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly variables: VariableRepository,
    private readonly dataSource: DataSource,
  ) {}

  list(query: ProcessInstanceQueryDto | ProcessInstanceQueryBodyDto): Promise<InstanceRow[]> {
    const sorting =
      'sorting' in query && query.sorting?.[0]
        ? query.sorting[0]
        : (query as ProcessInstanceQueryDto);
    return this.instances.list(
      filterOf(query),
      toSort({ sortBy: sorting.sortBy, sortOrder: sorting.sortOrder }, 'instanceId'),
      toPage(query),
    );
  }

  count(query: ProcessInstanceQueryDto | ProcessInstanceQueryBodyDto): Promise<number> {
    return this.instances.count(filterOf(query));
  }

  async get(id: string): Promise<InstanceRow> {
    const instance = await this.instances.findById(id);
    if (!instance)
      throw new ConveyorError(ErrorCode.NotFound, `Process instance with id ${id} does not exist`);
    return instance;
  }

  async variablesOf(id: string): Promise<Map<string, StoredVariable>> {
    await this.get(id);
    return this.variables.loadOutside(id);
  }

  async variable(id: string, name: string): Promise<StoredVariable> {
    const variable = (await this.variablesOf(id)).get(name);
    if (!variable) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `process instance variable with name ${name} does not exist`,
      );
    }
    return variable;
  }

  /** The activity instance tree: the process instance with the activities now active in it. */
  async activityTree(id: string): Promise<ActivityInstanceDto> {
    const instance = await this.get(id);
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
