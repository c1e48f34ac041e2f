import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CommonModule } from './common/common.module.js';
import { CamundaExceptionFilter } from './common/errors/camunda-exception.filter.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { DefinitionsModule } from './definitions/definitions.module.js';
import { EngineInfoModule } from './engine-info/engine-info.module.js';
import { RuntimeModule } from './runtime/runtime.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { HistoryModule } from './history/history.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { WorkersModule } from './workers/workers.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        ScheduleModule.forRoot(),
        CommonModule,
        CalendarModule,
        DatabaseModule,
        HealthModule,
        IdentityModule,
        AuthModule,
        // Before DefinitionsModule: its GET process-definition/statistics must be routed before
        // process-definition/:id claims 'statistics' as an id.
        RuntimeModule,
        DefinitionsModule,
        TasksModule,
        JobsModule,
        HistoryModule,
        NotificationsModule,
        WorkersModule,
        EngineInfoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: CamundaExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidUnknownValues: false,
          }),
        },
      ],
    };
  }
}
