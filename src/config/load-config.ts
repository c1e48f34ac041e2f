import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { AppConfig } from './app-config.js';
import { Environment } from './environment.js';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/** Validates the environment once and returns the typed config, or throws naming every bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const problems = validateSync(parsed, { forbidUnknownValues: false }).map(describe);
  if (
    (parsed.CONVEYOR_ADMIN_USER === undefined) !==
    (parsed.CONVEYOR_ADMIN_PASSWORD === undefined)
  ) {
    problems.push(
      'CONVEYOR_ADMIN_USER and CONVEYOR_ADMIN_PASSWORD: set both to create the first admin, or neither',
    );
  }
  if (!isTimeZone(parsed.CONVEYOR_CALENDAR_TIME_ZONE)) {
    problems.push(
      `CONVEYOR_CALENDAR_TIME_ZONE=${JSON.stringify(parsed.CONVEYOR_CALENDAR_TIME_ZONE)}: must be an IANA time zone, e.g. Europe/Moscow`,
    );
  }
  const workingHours = minutesOf(parsed.CONVEYOR_CALENDAR_WORKING_HOURS);
  if (workingHours && workingHours.startMinute >= workingHours.endMinute) {
    problems.push('CONVEYOR_CALENDAR_WORKING_HOURS: the working day must end after it starts');
  }
  if (parsed.CONVEYOR_CLUSTER_WORKERS > 1 && !parsed.DATABASE_URL) {
    problems.push(
      'CONVEYOR_CLUSTER_WORKERS: several processes need PostgreSQL (DATABASE_URL); the embedded database is opened by one process only',
    );
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);

  return new AppConfig({
    nodeEnv: parsed.NODE_ENV ?? 'development',
    port: parsed.PORT,
    clusterWorkers: parsed.CONVEYOR_CLUSTER_WORKERS,
    database: parsed.DATABASE_URL
      ? {
          kind: 'postgres',
          url: parsed.DATABASE_URL,
          preparedStatements: parsed.CONVEYOR_PREPARED_STATEMENTS === 'true',
        }
      : { kind: 'embedded', dataDir: path.resolve(parsed.CONVEYOR_DATA_DIR) },
    admin:
      parsed.CONVEYOR_ADMIN_USER && parsed.CONVEYOR_ADMIN_PASSWORD
        ? { user: parsed.CONVEYOR_ADMIN_USER, password: parsed.CONVEYOR_ADMIN_PASSWORD }
        : null,
    logLevel: parsed.LOG_LEVEL,
    shutdownTimeoutMs: parsed.CONVEYOR_SHUTDOWN_TIMEOUT_MS,
    processesDir: path.resolve(parsed.CONVEYOR_PROCESSES_DIR),
    webAppDir: path.resolve(parsed.CONVEYOR_WEB_APP_DIR),
    maxDeploymentBytes: parsed.CONVEYOR_MAX_DEPLOYMENT_BYTES,
    maxVariableBytes: parsed.CONVEYOR_MAX_VARIABLE_BYTES,
    script: {
      timeoutMs: parsed.CONVEYOR_SCRIPT_TIMEOUT_MS,
      memoryBytes: parsed.CONVEYOR_SCRIPT_MEMORY_MB * 1024 * 1024,
    },
    jobs: {
      enabled: parsed.CONVEYOR_JOB_EXECUTOR === 'true',
      pollMs: parsed.CONVEYOR_JOB_POLL_MS,
      lockMs: parsed.CONVEYOR_JOB_LOCK_MS,
      concurrency: parsed.CONVEYOR_JOB_CONCURRENCY ?? (parsed.DATABASE_URL ? 4 : 1),
      nodeId: `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    },
    calendar: {
      timeZone: parsed.CONVEYOR_CALENDAR_TIME_ZONE,
      workingHours: workingHours ?? { startMinute: 540, endMinute: 1080 },
      workingDays: [...new Set(parsed.CONVEYOR_CALENDAR_WORKING_DAYS.split(',').map(Number))],
      holidays: parsed.CONVEYOR_CALENDAR_HOLIDAYS?.split(',') ?? [],
    },
    builtinWorkers: {
      enabled: parsed.CONVEYOR_BUILTIN_WORKERS === 'true',
      pollMs: parsed.CONVEYOR_BUILTIN_WORKERS_POLL_MS,
      smtpUrl: parsed.CONVEYOR_SMTP_URL ?? null,
      mailFrom: parsed.CONVEYOR_MAIL_FROM,
      smsGatewayUrl: parsed.CONVEYOR_SMS_GATEWAY_URL ?? null,
      smsGatewayToken: parsed.CONVEYOR_SMS_GATEWAY_TOKEN ?? null,
    },
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** '09:00-18:00' → minutes after midnight; undefined when malformed (the validator names it). */
function minutesOf(range: string): { startMinute: number; endMinute: number } | undefined {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range);
  if (!match) return undefined;
  const [h1, m1, h2, m2] = match.slice(1).map(Number);
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  const shown = /PASSWORD/.test(error.property) ? '(hidden)' : JSON.stringify(error.value);
  return `${error.property}=${shown}: ${reasons}`;
}
