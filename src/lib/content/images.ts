/**
 * The images a digest may show: local files in a folder of the digest's own, named like the
 * digest file without ".mdx" (`src/content/digests/foo.mdx` shows `src/content/digests/foo/…`,
 * written `![说明](./foo/chart.png)`), in a format the image pipeline converts. Astro's
 * astro:assets turns each into resized WebP files with width, height and srcset, and the feeds
 * and email editions carry absolute URLs to them.
 *
 * Refused, each with a message that says what to do instead: a remote image (its host would
 * learn who reads each page, and the CSP would have to allow every host), an address that
 * leaves the folder (`../../../../etc/hostname` would make the build read any file), an SVG
 * (opened on its own, an SVG runs its scripts), an image larger than IMAGE_PIXEL_LIMIT (a
 * few kilobytes of PNG can declare a billion pixels and stall the build decoding them), and an
 * image whose pixels do not all decode (a file cut short would be published half grey).
 */
import { posix } from 'node:path';
import { explain } from './schema.ts';
import { urlScheme } from './safe-url.ts';

/** The most pixels an image may have: 25 megapixels, a 6000×4000 photograph. */
export const IMAGE_PIXEL_LIMIT = 25_000_000;

/** Formats the pipeline converts, by the name Astro's probe gives them, with their extensions. */
export const IMAGE_FORMATS: Readonly<Record<string, readonly string[]>> = {
  png: ['.png'],
  jpg: ['.jpg', '.jpeg'],
  webp: ['.webp'],
  avif: ['.avif'],
  gif: ['.gif'],
};

const EXTENSIONS = Object.values(IMAGE_FORMATS).flat();
const FORMAT_NAMES = 'PNG、JPEG、WebP、AVIF 或 GIF';

/** The digest's image folder, relative to the digests folder: "foo/" for "foo.mdx". */
export function imageFolder(entry: string): string {
  return `${entry.replace(/\.mdx$/, '')}/`;
}

/** How the image address is written in a message and in the advice: `./foo/图片.png`. */
function example(entry: string): string {
  return `![说明](./${posix.basename(imageFolder(entry))}/图片.png)`;
}

function saveHere(entry: string): string {
  return `把图片保存到这篇摘要自己的文件夹 src/content/digests/${imageFolder(entry)} 里，写成 ${example(entry)}`;
}

/** The first characters of an address, for a message. */
function shown(url: string): string {
  return url.length > 60 ? `${url.slice(0, 60)}…` : url;
}

/**
 * The image file an address names, relative to the digests folder, or a message saying why it
 * may not be shown. `entry` is the digest's path in the digests folder ("foo.mdx"). Astro reads
 * the address decoded (decodeURI), so it is checked that way too.
 */
export function imageAddress(url: string, entry: string): { path: string } | { problem: string } {
  const where = `图片地址 "${shown(url)}"`;
  if (urlScheme(url) !== undefined || url.startsWith('//')) {
    return {
      problem: explain(`${where} 是别的网站上的图片：读者每次打开页面，那个网站都会知道是谁在读`, saveHere(entry)),
    };
  }
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return { problem: explain(`${where} 里的 % 编码无法解读`, saveHere(entry)) };
  }
  const folder = imageFolder(entry);
  const path = posix.normalize(posix.join(posix.dirname(entry), decoded));
  if (decoded.startsWith('/') || /[?#\\\0]/.test(decoded) || !path.startsWith(folder) || path === folder) {
    return {
      problem: explain(`${where} 不在这篇摘要自己的图片文件夹 src/content/digests/${folder} 里`, saveHere(entry)),
    };
  }
  const extension = posix.extname(path).toLowerCase();
  if (extension === '.svg' || extension === '.svgz') return { problem: svgProblem(url) };
  if (!EXTENSIONS.includes(extension)) {
    return { problem: explain(`${where} 不是 ${FORMAT_NAMES} 图片`, `${FORMAT_NAMES} 图片，扩展名如 .png、.jpg`) };
  }
  return { path };
}

function svgProblem(url: string): string {
  return explain(
    `图片 "${shown(url)}" 是 SVG：单独打开一个 SVG 文件时，它里面的脚本会运行`,
    `导出成 PNG（图表、示意图）或 JPEG（照片）再放进文件夹，例如用浏览器打开后截图`,
  );
}

/** What the content check learnt of an image file (image-facts.ts). */
export type ImageFacts =
  /**
   * A regular file; `format` is undefined when its header is not an image's, and `damaged` is
   * true when the header is sound but the pixels do not all decode.
   */
  | {
      kind: 'file';
      format?: string | undefined;
      width?: number | undefined;
      height?: number | undefined;
      damaged?: boolean;
    }
  /** A link or special file: refused on its own (regular-files.ts), nothing more to say here. */
  | { kind: 'irregular' };

/** "2500 万" for 25,000,000. */
function megapixels(pixels: number): string {
  const tenThousands = pixels / 10_000;
  return tenThousands >= 10_000
    ? `${Number((tenThousands / 10_000).toFixed(1))} 亿`
    : `${Number(tenThousands.toFixed(1))} 万`;
}

/** The message for the image file an address names, or undefined when it may be shown. */
export function imageFileProblem(url: string, path: string, facts: ImageFacts | undefined): string | undefined {
  const where = `图片 "${shown(url)}"`;
  if (facts?.kind === 'irregular') return undefined;
  if (!facts) {
    return explain(
      `${where} 不存在`,
      `把图片文件放进 src/content/digests/${posix.dirname(path)}/，文件名与这里写的一致`,
    );
  }
  if (facts.format === 'svg') return svgProblem(url);
  if (!facts.format || !(facts.format in IMAGE_FORMATS) || !facts.width || !facts.height) {
    return explain(`${where} 的内容不是 ${FORMAT_NAMES} 图片`, `用图片软件另存为 ${FORMAT_NAMES}`);
  }
  const pixels = facts.width * facts.height;
  if (pixels > IMAGE_PIXEL_LIMIT) {
    return explain(
      `${where} 有 ${facts.width}×${facts.height} 像素（${megapixels(pixels)}像素），超过上限 ${megapixels(IMAGE_PIXEL_LIMIT)}像素`,
      `缩小到 ${megapixels(IMAGE_PIXEL_LIMIT)}像素以内再放进文件夹，例如 6000×4000；网页上的图片最宽不过两千来像素`,
    );
  }
  if (facts.damaged) {
    return explain(
      `${where} 的文件 src/content/digests/${path} 不完整或已损坏：开头完好，像素却无法全部解码（常见于没下载完或没复制完的文件），发布出去会缺掉一块`,
      '完整的图片文件：从原处重新导出或重新下载，用看图软件打开确认整张图都在，再放进文件夹',
    );
  }
  return undefined;
}
