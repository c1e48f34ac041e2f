import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import {
  MAX_BODY_DEPTH,
  RefusedInputError,
  refuseDeepJson,
  refuseHostileJson,
  refuseNulInForm,
  refuseNulInUrl,
  refuseOversizedMultipart,
} from './request-hygiene.js';

const parse = (text: string): unknown => JSON.parse(text, refuseHostileJson);
const verify = (text: string): void =>
  refuseDeepJson({} as IncomingMessage, undefined, Buffer.from(text));

function runMiddleware(
  middleware: (req: Request, res: Response, next: NextFunction) => void,
  req: Partial<Request>,
): unknown {
  let passed: unknown = 'not called';
  middleware(req as Request, {} as Response, (error?: unknown) => (passed = error));
  return passed;
}

describe('the JSON body reviver', () => {
  it('keeps ordinary bodies, emoji included', () => {
    const body = { messageName: 'оплата', processVariables: { note: { value: 'ok 👍' } } };
    expect(parse(JSON.stringify(body))).toEqual(body);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    expect(() => parse(`{"a": [{"${key}": {"polluted": 1}}]}`)).toThrow(
      new RefusedInputError(`The key '${key}' is not allowed in a request body`),
    );
  });

  it.each([
    ['a NUL in a value', '{"a": "x\\u0000y"}'],
    ['a NUL in a key', '{"x\\u0000y": 1}'],
    ['an unpaired high surrogate', '{"a": "x\\ud800y"}'],
    ['an unpaired low surrogate', '{"a": "\\udc00"}'],
  ])('refuses %s (PostgreSQL cannot store it)', (_, text) => {
    expect(() => parse(text)).toThrow(RefusedInputError);
  });
});

describe('the JSON depth check', () => {
  const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it(`accepts ${MAX_BODY_DEPTH} levels and refuses one more`, () => {
    expect(() => verify(nested(MAX_BODY_DEPTH))).not.toThrow();
    expect(() => verify(nested(MAX_BODY_DEPTH + 1))).toThrow(
      `The request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: `\\" ${'['.repeat(5000)}`, b: '{'.repeat(5000) });
    expect(() => verify(text)).not.toThrow();
  });
});

describe('NUL in URLs and forms', () => {
  it('refuses an encoded NUL in a path or query, passes anything else on', () => {
    expect(runMiddleware(refuseNulInUrl, { url: '/engine-rest/task/a%00b' })).toBeInstanceOf(
      RefusedInputError,
    );
    expect(runMiddleware(refuseNulInUrl, { url: '/engine-rest/task?x=%2500' })).toBeUndefined();
  });

  it('refuses a raw or encoded NUL in a form body', () => {
    const req = {} as IncomingMessage;
    expect(() => refuseNulInForm(req, undefined, Buffer.from('a=%00'))).toThrow(RefusedInputError);
    expect(() => refuseNulInForm(req, undefined, Buffer.from([0x61, 0x3d, 0]))).toThrow();
    expect(() => refuseNulInForm(req, undefined, Buffer.from('a=b'))).not.toThrow();
  });
});

describe('the multipart size check', () => {
  const limit = refuseOversizedMultipart(1000);
  const request = (type: string, length: string) =>
    ({ headers: { 'content-type': type, 'content-length': length } }) as Partial<Request>;

  it('refuses a multipart body announced over the limit with 413', () => {
    const error = runMiddleware(limit, request('multipart/form-data; boundary=x', '1001'));
    expect(error).toMatchObject({
      status: 413,
      message: 'The upload is 1001 bytes; the limit is 1000',
    });
  });

  it('leaves other bodies and uploads within the limit alone', () => {
    expect(
      runMiddleware(limit, request('multipart/form-data; boundary=x', '1000')),
    ).toBeUndefined();
    expect(runMiddleware(limit, request('application/json', '5000'))).toBeUndefined();
  });
});
