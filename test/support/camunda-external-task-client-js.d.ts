/**
 * The part of camunda-external-task-client-js (v3, untyped ESM) that the worker e2e spec uses,
 * as documented in its README and docs/.
 */
declare module 'camunda-external-task-client-js' {
  import type { EventEmitter } from 'node:events';

  export interface TypedValue {
    value: unknown;
    type: string;
    valueInfo?: Record<string, unknown>;
  }

  export class Variables {
    constructor(initialVariables?: Record<string, TypedValue>);
    get(name: string): unknown;
    getTyped(name: string): TypedValue | null;
    getAll(): Record<string, unknown>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typedValue: TypedValue): this;
  }

  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    processInstanceId: string;
    businessKey: string | null;
    activityId: string;
    retries: number | null;
    errorMessage: string | null;
    variables: Variables;
  }

  export interface FailureOptions {
    errorMessage?: string;
    errorDetails?: string;
    retries?: number;
    retryTimeout?: number;
  }

  export interface TaskService {
    complete(task: Task, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task, options: FailureOptions): Promise<void>;
    handleBpmnError(
      task: Task,
      errorCode: string,
      errorMessage?: string,
      variables?: Variables,
    ): Promise<void>;
    extendLock(task: Task, newDuration: number): Promise<void>;
    unlock(task: Task): Promise<void>;
  }

  export type Handler = (args: { task: Task; taskService: TaskService }) => Promise<void>;

  export interface SubscriptionOptions {
    lockDuration?: number;
    variables?: string[];
    businessKey?: string;
    processDefinitionKey?: string;
  }

  export interface TopicSubscription {
    unsubscribe(): void;
  }

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    use?: ((client: Client) => void) | ((client: Client) => void)[];
    interceptors?: Interceptor | Interceptor[];
  }

  export type Interceptor = (config: Record<string, unknown>) => Record<string, unknown>;

  /** Adds HTTP Basic credentials to every request the client makes. */
  export class BasicAuthInterceptor {
    constructor(options: { username: string; password: string });
  }

  export class Client extends EventEmitter {
    constructor(options: ClientOptions);
    start(): void;
    stop(): void;
    subscribe(topic: string, handler: Handler): TopicSubscription;
    subscribe(topic: string, options: SubscriptionOptions, handler: Handler): TopicSubscription;
  }

  export const logger: (client: Client) => void;
}
