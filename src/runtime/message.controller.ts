import { Access, AnyUser } from '../auth/access.decorator.js';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import {
  CorrelateMessageCommand,
  type MessageCorrelationResultDto,
} from './correlate-message.command.js';
import { BroadcastSignalCommand } from './broadcast-signal.command.js';
import { CorrelateMessageDto } from './dto/correlate-message.dto.js';
import { SignalDto } from './dto/signal.dto.js';

/** POST /message and POST /signal: events from outside the process. */
@AnyUser()
@Controller('engine-rest')
export class MessageController {
  constructor(
    private readonly correlate: CorrelateMessageCommand,
    private readonly broadcast: BroadcastSignalCommand,
  ) {}

  @Access('admin', 'manager')
  @Post('signal')
  @HttpCode(204)
  async signal(@Body() body: SignalDto, @Caller() caller: CallerInfo): Promise<void> {
    await this.broadcast.execute(body, caller);
  }

  /** 204 without a result, 200 with the correlation results when resultEnabled (as Camunda). */
  @Post('message')
  async correlateMessage(
    @Body() body: CorrelateMessageDto,
    @Caller() caller: CallerInfo,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MessageCorrelationResultDto[] | undefined> {
    const results = await this.correlate.execute(body, caller);
    if (body.resultEnabled) {
      response.status(200);
      return results;
    }
    response.status(204);
    return undefined;
  }
}
