import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { parseSourceContext, type SourceContext } from '../engine/source-context.js';
import { DefinitionsRepository } from './definitions.repository.js';
import type { ProcessDefinitionEntity } from './process-definition.entity.js';

export interface LoadedDefinition {
  definition: ProcessDefinitionEntity;
  source: SourceContext;
}

const CAPACITY = 500;

/**
 * Definitions with their parsed BPMN, cached per version. A deployed version never changes, so an
 * entry is always valid; the least recently used ones are dropped beyond the capacity.
 */
@Injectable()
export class DefinitionCache {
  private readonly entries = new Map<string, Promise<LoadedDefinition>>();

  constructor(private readonly repository: DefinitionsRepository) {}

  /**
   * Inside a transaction pass its manager: the embedded database has a single connection, so a
   * query outside the transaction would wait for it forever.
   */
  get(definitionId: string, tx?: EntityManager): Promise<LoadedDefinition> {
    const cached = this.entries.get(definitionId);
    if (cached) {
      this.entries.delete(definitionId);
      this.entries.set(definitionId, cached);
      return cached;
    }
    const loading = this.load(definitionId, tx);
    this.entries.set(definitionId, loading);
    loading.catch(() => this.entries.delete(definitionId));
    if (this.entries.size > CAPACITY)
      this.entries.delete(this.entries.keys().next().value as string);
    return loading;
  }

  forget(definitionIds: string[]): void {
    for (const id of definitionIds) this.entries.delete(id);
  }

  private async load(definitionId: string, tx?: EntityManager): Promise<LoadedDefinition> {
    const definition = await this.repository.findDefinition(definitionId, tx);
    if (!definition) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `No process definition found with id '${definitionId}'`,
      );
    }
    const resource = await this.repository.findResource(
      definition.deploymentId,
      definition.resourceName,
      tx,
    );
    if (!resource) {
      throw new ConveyorError(
        ErrorCode.NotFound,
        `Resource ${definition.resourceName} of ${definitionId} is missing`,
      );
    }
    return { definition, source: await parseSourceContext(resource.content) };
  }
}
