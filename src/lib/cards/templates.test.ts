import { describe, expect, it } from 'vitest';
import type { DigestCard, FigureCard } from './card-data.ts';
import { qrCodeImage } from './qr-code.ts';
import { CARD_LABELS, cardElement, type CardElement } from './templates.ts';

const digestCard: DigestCard = {
  kind: 'digest',
  siteName: '百模观察',
  headline: '国产大模型：从“生下来”到“用起来”',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书，中国人工智能学会）',
  figures: [{ value: '超过140个', label: '国内大模型数量', asOf: '截至2023年7月底' }],
};

const figureCard: FigureCard = {
  kind: 'figure',
  siteName: '百模观察',
  figure: { value: '超过140个', label: '国内大模型数量', asOf: '截至2023年7月底' },
  quoteExcerpt: '当前，我国推出的大模型已超过140个',
  sourceLine: '《国产大模型研发现状与创新方向》（白皮书）',
  digestTitle: '国产大模型：从“生下来”到“用起来”',
};

const URL = 'https://news.example.com/digests/models-130/figures/model-count/';

/** Every text and every image of an element tree, in document order. */
function contents(element: CardElement): { texts: string[]; images: CardElement[] } {
  const texts: string[] = [];
  const images: CardElement[] = [];
  const walk = (node: CardElement | string) => {
    if (typeof node === 'string') return void texts.push(node);
    if (node.type === 'img') images.push(node);
    const children = node.props.children;
    for (const child of Array.isArray(children) ? children : children === undefined ? [] : [children]) walk(child);
  };
  walk(element);
  return { texts, images };
}

describe('cardElement', () => {
  it('labels a digest card footer 来源, but not the site card, which cites no report', () => {
    const size = { width: 1200, height: 630 };
    expect(contents(cardElement(digestCard, size)).texts).toContain(CARD_LABELS.source);
    const site = contents(cardElement({ ...digestCard, unsourced: true }, size)).texts;
    expect(site).not.toContain(CARD_LABELS.source);
    expect(site).toContain(digestCard.sourceLine);
  });

  it.each([
    ['digest', { ...digestCard, poster: { url: URL } }],
    ['figure', { ...figureCard, poster: { url: URL } }],
  ] as const)('draws a %s poster with its source and the QR code of its URL, captioned', (_kind, card) => {
    const { texts, images } = contents(cardElement(card, { width: 1080, height: 1440 }));
    expect(texts).toEqual(expect.arrayContaining([CARD_LABELS.source, card.sourceLine, CARD_LABELS.scanToRead]));
    expect(images).toHaveLength(1);
    const qrCode = qrCodeImage(URL);
    expect(images[0]?.props.src).toBe(qrCode.src);
    // A whole number of pixels per module, at least 6, so module edges fall on pixel edges.
    const side = images[0]?.props.width ?? 0;
    expect(side % qrCode.modules).toBe(0);
    expect(side / qrCode.modules).toBeGreaterThanOrEqual(6);
  });

  it('draws no QR code on a card', () => {
    expect(contents(cardElement(figureCard, { width: 1200, height: 630 })).images).toEqual([]);
  });
});
