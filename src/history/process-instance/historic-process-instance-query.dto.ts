import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalDateParam } from '../query/date-param.js';
import { OptionalListParam } from '../query/list-param.js';

export const HISTORIC_PROCESS_INSTANCE_SORT_KEYS = [
  'instanceId',
  'definitionId',
  'definitionKey',
  'definitionName',
  'definitionVersion',
  'businessKey',
  'startTime',
  'endTime',
  'duration',
  'tenantId',
] as const;
export type HistoricProcessInstanceSortKey = (typeof HISTORIC_PROCESS_INSTANCE_SORT_KEYS)[number];

/**
 * Filters of GET /history/process-instance (query string) and POST /history/process-instance
 * (JSON body: lists as arrays, variables as `{name, operator, value}` objects, `sorting`).
 */
export class HistoricProcessInstanceQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() processInstanceId?: string;
  @OptionalListParam() processInstanceIds?: string[];
  @IsOptional() @IsString() processInstanceBusinessKey?: string;
  @OptionalListParam() processInstanceBusinessKeyIn?: string[];
  @IsOptional() @IsString() processInstanceBusinessKeyLike?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @OptionalListParam() processDefinitionKeyIn?: string[];
  @OptionalListParam() processDefinitionKeyNotIn?: string[];
  @IsOptional() @IsString() processDefinitionName?: string;
  @IsOptional() @IsString() processDefinitionNameLike?: string;
  @OptionalBooleanParam() rootProcessInstances?: boolean;
  @OptionalBooleanParam() finished?: boolean;
  @OptionalBooleanParam() unfinished?: boolean;
  @OptionalBooleanParam() withIncidents?: boolean;
  @IsOptional() @IsString() incidentType?: string;
  @IsOptional() @IsString() incidentMessage?: string;
  @IsOptional() @IsString() incidentMessageLike?: string;
  @OptionalDateParam() startedBefore?: Date;
  @OptionalDateParam() startedAfter?: Date;
  @OptionalDateParam() finishedBefore?: Date;
  @OptionalDateParam() finishedAfter?: Date;
  @OptionalDateParam() executedActivityAfter?: Date;
  @OptionalDateParam() executedActivityBefore?: Date;
  @IsOptional() @IsString() startedBy?: string;
  @IsOptional() @IsString() superProcessInstanceId?: string;
  @IsOptional() @IsString() subProcessInstanceId?: string;
  @OptionalListParam() tenantIdIn?: string[];
  @OptionalBooleanParam() withoutTenantId?: boolean;
  @OptionalListParam() executedActivityIdIn?: string[];
  @OptionalListParam() activeActivityIdIn?: string[];
  @OptionalBooleanParam() active?: boolean;
  @OptionalBooleanParam() suspended?: boolean;
  @OptionalBooleanParam() completed?: boolean;
  @OptionalBooleanParam() externallyTerminated?: boolean;
  @OptionalBooleanParam() internallyTerminated?: boolean;
  /** `name_op_value,…` in a query string, an array of `{name, operator, value}` in a body. */
  @IsOptional() variables?: unknown;
  @OptionalBooleanParam() variableNamesIgnoreCase?: boolean;
  @OptionalBooleanParam() variableValuesIgnoreCase?: boolean;

  @IsOptional() @IsIn(HISTORIC_PROCESS_INSTANCE_SORT_KEYS) sortBy?: HistoricProcessInstanceSortKey;
  /** POST only: `[{ sortBy, sortOrder }, …]`. */
  @IsOptional() sorting?: unknown;
}
