import { request } from './client.js';
import type { ProcessDefinition } from './definitions.js';

export function processDefinition(id: string): Promise<ProcessDefinition> {
  return request<ProcessDefinition>(`/engine-rest/process-definition/${encodeURIComponent(id)}`);
}
