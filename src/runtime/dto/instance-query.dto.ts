import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';

const INSTANCE_SORT_KEYS = [
  'instanceId',
  'definitionKey',
  'definitionId',
  'businessKey',
  'startTime',
  'tenantId',
];

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
  @IsIn(INSTANCE_SORT_KEYS)
  sortBy?: string;
}

/** One entry of a POST query's `sorting` list. */
export class InstanceSortingDto {
  @IsIn(INSTANCE_SORT_KEYS) sortBy!: string;
  @IsIn(['asc', 'desc']) sortOrder!: 'asc' | 'desc';
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
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InstanceSortingDto)
  sorting?: InstanceSortingDto[];
}
