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

  /** PostgreSQL only: named prepared statements; false behind a pooler that cannot keep them. */
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  CONVEYOR_PREPARED_STATEMENTS: string = 'true';

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

  @IsString()
  @MinLength(1)
  CONVEYOR_WEB_APP_DIR: string = './web-modeler/dist';

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

  /** Service processes sharing the port (node:cluster), to use every core; PostgreSQL only. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  CONVEYOR_CLUSTER_WORKERS: number = 1;

  /**
   * Jobs one node runs at once. Default: 4 on PostgreSQL (of its 10 pooled connections), 1 on the
   * embedded database, which has a single connection.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8)
  CONVEYOR_JOB_CONCURRENCY?: number;

  /** IANA zone of the business calendar: working hours and days are counted in it. */
  @IsString()
  CONVEYOR_CALENDAR_TIME_ZONE: string = 'Europe/Moscow';

  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'must be HH:MM-HH:MM, e.g. 09:00-18:00',
  })
  CONVEYOR_CALENDAR_WORKING_HOURS: string = '09:00-18:00';

  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  @Matches(/^[1-7](,[1-7])*$/, {
    message: 'must be ISO weekdays 1-7 separated by commas, e.g. 1,2,3,4,5',
  })
  CONVEYOR_CALENDAR_WORKING_DAYS: string = '1,2,3,4,5';

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/, {
    message: 'must be dates YYYY-MM-DD separated by commas',
  })
  CONVEYOR_CALENDAR_HOLIDAYS?: string;

  @IsIn(['true', 'false'], { message: 'must be true or false' })
  CONVEYOR_BUILTIN_WORKERS: string = 'true';

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600_000)
  CONVEYOR_BUILTIN_WORKERS_POLL_MS: number = 1000;

  /** smtp://user:password@host:port or smtps://…; without it e-mails fail and are logged as failed. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  CONVEYOR_SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  CONVEYOR_MAIL_FROM: string = 'Conveyor <conveyor@localhost>';

  /** The SMS gateway: Conveyor POSTs {to, text} as JSON here. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  CONVEYOR_SMS_GATEWAY_URL?: string;

  @IsOptional()
  @IsString()
  CONVEYOR_SMS_GATEWAY_TOKEN?: string;
}
