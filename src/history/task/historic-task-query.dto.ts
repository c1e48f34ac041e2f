import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalDateParam } from '../query/date-param.js';
import { OptionalListParam } from '../query/list-param.js';

/** Camunda's sort keys, without the CMMN (case) ones. */
export const HISTORIC_TASK_SORT_KEYS = [
  'taskId',
  'activityInstanceId',
  'processDefinitionId',
  'processInstanceId',
  'executionId',
  'duration',
  'endTime',
  'startTime',
  'taskName',
  'taskDescription',
  'assignee',
  'owner',
  'dueDate',
  'followUpDate',
  'deleteReason',
  'taskDefinitionKey',
  'priority',
  'tenantId',
] as const;
export type HistoricTaskSortKey = (typeof HISTORIC_TASK_SORT_KEYS)[number];

/** Filters of GET and POST /history/task. */
export class HistoricTaskQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() taskId?: string;
  @IsOptional() @IsString() taskParentTaskId?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() rootProcessInstanceId?: string;
  @IsOptional() @IsString() processInstanceBusinessKey?: string;
  @OptionalListParam() processInstanceBusinessKeyIn?: string[];
  @IsOptional() @IsString() processInstanceBusinessKeyLike?: string;
  @IsOptional() @IsString() executionId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsString() processDefinitionName?: string;
  @OptionalListParam() activityInstanceIdIn?: string[];
  @IsOptional() @IsString() taskName?: string;
  @IsOptional() @IsString() taskNameLike?: string;
  @IsOptional() @IsString() taskDescription?: string;
  @IsOptional() @IsString() taskDescriptionLike?: string;
  @IsOptional() @IsString() taskDefinitionKey?: string;
  @OptionalListParam() taskDefinitionKeyIn?: string[];
  @IsOptional() @IsString() taskDeleteReason?: string;
  @IsOptional() @IsString() taskDeleteReasonLike?: string;
  @IsOptional() @IsString() taskAssignee?: string;
  @IsOptional() @IsString() taskAssigneeLike?: string;
  @IsOptional() @IsString() taskOwner?: string;
  @IsOptional() @IsString() taskOwnerLike?: string;
  @IsOptional() @Type(() => Number) @IsInt() taskPriority?: number;
  @OptionalBooleanParam() assigned?: boolean;
  @OptionalBooleanParam() unassigned?: boolean;
  @OptionalBooleanParam() finished?: boolean;
  @OptionalBooleanParam() unfinished?: boolean;
  @OptionalBooleanParam() processFinished?: boolean;
  @OptionalBooleanParam() processUnfinished?: boolean;
  @OptionalDateParam() taskDueDate?: Date;
  @OptionalDateParam() taskDueDateBefore?: Date;
  @OptionalDateParam() taskDueDateAfter?: Date;
  @OptionalBooleanParam() withoutTaskDueDate?: boolean;
  @OptionalDateParam() taskFollowUpDate?: Date;
  @OptionalDateParam() taskFollowUpDateBefore?: Date;
  @OptionalDateParam() taskFollowUpDateAfter?: Date;
  @OptionalDateParam() startedBefore?: Date;
  @OptionalDateParam() startedAfter?: Date;
  @OptionalDateParam() finishedBefore?: Date;
  @OptionalDateParam() finishedAfter?: Date;
  @OptionalListParam() tenantIdIn?: string[];
  @OptionalBooleanParam() withoutTenantId?: boolean;
  /** `name_op_value,…` in a query string, an array of `{name, operator, value}` in a body. */
  @IsOptional() taskVariables?: unknown;
  @IsOptional() processVariables?: unknown;
  @OptionalBooleanParam() variableNamesIgnoreCase?: boolean;
  @OptionalBooleanParam() variableValuesIgnoreCase?: boolean;

  @IsOptional() @IsIn(HISTORIC_TASK_SORT_KEYS) sortBy?: HistoricTaskSortKey;
  /** POST only: `[{ sortBy, sortOrder }, …]`. */
  @IsOptional() sorting?: unknown;
}
