import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { WorkTracker } from './work-tracker.js';

@Global()
@Module({ providers: [WorkTracker, Clock], exports: [WorkTracker, Clock] })
export class CommonModule {}
