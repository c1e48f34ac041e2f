import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { WorkTracker } from '../common/work-tracker.js';
import { EmailChannel } from './channels/email.channel.js';
import { InAppChannel } from './channels/in-app.channel.js';
import { SmsChannel } from './channels/sms.channel.js';
import { NotificationOutboxRepository, type OutboxRow } from './notification-outbox.repository.js';

const BATCH = 20;
const MAX_BATCHES = 10;
/** Longer than the slowest send (SMTP and gateway timeouts are shorter). */
const LEASE_MS = 2 * 60_000;
/** A notification is tried this often; then it is failed for good and shows as such in the log. */
export const MAX_ATTEMPTS = 5;
/** Wait after the 1st, 2nd, 3rd, 4th failed attempt. */
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000];

/**
 * Delivers the notification outbox. The guarantee is at least once, never lost:
 * - no loss: the outbox row commits before the notification task completes, so the process never
 *   moves on past a notification that is not recorded;
 * - at least once, not exactly once: a node that stops after sending but before marking the row
 *   sent leaves it to be sent again once its lease expires. Repeats carry a stable key — the
 *   e-mail's Message-ID and the SMS gateway's Idempotency-Key are derived from the outbox id —
 *   so receivers can recognise them. In-app notifications are exactly once: they are rows written
 *   in the same transaction that marks the outbox row sent.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly outbox: NotificationOutboxRepository,
    private readonly email: EmailChannel,
    private readonly sms: SmsChannel,
    private readonly inApp: InAppChannel,
    private readonly clock: Clock,
    private readonly work: WorkTracker,
  ) {}

  /** Claims and delivers every notification due now; returns how many it attempted. */
  async dispatchDue(owner: string): Promise<number> {
    let attempted = 0;
    for (let batch = 0; batch < MAX_BATCHES && !this.work.isStopping; batch++) {
      const now = this.clock.now();
      const rows = await this.outbox.claimDue(
        owner,
        now,
        new Date(now.getTime() + LEASE_MS),
        BATCH,
      );
      for (const row of rows) await this.deliver(row, owner);
      attempted += rows.length;
      if (rows.length < BATCH) break;
    }
    return attempted;
  }

  private async deliver(row: OutboxRow, owner: string): Promise<void> {
    try {
      if (row.channel === 'in-app') {
        await this.inApp.deliver(row, owner, this.clock.now());
        return;
      }
      await (row.channel === 'email' ? this.email : this.sms).send(row);
    } catch (error) {
      await this.recordFailure(row, owner, error instanceof Error ? error.message : String(error));
      return;
    }
    // Sent: should this fail, the lease runs out and the message goes again (at least once).
    await this.outbox.markSent(row.id, owner, this.clock.now());
  }

  private async recordFailure(row: OutboxRow, owner: string, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    const next =
      attempts >= MAX_ATTEMPTS
        ? null
        : new Date(this.clock.now().getTime() + BACKOFF_MS[attempts - 1]);
    await this.outbox.recordFailure(row.id, owner, message, next);
    this.logger.warn(
      `${row.channel} notification ${row.id} failed (attempt ${attempts} of ${MAX_ATTEMPTS}${next ? '' : ', giving up'}): ${message}`,
    );
  }
}
