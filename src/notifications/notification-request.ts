import { ConveyorError, ErrorCode } from '../common/errors/conveyor-error.js';

export const NOTIFICATION_TOPIC = 'conveyor.notification';
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'in-app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What a notification task asks for, validated. */
export interface NotificationRequest {
  channel: NotificationChannel;
  /** E-mail address, phone number or user id; null when sent to a group. */
  recipient: string | null;
  /** Group id (in-app only). */
  recipientGroup: string | null;
  subject: string | null;
  text: string;
}

const MAX_SUBJECT = 1000;
const MAX_TEXT = 100_000;
const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{3,28}[0-9]$/;

/**
 * Reads and checks a notification task's inputs (`channel`, `to` / `toGroup`, `subject`, `text`).
 * A wrong input throws with a message that names it: the task fails, and after its retries the
 * incident shows that message to whoever fixes the model.
 */
export function parseNotificationRequest(inputs: Record<string, unknown>): NotificationRequest {
  const channel = textOf(inputs.channel);
  if (!channel) throw invalid(`needs the input parameter channel (email, sms or in-app)`);
  if (!isChannel(channel)) {
    throw invalid(`cannot send over channel '${channel}': use email, sms or in-app`);
  }
  const to = textOf(inputs.to);
  const toGroup = textOf(inputs.toGroup);
  if (!to && !toGroup) {
    throw invalid(`needs a recipient: the input parameter to (or toGroup for in-app)`);
  }
  if (to && toGroup) throw invalid(`takes either to or toGroup, not both`);
  if (toGroup && channel !== 'in-app') {
    throw invalid(`sends to a group (toGroup) only in-app; ${channel} needs to`);
  }
  if (to) checkRecipient(channel, to);
  const text = textOf(inputs.text);
  if (!text) throw invalid(`needs the input parameter text`);
  if (text.length > MAX_TEXT) throw invalid(`text is longer than ${MAX_TEXT} characters`);
  const subject = textOf(inputs.subject);
  if (subject && subject.length > MAX_SUBJECT) {
    throw invalid(`subject is longer than ${MAX_SUBJECT} characters`);
  }
  return { channel, recipient: to, recipientGroup: toGroup, subject, text };
}

function checkRecipient(channel: NotificationChannel, to: string): void {
  if (channel === 'email' && !EMAIL.test(to)) throw invalid(`'${to}' is not an e-mail address`);
  if (channel === 'sms' && !PHONE.test(to)) throw invalid(`'${to}' is not a phone number`);
  if (channel === 'in-app' && to.length > 64) throw invalid(`'${to}' is not a user id`);
}

function isChannel(value: string): value is NotificationChannel {
  return (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).trim();
  return text === '' ? null : text;
}

function invalid(problem: string): ConveyorError {
  return new ConveyorError(ErrorCode.InvalidRequest, `${NOTIFICATION_TOPIC} ${problem}`);
}
