/**
 * /llms.txt (https://llmstxt.org/): a Markdown index of the site for language-model agents. An
 * H1 with the site's name, a one-paragraph summary as a blockquote, then H2 sections of links:
 * the newest digests (title and summary line), the figures as data, the metrics, the feeds and
 * the about page. Every link is absolute and spelled by urls.ts. It lists at most
 * LLMS_DIGEST_LIMIT digests and says where the rest are, so it stays a few kilobytes at any size.
 */
import { SITE } from '../site/site.ts';
import {
  aboutPath,
  absoluteUrl,
  archivePath,
  digestPath,
  figuresCsvPath,
  figuresIndexPath,
  figuresJsonPath,
  figuresSchemaPath,
  jsonFeedPath,
  metricPath,
  rssPath,
  tagFeedPath,
} from '../site/urls.ts';
import { FEED_ITEM_LIMIT } from './feeds.ts';

/**
 * How many digests llms.txt lists, newest first: about a year of issues, ~8 KB. Older ones are
 * one link away, in the archive.
 */
export const LLMS_DIGEST_LIMIT = 50;

export interface LlmsTxtInput {
  site: URL | string;
  /** Published digests, newest first, as the pages list them. */
  digests: readonly { id: string; title: string; description: string }[];
  /** The metrics, in the order of metrics.yaml. */
  metrics: readonly { id: string; name: string; description: string }[];
  /** The tags, each with its own feed. */
  tags: readonly { id: string; name: string }[];
  limit?: number;
}

/** Content is untrusted text: one line, no Markdown a reader of the file could mistake for structure. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();
const linkText = (text: string) => line(text).replace(/[\\[\]]/g, (character) => `\\${character}`);
/** Parentheses would end a Markdown link's destination early. */
const destination = (url: string) => url.replace(/\(/g, '%28').replace(/\)/g, '%29');

/** A list entry: `- [name](url): notes`, the form llmstxt.org gives for its file lists. */
function entry(name: string, url: string, notes?: string): string {
  return `- [${linkText(name)}](${destination(url)})${notes ? `: ${line(notes)}` : ''}`;
}

/** The whole file. */
export function llmsTxt({ site, digests, metrics, tags, limit = LLMS_DIGEST_LIMIT }: LlmsTxtInput): string {
  const url = (path: string) => absoluteUrl(path, site);
  const listed = digests.slice(0, limit);
  const rest = digests.length - listed.length;
  const sections: string[] = [
    `# ${SITE.name}`,
    `> ${line(SITE.description)}${SITE.name}（${SITE.englishName}）以简体中文写作：每篇摘要对应一份报告，用自己的话概括论点与各方观点，列出报告中的关键数字，并逐字附上包含该数字的报告原句、它所指的时点和报告出处；报告没有写明的日期与作者标为“未注明”。全部关键数字及其原文引语另有机读数据（JSON 与 CSV），同一指标在各报告中的说法在指标页上并列比较。`,
  ];

  const digestLines = listed.map((digest) => entry(digest.title, url(digestPath(digest.id)), digest.description));
  const more =
    rest > 0
      ? `以上是最新的 ${listed.length} 篇，共 ${digests.length} 篇；其余 ${rest} 篇按年份列在[归档](${destination(url(archivePath))})中。`
      : `以上是全部 ${digests.length} 篇；按年份浏览见[归档](${destination(url(archivePath))})。`;
  sections.push(['## 摘要（最新在前）', '', ...digestLines, '', more].join('\n'));

  sections.push(
    [
      '## 关键数字（数据）',
      '',
      entry(
        'figures.json',
        url(figuresJsonPath),
        '每个已发布的关键数字：数值、时点、逐字原文引语、所属摘要与报告，JSON',
      ),
      entry('figures.schema.json', url(figuresSchemaPath), 'figures.json 遵循的 JSON Schema'),
      entry('figures.csv', url(figuresCsvPath), '同一数据的 CSV（UTF-8，带 BOM）'),
      entry('关键数字', url(figuresIndexPath), '按指标汇总的全部关键数字'),
      ...metrics.map((metric) => entry(metric.name, url(metricPath(metric.id)), metric.description)),
    ].join('\n'),
  );

  sections.push(
    [
      '## 订阅源',
      '',
      entry('RSS', url(rssPath), `最新 ${FEED_ITEM_LIMIT} 篇摘要的全文与关键数字`),
      entry('JSON Feed', url(jsonFeedPath), '同上，JSON Feed 1.1'),
      ...tags.map((tag) => entry(`标签“${tag.name}”的 RSS`, url(tagFeedPath(tag.id)))),
    ].join('\n'),
  );

  sections.push(
    ['## 关于', '', entry(`关于${SITE.name}`, url(aboutPath), '本站是什么、如何订阅、如何投稿')].join('\n'),
  );
  return `${sections.join('\n\n')}\n`;
}
