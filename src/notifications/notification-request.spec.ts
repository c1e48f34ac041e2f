import { parseNotificationRequest } from './notification-request.js';

describe('parseNotificationRequest', () => {
  it('accepts an e-mail, an SMS and in-app notifications to a user or a group', () => {
    expect(
      parseNotificationRequest({
        channel: 'email',
        to: 'client@example.com',
        subject: 'Заказ 7',
        text: 'Ваш заказ принят',
      }),
    ).toEqual({
      channel: 'email',
      recipient: 'client@example.com',
      recipientGroup: null,
      subject: 'Заказ 7',
      text: 'Ваш заказ принят',
    });
    expect(
      parseNotificationRequest({ channel: 'sms', to: '+7 (900) 123-45-67', text: 'Hi' }),
    ).toMatchObject({ channel: 'sms', recipient: '+7 (900) 123-45-67', subject: null });
    expect(parseNotificationRequest({ channel: 'in-app', to: 'ivanov', text: 'x' })).toMatchObject({
      recipient: 'ivanov',
      recipientGroup: null,
    });
    expect(
      parseNotificationRequest({ channel: 'in-app', toGroup: 'sales', text: 'x' }),
    ).toMatchObject({ recipient: null, recipientGroup: 'sales' });
  });

  it.each([
    [{ to: 'a@example.com', text: 'x' }, 'needs the input parameter channel'],
    [{ channel: 'fax', to: 'a@example.com', text: 'x' }, "channel 'fax': use email, sms or in-app"],
    [{ channel: 'email', text: 'x' }, 'needs a recipient'],
    [{ channel: 'email', to: '  ', text: 'x' }, 'needs a recipient'],
    [{ channel: 'in-app', to: 'a', toGroup: 'b', text: 'x' }, 'either to or toGroup'],
    [{ channel: 'sms', toGroup: 'sales', text: 'x' }, 'only in-app; sms needs to'],
    [{ channel: 'email', to: 'not-an-address', text: 'x' }, 'is not an e-mail address'],
    [{ channel: 'sms', to: 'call me', text: 'x' }, 'is not a phone number'],
    [{ channel: 'email', to: 'a@example.com' }, 'needs the input parameter text'],
  ])('refuses %j', (inputs, message) => {
    expect(() => parseNotificationRequest(inputs)).toThrow(message);
  });
});
