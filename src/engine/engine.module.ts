import { Module } from '@nestjs/common';
import { EngineEnvironmentProvider } from './engine-environment.provider.js';

/** The bpmn-engine adapter's shared services. No HTTP here. */
@Module({
  providers: [EngineEnvironmentProvider],
  exports: [EngineEnvironmentProvider],
})
export class EngineModule {}
