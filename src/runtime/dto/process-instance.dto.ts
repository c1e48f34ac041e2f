import {
  serializeVariable,
  type SerializedVariable,
  type StoredVariable,
} from '../../common/variables/index.js';
import type { InstanceRow } from '../instance.repository.js';

/** Camunda's ProcessInstanceDto. */
export interface ProcessInstanceDto {
  links: { method: string; href: string; rel: string }[];
  id: string;
  definitionId: string;
  businessKey: string | null;
  caseInstanceId: null;
  ended: boolean;
  suspended: boolean;
  tenantId: string | null;
}

/** Camunda's ProcessInstanceWithVariablesDto (the answer of …/start). */
export interface ProcessInstanceWithVariablesDto extends ProcessInstanceDto {
  variables?: Record<string, SerializedVariable>;
}

export function toProcessInstanceDto(row: InstanceRow, ended = false): ProcessInstanceDto {
  return {
    links: [{ method: 'GET', href: `/process-instance/${row.id}`, rel: 'self' }],
    id: row.id,
    definitionId: row.definition_id,
    businessKey: row.business_key,
    caseInstanceId: null,
    ended,
    suspended: row.state === 'SUSPENDED',
    tenantId: row.tenant_id,
  };
}

export function toVariablesDto(
  variables: Map<string, StoredVariable>,
): Record<string, SerializedVariable> {
  return Object.fromEntries([...variables].map(([name, v]) => [name, serializeVariable(v)]));
}
