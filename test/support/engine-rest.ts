import request from 'supertest';
import type { App } from 'supertest/types.js';

/** Small helpers over /engine-rest for tests: deploy a BPMN text, start, find and complete tasks. */
export class EngineRest {
  constructor(private readonly http: App) {}

  async deploy(
    xml: string,
    name = 'test.bpmn',
    fields: Record<string, string> = {},
  ): Promise<request.Response> {
    let req = request(this.http).post('/engine-rest/deployment/create');
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    return req.attach('data', Buffer.from(xml), name);
  }

  async deployOk(
    xml: string,
    name = 'test.bpmn',
  ): Promise<Record<string, { id: string; key: string; version: number }>> {
    const res = await this.deploy(xml, name);
    if (res.status !== 200)
      throw new Error(`deployment failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.deployedProcessDefinitions;
  }

  async start(
    key: string,
    body: Record<string, unknown> = {},
  ): Promise<{ id: string; ended: boolean; variables?: unknown }> {
    const res = await request(this.http)
      .post(`/engine-rest/process-definition/key/${key}/start`)
      .send(body);
    if (res.status !== 200)
      throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async tasks(query: Record<string, string> = {}): Promise<
    {
      id: string;
      name: string;
      taskDefinitionKey: string;
      assignee: string | null;
      due: string | null;
    }[]
  > {
    const res = await request(this.http).get('/engine-rest/task').query(query).expect(200);
    return res.body;
  }

  async complete(
    taskId: string,
    variables: Record<string, unknown> = {},
  ): Promise<request.Response> {
    return request(this.http).post(`/engine-rest/task/${taskId}/complete`).send({ variables });
  }

  async completeOk(taskId: string, variables: Record<string, unknown> = {}): Promise<void> {
    const res = await this.complete(taskId, variables);
    if (res.status !== 204)
      throw new Error(`complete failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async instance(id: string): Promise<request.Response> {
    return request(this.http).get(`/engine-rest/process-instance/${id}`);
  }

  async variables(instanceId: string): Promise<Record<string, { value: unknown; type: string }>> {
    const res = await request(this.http)
      .get(`/engine-rest/process-instance/${instanceId}/variables`)
      .expect(200);
    return res.body;
  }

  async historicInstance(id: string): Promise<{ state: string; endTime: string | null }> {
    const res = await request(this.http).get(`/engine-rest/history/process-instance/${id}`);
    return res.body;
  }
}

/** Wraps a process body in BPMN definitions with the Camunda namespace. */
export function bpmn(body: string, id = 'Definitions_1'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions id="${id}" xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://conveyor.test">
${body}
</definitions>`;
}
