import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

/** Camunda's paging and sorting query parameters, shared by every list endpoint. */
export class PagingQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  firstResult?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  maxResults?: number;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  sortOrder?: 'asc' | 'desc';
}

export interface Page {
  offset: number;
  limit: number;
}

/** Upper bound of any page: a list endpoint never answers with more rows than this. */
export const MAX_RESULTS_LIMIT = 1000;
