/** Test data shared by the email modules' sibling tests. */
import type { FeedDigest } from '../feeds/feeds.ts';

/** A digest as feed-entries.ts hands it over: FeedArticle's rendering, already absolute. */
export const sampleDigest: FeedDigest = {
  id: 'sample',
  title: '大模型“百模大战”：数量与备案',
  description: '一份白皮书如何统计国内大模型。',
  pubDate: new Date('2026-11-20T00:00:00+08:00'),
  tags: ['政策'],
  contentHtml:
    '<p><img src="https://news.example.com/cards/sample.png" alt="摘要卡片：百模大战" width="1200" height="630"></p>' +
    '<p>摘自<cite>《白皮书》</cite>（白皮书）。</p><h2>关键数字</h2><ul><li>' +
    '<a href="https://news.example.com/digests/sample/#figure-count"><strong>超过140个</strong></a>：国内大模型数量（截至2023年7月）' +
    '<blockquote><p>原文：“国内已发布超过140个大模型”</p></blockquote></li></ul><hr>' +
    '<p>正文第一段，见<a href="https://news.example.com/tags/policy/">政策</a>。</p>',
};
