import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PagingQueryDto } from '../../common/query/paging.dto.js';
import { OptionalListParam } from '../../history/query/list-param.js';
import { IdentityId } from './identity-id.js';

export const GROUP_SORT_KEYS = ['id', 'name', 'type'] as const;
export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];

/** Filters of GET /group and /group/count. */
export class GroupQueryDto extends PagingQueryDto {
  @IsOptional() @IsString() id?: string;
  @OptionalListParam() idIn?: string[];
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() nameLike?: string;
  @IsOptional() @IsString() type?: string;
  @IsOptional() @IsString() member?: string;
  @IsOptional() @IsIn(GROUP_SORT_KEYS) sortBy?: GroupSortKey;
}

class GroupFields {
  @IsString() @MinLength(1) @MaxLength(255) name!: string;
  /** Camunda uses SYSTEM for groups that grant rights and WORKFLOW for teams. */
  @IsOptional() @IsString() @MaxLength(64) type?: string | null;
}

/** POST /group/create */
export class NewGroupDto extends GroupFields {
  @IdentityId() id!: string;
}

/** PUT /group/{id}: the path names the group; an `id` in the body must be the same. */
export class GroupUpdateDto extends GroupFields {
  @IsOptional() @IsString() id?: string;
}

/** Camunda's GroupDto. */
export interface GroupDto {
  id: string;
  name: string;
  type: string | null;
}
