/**
 * The one way the web app talks to the service: same-origin fetch with the session cookie, the
 * CSRF token on every write, Camunda's error body turned into an ApiError, and a 401 sending the
 * user to the login page (the session expired or was never there).
 */

/** Camunda's error body: `{type: "...Exception", message}`, and Conveyor's `details` if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** The body's `details` as sent, for whoever knows their shape (form fields, a parse report). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;

const SAFE_METHODS = new Set(['GET', 'HEAD']);
let csrfToken = '';
let onUnauthorized: UnauthorizedHandler = () => undefined;

/** Set after login and after GET /api/auth/me; sent as X-CSRF-Token on writes. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** What to do when the service answers 401 to anything but the login itself. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: string;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** The login answers 401 for a wrong password: that must not redirect to itself. */
  redirectOn401?: boolean;
}

/** Calls the service and returns the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
  });
  if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  let type = 'HttpError';
  let message = response.statusText;
  let details: unknown;
  try {
    const body = (await response.json()) as {
      type?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (typeof body.type === 'string') type = body.type;
    if (typeof body.message === 'string') message = body.message;
    details = body.details;
  } catch {
    // Not JSON (a proxy's error page): the status text is all there is.
  }
  return new ApiError(response.status, type, message, details);
}
