import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { EngineEnvironment } from './engine-session.js';

/** The services every engine session gets: the clock (and the script sandbox once it is loaded). */
@Injectable()
export class EngineEnvironmentProvider {
  private scripts: unknown;

  constructor(private readonly clock: Clock) {}

  useScripts(scripts: unknown): void {
    this.scripts = scripts;
  }

  get(): EngineEnvironment {
    return { now: () => this.clock.now(), scripts: this.scripts };
  }
}
