// Drives the three-task process through Conveyor's Camunda REST API with N concurrent clients.
import { performance } from 'node:perf_hooks';

const EXPECTED_TASKS = ['a', 'b', 'c'];

/** The admin every benchmarked service is started with (conveyor-service.js). */
export const BENCH_ADMIN = { user: 'bench-admin', password: 'bench-password-1' };

/**
 * The Basic authorization header of `user` signing in with the bench admin's password (benches
 * give the users they create the admin's password hash).
 */
export const basicAuthorization = (user = BENCH_ADMIN.user) =>
  `Basic ${globalThis.Buffer.from(`${user}:${BENCH_ADMIN.password}`).toString('base64')}`;
const AUTHORIZATION = basicAuthorization();

/** A failed request: what was called, the status (or network error) and the body Conveyor sent. */
export class RequestError extends Error {
  constructor(step, detail) {
    super(`${step}: ${detail}`);
    this.step = step;
  }
}

/**
 * One HTTP call, timed and recorded under `step` in `latencies`. Throws RequestError on a
 * network error, a timeout or an unexpected status; returns the parsed JSON body (or null).
 */
export async function call(baseUrl, step, method, path, { body, expect, latencies, timeoutMs }) {
  const t0 = performance.now();
  let response;
  let text;
  try {
    response = await globalThis.fetch(baseUrl + path, {
      method,
      headers:
        body === undefined
          ? { authorization: AUTHORIZATION }
          : { authorization: AUTHORIZATION, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: globalThis.AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const reason =
      error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message;
    throw new RequestError(step, `${method} ${path} failed: ${reason} ${error.cause?.code ?? ''}`);
  }
  latencies?.[step].push(performance.now() - t0);
  if (response.status !== expect) {
    throw new RequestError(step, `${method} ${path} → ${response.status} ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : null;
}

/** Deploys a BPMN file through POST /engine-rest/deployment/create (multipart). */
export async function deploy(baseUrl, fileName, xml, name = 'engine-vs-rest bench') {
  const form = new globalThis.FormData();
  form.append('deployment-name', name);
  form.append('data', new globalThis.Blob([xml], { type: 'application/octet-stream' }), fileName);
  const response = await globalThis.fetch(`${baseUrl}/engine-rest/deployment/create`, {
    method: 'POST',
    headers: { authorization: AUTHORIZATION },
    body: form,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`deployment failed: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** Starts one instance and completes its tasks one by one until none is left. */
async function runInstance(baseUrl, key, options) {
  const instance = await call(
    baseUrl,
    'start',
    'POST',
    `/engine-rest/process-definition/key/${key}/start`,
    {
      ...options,
      body: {},
      expect: 200,
    },
  );
  const completed = [];
  for (;;) {
    const tasks = await call(
      baseUrl,
      'listTasks',
      'GET',
      `/engine-rest/task?processInstanceId=${instance.id}`,
      {
        ...options,
        expect: 200,
      },
    );
    if (tasks.length === 0) break;
    if (tasks.length !== 1 || completed.length >= EXPECTED_TASKS.length) {
      throw new RequestError(
        'listTasks',
        `unexpected tasks ${JSON.stringify(tasks.map((t) => t.taskDefinitionKey))} after ${completed.join()}`,
      );
    }
    await call(baseUrl, 'complete', 'POST', `/engine-rest/task/${tasks[0].id}/complete`, {
      ...options,
      body: {},
      expect: 204,
    });
    completed.push(tasks[0].taskDefinitionKey);
  }
  if (completed.join() !== EXPECTED_TASKS.join()) {
    throw new RequestError(
      'listTasks',
      `instance ${instance.id} ended after tasks [${completed.join()}]`,
    );
  }
}

/**
 * Runs `concurrency` client loops until `instances` instances were started or `seconds` passed,
 * whichever comes first (instances in flight at the deadline are finished and counted).
 * Stops early after `maxErrors` failed instances.
 */
export async function runClients(
  baseUrl,
  key,
  { concurrency, instances, seconds, timeoutMs, maxErrors = 20 },
) {
  const latencies = { start: [], listTasks: [], complete: [] };
  const instanceMs = [];
  const errors = [];
  let launched = 0;
  const deadline = performance.now() + seconds * 1000;
  const began = performance.now();

  const client = async () => {
    while (launched < instances && performance.now() < deadline && errors.length < maxErrors) {
      launched++;
      const t0 = performance.now();
      try {
        await runInstance(baseUrl, key, { latencies, timeoutMs });
        instanceMs.push(performance.now() - t0);
      } catch (error) {
        errors.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedMs = performance.now() - began;
  const requests = latencies.start.length + latencies.listTasks.length + latencies.complete.length;
  return {
    concurrency,
    elapsedMs,
    completed: instanceMs.length,
    launched,
    instanceMs,
    latencies,
    requests,
    errors,
    instancesPerSecond: (instanceMs.length * 1000) / elapsedMs,
    requestsPerSecond: (requests * 1000) / elapsedMs,
  };
}

/** How many instances of `key` are still running (0 once every instance ended). */
export async function runningInstances(baseUrl, key) {
  const body = await call(
    baseUrl,
    'count',
    'GET',
    `/engine-rest/process-instance/count?processDefinitionKey=${key}`,
    {
      expect: 200,
      timeoutMs: 30_000,
    },
  );
  return body.count;
}
