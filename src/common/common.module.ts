import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { JobSignals } from './job-signals.js';
import { WorkTracker } from './work-tracker.js';

@Global()
@Module({ providers: [WorkTracker, Clock, JobSignals], exports: [WorkTracker, Clock, JobSignals] })
export class CommonModule {}
