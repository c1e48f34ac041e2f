import type { ProcessDefinitionEntity } from '../process-definition.entity.js';

/** Camunda's ProcessDefinitionDto. */
export interface ProcessDefinitionDto {
  id: string;
  key: string;
  category: string | null;
  description: string | null;
  name: string | null;
  version: number;
  resource: string;
  deploymentId: string;
  diagram: null;
  suspended: boolean;
  tenantId: string | null;
  versionTag: string | null;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
}

export function toProcessDefinitionDto(d: ProcessDefinitionEntity): ProcessDefinitionDto {
  return {
    id: d.id,
    key: d.key,
    category: d.category,
    description: d.description,
    name: d.name,
    version: d.version,
    resource: d.resourceName,
    deploymentId: d.deploymentId,
    diagram: null,
    suspended: d.suspended,
    tenantId: d.tenantId,
    versionTag: d.versionTag,
    historyTimeToLive: d.historyTimeToLive,
    startableInTasklist: d.startableInTasklist,
  };
}
