import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

/** Vite names every built asset after its content hash: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const API_PATH = /^\/(engine-rest|api|health)(\/|$)/;

/**
 * Serves the built web app (web-modeler/dist) at `/` as static files. Registered as Express
 * middleware before Nest's router, so the AuthGuard never sees these requests: the files are
 * public (the login page must load signed out); every call they make to /engine-rest and /api is
 * authenticated as usual. Only GET and HEAD of files that exist are answered; anything else falls
 * through to the API. The app routes with `#/…`, so no fallback to index.html is needed. API paths
 * skip the file lookup: it would cost every API request a stat() of a file that cannot exist.
 * Returns whether the app was found (tests and API-only installs run without a build).
 */
export function serveWebApp(app: NestExpressApplication, directory: string): boolean {
  const logger = new Logger('WebApp');
  if (!existsSync(path.join(directory, 'index.html'))) {
    logger.warn(`No web app in ${directory} (run npm run build): serving the API only`);
    return false;
  }
  const files = express.static(directory, {
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (response: ServerResponse, file: string) => {
      const hashed = path.relative(directory, file).startsWith(`assets${path.sep}`);
      response.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (API_PATH.test(request.path)) next();
    else void files(request, response, next);
  });
  return true;
}
