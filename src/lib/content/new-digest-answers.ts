/**
 * Reading the answers of `npm run new`, whether typed at its questions or given as flags. Each
 * reader either accepts the answer or says, in Chinese, what to type instead, so the wizard can
 * ask again and keep every earlier answer.
 */
import { closestId } from './content-rules.ts';
import { SOURCE_KINDS, type SourceKind } from './schema.ts';
import { isSlug } from './slug.ts';

export type Answer<T> = { ok: true; value: T } | { ok: false; problem: string };

const accept = <T>(value: T): Answer<T> => ({ ok: true, value });
const refuse = <T>(problem: string): Answer<T> => ({ ok: false, problem });

const KINDS = Object.keys(SOURCE_KINDS) as SourceKind[];

/** "a, b、c" → ["a", "b", "c"]: commas of either width and the enumeration comma. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The file name (without .mdx), which becomes the address /digests/<slug>/. */
export function readSlug(text: string): Answer<string> {
  const slug = text.trim();
  if (isSlug(slug)) return accept(slug);
  return refuse(`"${slug}" 不能用作文件名（应为：英文小写字母、数字和连字符，例如 guangxi-briefing-2023）`);
}

/** The report's own title, as the report writes it. */
export function readReportTitle(text: string): Answer<string> {
  const title = text.trim();
  return title ? accept(title) : refuse('报告原题是空的（应为：照录报告自己的标题）');
}

/** A report kind: its id, its Chinese name, or its number in the list the question shows. */
export function readKind(text: string): Answer<SourceKind> {
  const answer = text.trim();
  const byNumber = /^\d+$/.test(answer) ? KINDS[Number(answer) - 1] : undefined;
  const kind = byNumber ?? KINDS.find((id) => id === answer.toLowerCase() || SOURCE_KINDS[id] === answer);
  if (kind) return accept(kind);
  return refuse(
    `"${answer}" 不是已知的报告类型（应为：序号、英文 id 或中文名之一：${KINDS.map((id, index) => `${index + 1} ${id}（${SOURCE_KINDS[id]}）`).join('、')}；拿不准就选 other）`,
  );
}

/** One or more tags, each written as its id or its Chinese name. */
export function readTags(text: string, vocabulary: readonly { id: string; name: string }[]): Answer<string[]> {
  const ids = vocabulary.map((tag) => tag.id);
  const wanted = splitList(text);
  if (wanted.length === 0) return refuse(`至少要有一个标签（应为：${ids.join('、')} 中的一个或几个）`);
  const found: string[] = [];
  const unknown: string[] = [];
  for (const written of wanted) {
    const tag = vocabulary.find((entry) => entry.id === written || entry.name === written);
    if (tag) found.push(tag.id);
    else {
      const near = closestId(written, ids);
      unknown.push(near ? `"${written}"（是不是 "${near}"？）` : `"${written}"`);
    }
  }
  if (unknown.length > 0)
    return refuse(`没有这些标签：${unknown.join('、')}（应为：${ids.join('、')} 中的一个或几个）`);
  return accept([...new Set(found)]);
}
