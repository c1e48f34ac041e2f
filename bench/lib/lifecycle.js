// Cleans up what a benchmark started (services, a PostgreSQL server) on success, failure, a signal
// or its overall time limit, and exits with the right status.
import { setTimeout } from 'node:timers';

/**
 * `track(resource, label)` registers anything with `stop({ keepFiles })`; `untrack` forgets it.
 * `shutdown(code, message)` stops everything in reverse order (keeping files when failing) and
 * exits; later calls wait for the first. `stopping` is true once shutdown began.
 */
export function createLifecycle(maxSeconds) {
  const resources = [];
  let shuttingDown = null;

  const shutdown = (code, message) => {
    shuttingDown ??= (async () => {
      if (message) console.error(message);
      for (const { resource, label } of resources.reverse()) {
        try {
          await resource.stop({ keepFiles: code !== 0 });
          if (code !== 0 && resource.tmp) console.error(`${label}: files kept in ${resource.tmp}`);
          if (code !== 0 && resource.dir) console.error(`${label}: files kept in ${resource.dir}`);
        } catch (error) {
          console.error(`${label}: stopping failed: ${error.message}`);
        }
      }
      process.exit(code);
    })();
    return shuttingDown;
  };

  process.once('SIGINT', () => void shutdown(130, 'interrupted'));
  process.once('SIGTERM', () => void shutdown(143, 'terminated'));
  setTimeout(
    () => void shutdown(1, `benchmark exceeded BENCH_MAX_SECONDS=${maxSeconds}`),
    maxSeconds * 1000,
  ).unref();

  return {
    track(resource, label) {
      resources.push({ resource, label });
      return resource;
    },
    untrack(resource) {
      const index = resources.findIndex((r) => r.resource === resource);
      if (index >= 0) resources.splice(index, 1);
    },
    shutdown,
    get stopping() {
      return shuttingDown !== null;
    },
  };
}

/** Reads a whole, non-negative number from the environment. */
export function intFromEnv(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

/** Reads a comma-separated list of positive whole numbers from the environment. */
export function intListFromEnv(name, fallback) {
  const list = (process.env[name] ?? fallback).split(',').map(Number);
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${name} must be a comma-separated list of positive whole numbers`);
  return list;
}
