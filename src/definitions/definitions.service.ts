import { Injectable } from '@nestjs/common';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { splitList, toPage, toSort } from '../common/query/page.js';
import { DefinitionsRepository, type DefinitionFilter } from './definitions.repository.js';
import type { DeploymentQueryDto, ProcessDefinitionQueryDto } from './dto/definition-query.dto.js';
import type { DeploymentEntity, DeploymentResourceEntity } from './deployment.entity.js';
import type { ProcessDefinitionEntity } from './process-definition.entity.js';

/** Reads of deployments and process definitions (deploying is DeployCommand, deleting DeleteDeploymentCommand). */
@Injectable()
export class DefinitionsService {
  constructor(private readonly repository: DefinitionsRepository) {}

  listDefinitions(query: ProcessDefinitionQueryDto): Promise<ProcessDefinitionEntity[]> {
    return this.repository.listDefinitions(
      definitionFilter(query),
      toSort(query, 'id'),
      toPage(query),
    );
  }

  countDefinitions(query: ProcessDefinitionQueryDto): Promise<number> {
    return this.repository.countDefinitions(definitionFilter(query));
  }

  async getDefinition(id: string): Promise<ProcessDefinitionEntity> {
    const definition = await this.repository.findDefinition(id);
    if (!definition) {
      throw new ConveyorError(ErrorCode.NotFound, `No matching definition with id ${id}`);
    }
    return definition;
  }

  async getLatestByKey(key: string): Promise<ProcessDefinitionEntity> {
    const definition = await this.repository.findLatestDefinition(key);
    if (!definition) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `No matching process definition with key: ${key} and no tenant-id`,
      );
    }
    return definition;
  }

  async getXml(definition: ProcessDefinitionEntity): Promise<{ id: string; bpmn20Xml: string }> {
    const resource = await this.repository.findResource(
      definition.deploymentId,
      definition.resourceName,
    );
    return { id: definition.id, bpmn20Xml: resource?.content ?? '' };
  }

  listDeployments(query: DeploymentQueryDto): Promise<DeploymentEntity[]> {
    return this.repository.listDeployments(query, toSort(query, 'id'), toPage(query));
  }

  countDeployments(query: DeploymentQueryDto): Promise<number> {
    return this.repository.countDeployments(query);
  }

  async getDeployment(id: string): Promise<DeploymentEntity> {
    const deployment = await this.repository.findDeployment(id);
    if (!deployment)
      throw new ConveyorError(ErrorCode.NotFound, `Deployment with id '${id}' does not exist`);
    return deployment;
  }

  async listResources(deploymentId: string): Promise<DeploymentResourceEntity[]> {
    await this.getDeployment(deploymentId);
    return this.repository.listResources(deploymentId);
  }

  async getResource(deploymentId: string, resourceId: string): Promise<DeploymentResourceEntity> {
    const resource = (await this.listResources(deploymentId)).find((r) => r.id === resourceId);
    if (!resource) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Deployment resource '${resourceId}' for deployment id '${deploymentId}' does not exist.`,
      );
    }
    return resource;
  }
}

function definitionFilter(q: ProcessDefinitionQueryDto): DefinitionFilter {
  return {
    id: q.processDefinitionId,
    idIn: splitList(q.processDefinitionIdIn),
    key: q.key,
    keyIn: splitList(q.keysIn),
    keyLike: q.keyLike,
    name: q.name,
    nameLike: q.nameLike,
    deploymentId: q.deploymentId,
    category: q.category,
    version: q.version,
    versionTag: q.versionTag,
    latestVersion: q.latestVersion,
    suspended: q.suspended ?? (q.active === undefined ? undefined : !q.active),
    startableInTasklist: q.startableInTasklist,
  };
}
