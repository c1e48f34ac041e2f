import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { FORBIDDEN_KEYS, isStorableText } from './variables/json-safety.js';

/**
 * Checks every request body and URL gets before any controller sees it. They refuse what no
 * Camunda request needs and what would otherwise surface as a database error (a 500) or reach an
 * object's prototype: NUL characters and unpaired surrogates (PostgreSQL text and jsonb cannot
 * hold them), `__proto__`/`constructor`/`prototype` keys, and JSON nested deeper than any
 * variable may be (deeper documents overflow recursive transformers).
 */

/** As deep as a variable value may be (json-safety's limit), plus the body's own envelope. */
export const MAX_BODY_DEPTH = 1010;

/** An input error body-parser and Express pass on with its status; the exception filter answers it. */
export class RefusedInputError extends Error {
  readonly expose = true;

  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
    this.name = 'RefusedInputError';
  }
}

/** JSON.parse reviver of the JSON body parser: refuses prototype keys and unstorable text. */
export function refuseHostileJson(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new RefusedInputError(`The key '${key}' is not allowed in a request body`);
  }
  if (!isStorableText(key) || (typeof value === 'string' && !isStorableText(value))) {
    throw new RefusedInputError(
      'Text in a request body must not contain NUL characters or unpaired surrogates',
    );
  }
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * body-parser `verify` hook of the JSON parser: one pass over the raw bytes counting open arrays
 * and objects outside strings, before JSON.parse builds anything.
 */
export function refuseDeepJson(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth += 1;
      if (depth > MAX_BODY_DEPTH) {
        throw new RefusedInputError(
          `The request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
        );
      }
    } else if (CLOSERS.has(byte)) {
      depth -= 1;
    }
  }
}

/** body-parser `verify` hook of the form parser: an encoded or raw NUL is refused. */
export function refuseNulInForm(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (body.includes(0) || body.includes('%00')) {
    throw new RefusedInputError('NUL characters are not allowed in a request body');
  }
}

/** Middleware: a NUL in the path or query string could only reach the database as an error. */
export function refuseNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  if (req.url.includes('%00') || req.url.includes('\u0000')) {
    next(new RefusedInputError('NUL characters are not allowed in URLs'));
    return;
  }
  next();
}

/**
 * Middleware: Multer limits each uploaded file, not their sum (50 files of the largest size would
 * be held in memory). A multipart body announced larger than `maxBytes` is refused unread.
 */
export function refuseOversizedMultipart(maxBytes: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const multipart = req.headers['content-type']?.toLowerCase().startsWith('multipart/') ?? false;
    const length = Number(req.headers['content-length'] ?? 0);
    if (multipart && length > maxBytes) {
      next(new RefusedInputError(`The upload is ${length} bytes; the limit is ${maxBytes}`, 413));
      return;
    }
    next();
  };
}
