import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { DefinitionCache } from './definition-cache.js';
import { DefinitionsRepository } from './definitions.repository.js';

/** DELETE /deployment/{id}: refused while instances run, unless cascade deletes them (and their history) too. */
@Injectable()
export class DeleteDeploymentCommand {
  constructor(
    private readonly repository: DefinitionsRepository,
    private readonly cache: DefinitionCache,
  ) {}

  async execute(id: string, cascade: boolean): Promise<void> {
    const definitions = await this.repository.definitionsOfDeployment(id);
    await this.repository.inDeploymentLock(async (tx) => {
      if (!(await this.repository.lockDeployment(tx, id))) {
        throw new ConveyorError(ErrorCode.NotFound, `Deployment with id '${id}' do not exist`);
      }
      if (cascade) {
        await this.repository.deleteDeploymentCascade(tx, id);
        return;
      }
      const running = await this.repository.countInstancesOfDeployment(tx, id);
      if (running > 0) {
        throw new ConveyorError(
          ErrorCode.InvalidRequest,
          `Deletion of process definition without cascading failed. There are ${running} dependent process instances. Use cascade=true to delete them.`,
        );
      }
      await this.repository.deleteDeployment(tx, id);
    });
    this.cache.forget(definitions.map((d) => d.id));
  }
}
