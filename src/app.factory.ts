import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { camundaJson } from './common/camunda-json.middleware.js';
import {
  refuseDeepJson,
  refuseHostileJson,
  refuseNulInForm,
  refuseNulInUrl,
  refuseOversizedMultipart,
} from './common/request-hygiene.js';
import { AppConfig } from './config/app-config.js';
import { serveWebApp } from './web/serve-web-app.js';

/** A request body never needs to be much bigger than the largest variable it may carry. */
const MIN_BODY_LIMIT_BYTES = 1024 * 1024;
const VARIABLES_PER_BODY = 4;
/** A deployment may hold a few files of the largest size (CONVEYOR_MAX_DEPLOYMENT_BYTES each). */
const FILES_PER_UPLOAD = 4;

/** Builds the application (not listening yet). Shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use('/engine-rest', camundaJson);
  app.use(refuseNulInUrl);
  serveWebApp(app, config.webAppDir);
  app.use(refuseOversizedMultipart(FILES_PER_UPLOAD * config.maxDeploymentBytes));
  // Registered before init, these replace Nest's default parsers (100 kB). An over-limit body is
  // a 413 and a hostile one a 400, both answered by CamundaExceptionFilter; multipart uploads are
  // limited by Multer (CONVEYOR_MAX_DEPLOYMENT_BYTES) instead. Nest's option types leave out
  // `verify` because its rawBody mode sets it; Conveyor does not use rawBody, so it is passed on.
  const limit = requestBodyLimit(config);
  const json = { limit, reviver: refuseHostileJson, verify: refuseDeepJson };
  const form = { limit, extended: false, parameterLimit: 100, verify: refuseNulInForm };
  app.useBodyParser('json', json);
  app.useBodyParser('urlencoded', form);
  return app;
}

/** Bytes a JSON or form body may have: room for a few variables of the largest allowed size. */
export function requestBodyLimit(config: AppConfig): number {
  return Math.max(MIN_BODY_LIMIT_BYTES, VARIABLES_PER_BODY * config.maxVariableBytes);
}

/**
 * Security headers for the API and for the bpmn-js web app served from `/`: scripts only from
 * our origin (no inline scripts), inline styles (bpmn-js sets them), images from data: and blob:
 * URLs (diagram export). No upgrade-insecure-requests: Conveyor is often reached over plain HTTP
 * inside a network, where it would break every asset.
 */
function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Same-site only: the web app and the API share an origin; no page may frame either.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
