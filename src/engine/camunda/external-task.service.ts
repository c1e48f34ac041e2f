/**
 * bpmn-engine Service for `camunda:type="external"` tasks: instead of running code it waits, like a
 * user task, until the unit of work signals it (worker completed) or sends it an error (BPMN error).
 * Contract: `new Service(activity).execute(executeMessage, callback)`, with stop/discard hooks.
 */

interface Broker {
  subscribeTmp(
    exchange: string,
    pattern: string,
    handler: (routingKey: string, message: BrokerMessage) => void,
    options: { noAck: boolean; consumerTag: string },
  ): void;
  cancel(consumerTag: string): void;
  publish(exchange: string, routingKey: string, content: unknown): void;
}

interface BrokerMessage {
  properties: { type?: string; delegate?: boolean };
  content: {
    message?: { id?: string; executionId?: string } & Record<string, unknown>;
    code?: string;
  } & Record<string, unknown>;
}

interface ExecuteMessage {
  content: { executionId: string } & Record<string, unknown>;
}

type Callback = (error: Error | null, output?: unknown) => void;

export class ExternalTaskService {
  private executionId = '';

  constructor(private readonly activity: { id: string; broker: Broker }) {}

  execute(executeMessage: ExecuteMessage, callback: Callback): void {
    const { broker } = this.activity;
    const { executionId } = executeMessage.content;
    this.executionId = executionId;
    const done = (error: Error | null, output?: unknown) => {
      this.unsubscribe();
      callback(error, output);
    };
    broker.subscribeTmp(
      'api',
      `activity.*.${executionId}`,
      (_, message) => {
        if (message.properties.type === 'signal') done(null, message.content.message);
        if (message.properties.type === 'error') {
          const text =
            typeof message.content.message === 'string'
              ? message.content.message
              : 'External task failed';
          done(Object.assign(new Error(text), { code: message.content.code }));
        }
      },
      { noAck: true, consumerTag: `_external-api-${executionId}` },
    );
    broker.publish('event', 'activity.wait', {
      ...executeMessage.content,
      state: 'wait',
      isExternal: true,
    });
  }

  stop(): void {
    this.unsubscribe();
  }

  discard(): void {
    this.unsubscribe();
  }

  private unsubscribe(): void {
    this.activity.broker.cancel(`_external-api-${this.executionId}`);
  }
}
