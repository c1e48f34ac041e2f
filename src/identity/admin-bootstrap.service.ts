import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { IdentityRepository } from './identity.repository.js';
import { hashPassword } from './password-hasher.js';

/** Camunda's group id for administrators: diagrams and clients migrated from Camunda expect it. */
export const ADMIN_GROUP_ID = 'camunda-admin';

/** Creates the first admin from configuration, once, on an empty identity store. No default password exists. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    private readonly config: AppConfig,
    private readonly identity: IdentityRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.identity.countUsers()) > 0) return;
    if (!this.config.admin) {
      this.logger.warn(
        'No users exist yet. Set CONVEYOR_ADMIN_USER and CONVEYOR_ADMIN_PASSWORD to create the first admin.',
      );
      return;
    }
    const { user, password } = this.config.admin;
    const created = await this.identity.createUserInGroup(
      { id: user, firstName: user, passwordHash: await hashPassword(password) },
      { id: ADMIN_GROUP_ID, name: 'Administrators', type: 'SYSTEM' },
    );
    if (created) this.logger.log(`Created the first admin user "${user}"`);
  }
}
