import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { ChangePasswordCommand } from './change-password.command.js';
import { GroupMembershipCommand } from './group-membership.command.js';
import { GroupController } from './group.controller.js';
import { GroupRepository } from './group.repository.js';
import { GroupService } from './group.service.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { IdentityController } from './identity.controller.js';
import { IdentityRepository } from './identity.repository.js';
import { IdentityService } from './identity.service.js';
import { UpdateUserProfileCommand } from './update-user-profile.command.js';
import { UserController } from './user.controller.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

/**
 * Users, groups and memberships: Camunda's /user, /group and /identity resources. The services
 * also use AuthModule's CredentialsService, AuthRepository and LoginRateLimiter (AuthModule is
 * global).
 */
@Module({
  imports: [HistoryModule],
  controllers: [UserController, GroupController, IdentityController],
  providers: [
    IdentityRepository,
    AdminBootstrapService,
    UserRepository,
    GroupRepository,
    UserService,
    GroupService,
    UpdateUserProfileCommand,
    ChangePasswordCommand,
    GroupMembershipCommand,
    IdentityService,
    IdentityOperationLog,
  ],
  exports: [IdentityRepository],
})
export class IdentityModule {}
