import { Access } from '../auth/access.decorator.js';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { toPage } from '../common/query/page.js';
import { incidentOrder } from './list-order.js';
import { PagingQueryDto } from '../common/query/paging.dto.js';
import type { CountDto } from '../common/query/count.dto.js';
import { toIncidentDto, type IncidentDto } from './dto/incident.dto.js';
import { IncidentRepository, type IncidentFilter } from './incident.repository.js';

export class IncidentQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() incidentId?: string;
  @IsOptional() @IsString() incidentType?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() activityId?: string;
  @IsOptional() @IsString() configuration?: string;
  /** Camunda's sort keys (anything else is a 400); sortOrder must come with it. */
  @IsOptional()
  @IsIn([
    'incidentId',
    'incidentMessage',
    'incidentTimestamp',
    'incidentType',
    'executionId',
    'activityId',
    'causeIncidentId',
    'rootCauseIncidentId',
    'configuration',
    'tenantId',
    'processInstanceId',
    'processDefinitionId',
  ])
  sortBy?: string;
}

/**
 * GET /incident: what failed and waits for a person (a failed job or external task without
 * retries). Managers see the incidents of their team's instances; admins and analysts all.
 */
@Access('admin', 'analyst', 'manager')
@Controller('engine-rest/incident')
export class IncidentController {
  constructor(private readonly incidents: IncidentRepository) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: IncidentQueryDto,
  ): Promise<IncidentDto[]> {
    return (
      await this.incidents.list(filterOf(query), toPage(query), caller, incidentOrder(query))
    ).map(toIncidentDto);
  }

  @Get('count')
  async count(@Caller() caller: CallerInfo, @Query() query: IncidentQueryDto): Promise<CountDto> {
    return { count: await this.incidents.count(filterOf(query), caller) };
  }

  /** An incident of an instance the caller may not see answers as a missing one. */
  @Get(':id')
  async get(@Caller() caller: CallerInfo, @Param('id') id: string): Promise<IncidentDto> {
    const [incident] = await this.incidents.list({ id }, { offset: 0, limit: 1 }, caller);
    if (!incident)
      throw new ConveyorError(ErrorCode.NotFound, `Incident with id ${id} does not exist`);
    return toIncidentDto(incident);
  }
}

function filterOf(q: IncidentQueryDto): IncidentFilter {
  return {
    id: q.incidentId,
    type: q.incidentType,
    instanceId: q.processInstanceId,
    definitionId: q.processDefinitionId,
    activityId: q.activityId,
    configuration: q.configuration,
  };
}
