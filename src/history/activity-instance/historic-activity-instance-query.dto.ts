import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalDateParam } from '../query/date-param.js';
import { OptionalListParam } from '../query/list-param.js';

export const HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS = [
  'activityInstanceId',
  'instanceId',
  'executionId',
  'activityId',
  'activityName',
  'activityType',
  'startTime',
  'endTime',
  'duration',
  'definitionId',
  'occurrence',
  'tenantId',
] as const;
export type HistoricActivityInstanceSortKey = (typeof HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS)[number];

/** Filters of GET and POST /history/activity-instance. */
export class HistoricActivityInstanceQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() activityInstanceId?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() executionId?: string;
  @IsOptional() @IsString() activityId?: string;
  @IsOptional() @IsString() activityName?: string;
  @IsOptional() @IsString() activityType?: string;
  @IsOptional() @IsString() taskAssignee?: string;
  @OptionalBooleanParam() finished?: boolean;
  @OptionalBooleanParam() unfinished?: boolean;
  @OptionalBooleanParam() canceled?: boolean;
  @OptionalBooleanParam() completeScope?: boolean;
  @OptionalDateParam() startedBefore?: Date;
  @OptionalDateParam() startedAfter?: Date;
  @OptionalDateParam() finishedBefore?: Date;
  @OptionalDateParam() finishedAfter?: Date;
  @OptionalListParam() tenantIdIn?: string[];
  @OptionalBooleanParam() withoutTenantId?: boolean;

  @IsOptional()
  @IsIn(HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS)
  sortBy?: HistoricActivityInstanceSortKey;
  /** POST only: `[{ sortBy, sortOrder }, …]`. */
  @IsOptional() sorting?: unknown;
}
