import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { Access, AnyUser } from '../auth/access.decorator.js';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import type { CountDto } from '../common/query/count.dto.js';
import { GroupQueryDto, GroupUpdateDto, NewGroupDto, type GroupDto } from './dto/group.dto.js';
import { GroupMembershipCommand } from './group-membership.command.js';
import { GroupService } from './group.service.js';

/** Camunda's /group resource. Everyone signed in reads groups; only admins change them. */
@Controller('engine-rest/group')
export class GroupController {
  constructor(
    private readonly groups: GroupService,
    private readonly memberships: GroupMembershipCommand,
  ) {}

  @AnyUser()
  @Get()
  list(@Query() query: GroupQueryDto): Promise<GroupDto[]> {
    return this.groups.list(query);
  }

  @AnyUser()
  @Get('count')
  async count(@Query() query: GroupQueryDto): Promise<CountDto> {
    return { count: await this.groups.count(query) };
  }

  @Access('admin')
  @Post('create')
  @HttpCode(204)
  create(@Body() body: NewGroupDto, @Caller() caller: CallerInfo): Promise<void> {
    return this.groups.create(body, caller);
  }

  @AnyUser()
  @Get(':id')
  get(@Param('id') id: string): Promise<GroupDto> {
    return this.groups.get(id);
  }

  @Access('admin')
  @Put(':id')
  @HttpCode(204)
  update(
    @Param('id') id: string,
    @Body() body: GroupUpdateDto,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    return this.groups.update(id, body, caller);
  }

  @Access('admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<void> {
    return this.groups.delete(id, caller);
  }

  @Access('admin')
  @Put(':id/members/:userId')
  @HttpCode(204)
  addMember(
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    return this.memberships.add(id, userId, caller);
  }

  @Access('admin')
  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    return this.memberships.remove(id, userId, caller);
  }
}
