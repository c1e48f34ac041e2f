/**
 * The small part of bpmn-engine's element API that the adapter uses, typed here once so the rest
 * of the code is free of the library's `any`s.
 */
export interface ElementContent {
  id: string;
  type?: string;
  executionId: string;
  state?: string;
  parent?: { id: string; executionId: string; path?: { id: string; executionId: string }[] };
  isMultiInstance?: boolean;
  isRootScope?: boolean;
  index?: number;
  attachedTo?: string;
  expireAt?: string | Date;
  timerType?: string;
  isSequenceFlow?: boolean;
  calledElement?: string;
  message?: { id: string; name?: string; type?: string };
  signal?: { id: string; name?: string };
  output?: unknown;
  camunda?: CamundaFormat;
  isRecovered?: boolean;
  [key: string]: unknown;
}

/** What the camunda extension publishes into an activity's content when it starts. */
export interface CamundaFormat {
  assignee?: string | null;
  candidateUsers?: string[];
  candidateGroups?: string[];
  dueDate?: string | null;
  followUpDate?: string | null;
  priority?: number;
  formKey?: string | null;
  name?: string | null;
  description?: string | null;
  external?: { topic: string; priority: number };
  asyncBefore?: boolean;
}

export interface ElementApi {
  id: string;
  type: string;
  executionId: string;
  content: ElementContent;
  owner: { id: string; type: string; name?: string; execution?: { getPostponed(): ElementApi[] } };
  environment: { variables: Record<string, unknown> };
  signal(message?: unknown): void;
  sendApiMessage(action: string, content?: unknown): void;
  discard(): void;
}
