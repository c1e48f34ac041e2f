import type { AppConfig } from '../../config/app-config.js';
import type { OutboxRow } from '../notification-outbox.repository.js';
import { EmailChannel, messageIdOf } from './email.channel.js';

describe('EmailChannel', () => {
  it('derives a stable Message-ID from the outbox id and the sender domain', () => {
    expect(messageIdOf('42', 'Conveyor <robot@kitchens.example>')).toBe(
      '<notification-42@kitchens.example>',
    );
    expect(messageIdOf('42', 'robot@kitchens.example')).toBe('<notification-42@kitchens.example>');
    expect(messageIdOf('42', 'Conveyor')).toBe('<notification-42@conveyor.localhost>');
  });

  it('fails every e-mail when no SMTP server is configured', async () => {
    // given
    const config = {
      builtinWorkers: { smtpUrl: null, mailFrom: 'Conveyor <conveyor@localhost>' },
    } as unknown as AppConfig;
    const row = { id: '1', recipient: 'a@example.com', text: 'x' } as OutboxRow;

    // when / then
    await expect(new EmailChannel(config).send(row)).rejects.toThrow(
      'e-mail is not configured (CONVEYOR_SMTP_URL)',
    );
  });
});
