import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { Access, AnyUser } from '../auth/access.decorator.js';
import { Caller, type CallerInfo } from '../common/caller.decorator.js';
import type { CountDto } from '../common/query/count.dto.js';
import { ChangePasswordCommand } from './change-password.command.js';
import {
  CreateUserDto,
  UserCredentialsDto,
  UserProfileUpdateDto,
  UserQueryDto,
  type UserProfileDto,
} from './dto/user.dto.js';
import { UpdateUserProfileCommand } from './update-user-profile.command.js';
import { UserService } from './user.service.js';

/**
 * Camunda's /user resource. Everyone signed in reads the directory (forms let employees pick
 * colleagues); admins create and delete users; users change their own profile and password.
 */
@Controller('engine-rest/user')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly updateProfile: UpdateUserProfileCommand,
    private readonly changePassword: ChangePasswordCommand,
  ) {}

  @AnyUser()
  @Get()
  list(@Query() query: UserQueryDto): Promise<UserProfileDto[]> {
    return this.users.list(query);
  }

  @AnyUser()
  @Get('count')
  async count(@Query() query: UserQueryDto): Promise<CountDto> {
    return { count: await this.users.count(query) };
  }

  @Access('admin')
  @Post('create')
  @HttpCode(204)
  create(@Body() body: CreateUserDto, @Caller() caller: CallerInfo): Promise<void> {
    return this.users.create(body, caller);
  }

  @AnyUser()
  @Get(':id/profile')
  profile(@Param('id') id: string): Promise<UserProfileDto> {
    return this.users.profile(id);
  }

  @AnyUser()
  @Put(':id/profile')
  @HttpCode(204)
  update(
    @Param('id') id: string,
    @Body() body: UserProfileUpdateDto,
    @Caller() caller: CallerInfo,
  ): Promise<void> {
    return this.updateProfile.execute(id, body, caller);
  }

  @AnyUser()
  @Put(':id/credentials')
  @HttpCode(204)
  credentials(
    @Param('id') id: string,
    @Body() body: UserCredentialsDto,
    @Caller() caller: CallerInfo,
    @Ip() address: string,
  ): Promise<void> {
    return this.changePassword.execute(id, body, caller, address);
  }

  @Access('admin')
  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id') id: string, @Caller() caller: CallerInfo): Promise<void> {
    return this.users.delete(id, caller);
  }
}
