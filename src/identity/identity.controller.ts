import { Body, Controller, Get, HttpCode, Ip, Post, Query } from '@nestjs/common';
import { AnyUser } from '../auth/access.decorator.js';
import {
  GroupInfoQueryDto,
  VerifyUserDto,
  type GroupInfoDto,
  type VerifyResultDto,
} from './dto/identity.dto.js';
import { IdentityService } from './identity.service.js';

/**
 * Camunda's /identity resource. `verify` lets a signed-in integration check someone else's
 * password (e.g. a portal with its own login form); it is rate limited like a login.
 */
@AnyUser()
@Controller('engine-rest/identity')
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Get('groups')
  groups(@Query() query: GroupInfoQueryDto): Promise<GroupInfoDto> {
    return this.identity.groupInfo(query.userId);
  }

  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: VerifyUserDto, @Ip() address: string): Promise<VerifyResultDto> {
    return this.identity.verify(body.username, body.password, address);
  }
}
