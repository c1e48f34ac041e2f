import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The environment variables Conveyor reads, with their defaults and constraints.
 * Names are part of the operator interface: rename none without a migration note.
 */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0)
  @Max(65535)
  PORT: number = 8080;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  CONVEYOR_DATA_DIR: string = './data';

  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,64}$/, {
    message: 'must be 1-64 characters of letters, digits, ".", "_", "@" or "-"',
  })
  CONVEYOR_ADMIN_USER?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters long' })
  @MaxLength(256)
  CONVEYOR_ADMIN_PASSWORD?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  CONVEYOR_SHUTDOWN_TIMEOUT_MS: number = 30_000;

  @IsString()
  @MinLength(1)
  CONVEYOR_PROCESSES_DIR: string = './processes';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  CONVEYOR_MAX_DEPLOYMENT_BYTES: number = 5 * 1024 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  CONVEYOR_MAX_VARIABLE_BYTES: number = 256 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  CONVEYOR_SCRIPT_TIMEOUT_MS: number = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  CONVEYOR_SCRIPT_MEMORY_MB: number = 32;

  @IsIn(['true', 'false'], { message: 'must be true or false' })
  CONVEYOR_JOB_EXECUTOR: string = 'true';

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600_000)
  CONVEYOR_JOB_POLL_MS: number = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(24 * 3600 * 1000)
  CONVEYOR_JOB_LOCK_MS: number = 300_000;
}
