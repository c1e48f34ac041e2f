import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthRepository } from '../auth/auth.repository.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { hasRole, type CallerInfo } from '../common/caller.decorator.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { WorkTracker } from '../common/work-tracker.js';
import type { UserCredentialsDto } from './dto/user.dto.js';
import { IdentityOperationLog } from './identity-operation-log.js';
import { hashPassword } from './password-hasher.js';
import { userNotFound } from './user.service.js';
import { UserRepository } from './user.repository.js';
import { LoginRateLimiter } from '../auth/login-rate-limiter.js';

/**
 * PUT /user/{id}/credentials: a user changes their own password, an admin anyone's. As in Camunda
 * the caller confirms with their own current password, so a stolen session cannot take over the
 * account; wrong confirmations count as failed logins. Afterwards the user's sessions end.
 */
@Injectable()
export class ChangePasswordCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly credentials: CredentialsService,
    private readonly limiter: LoginRateLimiter,
    private readonly auth: AuthRepository,
    private readonly log: IdentityOperationLog,
    private readonly work: WorkTracker,
  ) {}

  async execute(
    id: string,
    dto: UserCredentialsDto,
    caller: CallerInfo,
    address: string,
  ): Promise<void> {
    const callerId = caller.userId;
    if (!callerId || (callerId !== id && !hasRole(caller, 'admin'))) {
      throw new ConveyorError(
        ErrorCode.Forbidden,
        `The user with id '${callerId}' may not change the password of '${id}'`,
      );
    }
    if (!(await this.users.find(id))) throw userNotFound(id);
    this.limiter.check(callerId, address);
    if (!(await this.credentials.verify(callerId, dto.authenticatedUserPassword))) {
      this.limiter.recordFailure(callerId, address);
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        'The given authenticated user password is not valid.',
      );
    }
    const passwordHash = await hashPassword(dto.password);
    await this.work.run(() =>
      this.dataSource.transaction(async (tx) => {
        if (!(await this.users.updatePassword(tx, id, passwordHash))) throw userNotFound(id);
        await this.log.record(
          tx,
          caller,
          'Update',
          'User',
          { userId: id },
          { password: [null, 'changed'] },
        );
      }),
    );
    this.credentials.forget(id);
    await this.auth.deleteSessionsOf(id);
  }
}
