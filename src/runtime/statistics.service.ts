import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { instanceVisibility } from '../auth/visibility.js';
import type { CallerInfo } from '../common/caller.decorator.js';
import { DefinitionsRepository } from '../definitions/definitions.repository.js';
import {
  toProcessDefinitionDto,
  type ProcessDefinitionDto,
} from '../definitions/dto/process-definition.dto.js';

export interface IncidentCountDto {
  incidentType: string;
  incidentCount: number;
}

/** Camunda's ActivityStatisticsResultDto: how many instances wait at an activity, and their incidents. */
export interface ActivityStatisticsDto {
  id: string;
  instances: number;
  failedJobs: number;
  incidents: IncidentCountDto[];
}

export interface DefinitionStatisticsDto extends ActivityStatisticsDto {
  definition: ProcessDefinitionDto;
}

/**
 * Instance and incident counts for the cockpit (GET …/statistics), of the instances the caller may
 * see: analysts and admins count everything, a manager their team's work.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsRepository,
  ) {}

  async perActivity(definitionId: string, caller: CallerInfo): Promise<ActivityStatisticsDto[]> {
    const params: unknown[] = [definitionId];
    const instance = and(instanceVisibility(caller, 'i.id', params));
    const incident = and(instanceVisibility(caller, 'x.instance_id', params));
    const rows: { id: string; instances: number; incidents: number }[] =
      await this.dataSource.query(
        `SELECT h.activity_id AS id, count(DISTINCT h.instance_id)::int AS instances,
              (SELECT count(*)::int FROM incident x
                WHERE x.definition_id = $1 AND x.activity_id = h.activity_id${incident}) AS incidents
         FROM history_activity_instance h JOIN process_instance i ON i.id = h.instance_id
        WHERE h.definition_id = $1 AND h.end_time IS NULL${instance}
        GROUP BY h.activity_id ORDER BY h.activity_id`,
        params,
      );
    return rows.map((row) => ({
      id: row.id,
      instances: row.instances,
      failedJobs: 0,
      incidents:
        row.incidents > 0 ? [{ incidentType: 'failedJob', incidentCount: row.incidents }] : [],
    }));
  }

  async perDefinition(caller: CallerInfo): Promise<DefinitionStatisticsDto[]> {
    const params: unknown[] = [];
    const instance = and(instanceVisibility(caller, 'i.id', params));
    const incident = and(instanceVisibility(caller, 'x.instance_id', params));
    const rows: { id: string; instances: number; incidents: number }[] =
      await this.dataSource.query(
        `SELECT d.id,
              (SELECT count(*)::int FROM process_instance i WHERE i.definition_id = d.id${instance}) AS instances,
              (SELECT count(*)::int FROM incident x WHERE x.definition_id = d.id${incident}) AS incidents
         FROM process_definition d
        WHERE EXISTS (SELECT 1 FROM process_instance i WHERE i.definition_id = d.id${instance})
           OR EXISTS (SELECT 1 FROM incident x WHERE x.definition_id = d.id${incident})
        ORDER BY d.id`,
        params,
      );
    const result: DefinitionStatisticsDto[] = [];
    for (const row of rows) {
      const definition = await this.definitions.findDefinition(row.id);
      if (!definition) continue;
      result.push({
        id: row.id,
        instances: row.instances,
        failedJobs: 0,
        incidents:
          row.incidents > 0 ? [{ incidentType: 'failedJob', incidentCount: row.incidents }] : [],
        definition: toProcessDefinitionDto(definition),
      });
    }
    return result;
  }
}

/** A visibility condition as a further ` AND …` of a WHERE; nothing when the caller sees everything. */
function and(condition: string | null): string {
  return condition ? ` AND ${condition}` : '';
}
