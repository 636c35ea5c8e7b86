/**
 * `npm run email -- <digest-id> [--send --to ADDRESS]`: writes the digest's email edition as a
 * message file, email-editions/<digest-id>.eml (multipart/alternative, text and HTML, UTF-8), from
 * the <digest-id>.html and .txt the build made there; with --send, sends it to ADDRESS through the
 * SMTP server in SMTP_URL as a test. From comes from EMAIL_FROM, List-Unsubscribe from
 * EMAIL_UNSUBSCRIBE_URL when that is a real URL (see src/lib/email/settings.ts).
 *
 * A build makes editions for the digests the feed carries. For an older digest, this runs the
 * build once more with EMAIL_DIGESTS=<digest-id>, which adds that digest's edition (the site it
 * publishes is the same; unchanged pages are copied from the cache).
 *
 * Any problem is one line on stderr and exit code 1; nothing is written or sent after it.
 */
import { spawnSync } from 'node:child_process';
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
import { EMAIL_EDITIONS_DIR } from '../src/lib/site/urls.ts';

const USAGE = '用法：npm run email -- <摘要 id> [--send --to 收件地址]';
const root = resolve(import.meta.dirname, '..');
const editionsDir = join(root, EMAIL_EDITIONS_DIR);
const digestsDir = join(root, 'src/content/digests');

const editionFiles = (digestId: string) => ({
  html: join(editionsDir, `${digestId}.html`),
  text: join(editionsDir, `${digestId}.txt`),
});

/**
 * The digest's edition from the last build; for a digest the build made none for (older than
 * the feed's window), the build runs once more, adding it.
 */
async function readEdition(digestId: string): Promise<{ html: string; text: string }> {
  const files = editionFiles(digestId);
  if (!existsSync(files.html) || !existsSync(files.text)) {
    if (!existsSync(join(digestsDir, `${digestId}.mdx`))) {
      const ids = existsSync(digestsDir) ? readdirSync(digestsDir).filter((name) => name.endsWith('.mdx')) : [];
      const hint = ids.length > 0 ? `；现有的摘要：${ids.map((name) => name.replace(/\.mdx$/, '')).join('、')}` : '';
      throw new EmailError(`没有 id 为“${digestId}”的摘要（src/content/digests/${digestId}.mdx 不存在）${hint}`);
    }
    console.log(`${relative(root, files.html)} 还没有：运行 npm run build，加上这篇摘要的邮件版……`);
    const build = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, EMAIL_DIGESTS: digestId },
    });
    if (build.status !== 0 || !existsSync(files.html) || !existsSync(files.text)) {
      throw new EmailError(`构建没有写出 ${relative(root, files.html)}：按上面构建的提示改好后再试`);
    }
  }
  return { html: await readFile(files.html, 'utf8'), text: await readFile(files.text, 'utf8') };
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

  // The file has no To: it is the edition, not a letter to one person.
  const outFile = join(editionsDir, `${digestId}.eml`);
  await mkdir(editionsDir, { recursive: true });
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
