import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { OutboxRow } from '../notification-outbox.repository.js';

const TIMEOUT_MS = 15_000;

/**
 * SMS through an HTTP gateway (CONVEYOR_SMS_GATEWAY_URL): POST {to, text} as JSON with the outbox
 * row's id as Idempotency-Key, so a gateway that honours it drops a repeated delivery.
 */
@Injectable()
export class SmsChannel {
  constructor(private readonly config: AppConfig) {}

  async send(row: OutboxRow): Promise<void> {
    const { smsGatewayUrl, smsGatewayToken } = this.config.builtinWorkers;
    if (!smsGatewayUrl) throw new Error('SMS is not configured (CONVEYOR_SMS_GATEWAY_URL)');
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Idempotency-Key': row.id,
    };
    if (smsGatewayToken) headers.Authorization = `Bearer ${smsGatewayToken}`;
    let response: Response;
    try {
      response = await fetch(smsGatewayUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: row.recipient, text: row.text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`SMS gateway not reachable: ${reasonOf(error)}`);
    }
    const body = await response.text().catch(() => '');
    if (!response.ok) {
      throw new Error(
        `SMS gateway answered ${response.status}${body ? `: ${body.slice(0, 500)}` : ''}`,
      );
    }
  }
}

/** fetch hides the network error (refused, timed out) in its cause. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
