import { Access } from '../../auth/access.decorator.js';
import { Controller, Get, Query } from '@nestjs/common';
import { Caller, type CallerInfo } from '../../common/caller.decorator.js';
import type { CountDto } from '../../common/query/count.dto.js';
import { UserOperationLogQueryDto } from './user-operation-log-query.dto.js';
import {
  toUserOperationLogEntryDto,
  type UserOperationLogEntryDto,
} from './user-operation-log.dto.js';
import { UserOperationLogService } from './user-operation-log.service.js';

@Access('admin', 'analyst', 'manager')
@Controller('engine-rest/history/user-operation')
export class UserOperationLogController {
  constructor(private readonly log: UserOperationLogService) {}

  @Get()
  async list(
    @Caller() caller: CallerInfo,
    @Query() query: UserOperationLogQueryDto,
  ): Promise<UserOperationLogEntryDto[]> {
    return (await this.log.list(caller, query)).map(toUserOperationLogEntryDto);
  }

  @Get('count')
  async count(
    @Caller() caller: CallerInfo,
    @Query() query: UserOperationLogQueryDto,
  ): Promise<CountDto> {
    return { count: await this.log.count(caller, query) };
  }
}
