import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeEml, EmailError, mailbox, messageOptions, parseSmtpUrl, sendFailure, subjectOf } from './message.ts';

const html =
  '<!doctype html><html lang="zh-CN"><head><title>大模型“百模大战”：数量与备案</title></head>' +
  '<body><p>正文 <a href="https://news.example.com/digests/sample/">在网站上阅读</a></p></body></html>';
const text = '大模型“百模大战”：数量与备案\n\n正文 <https://news.example.com/digests/sample/>\n';
const from = '百模观察 <newsletter@news.example.com>';

describe('subjectOf', () => {
  it('is the title of the edition', () => {
    expect(subjectOf(html)).toBe('大模型“百模大战”：数量与备案');
  });

  it('refuses an HTML document without a title', () => {
    expect(() => subjectOf('<p>无题</p>')).toThrow(EmailError);
  });
});

describe('mailbox', () => {
  it('reads a bare address and a named one', () => {
    expect(mailbox('desk@news.example.com', '--to')).toEqual({ name: '', address: 'desk@news.example.com' });
    expect(mailbox(from, 'EMAIL_FROM')).toEqual({ name: '百模观察', address: 'newsletter@news.example.com' });
  });

  it('names the setting when the address is not one', () => {
    expect(() => mailbox('newsletter', 'EMAIL_FROM')).toThrow('EMAIL_FROM 不是一个有效的邮件地址：“newsletter”');
    expect(() => mailbox('a@example.com, b@example.com', '--to')).toThrow('--to 不是一个有效的邮件地址');
  });
});

describe('composeEml', () => {
  it('writes a multipart/alternative UTF-8 message with an encoded Chinese subject', async () => {
    const date = new Date('2026-11-20T02:00:00Z');
    const eml = (await composeEml(messageOptions({ html, text, from, date }))).toString('utf8');
    const [head = ''] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(head).toMatch(/^Message-ID: <[0-9a-f-]{36}@news\.example\.com>$/m);
    expect(head).toContain('Date: Fri, 20 Nov 2026 02:00:00 +0000');
    expect(head).not.toMatch(/^List-Unsubscribe:/m);
    expect(head).not.toMatch(/^To:/m);
    // Header lines stay within RFC 5322's 78 characters, and the message is 7-bit clean.
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(/^[\x00-\x7f]*$/.test(eml)).toBe(true);

    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('大模型“百模大战”：数量与备案');
    expect(parsed.from?.value).toEqual([{ name: '百模观察', address: 'newsletter@news.example.com' }]);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toContain('<a href="https://news.example.com/digests/sample/">在网站上阅读</a>');
  });

  it('adds List-Unsubscribe when a real unsubscribe URL is configured', async () => {
    const options = messageOptions({ html, text, from, listUnsubscribe: 'https://list.example.com/u' });
    const parsed = await simpleParser(await composeEml(options));
    expect(parsed.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://list.example.com/u' } });
  });
});

describe('parseSmtpUrl', () => {
  it('accepts smtp and smtps URLs', () => {
    expect(parseSmtpUrl('smtps://user:pass@smtp.example.com:465').hostname).toBe('smtp.example.com');
    expect(parseSmtpUrl('smtp://127.0.0.1:2525').port).toBe('2525');
  });

  it('says what is missing or wrong, without printing the password', () => {
    expect(() => parseSmtpUrl(undefined)).toThrow('没有设置 SMTP_URL，邮件未发送');
    expect(() => parseSmtpUrl(' ')).toThrow('没有设置 SMTP_URL');
    expect(() => parseSmtpUrl('https://user:hunter2@mail.example.com')).toThrow(
      'SMTP_URL 无效，邮件未发送：“https://user:***@mail.example.com”',
    );
    expect(() => parseSmtpUrl('smtp.example.com')).toThrow('SMTP_URL 无效');
  });
});

describe('sendFailure', () => {
  const url = new URL('smtp://user:hunter2@smtp.example.com:2525');

  it('turns a rejected recipient into one line with the server reply', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: 'EENVELOPE',
      rejected: ['nobody@example.com'],
      response: '550 5.1.1 无此用户',
    });
    expect(sendFailure(error, url, 'nobody@example.com')).toBe(
      'SMTP 服务器 smtp.example.com:2525 拒收收件人 nobody@example.com，邮件未发送：550 5.1.1 无此用户',
    );
  });

  it('names a refused connection, a failed login and anything else, never the password', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
    expect(sendFailure(refused, url, 'a@example.com')).toBe(
      '无法连接 SMTP 服务器 smtp.example.com:2525（连接被拒绝，ECONNREFUSED），邮件未发送',
    );
    const login = Object.assign(new Error('Invalid login'), { code: 'EAUTH', response: '535 Authentication failed' });
    expect(sendFailure(login, url, 'a@example.com')).toContain('登录失败');
    const other = sendFailure(Object.assign(new Error('boom'), { code: 'EPROTOCOL' }), url, 'a@example.com');
    expect(other).toBe('通过 smtp.example.com:2525 发送给 a@example.com 失败（EPROTOCOL），邮件未发送：boom');
    for (const line of [other, sendFailure(login, url, 'a@example.com')]) {
      expect(line).not.toContain('hunter2');
      expect(line).not.toContain('\n');
    }
  });
});
