import { Controller, Get, Query } from '@nestjs/common';
import type { CountDto } from '../../common/query/count.dto.js';
import { UserOperationLogQueryDto } from './user-operation-log-query.dto.js';
import {
  toUserOperationLogEntryDto,
  type UserOperationLogEntryDto,
} from './user-operation-log.dto.js';
import { UserOperationLogService } from './user-operation-log.service.js';

@Controller('engine-rest/history/user-operation')
export class UserOperationLogController {
  constructor(private readonly log: UserOperationLogService) {}

  @Get()
  async list(@Query() query: UserOperationLogQueryDto): Promise<UserOperationLogEntryDto[]> {
    return (await this.log.list(query)).map(toUserOperationLogEntryDto);
  }

  @Get('count')
  async count(@Query() query: UserOperationLogQueryDto): Promise<CountDto> {
    return { count: await this.log.count(query) };
  }
}
