import type { LogLevel } from './environment.js';

export type DatabaseConfig =
  { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/** The validated, typed configuration. Injected by class token; built only by loadConfig(). */
export class AppConfig {
  readonly nodeEnv!: string;
  readonly port!: number;
  readonly database!: DatabaseConfig;
  readonly admin!: { user: string; password: string } | null;
  readonly logLevel!: LogLevel;
  readonly shutdownTimeoutMs!: number;
  /** Directory of BPMN files deployed at start. */
  readonly processesDir!: string;
  readonly maxDeploymentBytes!: number;
  readonly maxVariableBytes!: number;
  readonly script!: { timeoutMs: number; memoryBytes: number };
  /** The job executor: whether this node runs jobs, how often it looks, how long it may hold one. */
  readonly jobs!: { enabled: boolean; pollMs: number; lockMs: number; nodeId: string };

  constructor(values: Omit<AppConfig, 'isProduction'>) {
    Object.assign(this, values);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
