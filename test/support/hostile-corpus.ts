import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { App } from 'supertest/types.js';

/** Where the corpus lives: cases/*.json list the requests, the other folders hold their bodies. */
export const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));

/** One file part of a multipart request. */
export interface HostileFilePart {
  field: string;
  filename: string;
  /** A file under HOSTILE_DIR whose bytes (after template expansion) are sent … */
  file?: string;
  /** … or this text. */
  content?: string;
  contentType?: string;
  /** Attach the same part this many times (default 1). */
  times?: number;
}

/** One hostile request and the answer it must get. See test/fixtures/hostile/README.md. */
export interface HostileCase {
  name: string;
  /** Why the request is hostile and why it must be refused. */
  why: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON text; templates are expanded in the serialized text. */
  json?: unknown;
  /** Sent as is (after template expansion), with the headers given. */
  body?: string;
  /** A file under HOSTILE_DIR sent as the raw body. */
  bodyFile?: string;
  multipart?: { fields?: Record<string, string>; files?: HostileFilePart[] };
  /** The exact status, or any 4xx. */
  status: number | '4xx';
}

export interface LoadedCase extends HostileCase {
  category: string;
}

interface CaseFile {
  description: string;
  cases: HostileCase[];
}

/** Every case of every cases/*.json file, tagged with its file name as category. */
export function loadHostileCorpus(): LoadedCase[] {
  const dir = path.join(HOSTILE_DIR, 'cases');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const parsed = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as CaseFile;
      return parsed.cases.map((c) => ({ ...c, category: name.replace(/\.json$/, '') }));
    });
}

const REPEAT = /\{\{repeat (\d+)\}\}([\s\S]*?)\{\{\/repeat\}\}/g;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const MAX_REPEAT = 20_000_000;

/**
 * Expands the corpus templates: `{{repeat N}}text{{/repeat}}` (huge inputs stay small on disk)
 * and `{{name}}` placeholders for the ids of the seeded objects.
 */
export function expandTemplates(text: string, ids: Readonly<Record<string, string>>): string {
  return text
    .replace(REPEAT, (_, count: string, unit: string) => {
      const times = Number(count);
      if (times > MAX_REPEAT) throw new Error(`repeat ${times} exceeds ${MAX_REPEAT}`);
      return unit.repeat(times);
    })
    .replace(PLACEHOLDER, (whole, name: string) => {
      const value = ids[name];
      if (value === undefined) throw new Error(`unknown placeholder ${whole}`);
      return value;
    });
}

function readExpanded(file: string, ids: Readonly<Record<string, string>>): Buffer {
  const bytes = readFileSync(path.join(HOSTILE_DIR, file));
  // Invalid UTF-8 (on purpose) must reach the server byte for byte: expand only real text.
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes) || !text.includes('{{')) return bytes;
  return Buffer.from(expandTemplates(text, ids), 'utf8');
}

/** Builds the supertest request of a case (not sent until awaited). */
export function buildRequest(
  http: App,
  c: HostileCase,
  ids: Readonly<Record<string, string>>,
): request.Test {
  const agent = request(http);
  const url = expandTemplates(c.path, ids);
  let req: request.Test;
  switch (c.method) {
    case 'GET':
      req = agent.get(url);
      break;
    case 'POST':
      req = agent.post(url);
      break;
    case 'PUT':
      req = agent.put(url);
      break;
    case 'DELETE':
      req = agent.delete(url);
      break;
    case 'PATCH':
      req = agent.patch(url);
      break;
  }
  for (const [name, value] of Object.entries(c.headers ?? {})) {
    req = req.set(name, expandTemplates(value, ids));
  }
  if (c.json !== undefined) {
    if (!c.headers?.['content-type']) req = req.set('content-type', 'application/json');
    return req.send(expandTemplates(JSON.stringify(c.json), ids));
  }
  if (c.body !== undefined) return req.send(expandTemplates(c.body, ids));
  if (c.bodyFile !== undefined) {
    // superagent would serialize a Buffer sent as JSON into {"type":"Buffer",…}: send the bytes.
    const bytes = readExpanded(c.bodyFile, ids);
    return req.serialize(() => bytes as unknown as string).send(bytes);
  }
  if (c.multipart) {
    for (const [name, value] of Object.entries(c.multipart.fields ?? {})) {
      req = req.field(name, expandTemplates(value, ids));
    }
    for (const part of c.multipart.files ?? []) {
      const bytes =
        part.file !== undefined
          ? readExpanded(part.file, ids)
          : Buffer.from(expandTemplates(part.content ?? '', ids), 'utf8');
      for (let i = 0; i < (part.times ?? 1); i++) {
        req = req.attach(part.field, bytes, {
          filename: expandTemplates(part.filename, ids),
          contentType: part.contentType ?? 'application/octet-stream',
        });
      }
    }
  }
  return req;
}
