import { Body, Controller, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import {
  CorrelateMessageCommand,
  type MessageCorrelationResultDto,
} from './correlate-message.command.js';
import { CorrelateMessageDto } from './dto/correlate-message.dto.js';

@Controller('engine-rest/message')
export class MessageController {
  constructor(private readonly correlate: CorrelateMessageCommand) {}

  /** 204 without a result, 200 with the correlation results when resultEnabled (as Camunda). */
  @Post()
  async correlateMessage(
    @Body() body: CorrelateMessageDto,
    @Caller() caller: CallerInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MessageCorrelationResultDto[] | undefined> {
    const results = await this.correlate.execute(body, caller.userId);
    if (body.resultEnabled) {
      response.status(200);
      return results;
    }
    response.status(204);
    return undefined;
  }
}
