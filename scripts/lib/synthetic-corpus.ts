/**
 * A synthetic corpus for the site benchmark: any number of digests that pass the real content
 * check, shaped like the real ones (4 to 8 figures, 1 to 3 featured, Viewpoint and EditorNote in
 * a body of house length) and different enough that no two cards are alike, so a cold build
 * draws every card. Deterministic for a seed, so two runs of the benchmark build the same site.
 * Every character comes from the word lists below, all common GB2312 hanzi the card font draws.
 */
import { ENGLISH_QUALIFIERS, readQualifiers } from '../../src/lib/content/value-qualifier.ts';

/** One generated digest: its file name in src/content/digests and its MDX text. */
export interface SyntheticDigest {
  /** e.g. "synthetic-0007.mdx"; the collection id is the name without ".mdx". */
  file: string;
  /** The frontmatter as written (dates still quoted text), for tests and expected counts. */
  frontmatter: SyntheticFrontmatter;
  mdx: string;
  /**
   * Its English edition for every fourth digest (the first, fifth, …): the file in
   * src/content/en, same name, and its MDX text, naming every figure of the digest.
   */
  english?: { file: string; mdx: string };
}

/** One digest in this many gets an English edition. */
export const ENGLISH_EDITION_EVERY = 4;

export interface SyntheticFigure {
  id: string;
  value: string;
  numeric?: number;
  unit?: string;
  label: string;
  asOf: string;
  quote: string;
  metric?: string;
  featured: boolean;
}

export interface SyntheticFrontmatter {
  title: string;
  description: string;
  pubDate: string;
  source: { title: string; kind: string; publisher?: string; authors: string[]; date?: string };
  tags: string[];
  figures: SyntheticFigure[];
}

export interface CorpusOptions {
  /** Same seed, same corpus. */
  seed: number;
  /** Tag ids from src/content/tags.yaml. */
  tagIds: readonly string[];
  /** Metric ids from src/content/metrics.yaml; figures of a matching measure may name one. */
  metricIds: readonly string[];
}

/** A word list written as one line of space-separated words. */
const words = (list: string) => list.split(' ');

const REGIONS = words(
  '北京 上海 广东 浙江 江苏 山东 四川 湖北 湖南 安徽 福建 河南 河北 重庆 天津 陕西 广西 云南 贵州 江西 辽宁 吉林 山西 海南 甘肃 长三角 京津冀 成渝地区 粤港澳大湾区 中部地区',
);
const SECTORS = words(
  '金融 医疗 教育 制造 政务 能源 交通 农业 零售 法律 传媒 电信 汽车 物流 文旅 气象 水利 电力 建筑 城市治理',
);
const ASPECTS = words(
  '落地进展 算力布局 开源路线 安全治理 商业模式 人才供给 数据要素 标准体系 投融资 应用场景 产业链 政策环境 评测体系 芯片适配 多模态探索',
);
const TITLE_SHAPES: ((region: string, sector: string, aspect: string) => string)[] = [
  (r, s, a) => `${r}${s}大模型${a}观察`,
  (r, s, a) => `${s}行业大模型在${r}：${a}的机会与短板`,
  (r, s, a) => `从${a}看${r}${s}大模型`,
  (r, s, a) => `${r}的${s}大模型：${a}走到了哪一步`,
  (r, s, a) => `${a}之问：${r}${s}大模型的下一步`,
];

/** What a figure counts, with the unit it is counted in and the metric it may report. */
const MEASURES: { id: string; name: string; unit: string; metric?: string; scale: number }[] = [
  { id: 'model-count', name: '已发布的大模型', unit: '个', metric: 'china-model-count', scale: 300 },
  { id: 'developers', name: '研发大模型的企业', unit: '家', metric: 'model-developers', scale: 500 },
  { id: 'parameters', name: '旗舰模型参数规模', unit: '亿个参数', metric: 'model-parameters', scale: 5000 },
  { id: 'compute', name: '智能算力规模', unit: 'PFlops', scale: 20000 },
  { id: 'investment', name: '大模型相关投资', unit: '亿元', scale: 900 },
  { id: 'enterprise-users', name: '接入大模型的企业用户', unit: '万家', scale: 80 },
  { id: 'monthly-users', name: '大模型应用的月活跃用户', unit: '万人', scale: 9000 },
  { id: 'datasets', name: '开放的行业数据集', unit: '个', scale: 400 },
  { id: 'registered-services', name: '完成备案的生成式服务', unit: '款', scale: 120 },
  { id: 'downloads', name: '开源模型累计下载量', unit: '万次', scale: 3000 },
  { id: 'talent', name: '培训的人工智能人才', unit: '万人', scale: 60 },
  { id: 'daily-calls', name: '日均模型调用量', unit: '亿次', scale: 500 },
  { id: 'use-cases', name: '落地的典型应用案例', unit: '个', scale: 700 },
  { id: 'market-size', name: '相关产业规模', unit: '亿元', scale: 8000 },
];

const SURNAMES = words('王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 朱 胡 郭 何 林 高 罗');
const GIVEN = words('伟 芳 敏 静 强 磊 洋 艳 勇 军 杰 娟 涛 明 超 秀英 华 平 刚 建国 文 晓东 海燕 志强');
const ORGS = words('信息中心 人工智能研究院 大数据局 科技大学 产业联盟 经济研究所 发展研究中心 计算研究所');
const ROLES = words('主任 院长 研究员 首席专家 副教授 总工程师 秘书长');
const KINDS = words('journal-article government-briefing newspaper magazine white-paper other');
const VALUE_SHAPES: ((n: string, unit: string) => string)[] = [
  (n, u) => `${n}${u}`,
  (n, u) => `超过${n}${u}`,
  (n, u) => `约${n}${u}`,
  (n, u) => `近${n}${u}`,
  (n, u) => `${n}${u}以上`,
];
const QUOTE_OPENINGS = ['报告显示，', '据不完全统计，', '截至目前，', '调查表明，', ''];
// No qualifier among the verbs ("突破", "超过"): the value would have to carry it (value-qualifier.ts).
const QUOTE_VERBS = ['已达到', '达到', '约为', '已经增至', '累计为'];
const QUOTE_ENDINGS = [
  '，较上年明显增长。',
  '，位居全国前列。',
  '。',
  '，增速有所放缓。',
  '，其中过半集中在头部企业。',
];

/** Sentences of the body; {r} region, {s} sector, {a} aspect, {o} organisation. */
const SENTENCES = [
  '报告认为，{r}{s}领域的大模型应用已经从试点走向规模化部署，但不同机构之间的进度差异明显。',
  '在{a}方面，报告给出的判断相对审慎：基础条件已经具备，真正的瓶颈在于场景与数据的衔接。',
  '{o}的调研覆盖了数十家企业和机构，样本以头部企业为主，中小企业的情况着墨不多。',
  '报告把{s}行业的需求归纳为降本、提效和风险控制三类，并认为第三类最能体现大模型的价值。',
  '与上一年相比，{r}在{a}上的投入明显增加，但投入产出的测算方法没有公开。',
  '多家受访企业表示，通用大模型难以直接解决{s}业务中的具体问题，需要结合行业知识进行再训练。',
  '报告提醒，数据质量和标注成本仍是{s}大模型落地的主要障碍，公共数据开放的节奏也有待加快。',
  '从区域分布看，{r}的研发力量集中在少数城市，算力资源的调度和共享机制尚不完善。',
  '作者主张以应用带动研发，先在容错率较高的环节积累经验，再逐步进入核心业务流程。',
  '报告还梳理了{a}相关的地方政策，指出政策工具以资金补贴和算力券为主，评估机制较少。',
  '在安全与合规方面，报告强调模型输出的可解释性和可追溯性，并建议建立行业级的评测基准。',
  '对于人才问题，报告认为既懂{s}业务又懂模型训练的复合型人才最为紧缺。',
  '报告引用的案例显示，大模型在客服、文档处理和知识检索等环节的效果最为明显。',
  '报告对开源路线持开放态度，但也指出开源模型在{s}场景中的合规责任需要进一步明确。',
  '作者判断，未来两到三年{r}{s}大模型的竞争焦点将从参数规模转向应用深度和服务质量。',
  '部分数字来自企业自报，报告没有说明统计口径，横向比较时需要谨慎。',
  '报告专门讨论了{s}机构自建模型与采购服务两种路径的成本差异，认为中小机构更适合后者。',
  '{o}建议设立{s}行业的公共测试环境，让企业在上线前验证模型的准确性与稳定性。',
  '报告注意到，{r}已有多个园区把大模型列为招商重点，但配套的数据与算力服务仍在建设中。',
  '在{a}问题上，报告列举了三种常见做法，并逐一分析了它们的适用条件和潜在风险。',
  '受访者普遍认为，模型效果的评价不能只看通用榜单，更要看在真实业务中的表现。',
  '报告对未来的预测较为乐观，但没有给出情景分析，也没有讨论外部环境变化带来的影响。',
  '从用户反馈看，{s}从业人员最关心的是输出内容的准确性，其次才是响应速度和使用成本。',
  '报告还提到，跨部门的数据共享仍然依赖个案协调，缺少稳定的制度安排。',
];
const SECTION_TITLES = words('发展现状 主要做法 存在的问题 下一步建议 典型案例 区域比较');
const QUESTIONS = [
  '报告中的多项数字来自企业自报，统计口径和时点没有统一说明。',
  '报告没有给出投入产出的测算方法，效益判断缺少数据支撑。',
  '样本以头部企业为主，中小企业的实际情况如何，报告没有回答。',
  '报告提到的评测基准由谁制定、如何更新，没有展开。',
  '算力资源的利用率是多少，报告只给出了规模，没有给出使用情况。',
];

/** mulberry32: a tiny seeded generator, enough for varied and repeatable text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The largest corpus with distinct titles: one title per region, sector and aspect. */
export const MAX_SYNTHETIC_DIGESTS = REGIONS.length * SECTORS.length * ASPECTS.length;

/** The first day pubDates may fall on, and how many days they spread over (about 5 years). */
const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = 5 * 365 + 200;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const quoted = (text: string) => JSON.stringify(text);

/** `count` synthetic digests, the same ones for the same options. */
export function syntheticCorpus(count: number, options: CorpusOptions): SyntheticDigest[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC_DIGESTS) {
    throw new RangeError(`A synthetic corpus has 0 to ${MAX_SYNTHETIC_DIGESTS} digests, not ${count}.`);
  }
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const sample = <T>(items: readonly T[], size: number): T[] => {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, size);
  };
  // Each digest gets its own (region, sector, aspect), so titles never repeat.
  const combinations = sample(
    Array.from({ length: MAX_SYNTHETIC_DIGESTS }, (_, index) => index),
    count,
  );
  return combinations.map((combination, index) => {
    const region = REGIONS[combination % REGIONS.length]!;
    const sector = SECTORS[Math.floor(combination / REGIONS.length) % SECTORS.length]!;
    const aspect = ASPECTS[Math.floor(combination / (REGIONS.length * SECTORS.length))]!;
    const person = () => `${pick(SURNAMES)}${pick(GIVEN)}`;
    const org = `${region}${pick(ORGS)}`;
    const year = between(2021, 2025);

    const figureCount = between(4, 8);
    const featuredCount = between(1, 3);
    const figures = sample(MEASURES, figureCount).map((measure, at): SyntheticFigure => {
      const amount = Math.max(2, Math.round(measure.scale * (0.05 + next())));
      const value = pick(VALUE_SHAPES)(String(amount), measure.unit);
      const label = `${region}${sector}领域${measure.name}`;
      const figure: SyntheticFigure = {
        id: measure.id,
        value,
        label,
        asOf: next() < 0.25 ? '未注明' : `截至${year}年${between(1, 12)}月底`,
        quote: `${pick(QUOTE_OPENINGS)}${label}${pick(QUOTE_VERBS)}${value}${pick(QUOTE_ENDINGS)}`,
        featured: at < featuredCount,
      };
      if (next() < 0.7) Object.assign(figure, { numeric: amount, unit: measure.unit });
      if (measure.metric && options.metricIds.includes(measure.metric) && next() < 0.6) figure.metric = measure.metric;
      return figure;
    });

    const fill = (sentence: string) =>
      sentence.replaceAll('{r}', region).replaceAll('{s}', sector).replaceAll('{a}', aspect).replaceAll('{o}', org);
    const paragraph = (sentences: number) => sample(SENTENCES, sentences).map(fill).join('');
    const sourceTitle = `${region}${sector}大模型发展报告（${year}）`;
    const publisher = next() < 0.7 ? org : undefined;
    const authors = Array.from({ length: between(0, 3) }, person);
    const sourceDate = next() < 0.6 ? `${year}-${String(between(1, 12)).padStart(2, '0')}` : undefined;
    const frontmatter: SyntheticFrontmatter = {
      title: pick(TITLE_SHAPES)(region, sector, aspect),
      description: `${publisher ?? '一份未署发布机构的报告'}梳理了${region}${sector}大模型的${aspect}，给出${figureCount}个关键数字，并讨论了落地中的难点。`,
      pubDate: isoDay(FIRST_DAY + between(0, DAYS) * 86_400_000),
      source: {
        title: sourceTitle,
        kind: pick(KINDS),
        ...(publisher ? { publisher } : {}),
        authors,
        ...(sourceDate ? { date: sourceDate } : {}),
      },
      tags: sample(options.tagIds, between(1, 4)),
      figures,
    };

    const viewpoints = Array.from(
      { length: between(1, 3) },
      () =>
        `<Viewpoint who="${person()}" role="${region}${pick(ORGS)}${pick(ROLES)}">${fill(pick(SENTENCES))}</Viewpoint>`,
    );
    const sections = sample(SECTION_TITLES, between(3, 4)).map(
      (heading) => `### ${heading}\n\n${paragraph(between(4, 6))}`,
    );
    const body = [
      `这是一份关于${region}${sector}大模型${aspect}的报告摘要。${paragraph(3)}`,
      `## 要点\n\n${figures
        .slice(0, between(3, Math.min(6, figures.length)))
        .map((figure) => `- ${figure.label}：${figure.value}（${figure.asOf}）。`)
        .join('\n')}`,
      `## 报告怎么说\n\n${sections.join('\n\n')}`,
      `## 各方观点\n\n${viewpoints.join('\n\n')}`,
      `## 留待追问\n\n${sample(QUESTIONS, 3)
        .map((question) => `- ${question}`)
        .join('\n')}`,
      ...(next() < 0.5 ? [`<EditorNote>${fill(pick(SENTENCES))}本文数字照录报告原文，未作换算。</EditorNote>`] : []),
    ].join('\n\n');

    const file = `synthetic-${String(index + 1).padStart(4, '0')}.mdx`;
    return {
      file,
      frontmatter,
      mdx: `${frontmatterYaml(frontmatter)}\n${body}\n`,
      // Written without the seeded generator, so the Chinese corpus is the one it always was.
      ...(index % ENGLISH_EDITION_EVERY === 0 && { english: { file, mdx: englishEdition(index + 1, frontmatter) } }),
    };
  });
}

/** The English words for the qualifier the quote gives a figure's value ("more than "), if any. */
function englishQualifier(figure: { value: string; quote: string }): string {
  const [qualifier] = readQualifiers(figure.value, figure.quote)?.qualifiers ?? [];
  return qualifier ? `${ENGLISH_QUALIFIERS[qualifier.sense][0]} ` : '';
}

/**
 * An English edition of a synthetic digest, of about the house length, with both components.
 * Its words are plain ASCII, so every card font draws them.
 */
function englishEdition(number: number, digest: SyntheticFrontmatter): string {
  const figures = digest.figures.flatMap((figure, at) => [
    `  - id: ${figure.id}`,
    `    value: ${quoted(`${englishQualifier(figure)}${figure.numeric ?? at + 2} (synthetic)`)}`,
    `    label: ${quoted(`Synthetic measure ${at + 1} of report ${number}`)}`,
    `    quoteTranslation: ${quoted(`The synthetic report gives measure ${at + 1} as ${figure.numeric ?? at + 2}.`)}`,
  ]);
  const paragraph = (topic: string) =>
    `This synthetic paragraph on ${topic} stands in for an English digest of report ${number}. ` +
    'It runs to about the length of a real paragraph, so that pages, feeds and the search index ' +
    'hold as much English text as real editions would, and it says nothing a report states.';
  return [
    '---',
    `title: ${quoted(`Synthetic digest ${number}: a report on large models, in English`)}`,
    `description: ${quoted(`A synthetic English edition of synthetic digest ${number}, for the site benchmark.`)}`,
    'figures:',
    ...figures,
    '---',
    '',
    paragraph('the report'),
    '',
    '## Key points',
    '',
    ...digest.figures.map((_, at) => `- Synthetic point ${at + 1}: the report gives a figure for it.`),
    '',
    '## What the report says',
    '',
    ...['policy', 'developers', 'applications'].flatMap((topic) => [`### On ${topic}`, '', paragraph(topic), '']),
    '<Viewpoint who="A synthetic expert" role="A synthetic institute">A synthetic view, in our words.</Viewpoint>',
    '',
    '<EditorNote>The figures above are synthetic.</EditorNote>',
    '',
  ].join('\n');
}

/** The frontmatter block, every text double-quoted (pubDate must be quoted, see schema.ts). */
function frontmatterYaml(data: SyntheticFrontmatter): string {
  const { source } = data;
  const lines = [
    '---',
    `title: ${quoted(data.title)}`,
    `description: ${quoted(data.description)}`,
    `pubDate: ${quoted(data.pubDate)}`,
    'source:',
    `  title: ${quoted(source.title)}`,
    `  kind: ${source.kind}`,
    ...(source.publisher ? [`  publisher: ${quoted(source.publisher)}`] : []),
    `  authors: [${source.authors.map(quoted).join(', ')}]`,
    ...(source.date ? [`  date: ${quoted(source.date)}`] : []),
    `tags: [${data.tags.join(', ')}]`,
    'figures:',
    ...data.figures.flatMap((figure) => [
      `  - id: ${figure.id}`,
      `    value: ${quoted(figure.value)}`,
      ...(figure.numeric === undefined ? [] : [`    numeric: ${figure.numeric}`, `    unit: ${quoted(figure.unit!)}`]),
      `    label: ${quoted(figure.label)}`,
      `    asOf: ${quoted(figure.asOf)}`,
      `    quote: ${quoted(figure.quote)}`,
      ...(figure.metric ? [`    metric: ${figure.metric}`] : []),
      `    featured: ${figure.featured}`,
    ]),
    '---',
  ];
  return lines.join('\n');
}
