import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';

export class JobQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() jobId?: string;
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsString() activityId?: string;
  @IsOptional() @IsString() executionId?: string;
  @OptionalBooleanParam() timers?: boolean;
  @OptionalBooleanParam() withRetriesLeft?: boolean;
  @OptionalBooleanParam() noRetriesLeft?: boolean;
  /** Camunda's sort keys (anything else is a 400); sortOrder must come with it. */
  @IsOptional()
  @IsIn([
    'jobId',
    'executionId',
    'processInstanceId',
    'processDefinitionId',
    'processDefinitionKey',
    'jobPriority',
    'jobRetries',
    'jobDueDate',
    'tenantId',
  ])
  sortBy?: string;
}
