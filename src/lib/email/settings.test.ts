import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_FROM, DEFAULT_UNSUBSCRIBE_URL, emailSettings, listUnsubscribeUrl } from './settings.ts';

describe('emailSettings', () => {
  it('falls back to the documented defaults when nothing (or only blanks) is set', () => {
    expect(emailSettings({})).toEqual({ from: DEFAULT_EMAIL_FROM, unsubscribeUrl: '{{unsubscribe_url}}' });
    expect(emailSettings({ EMAIL_FROM: ' ', EMAIL_UNSUBSCRIBE_URL: '' }).unsubscribeUrl).toBe(DEFAULT_UNSUBSCRIBE_URL);
  });

  it('takes the sender and the unsubscribe link from the environment', () => {
    const env = { EMAIL_FROM: '编辑部 <desk@news.example.com>', EMAIL_UNSUBSCRIBE_URL: '*|UNSUB|*' };
    expect(emailSettings(env)).toEqual({ from: '编辑部 <desk@news.example.com>', unsubscribeUrl: '*|UNSUB|*' });
  });
});

describe('listUnsubscribeUrl', () => {
  it('keeps real https and mailto links', () => {
    expect(listUnsubscribeUrl('https://news.example.com/unsubscribe')).toBe('https://news.example.com/unsubscribe');
    expect(listUnsubscribeUrl('mailto:leave@news.example.com')).toBe('mailto:leave@news.example.com');
  });

  it('leaves merge tags to the mailing service', () => {
    expect(listUnsubscribeUrl(DEFAULT_UNSUBSCRIBE_URL)).toBeUndefined();
    expect(listUnsubscribeUrl('*|UNSUB|*')).toBeUndefined();
    expect(listUnsubscribeUrl('javascript:alert(1)')).toBeUndefined();
  });
});
