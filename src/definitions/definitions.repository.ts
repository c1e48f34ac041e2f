import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Page } from '../common/query/paging.dto.js';
import { DeploymentEntity, DeploymentResourceEntity } from './deployment.entity.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';

export interface DefinitionFilter {
  id?: string;
  idIn?: string[];
  key?: string;
  keyIn?: string[];
  keyLike?: string;
  name?: string;
  nameLike?: string;
  deploymentId?: string;
  category?: string;
  version?: number;
  versionTag?: string;
  latestVersion?: boolean;
  suspended?: boolean;
  startableInTasklist?: boolean;
}

export interface DeploymentFilter {
  id?: string;
  name?: string;
  nameLike?: string;
  source?: string;
  after?: Date;
  before?: Date;
}

const DEFINITION_SORT: Record<string, string> = {
  id: 'd.id',
  key: 'd.key',
  name: 'd.name',
  version: 'd.version',
  category: 'd.category',
  deploymentId: 'd.deployment_id',
  versionTag: 'd.version_tag',
  tenantId: 'd.tenant_id',
  deployTime: 'dep.deployment_time',
};

const DEPLOYMENT_SORT: Record<string, string> = {
  id: 'dep.id',
  name: 'dep.name',
  deploymentTime: 'dep.deployment_time',
  tenantId: 'dep.tenant_id',
};

/** All SQL on deployments, their resources and process definitions. */
@Injectable()
export class DefinitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction that holds the deployment lock: versions are assigned one deployment at a time. */
  inDeploymentLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('conveyor.deployment'))`);
      return work(tx);
    });
  }

  async latestVersions(tx: EntityManager, keys: string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { key: string; version: number }[] = await tx.query(
      `SELECT key, max(version)::int AS version FROM process_definition WHERE key = ANY($1) GROUP BY key`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, row.version]));
  }

  /** The checksum of the newest resource of each name among deployments with that deployment name. */
  async latestChecksums(
    tx: EntityManager,
    deploymentName: string | null,
    resourceNames: string[],
  ): Promise<Map<string, { checksum: string; deploymentId: string }>> {
    const rows: { name: string; checksum: string; deployment_id: string }[] = await tx.query(
      `SELECT DISTINCT ON (r.name) r.name, r.checksum, r.deployment_id
         FROM deployment_resource r JOIN deployment dep ON dep.id = r.deployment_id
        WHERE r.name = ANY($1) AND dep.name IS NOT DISTINCT FROM $2
        ORDER BY r.name, dep.deployment_time DESC`,
      [resourceNames, deploymentName],
    );
    return new Map(
      rows.map((r) => [r.name, { checksum: r.checksum, deploymentId: r.deployment_id }]),
    );
  }

  async insertDeployment(
    tx: EntityManager,
    deployment: DeploymentEntity,
    resources: DeploymentResourceEntity[],
    definitions: ProcessDefinitionEntity[],
  ): Promise<void> {
    await tx.getRepository(DeploymentEntity).insert(deployment);
    if (resources.length > 0) await tx.getRepository(DeploymentResourceEntity).insert(resources);
    if (definitions.length > 0) await tx.getRepository(ProcessDefinitionEntity).insert(definitions);
  }

  findDefinition(id: string, tx?: EntityManager): Promise<ProcessDefinitionEntity | null> {
    return (tx ?? this.dataSource).getRepository(ProcessDefinitionEntity).findOneBy({ id });
  }

  findLatestDefinition(key: string, tx?: EntityManager): Promise<ProcessDefinitionEntity | null> {
    return (tx ?? this.dataSource)
      .getRepository(ProcessDefinitionEntity)
      .findOne({ where: { key }, order: { version: 'DESC' } });
  }

  async findResource(
    deploymentId: string,
    name: string,
    tx?: EntityManager,
  ): Promise<DeploymentResourceEntity | null> {
    return (tx ?? this.dataSource)
      .getRepository(DeploymentResourceEntity)
      .findOneBy({ deploymentId, name });
  }

  listResources(deploymentId: string): Promise<DeploymentResourceEntity[]> {
    return this.dataSource
      .getRepository(DeploymentResourceEntity)
      .find({ where: { deploymentId }, order: { name: 'ASC' } });
  }

  listDefinitions(
    filter: DefinitionFilter,
    sort: { by: string; order: 'ASC' | 'DESC' },
    page: Page,
  ): Promise<ProcessDefinitionEntity[]> {
    return this.definitionQuery(filter)
      .orderBy(DEFINITION_SORT[sort.by] ?? 'd.id', sort.order)
      .addOrderBy('d.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
  }

  countDefinitions(filter: DefinitionFilter): Promise<number> {
    return this.definitionQuery(filter).getCount();
  }

  definitionsOfDeployment(deploymentId: string): Promise<ProcessDefinitionEntity[]> {
    return this.dataSource.getRepository(ProcessDefinitionEntity).findBy({ deploymentId });
  }

  findDeployment(id: string): Promise<DeploymentEntity | null> {
    return this.dataSource.getRepository(DeploymentEntity).findOneBy({ id });
  }

  listDeployments(
    filter: DeploymentFilter,
    sort: { by: string; order: 'ASC' | 'DESC' },
    page: Page,
  ): Promise<DeploymentEntity[]> {
    return this.deploymentQuery(filter)
      .orderBy(DEPLOYMENT_SORT[sort.by] ?? 'dep.id', sort.order)
      .addOrderBy('dep.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
  }

  countDeployments(filter: DeploymentFilter): Promise<number> {
    return this.deploymentQuery(filter).getCount();
  }

  async lockDeployment(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>(`SELECT id FROM deployment WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows.length > 0;
  }

  async countInstancesOfDeployment(tx: EntityManager, id: string): Promise<number> {
    const [row] = await tx.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM process_instance i JOIN process_definition d ON d.id = i.definition_id
        WHERE d.deployment_id = $1`,
      [id],
    );
    return row.count;
  }

  /**
   * Deletes a deployment with its definitions, their running instances (runtime rows follow by
   * foreign key) and their history.
   */
  async deleteDeploymentCascade(tx: EntityManager, id: string): Promise<void> {
    const definitions = `SELECT id FROM process_definition WHERE deployment_id = $1`;
    await tx.query(`DELETE FROM process_instance WHERE definition_id IN (${definitions})`, [id]);
    await tx.query(
      `DELETE FROM history_variable WHERE instance_id IN
         (SELECT id FROM history_process_instance WHERE definition_id IN (${definitions}))`,
      [id],
    );
    for (const table of ['history_process_instance', 'history_activity_instance', 'history_task']) {
      await tx.query(`DELETE FROM ${table} WHERE definition_id IN (${definitions})`, [id]);
    }
    await tx.query(`DELETE FROM deployment WHERE id = $1`, [id]);
  }

  async deleteDeployment(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM deployment WHERE id = $1`, [id]);
  }

  private definitionQuery(f: DefinitionFilter): SelectQueryBuilder<ProcessDefinitionEntity> {
    const q = this.dataSource
      .getRepository(ProcessDefinitionEntity)
      .createQueryBuilder('d')
      .innerJoin(DeploymentEntity, 'dep', 'dep.id = d.deployment_id');
    if (f.id !== undefined) q.andWhere('d.id = :id', { id: f.id });
    if (f.idIn) q.andWhere('d.id = ANY(:idIn)', { idIn: f.idIn });
    if (f.key !== undefined) q.andWhere('d.key = :key', { key: f.key });
    if (f.keyIn) q.andWhere('d.key = ANY(:keyIn)', { keyIn: f.keyIn });
    if (f.keyLike !== undefined) q.andWhere('d.key LIKE :keyLike', { keyLike: f.keyLike });
    if (f.name !== undefined) q.andWhere('d.name = :name', { name: f.name });
    if (f.nameLike !== undefined) q.andWhere('d.name LIKE :nameLike', { nameLike: f.nameLike });
    if (f.deploymentId !== undefined) q.andWhere('d.deployment_id = :dep', { dep: f.deploymentId });
    if (f.category !== undefined) q.andWhere('d.category = :category', { category: f.category });
    if (f.version !== undefined) q.andWhere('d.version = :version', { version: f.version });
    if (f.versionTag !== undefined) q.andWhere('d.version_tag = :tag', { tag: f.versionTag });
    if (f.suspended !== undefined)
      q.andWhere('d.suspended = :suspended', { suspended: f.suspended });
    if (f.startableInTasklist !== undefined) {
      q.andWhere('d.startable_in_tasklist = :startable', { startable: f.startableInTasklist });
    }
    if (f.latestVersion) {
      q.andWhere(
        'd.version = (SELECT max(l.version) FROM process_definition l WHERE l.key = d.key)',
      );
    }
    return q;
  }

  private deploymentQuery(f: DeploymentFilter): SelectQueryBuilder<DeploymentEntity> {
    const q = this.dataSource.getRepository(DeploymentEntity).createQueryBuilder('dep');
    if (f.id !== undefined) q.andWhere('dep.id = :id', { id: f.id });
    if (f.name !== undefined) q.andWhere('dep.name = :name', { name: f.name });
    if (f.nameLike !== undefined) q.andWhere('dep.name LIKE :nameLike', { nameLike: f.nameLike });
    if (f.source !== undefined) q.andWhere('dep.source = :source', { source: f.source });
    if (f.after) q.andWhere('dep.deployment_time > :after', { after: f.after });
    if (f.before) q.andWhere('dep.deployment_time < :before', { before: f.before });
    return q;
  }
}
