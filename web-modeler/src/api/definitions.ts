import { request } from './client.js';

/** The fields of Camunda's ProcessDefinitionDto the web app uses. */
export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
}

/** Every deployed version of every process, by key then newest version first. */
export function listProcessDefinitions(): Promise<ProcessDefinition[]> {
  return request<ProcessDefinition[]>('/engine-rest/process-definition', {
    query: { sortBy: 'key', sortOrder: 'asc', maxResults: 1000 },
  }).then((definitions) =>
    definitions.sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version),
  );
}

export async function processDefinitionXml(id: string): Promise<string> {
  const body = await request<{ id: string; bpmn20Xml: string }>(
    `/engine-rest/process-definition/${encodeURIComponent(id)}/xml`,
  );
  return body.bpmn20Xml;
}

export interface DeploymentResult {
  id: string;
  name: string | null;
  deployedProcessDefinitions: Record<string, ProcessDefinition> | null;
}

/** POST /engine-rest/deployment/create with one .bpmn file; unchanged diagrams are not redeployed. */
export function deployDiagram(
  name: string,
  fileName: string,
  xml: string,
): Promise<DeploymentResult> {
  const form = new FormData();
  form.set('deployment-name', name);
  form.set('deployment-source', 'Conveyor Modeler');
  form.set('enable-duplicate-filtering', 'true');
  form.set('data', new Blob([xml], { type: 'application/octet-stream' }), fileName);
  return request<DeploymentResult>('/engine-rest/deployment/create', {
    method: 'POST',
    body: form,
  });
}
