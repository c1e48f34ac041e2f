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
  if (problems.length > 0) throw new ConfigValidationError(problems);

  return new AppConfig({
    nodeEnv: parsed.NODE_ENV ?? 'development',
    port: parsed.PORT,
    database: parsed.DATABASE_URL
      ? { kind: 'postgres', url: parsed.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.resolve(parsed.CONVEYOR_DATA_DIR) },
    admin:
      parsed.CONVEYOR_ADMIN_USER && parsed.CONVEYOR_ADMIN_PASSWORD
        ? { user: parsed.CONVEYOR_ADMIN_USER, password: parsed.CONVEYOR_ADMIN_PASSWORD }
        : null,
    logLevel: parsed.LOG_LEVEL,
    shutdownTimeoutMs: parsed.CONVEYOR_SHUTDOWN_TIMEOUT_MS,
    processesDir: path.resolve(parsed.CONVEYOR_PROCESSES_DIR),
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
      nodeId: `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    },
  });
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  const shown = /PASSWORD/.test(error.property) ? '(hidden)' : JSON.stringify(error.value);
  return `${error.property}=${shown}: ${reasons}`;
}
