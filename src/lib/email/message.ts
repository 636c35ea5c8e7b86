/**
 * The email edition as a message: a multipart/alternative .eml (text and HTML, UTF-8) composed
 * by nodemailer's MailComposer, and a test send through an SMTP server. Every failure an editor
 * can cause (no or a wrong SMTP_URL, a refused connection, a rejected recipient) becomes one
 * line in Chinese with the technical detail, and nothing is sent half-way.
 */
import { randomUUID } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { NodemailerError } from 'nodemailer/lib/errors';
import type { Options as MailOptions } from 'nodemailer/lib/mail-composer';
import { visit } from 'unist-util-visit';

/** A problem the editor can fix; its message is the one line the command prints. */
export class EmailError extends Error {
  override name = 'EmailError';
}

/** The text of the HTML document's `<title>`: the subject line, as the edition wrote it. */
export function subjectOf(html: string): string {
  let title: Element | undefined;
  visit(fromHtml(html), 'element', (element) => {
    if (element.tagName === 'title') title ??= element;
  });
  const text = title?.children.map((child) => (child.type === 'text' ? child.value : '')).join('') ?? '';
  if (!text.trim())
    throw new EmailError('邮件版 HTML 没有 <title>，无法确定邮件主题（expected: 由 npm run build 生成的 email.html）');
  return text.trim();
}

/** The single mailbox in an address field such as `百模观察 <news@example.org>`, or an EmailError naming `field`. */
export function mailbox(value: string, field: string): { name: string; address: string } {
  const parsed = addressparser(value, { flatten: true });
  const [first] = parsed;
  if (parsed.length !== 1 || !first?.address || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(first.address)) {
    throw new EmailError(
      `${field} 不是一个有效的邮件地址：“${value}”（expected: name@example.org 或 名字 <name@example.org>）`,
    );
  }
  return { name: first.name, address: first.address };
}

export interface EditionMessage {
  html: string;
  text: string;
  from: string;
  /** Only for a List-Unsubscribe header: a real https or mailto URL (see settings.ts). */
  listUnsubscribe?: string | undefined;
  date?: Date | undefined;
}

/**
 * The message options, fixed once so the .eml on disk and the message sent carry the same
 * Message-ID and Date. The Message-ID is on the sender's domain, as RFC 5322 recommends.
 */
export function messageOptions(edition: EditionMessage): MailOptions {
  const { address } = mailbox(edition.from, 'EMAIL_FROM');
  return {
    from: edition.from,
    subject: subjectOf(edition.html),
    text: edition.text,
    html: edition.html,
    date: edition.date ?? new Date(),
    messageId: `<${randomUUID()}@${address.split('@')[1]}>`,
    ...(edition.listUnsubscribe && { list: { unsubscribe: edition.listUnsubscribe } }),
  };
}

/**
 * The message as an RFC 5322 file (.eml), composed by the same nodemailer pipeline that sends
 * it (the stream transport): MailComposer alone ignores the `list` option.
 */
export async function composeEml(options: MailOptions): Promise<Buffer> {
  const { message } = await createTransport({ streamTransport: true, buffer: true }).sendMail(options);
  // `buffer: true` makes it a Buffer; the type covers the streaming mode too.
  if (!Buffer.isBuffer(message)) throw new Error('nodemailer returned a stream where a buffer was asked for');
  return message;
}

/** Checks SMTP_URL before anything is sent; returns the parsed URL. */
export function parseSmtpUrl(value: string | undefined): URL {
  if (!value?.trim()) {
    throw new EmailError(
      '没有设置 SMTP_URL，邮件未发送（expected: 例如 SMTP_URL=smtps://用户名:密码@smtp.example.com:465）',
    );
  }
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new EmailError(
      `SMTP_URL 无效，邮件未发送：“${redact(value)}”（expected: smtp:// 或 smtps:// 开头，例如 smtps://用户名:密码@smtp.example.com:465）`,
    );
  }
  return url;
}

/** The URL without its password, for messages. */
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

/** host:port of an SMTP URL, for messages (never the credentials). */
function serverOf(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
}

/** One line saying why a send failed, with the SMTP server's own words. */
export function sendFailure(error: NodemailerError, url: URL, to: string): string {
  const server = serverOf(url);
  const reply = error.response ? `：${error.response}` : `：${error.message}`;
  if (error.code === 'EENVELOPE' && error.rejected?.length) {
    return `SMTP 服务器 ${server} 拒收收件人 ${error.rejected.join('、')}，邮件未发送${reply}`;
  }
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') {
    return `SMTP 服务器 ${server} 登录失败，请检查 SMTP_URL 中的用户名和密码，邮件未发送${reply}`;
  }
  const original = error.originalCode ?? error.code;
  if (original === 'ECONNREFUSED') return `无法连接 SMTP 服务器 ${server}（连接被拒绝，ECONNREFUSED），邮件未发送`;
  if (error.code === 'EDNS') return `找不到 SMTP 服务器 ${url.hostname}（域名解析失败），邮件未发送${reply}`;
  if (error.code === 'ETIMEDOUT') return `连接 SMTP 服务器 ${server} 超时，邮件未发送${reply}`;
  return `通过 ${server} 发送给 ${to} 失败（${error.code ?? 'error'}），邮件未发送${reply}`;
}

/**
 * Sends the message to `to` through the SMTP server at `url`. Resolves with the server's reply;
 * rejects with an EmailError whose message is the line to print.
 */
export async function sendMessage(options: MailOptions, url: URL, to: string): Promise<string> {
  const transport = createTransport({
    url: url.href,
    // An editor waits at the terminal: fail within seconds, not nodemailer's default two minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({ ...options, to });
    // With one recipient the server either takes the message or refuses it; say so if not.
    if (info.rejected.length > 0 || info.accepted.length === 0) {
      throw new EmailError(`SMTP 服务器 ${serverOf(url)} 拒收收件人 ${to}，邮件未发送：${info.response}`);
    }
    return info.response;
  } catch (error) {
    if (error instanceof EmailError) throw error;
    const failure: NodemailerError = error instanceof Error ? error : new Error(String(error));
    throw new EmailError(sendFailure(failure, url, to), { cause: error });
  } finally {
    transport.close();
  }
}
