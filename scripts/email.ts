/**
 * `npm run email -- <digest-id> [--send --to ADDRESS]`: writes the digest's email edition as a
 * message file, dist/email/<digest-id>.eml (multipart/alternative, text and HTML, UTF-8), from the
 * email.html and email.txt the build made; with --send, sends it to ADDRESS through the SMTP
 * server in SMTP_URL as a test. From comes from EMAIL_FROM, List-Unsubscribe from
 * EMAIL_UNSUBSCRIBE_URL when that is a real URL (see src/lib/email/settings.ts).
 *
 * Any problem is one line on stderr and exit code 1; nothing is written or sent after it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  composeEml,
  EmailError,
  mailbox,
  messageOptions,
  parseSmtpUrl,
  sendMessage,
} from '../src/lib/email/message.ts';
import { emailSettings, listUnsubscribeUrl } from '../src/lib/email/settings.ts';
import { emailHtmlPath, emailTextPath, pathInSite } from '../src/lib/site/urls.ts';

const USAGE = '用法：npm run email -- <摘要 id> [--send --to 收件地址]';
const root = resolve(import.meta.dirname, '..');
const siteDir = join(root, 'dist');

/** The digests the last build made an email edition for, to suggest when an id is wrong. */
function builtEditions(): string[] {
  const digests = join(siteDir, 'digests');
  if (!existsSync(digests)) return [];
  return readdirSync(digests).filter((id) => existsSync(join(siteDir, pathInSite(emailHtmlPath(id)))));
}

async function readEdition(digestId: string): Promise<{ html: string; text: string }> {
  const htmlFile = join(siteDir, pathInSite(emailHtmlPath(digestId)));
  const textFile = join(siteDir, pathInSite(emailTextPath(digestId)));
  if (!existsSync(htmlFile) || !existsSync(textFile)) {
    const built = builtEditions();
    const hint = built.length > 0 ? `；已构建的摘要：${built.join('、')}` : '';
    throw new EmailError(
      `找不到 ${relative(root, htmlFile)} 或 email.txt：请先运行 npm run build，并确认摘要 id “${digestId}” 正确${hint}`,
    );
  }
  return { html: await readFile(htmlFile, 'utf8'), text: await readFile(textFile, 'utf8') };
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { send: { type: 'boolean', default: false }, to: { type: 'string' } },
    });
  } catch (error) {
    throw new EmailError(`${error instanceof Error ? error.message : String(error)}。${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [digestId, ...extra] = positionals;
  if (!digestId || extra.length > 0) throw new EmailError(USAGE);
  if (values.send && !values.to) throw new EmailError(`--send 需要收件地址 --to。${USAGE}`);
  if (!values.send && values.to) throw new EmailError(`--to 只和 --send 一起使用。${USAGE}`);

  // Everything an editor can get wrong is checked before anything is written or sent.
  const settings = emailSettings(process.env);
  const smtpUrl = values.send ? parseSmtpUrl(process.env.SMTP_URL) : undefined;
  const to = values.to ? mailbox(values.to, '--to').address : undefined;
  const edition = await readEdition(digestId);
  const options = messageOptions({
    ...edition,
    from: settings.from,
    listUnsubscribe: listUnsubscribeUrl(settings.unsubscribeUrl),
  });

  // The file has no To: it is the edition, not a letter to one person (and dist/ may be deployed).
  const outFile = join(siteDir, 'email', `${digestId}.eml`);
  await mkdir(join(siteDir, 'email'), { recursive: true });
  await writeFile(outFile, await composeEml(options));
  console.log(`已写出 ${relative(root, outFile)}（主题：${options.subject}；发件人：${settings.from}）`);

  if (smtpUrl && to) {
    const reply = await sendMessage(options, smtpUrl, to);
    console.log(`已通过 ${smtpUrl.hostname} 发送给 ${to}（服务器回复：${reply}）`);
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof EmailError)) throw error;
  console.error(`错误：${error.message}`);
  process.exitCode = 1;
}
