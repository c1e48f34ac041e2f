import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { OptionalBooleanParam } from '../../common/query/boolean-param.js';
import { MAX_INT, PagingQueryDto } from '../../common/query/paging.dto.js';

/**
 * Camunda's task query (GET /task parameters; a POST body uses the same names with arrays for lists
 * and objects for variable filters, which the service normalizes).
 */
export class TaskQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() taskId?: string;
  @IsOptional() taskIdIn?: string | string[];
  @IsOptional() @IsString() processInstanceId?: string;
  @IsOptional() processInstanceIdIn?: string | string[];
  @IsOptional() @IsString() processInstanceBusinessKey?: string;
  @IsOptional() @IsString() processInstanceBusinessKeyLike?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() processDefinitionKeyIn?: string | string[];
  @IsOptional() @IsString() executionId?: string;
  @IsOptional() @IsString() taskDefinitionKey?: string;
  @IsOptional() taskDefinitionKeyIn?: string | string[];
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() nameLike?: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsString() descriptionLike?: string;
  @IsOptional() @IsString() assignee?: string;
  @IsOptional() @IsString() assigneeLike?: string;
  @IsOptional() assigneeIn?: string | string[];
  @IsOptional() assigneeNotIn?: string | string[];
  @IsOptional() @IsString() owner?: string;
  @IsOptional() @IsString() candidateUser?: string;
  @IsOptional() @IsString() candidateGroup?: string;
  @IsOptional() candidateGroups?: string | string[];
  @IsOptional() @IsString() delegationState?: string;
  @OptionalBooleanParam() includeAssignedTasks?: boolean;
  @OptionalBooleanParam() assigned?: boolean;
  @OptionalBooleanParam() unassigned?: boolean;
  @OptionalBooleanParam() withCandidateGroups?: boolean;
  @OptionalBooleanParam() withoutCandidateGroups?: boolean;
  @OptionalBooleanParam() withCandidateUsers?: boolean;
  @OptionalBooleanParam() withoutCandidateUsers?: boolean;
  /** Conveyor: each task of the page carries its candidate groups (TaskDto.candidateGroups). */
  @OptionalBooleanParam() withCandidateGroupsInReturn?: boolean;
  @OptionalBooleanParam() active?: boolean;
  @OptionalBooleanParam() suspended?: boolean;
  @OptionalBooleanParam() withoutDueDate?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(-MAX_INT - 1) @Max(MAX_INT) priority?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(-MAX_INT - 1) @Max(MAX_INT) minPriority?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(-MAX_INT - 1) @Max(MAX_INT) maxPriority?: number;
  @IsOptional() @IsString() dueDate?: string;
  @IsOptional() @IsString() dueBefore?: string;
  @IsOptional() @IsString() dueAfter?: string;
  @IsOptional() @IsString() followUpDate?: string;
  @IsOptional() @IsString() followUpBefore?: string;
  @IsOptional() @IsString() followUpAfter?: string;
  @IsOptional() @IsString() followUpBeforeOrNotExistent?: string;
  @IsOptional() @IsString() createdOn?: string;
  @IsOptional() @IsString() createdBefore?: string;
  @IsOptional() @IsString() createdAfter?: string;
  @IsOptional() taskVariables?: unknown;
  @IsOptional() processVariables?: unknown;
  @IsOptional() @IsString() sortBy?: string;
  @IsOptional() @IsArray() sorting?: { sortBy?: string; sortOrder?: 'asc' | 'desc' }[];
}
