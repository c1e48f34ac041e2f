import type { LogLevel } from './environment.js';

export type DatabaseConfig =
  { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

/** The validated, typed configuration. Injected by class token; built only by loadConfig(). */
export class AppConfig {
  constructor(
    readonly nodeEnv: string,
    readonly port: number,
    readonly database: DatabaseConfig,
    readonly admin: { user: string; password: string } | null,
    readonly logLevel: LogLevel,
    readonly shutdownTimeoutMs: number,
  ) {}

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
