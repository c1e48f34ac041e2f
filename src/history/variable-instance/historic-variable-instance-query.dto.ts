import { IsIn, IsOptional, IsString } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalListParam } from '../query/list-param.js';

export const HISTORIC_VARIABLE_INSTANCE_SORT_KEYS = [
  'instanceId',
  'variableName',
  'tenantId',
] as const;
export type HistoricVariableInstanceSortKey = (typeof HISTORIC_VARIABLE_INSTANCE_SORT_KEYS)[number];

/** Filters of GET and POST /history/variable-instance. */
export class HistoricVariableInstanceQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() variableName?: string;
  @OptionalListParam() variableNameIn?: string[];
  @IsOptional() @IsString() variableNameLike?: string;
  /** Text in a query string; a string, number or boolean in a POST body. Needs variableName. */
  @IsOptional() variableValue?: unknown;
  @OptionalBooleanParam() variableNamesIgnoreCase?: boolean;
  @OptionalBooleanParam() variableValuesIgnoreCase?: boolean;
  @OptionalListParam() variableTypeIn?: string[];
  @OptionalBooleanParam() includeDeleted?: boolean;
  @IsOptional() @IsString() processInstanceId?: string;
  @OptionalListParam() processInstanceIdIn?: string[];
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @OptionalListParam() executionIdIn?: string[];
  @OptionalListParam() taskIdIn?: string[];
  @OptionalListParam() activityInstanceIdIn?: string[];
  @OptionalListParam() tenantIdIn?: string[];
  @OptionalBooleanParam() withoutTenantId?: boolean;
  /** Object values as JSON data (true, the default) or as their serialized JSON text. */
  @OptionalBooleanParam() deserializeValues?: boolean;

  @IsOptional()
  @IsIn(HISTORIC_VARIABLE_INSTANCE_SORT_KEYS)
  sortBy?: HistoricVariableInstanceSortKey;
  /** POST only: `[{ sortBy, sortOrder }, …]`. */
  @IsOptional() sorting?: unknown;
}
