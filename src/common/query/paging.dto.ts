import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Java's Integer.MAX_VALUE: Camunda's paging parameters are ints, and so are our counters. */
export const MAX_INT = 2_147_483_647;

/** Camunda's paging and sorting query parameters, shared by every list endpoint. */
export class PagingQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  firstResult?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
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
