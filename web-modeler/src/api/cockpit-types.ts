/**
 * The shapes of the /engine-rest answers the cockpit reads (Camunda 7 DTOs, the fields it uses).
 * Kept free of imports so the cockpit's pure logic, and its unit specs in node, can use them
 * without the browser's fetch client.
 */

/** The fields of Camunda's ProcessDefinitionDto the cockpit uses (api/definitions.ts has the same). */
export interface DefinitionVersion {
  id: string;
  key: string;
  name: string | null;
  version: number;
}

/** Camunda's IncidentStatisticsResultDto. */
export interface IncidentCount {
  incidentType: string;
  incidentCount: number;
}

/** Camunda's ActivityStatisticsResultDto: instances waiting at an activity, and its incidents. */
export interface ActivityStatistics {
  id: string;
  instances: number;
  failedJobs: number;
  incidents: IncidentCount[];
}

/**
 * Camunda's ProcessDefinitionStatisticsResultDto. Conveyor lists only definitions with running
 * instances or incidents (the ones the caller may see): a definition missing here counts zero.
 */
export interface DefinitionStatistics extends ActivityStatistics {
  definition: DefinitionVersion;
}

/** A typed variable as /engine-rest sends and receives it. */
export interface VariableValue {
  value: unknown;
  type: string;
  valueInfo?: Record<string, unknown>;
}

/** Camunda's HistoricProcessInstanceDto (the fields the cockpit shows). */
export interface HistoricInstance {
  id: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: string | null;
  endTime: string | null;
  startUserId: string | null;
  deleteReason: string | null;
  /** ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED */
  state: string;
}

/** Camunda's HistoricVariableInstanceDto (the fields the cockpit shows). */
export interface HistoricVariable {
  name: string;
  type: string;
  value: unknown;
  state: string;
}

/** Camunda's JobDto (with Conveyor's activityId and type). */
export interface Job {
  id: string;
  processInstanceId: string | null;
  exceptionMessage: string | null;
  retries: number;
  dueDate: string | null;
  suspended: boolean;
  activityId?: string | null;
  /** Conveyor's job kind, e.g. timer or async continuation. */
  type?: string;
}

/** Camunda's IncidentDto (the fields the cockpit shows). */
export interface Incident {
  id: string;
  processInstanceId: string | null;
  incidentTimestamp: string;
  /** failedJob or failedExternalTask */
  incidentType: string;
  activityId: string | null;
  /** The failed job's or external task's id. */
  configuration: string | null;
  incidentMessage: string | null;
}

/** Camunda's HistoricActivityInstanceDto (the fields the cockpit uses). */
export interface HistoricActivity {
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  taskId: string | null;
  assignee: string | null;
  startTime: string | null;
  endTime: string | null;
  durationInMillis: number | null;
  canceled: boolean;
}

/** Camunda's UserOperationLogEntryDto (the fields the cockpit shows). */
export interface UserOperation {
  id: string;
  userId: string | null;
  timestamp: string;
  operationId: string;
  operationType: string;
  entityType: string;
  property: string | null;
  orgValue: string | null;
  newValue: string | null;
  taskId: string | null;
  jobId: string | null;
}

/** Camunda's TaskDto: the fields the cockpit shows. */
export interface CockpitTask {
  id: string;
  name: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  /** Only when asked for with withCandidateGroupsInReturn (a Conveyor addition to TaskDto). */
  candidateGroups?: string[];
}
