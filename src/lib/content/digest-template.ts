/**
 * The new-digest template `npm run new` writes: complete, commented frontmatter and the house
 * structure of a digest. It is a draft that passes the content check as it stands, so a
 * contributor can preview it at once and replace the placeholders one by one.
 */
import { isoDay } from '../site/dates.ts';
import { SOURCE_KINDS, type SourceKind } from './schema.ts';

export interface NewDigest {
  /** The file name without .mdx; it becomes the address /digests/<slug>/. */
  slug: string;
  /** The report's own title. */
  reportTitle: string;
  kind: SourceKind;
  publisher?: string | undefined;
  authors: readonly string[];
  tags: readonly string[];
  /** The digest's date; today unless given. */
  date: Date;
}

/** A summary names the work it summarises; its own publisher and authors stay the summary's. */
const SUMMARISES_BLOCK = `  summarises:                 # 这份摘要所摘要的原作（kind: summary 必填）
    title: "待填写：原作标题"   # 原作标题，照摘要的写法，不加书名号
    kind: other               # 原作的类型，取值同上
    # publisher: "原作发布机构" # 摘要写明原作的发布机构时填写；上面的 publisher 只写摘要自己的发布方`;

const SUMMARISES_HINT =
  '  # summarises: …             # 仅当报告是对另一作品的摘要（kind: summary）时填写，见 CONTRIBUTING.md';

/** A YAML double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

/** The MDX text of a new digest. */
export function digestTemplate(digest: NewDigest): string {
  const kinds = Object.entries(SOURCE_KINDS)
    .map(([id, label]) => `${id}（${label}）`)
    .join('、');
  const figure = (
    n: number,
    featured: boolean,
  ) => `  - id: figure-${n}              # 英文小写加连字符，本篇内唯一，例如 model-count
    value: "待填写${n}"            # 报告原文写法，例如 "超过140个"；必须原样出现在 quote 中
    label: "待填写：这个数字衡量什么" # 几个字说明，例如 "国内已推出的大模型数量"
    asOf: "未注明"               # 报告所说的时点，例如 "截至2023年7月底"；报告没写就保留 "未注明"
    quote: "待填写${n}：从报告逐字复制包含数值的原句"  # 逐字照录（空白除外），不改错字
    # asOfDate: "2023-07"      # 可选：报告为这个数字写明的年份/年月/日期（"YYYY"、"YYYY-MM"、"YYYY-MM-DD"）；没写就不填
    # numeric: 140             # 可选：纯数字，供图表使用
    # unit: "个"               # 可选：numeric 的单位
    # metric: china-model-count # 可选：若与其他报告比较同一指标，填 src/content/metrics.yaml 中的 id
    featured: ${featured}              # 卡片与首页展示的数字，每篇最多 3 个`;
  return `---
# 新摘要模板：逐项替换“待填写”。字段说明见 CONTRIBUTING.md；npm run check:content 会指出问题所在的行。
title: "待填写：我们的标题（不是报告原题）"
description: "待填写：一两句话，说明这份报告是什么、最值得读的结论。"
pubDate: "${isoDay(digest.date)}"      # 摘要发布日期，必须加引号
draft: true                   # 写完并通过检查后改为 false 才会发布
source:
  title: ${quoted(digest.reportTitle)}
  kind: ${digest.kind}              # 取值之一：${kinds}
${digest.publisher ? `  publisher: ${quoted(digest.publisher)}` : '  # publisher: "发布机构"   # 仅当报告写明时填写'}
  authors: [${digest.authors.map(quoted).join(', ')}]             # 报告署名的作者；没有署名就留空 []
  # date: "2023-12-14"        # 仅当报告写明日期时填写："YYYY"、"YYYY-MM" 或 "YYYY-MM-DD"
  # url: "https://…"          # 仅当报告给出地址时填写
${digest.kind === 'summary' ? SUMMARISES_BLOCK : SUMMARISES_HINT}
tags: [${digest.tags.join(', ')}]   # src/content/tags.yaml 中的 id，至少一个
figures:                      # 1 到 8 个关键数字
${figure(1, true)}
${figure(2, false)}
---

待填写：导语。两到四句话：这是什么报告，核心判断是什么，为什么值得读。每段写成一行，不要在段落中间换行。

## 要点

- 待填写：三到六条要点。

## 报告怎么说

### 待填写：按报告自己的结构分节

待填写：用自己的话概括这一节的论点。

## 各方观点

<Viewpoint who="待填写：姓名" role="待填写：报告所述身份">待填写：用自己的话概括其观点。</Viewpoint>

## 留待追问

待填写：报告没有回答的问题、没有注明的出处与日期、缺少数据支撑的判断。
`;
}
