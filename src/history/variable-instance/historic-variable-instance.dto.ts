import {
  formatCamundaDate,
  serializeVariable,
  type VariableType,
} from '../../common/variables/index.js';
import type { HistoricVariableRow } from './historic-variable-instance.repository.js';

/** Camunda's HistoricVariableInstanceDto: a typed value plus where and when it lived. */
export interface HistoricVariableInstanceDto {
  id: string;
  name: string;
  type: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string;
  executionId: string | null;
  activityInstanceId: string | null;
  caseDefinitionKey: null;
  caseDefinitionId: null;
  caseInstanceId: null;
  caseExecutionId: null;
  taskId: string | null;
  tenantId: string | null;
  errorMessage: null;
  state: string;
  createTime: string;
  removalTime: null;
  rootProcessInstanceId: string;
}

export function toHistoricVariableInstanceDto(
  row: HistoricVariableRow,
  deserializeValue = true,
): HistoricVariableInstanceDto {
  const { value, type, valueInfo } = serializeVariable(
    { type: row.type as VariableType, value: row.value, valueInfo: row.value_info ?? undefined },
    { deserializeValue },
  );
  return {
    id: row.id,
    name: row.name,
    type,
    value,
    valueInfo,
    processDefinitionKey: row.definition_key,
    processDefinitionId: row.definition_id,
    processInstanceId: row.instance_id,
    executionId: row.execution_id,
    activityInstanceId: row.activity_instance_id,
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: row.task_id,
    tenantId: row.tenant_id,
    errorMessage: null,
    state: row.state,
    createTime: formatCamundaDate(row.created),
    removalTime: null,
    rootProcessInstanceId: row.root_instance_id,
  };
}
