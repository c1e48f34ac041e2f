import { Module } from '@nestjs/common';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { IdentityRepository } from './identity.repository.js';

@Module({
  providers: [IdentityRepository, AdminBootstrapService],
  exports: [IdentityRepository],
})
export class IdentityModule {}
