import type { LogLevel } from './environment.js';

export interface BusinessCalendarConfig {
  timeZone: string;
  /** Start and end of the working day, minutes after local midnight. */
  workingHours: { startMinute: number; endMinute: number };
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Non-working dates, YYYY-MM-DD in the calendar's zone. */
  holidays: string[];
}

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      /**
       * Statements inside transactions run as named prepared statements (off for PgBouncer's
       * transaction mode).
       */
      preparedStatements: boolean;
    }
  | { kind: 'embedded'; dataDir: string };

/** The validated, typed configuration. Injected by class token; built only by loadConfig(). */
export class AppConfig {
  readonly nodeEnv!: string;
  readonly port!: number;
  /** Processes serving the port (node:cluster); 1 runs the service in this process. */
  readonly clusterWorkers!: number;
  readonly database!: DatabaseConfig;
  readonly admin!: { user: string; password: string } | null;
  readonly logLevel!: LogLevel;
  readonly shutdownTimeoutMs!: number;
  /** Directory of BPMN files deployed at start. */
  readonly processesDir!: string;
  /** The built web app (web-modeler/dist), served at `/`; absent: the service runs API-only. */
  readonly webAppDir!: string;
  readonly maxDeploymentBytes!: number;
  readonly maxVariableBytes!: number;
  readonly script!: { timeoutMs: number; memoryBytes: number };
  /** The job executor: whether this node runs jobs, how often it looks, how long it may hold one. */
  readonly jobs!: {
    enabled: boolean;
    pollMs: number;
    lockMs: number;
    /** Jobs of a batch run at once on this node. */
    concurrency: number;
    nodeId: string;
  };
  /** The business calendar that working days and hours are counted in. */
  readonly calendar!: BusinessCalendarConfig;
  /** Built-in workers (notifications, process starts): whether this node runs them, how often they poll; notification channels (null: not configured). */
  readonly builtinWorkers!: {
    enabled: boolean;
    pollMs: number;
    smtpUrl: string | null;
    mailFrom: string;
    smsGatewayUrl: string | null;
    smsGatewayToken: string | null;
  };

  constructor(values: Omit<AppConfig, 'isProduction'>) {
    Object.assign(this, values);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
