import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { BusinessCalendar } from './business-calendar.js';

/** The business calendar of CONVEYOR_CALENDAR_*, one for the whole service. */
@Global()
@Module({
  providers: [
    {
      provide: BusinessCalendar,
      useFactory: (config: AppConfig) => new BusinessCalendar(config.calendar),
      inject: [AppConfig],
    },
  ],
  exports: [BusinessCalendar],
})
export class CalendarModule {}
