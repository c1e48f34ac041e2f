import { formatCamundaDate } from '../../common/variables/camunda-date.js';
import type { DeploymentEntity, DeploymentResourceEntity } from '../deployment.entity.js';
import type { ProcessDefinitionEntity } from '../process-definition.entity.js';
import { toProcessDefinitionDto, type ProcessDefinitionDto } from './process-definition.dto.js';

/** Camunda's DeploymentDto. */
export interface DeploymentDto {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: string;
  links: { method: string; href: string; rel: string }[];
}

/** Camunda's DeploymentWithDefinitionsDto, the answer of POST /deployment/create. */
export interface DeploymentWithDefinitionsDto extends DeploymentDto {
  deployedProcessDefinitions: Record<string, ProcessDefinitionDto> | null;
  deployedCaseDefinitions: null;
  deployedDecisionDefinitions: null;
  deployedDecisionRequirementsDefinitions: null;
}

export interface DeploymentResourceDto {
  id: string;
  name: string;
  deploymentId: string;
}

export function toDeploymentDto(d: DeploymentEntity): DeploymentDto {
  return {
    id: d.id,
    name: d.name,
    source: d.source,
    tenantId: d.tenantId,
    deploymentTime: formatCamundaDate(d.deploymentTime),
    links: [{ method: 'GET', href: `/deployment/${d.id}`, rel: 'self' }],
  };
}

export function toDeploymentWithDefinitionsDto(
  d: DeploymentEntity,
  definitions: ProcessDefinitionEntity[] | null,
): DeploymentWithDefinitionsDto {
  return {
    ...toDeploymentDto(d),
    deployedProcessDefinitions: definitions
      ? Object.fromEntries(definitions.map((def) => [def.id, toProcessDefinitionDto(def)]))
      : null,
    deployedCaseDefinitions: null,
    deployedDecisionDefinitions: null,
    deployedDecisionRequirementsDefinitions: null,
  };
}

export function toDeploymentResourceDto(r: DeploymentResourceEntity): DeploymentResourceDto {
  return { id: r.id, name: r.name, deploymentId: r.deploymentId };
}
