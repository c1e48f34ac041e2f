// Starts many instances of one process through POST /engine-rest/process-definition/key/{key}/start.
import { performance } from 'node:perf_hooks';
import { call } from './rest-clients.js';

/**
 * Starts `count` instances of `key` with `concurrency` parallel requests. Returns how many
 * started, the failures (messages), elapsed ms and instances/s. Stops after `maxErrors` failures
 * or at `deadline` (a performance.now() value), whichever comes first.
 */
export async function startInstances(
  baseUrl,
  key,
  { count, concurrency = 16, timeoutMs = 30_000, maxErrors = 20, deadline = Infinity, onProgress },
) {
  const errors = [];
  let launched = 0;
  let started = 0;
  const began = performance.now();
  const worker = async () => {
    while (launched < count && errors.length < maxErrors && performance.now() < deadline) {
      launched++;
      try {
        await call(baseUrl, 'start', 'POST', `/engine-rest/process-definition/key/${key}/start`, {
          body: {},
          expect: 200,
          timeoutMs,
        });
        started++;
        onProgress?.(started);
      } catch (error) {
        errors.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - began;
  return { started, errors, elapsedMs, perSecond: (started * 1000) / elapsedMs };
}
