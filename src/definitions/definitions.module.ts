import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config.js';
import { JobsRepositoriesModule } from '../jobs/jobs-repositories.module.js';
import { RuntimeRepositoriesModule } from '../runtime/runtime-repositories.module.js';
import { DefinitionCache } from './definition-cache.js';
import { DefinitionsRepository } from './definitions.repository.js';
import { DefinitionsService } from './definitions.service.js';
import { DeleteDeploymentCommand } from './delete-deployment.command.js';
import { DeployCommand } from './deploy.command.js';
import { DeploymentController } from './deployment.controller.js';
import { ProcessDefinitionController } from './process-definition.controller.js';
import { ProcessesDirectoryDeployer } from './processes-directory.deployer.js';
import { StartEventRegistry } from './start-event.registry.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [AppConfig],
      // Uploads are held in memory only up to the deployment size limit.
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.maxDeploymentBytes, files: 50, fields: 20 },
      }),
    }),
    RuntimeRepositoriesModule,
    JobsRepositoriesModule,
  ],
  controllers: [DeploymentController, ProcessDefinitionController],
  providers: [
    DefinitionsRepository,
    DefinitionsService,
    DefinitionCache,
    DeployCommand,
    DeleteDeploymentCommand,
    StartEventRegistry,
    ProcessesDirectoryDeployer,
  ],
  exports: [DefinitionsService, DefinitionCache, DefinitionsRepository],
})
export class DefinitionsModule {}
