import { AnyUser } from '../auth/access.decorator.js';
import { Controller, Get } from '@nestjs/common';
import { createRequire } from 'node:module';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** GET /engine and /version: Camunda clients probe these to find the engine and its API level. */
@AnyUser()
@Controller('engine-rest')
export class EngineInfoController {
  @Get('engine')
  engines(): { name: string }[] {
    return [{ name: 'default' }];
  }

  @Get('version')
  version(): { version: string } {
    // The Camunda REST API level this service is compatible with, then Conveyor's own version.
    return { version: `7.21.0-conveyor-${version}` };
  }
}
