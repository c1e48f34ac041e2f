import { Global, Module } from '@nestjs/common';
import { WorkTracker } from './work-tracker.js';

@Global()
@Module({ providers: [WorkTracker], exports: [WorkTracker] })
export class CommonModule {}
