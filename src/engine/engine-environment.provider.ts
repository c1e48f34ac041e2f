import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { EngineEnvironment } from './engine-session.js';
import { BpmnScripts } from './scripts/bpmn-scripts.js';
import { ScriptSandbox } from './scripts/script-sandbox.js';

/** The services every engine session gets: the clock, the business calendar and the script sandbox (loaded once at start). */
@Injectable()
export class EngineEnvironmentProvider implements OnModuleInit {
  private scripts: BpmnScripts | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly calendar: BusinessCalendar,
  ) {}

  async onModuleInit(): Promise<void> {
    const sandbox = await ScriptSandbox.create({
      memoryBytes: this.config.script.memoryBytes,
      timeoutMs: this.config.script.timeoutMs,
    });
    this.scripts = new BpmnScripts(sandbox);
  }

  get(): EngineEnvironment {
    return { now: () => this.clock.now(), calendar: this.calendar, scripts: this.scripts };
  }
}
