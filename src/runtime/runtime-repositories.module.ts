import { Module } from '@nestjs/common';
import { EventSubscriptionRepository } from './event-subscription.repository.js';
import { InstanceRepository } from './instance.repository.js';
import { VariableRepository } from './variable.repository.js';

/** The runtime tables' repositories, shared by the modules that write them. */
@Module({
  providers: [InstanceRepository, VariableRepository, EventSubscriptionRepository],
  exports: [InstanceRepository, VariableRepository, EventSubscriptionRepository],
})
export class RuntimeRepositoriesModule {}
