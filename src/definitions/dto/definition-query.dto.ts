import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';

export class ProcessDefinitionQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionIdIn?: string;
  @IsOptional() @IsString() key?: string;
  @IsOptional() @IsString() keysIn?: string;
  @IsOptional() @IsString() keyLike?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() nameLike?: string;
  @IsOptional() @IsString() deploymentId?: string;
  @IsOptional() @IsString() category?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
  @IsOptional() @IsString() versionTag?: string;
  @OptionalBooleanParam() latestVersion?: boolean;
  @OptionalBooleanParam() suspended?: boolean;
  @OptionalBooleanParam() active?: boolean;
  @OptionalBooleanParam() startableInTasklist?: boolean;

  @IsOptional()
  @IsIn([
    'category',
    'key',
    'id',
    'name',
    'version',
    'deploymentId',
    'deployTime',
    'tenantId',
    'versionTag',
  ])
  sortBy?: string;
}

export class DeploymentQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() nameLike?: string;
  @IsOptional() @IsString() source?: string;
  @IsOptional() @Type(() => Date) @IsDate() after?: Date;
  @IsOptional() @Type(() => Date) @IsDate() before?: Date;

  @IsOptional()
  @IsIn(['id', 'name', 'deploymentTime', 'tenantId'])
  sortBy?: string;
}
