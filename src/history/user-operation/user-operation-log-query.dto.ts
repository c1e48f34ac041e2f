import { IsIn, IsOptional, IsString } from 'class-validator';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalDateParam } from '../query/date-param.js';
import { OptionalListParam } from '../query/list-param.js';

export const USER_OPERATION_LOG_SORT_KEYS = ['timestamp'] as const;
export type UserOperationLogSortKey = (typeof USER_OPERATION_LOG_SORT_KEYS)[number];

/** Filters of GET /history/user-operation. */
export class UserOperationLogQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() deploymentId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() executionId?: string;
  @IsOptional() @IsString() taskId?: string;
  @IsOptional() @IsString() externalTaskId?: string;
  @IsOptional() @IsString() batchId?: string;
  @IsOptional() @IsString() jobId?: string;
  @IsOptional() @IsString() jobDefinitionId?: string;
  @IsOptional() @IsString() userId?: string;
  @IsOptional() @IsString() operationId?: string;
  @IsOptional() @IsString() operationType?: string;
  @IsOptional() @IsString() entityType?: string;
  @OptionalListParam() entityTypeIn?: string[];
  @IsOptional() @IsString() category?: string;
  @OptionalListParam() categoryIn?: string[];
  @IsOptional() @IsString() property?: string;
  @OptionalDateParam() afterTimestamp?: Date;
  @OptionalDateParam() beforeTimestamp?: Date;

  @IsOptional() @IsIn(USER_OPERATION_LOG_SORT_KEYS) sortBy?: UserOperationLogSortKey;
}
