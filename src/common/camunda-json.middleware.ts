import type { NextFunction, Request, Response } from 'express';

/**
 * Camunda answers `Content-Type: application/json` without a charset, and the official external
 * task client parses a body only when the header is exactly that. Express adds `; charset=utf-8`
 * to every `res.json`, so under /engine-rest JSON is sent as a UTF-8 buffer with the plain type.
 */
export function camundaJson(_: Request, res: Response, next: NextFunction): void {
  res.json = (body: unknown) => {
    res.setHeader('Content-Type', 'application/json');
    return res.send(Buffer.from(JSON.stringify(body) ?? 'null', 'utf8'));
  };
  next();
}
