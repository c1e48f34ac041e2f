import { Injectable } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';
import { isStorableText } from '../common/variables/json-safety.js';
import { AppConfig } from '../config/app-config.js';
import { assertExpressionSyntax } from '../engine/expressions/index.js';
import { DefinitionsRepository } from './definitions.repository.js';
import { DeploymentEntity, DeploymentResourceEntity } from './deployment.entity.js';
import { ProcessDefinitionEntity } from './process-definition.entity.js';
import { StartEventRegistry } from './start-event.registry.js';
import {
  BpmnValidationError,
  problemsInResponse,
  validateBpmn,
  type BpmnProblem,
  type ValidatedBpmn,
} from './validation/index.js';

export interface DeployRequest {
  name: string | null;
  source: string | null;
  tenantId: string | null;
  enableDuplicateFiltering: boolean;
  deployChangedOnly: boolean;
  resources: { name: string; content: Buffer }[];
}

export interface DeployResult {
  deployment: DeploymentEntity;
  /** null when duplicate filtering found nothing new and returned the previous deployment. */
  definitions: ProcessDefinitionEntity[] | null;
}

const BPMN_RESOURCE = /\.bpmn(20\.xml)?$/i;

/**
 * Deploys BPMN resources: validates every file before storing anything, then assigns each process
 * key its next version under the deployment lock, and registers the new versions' start events.
 */
@Injectable()
export class DeployCommand {
  constructor(
    private readonly repository: DefinitionsRepository,
    private readonly startEvents: StartEventRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(request: DeployRequest): Promise<DeployResult> {
    if (request.resources.length === 0) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        'No deployment resources contained in the form upload.',
      );
    }
    assertStorable(request);
    const parsed = await this.validateAll(request.resources);

    return this.repository.inDeploymentLock(async (tx) => {
      const checksums = request.resources.map((r) => ({ ...r, checksum: sha256(r.content) }));
      const previous = await this.repository.latestChecksums(
        tx,
        request.name,
        checksums.map((r) => r.name),
      );
      const changed = checksums.filter((r) => previous.get(r.name)?.checksum !== r.checksum);
      if (request.enableDuplicateFiltering && changed.length === 0) {
        const existingId = previous.get(checksums[0].name)?.deploymentId;
        const existing = existingId
          ? await tx.getRepository(DeploymentEntity).findOneBy({ id: existingId })
          : null;
        if (existing) return { deployment: existing, definitions: null };
      }
      const toDeploy =
        request.enableDuplicateFiltering && request.deployChangedOnly ? changed : checksums;
      return this.store(tx, request, toDeploy, parsed);
    });
  }

  private async validateAll(
    resources: DeployRequest['resources'],
  ): Promise<Map<string, ValidatedBpmn>> {
    const parsed = new Map<string, ValidatedBpmn>();
    const problems: string[] = [];
    const report: Record<string, ResourceReport> = {};
    for (const resource of resources) {
      if (!BPMN_RESOURCE.test(resource.name)) continue;
      try {
        parsed.set(
          resource.name,
          await validateBpmn(resource.content, {
            maxBytes: this.config.maxDeploymentBytes,
            checkExpression: assertExpressionSyntax,
          }),
        );
      } catch (error) {
        if (!(error instanceof BpmnValidationError)) throw error;
        problems.push(`${resource.name}: ${error.message}`);
        report[resource.name] = { errors: problemDtos(error.problems), warnings: [] };
      }
    }
    if (problems.length > 0) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `ENGINE-09005 Could not parse BPMN process. ${problems.join(' | ')}`,
        'ParseException',
        report,
      );
    }
    return parsed;
  }

  private async store(
    tx: EntityManager,
    request: DeployRequest,
    resources: { name: string; content: Buffer; checksum: string }[],
    parsed: Map<string, ValidatedBpmn>,
  ): Promise<DeployResult> {
    const deployment = Object.assign(new DeploymentEntity(), {
      id: randomUUID(),
      name: request.name,
      source: request.source,
      tenantId: request.tenantId,
      deploymentTime: this.clock.now(),
    });
    const processes = resources.flatMap((r) =>
      (parsed.get(r.name)?.processes ?? []).map((process) => ({
        resource: r.name,
        bpmn: parsed.get(r.name)!,
        process,
      })),
    );
    const keys = processes.map((p) => p.process.id);
    if (new Set(keys).size !== keys.length) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The deployment contains the process key '${duplicateOf(keys)}' twice`,
      );
    }
    const latest = await this.repository.latestVersions(tx, keys);
    const definitions = processes.map(({ resource, bpmn, process }) => {
      const version = (latest.get(process.id) ?? 0) + 1;
      return Object.assign(new ProcessDefinitionEntity(), {
        id: `${process.id}:${version}:${randomUUID()}`,
        key: process.id,
        version,
        name: process.name ?? null,
        category: bpmn.targetNamespace ?? null,
        description: process.documentation ?? null,
        deploymentId: deployment.id,
        resourceName: resource,
        versionTag: process.versionTag ?? null,
        historyTimeToLive: process.historyTimeToLive ?? null,
        startableInTasklist: process.startableInTasklist,
        hasStartFormKey: process.hasStartFormKey,
        suspended: false,
        tenantId: request.tenantId,
      });
    });
    await this.repository.insertDeployment(
      tx,
      deployment,
      resources.map((r) =>
        Object.assign(new DeploymentResourceEntity(), {
          id: randomUUID(),
          deploymentId: deployment.id,
          name: r.name,
          content: r.content.toString('utf8'),
          checksum: r.checksum,
        }),
      ),
      definitions,
    );
    for (const [i, definition] of definitions.entries()) {
      await this.startEvents.register(tx, definition, processes[i].process.startEvents);
    }
    return { deployment, definitions };
  }
}

/** Column sizes of deployment and deployment_resource: longer values are the caller's mistake. */
const FIELD_LIMITS = { name: 255, source: 255, tenantId: 64 } as const;
const MAX_RESOURCE_NAME_LENGTH = 255;

/** Refuses what the deployment tables cannot hold, before anything is parsed or stored. */
function assertStorable(request: DeployRequest): void {
  for (const [field, limit] of Object.entries(FIELD_LIMITS)) {
    const value = request[field as keyof typeof FIELD_LIMITS];
    if (value !== null && (value.length > limit || !isStorableText(value))) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The deployment ${field} must be at most ${limit} characters without NUL`,
      );
    }
  }
  for (const resource of request.resources) {
    if (resource.name.length > MAX_RESOURCE_NAME_LENGTH || !isStorableText(resource.name)) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `A resource name must be at most ${MAX_RESOURCE_NAME_LENGTH} characters without NUL`,
      );
    }
    // Resources are stored as text: binary files (or text with NUL) have no place in a deployment.
    if (resource.content.includes(0) || !isUtf8(resource.content)) {
      throw new ConveyorError(
        ErrorCode.InvalidRequest,
        `The resource '${resource.name.slice(0, 100)}' is not UTF-8 text`,
      );
    }
  }
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function duplicateOf(keys: string[]): string {
  return keys.find((key, i) => keys.indexOf(key) !== i) ?? '';
}

/** Camunda's ParseException report of one resource (ResourceReportDto). */
interface ResourceReport {
  errors: ProblemDto[];
  warnings: ProblemDto[];
}

/** Camunda's ProblemDto; the validator knows the element of a problem, not its line. */
interface ProblemDto {
  message: string;
  line: null;
  column: null;
  mainElementId: string | null;
  elementIds: string[];
}

/** The first problems as Camunda's ProblemDto, and how many more there are as a last one. */
function problemDtos(problems: readonly BpmnProblem[]): ProblemDto[] {
  const { shown, more } = problemsInResponse(problems);
  const dtos = shown.map(toProblemDto);
  if (more > 0) dtos.push(toProblemDto({ message: `and ${more} more` }));
  return dtos;
}

function toProblemDto(problem: BpmnProblem): ProblemDto {
  const elementId = problem.elementId ?? null;
  return {
    message: problem.message,
    line: null,
    column: null,
    mainElementId: elementId,
    elementIds: elementId ? [elementId] : [],
  };
}
