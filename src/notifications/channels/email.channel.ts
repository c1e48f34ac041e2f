import { Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';
import type { OutboxRow } from '../notification-outbox.repository.js';

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * E-mail over SMTP (CONVEYOR_SMTP_URL). The Message-ID is derived from the outbox row, so a message
 * sent again after a stop between sending and recording it is recognisably the same message.
 */
@Injectable()
export class EmailChannel {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(row: OutboxRow): Promise<void> {
    const { smtpUrl, mailFrom } = this.config.builtinWorkers;
    if (!smtpUrl) throw new Error('e-mail is not configured (CONVEYOR_SMTP_URL)');
    this.transport ??= nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
    await this.transport.sendMail({
      from: mailFrom,
      to: row.recipient ?? undefined,
      subject: row.subject ?? '',
      text: row.text,
      messageId: messageIdOf(row.id, mailFrom),
    });
  }
}

/** `<outbox id@sender's domain>`: stable for an outbox row, unique across rows. */
export function messageIdOf(outboxId: string, mailFrom: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'conveyor.localhost';
  return `<notification-${outboxId}@${domain}>`;
}
