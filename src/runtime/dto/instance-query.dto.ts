import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';

/** GET /process-instance query parameters (a POST body uses the same names, variables as an array). */
export class ProcessInstanceQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() processInstanceIds?: string;
  @IsOptional() @IsString() businessKey?: string;
  @IsOptional() @IsString() businessKeyLike?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsString() processDefinitionKeyIn?: string;
  @IsOptional() @IsString() superProcessInstance?: string;
  @IsOptional() @IsString() subProcessInstance?: string;
  @IsOptional() @IsString() activityIdIn?: string;
  @OptionalBooleanParam() active?: boolean;
  @OptionalBooleanParam() suspended?: boolean;
  @OptionalBooleanParam() withIncident?: boolean;
  @IsOptional() @IsString() variables?: string;

  @IsOptional()
  @IsIn(['instanceId', 'definitionKey', 'definitionId', 'businessKey', 'startTime', 'tenantId'])
  sortBy?: string;
}

/** POST /process-instance: the same filters, lists as arrays and variables as objects. */
export class ProcessInstanceQueryBodyDto extends PagingQueryDto {
  @IsOptional() @IsString({ each: true }) processInstanceIds?: string[];
  @IsOptional() @IsString() businessKey?: string;
  @IsOptional() @IsString() businessKeyLike?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsString({ each: true }) processDefinitionKeyIn?: string[];
  @IsOptional() @IsString() superProcessInstance?: string;
  @IsOptional() @IsString() subProcessInstance?: string;
  @IsOptional() @IsString({ each: true }) activityIdIn?: string[];
  @OptionalBooleanParam() active?: boolean;
  @OptionalBooleanParam() suspended?: boolean;
  @OptionalBooleanParam() withIncident?: boolean;
  @IsOptional() variables?: unknown;
  @IsOptional() sorting?: { sortBy?: string; sortOrder?: 'asc' | 'desc' }[];
}
