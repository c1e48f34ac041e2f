import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_INT } from '../../common/query/paging.dto.js';

/** worker_id / lock_owner are varchar(255): longer ids are refused, not failed in the database. */
const MAX_WORKER_ID_LENGTH = 255;
/** A lock lasts at most a week; a retry waits at most 100 years (the timer horizon). */
const MAX_LOCK_MS = 7 * 24 * 3600 * 1000;
const MAX_RETRY_TIMEOUT_MS = 100 * 365 * 24 * 3600 * 1000;

export class FetchTopicDto {
  @IsString() @MinLength(1) topicName!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LOCK_MS) lockDuration!: number;
  @IsOptional() @IsArray() @IsString({ each: true }) variables?: string[];
  @IsOptional() @IsBoolean() localVariables?: boolean;
  @IsOptional() @IsString() businessKey?: string;
  @IsOptional() @IsString() processDefinitionId?: string;
  @IsOptional() @IsString() processDefinitionKey?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) processDefinitionIdIn?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) processDefinitionKeyIn?: string[];
  /** Process variables the instance must have, with these (JSON) values. */
  @IsOptional() @IsObject() processVariables?: Record<string, unknown>;
  /** Conveyor has no tenants: a tenant filter matches only with withoutTenantId. */
  @IsOptional() @IsArray() @IsString({ each: true }) tenantIdIn?: string[];
  @IsOptional() @IsBoolean() withoutTenantId?: boolean;
  @IsOptional() @IsBoolean() deserializeValues?: boolean;
}

/** Body of POST /external-task/fetchAndLock. */
export class FetchAndLockDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @Type(() => Number) @IsInt() @Min(0) @Max(1000) maxTasks!: number;
  @IsOptional() @IsBoolean() usePriority?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_800_000) asyncResponseTimeout?: number;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FetchTopicDto)
  topics!: FetchTopicDto[];
}

export class CompleteExternalTaskDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @IsOptional() variables?: unknown;
  @IsOptional() localVariables?: unknown;
}

export class ExternalTaskFailureDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @IsOptional() @IsString() errorMessage?: string;
  @IsOptional() @IsString() errorDetails?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INT) retries?: number;
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_RETRY_TIMEOUT_MS)
  retryTimeout?: number;
}

export class ExternalTaskBpmnErrorDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @IsString() @MinLength(1) errorCode!: string;
  @IsOptional() @IsString() errorMessage?: string;
  @IsOptional() variables?: unknown;
}

export class ExtendLockDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LOCK_MS) newDuration!: number;
}

export class LockExternalTaskDto {
  @IsString() @MinLength(1) @MaxLength(MAX_WORKER_ID_LENGTH) workerId!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_LOCK_MS) lockDuration!: number;
}
