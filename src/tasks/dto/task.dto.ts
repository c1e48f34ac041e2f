import { formatCamundaDate } from '../../common/variables/index.js';
import type { TaskRow } from '../task.repository.js';

/** Camunda's TaskDto. */
export interface TaskDto {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: string;
  lastUpdated: null;
  due: string | null;
  followUp: string | null;
  delegationState: string | null;
  description: string | null;
  executionId: string;
  parentTaskId: null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  caseExecutionId: null;
  caseInstanceId: null;
  caseDefinitionId: null;
  suspended: boolean;
  formKey: string | null;
  camundaFormRef: null;
  tenantId: string | null;
  /** Conveyor, with withCandidateGroupsInReturn: the task's candidate groups. */
  candidateGroups?: string[];
}

export function toTaskDto(t: TaskRow): TaskDto {
  return {
    id: t.id,
    name: t.name,
    assignee: t.assignee,
    owner: t.owner,
    created: formatCamundaDate(t.created),
    lastUpdated: null,
    due: t.due_date ? formatCamundaDate(t.due_date) : null,
    followUp: t.follow_up_date ? formatCamundaDate(t.follow_up_date) : null,
    delegationState: t.delegation_state,
    description: t.description,
    executionId: t.execution_id,
    parentTaskId: null,
    priority: t.priority,
    processDefinitionId: t.definition_id,
    processInstanceId: t.instance_id,
    taskDefinitionKey: t.activity_id,
    caseExecutionId: null,
    caseInstanceId: null,
    caseDefinitionId: null,
    suspended: t.suspended,
    formKey: t.form_key,
    camundaFormRef: null,
    tenantId: t.tenant_id,
  };
}
