import { describe, expect, it } from 'vitest';
import { IMAGE_PIXEL_LIMIT, imageAddress, imageFileProblem, imageFolder } from './images.ts';

const SAVE_HERE = '把图片保存到这篇摘要自己的文件夹 src/content/digests/foo/ 里，写成 ![说明](./foo/图片.png)';

describe('imageFolder', () => {
  it('is the digest file name without .mdx, in the same folder', () => {
    expect(imageFolder('foo.mdx')).toBe('foo/');
    expect(imageFolder('2024/foo.mdx')).toBe('2024/foo/');
  });
});

describe('imageAddress', () => {
  it('accepts an image in the digest folder of its own, as Astro reads the address', () => {
    expect(imageAddress('./foo/chart.png', 'foo.mdx')).toEqual({ path: 'foo/chart.png' });
    expect(imageAddress('foo/sub/%E5%9B%BE.JPG', 'foo.mdx')).toEqual({ path: 'foo/sub/图.JPG' });
    expect(imageAddress('./bar/chart.webp', '2024/bar.mdx')).toEqual({ path: '2024/bar/chart.webp' });
  });

  it('refuses a remote image, saying to save it into the folder', () => {
    for (const url of ['https://example.org/x.png', 'http://example.org/x.png', '//example.org/x.png'])
      expect(imageAddress(url, 'foo.mdx')).toEqual({
        problem: `图片地址 "${url}" 是别的网站上的图片：读者每次打开页面，那个网站都会知道是谁在读（应为：${SAVE_HERE}）`,
      });
  });

  it('refuses an address that leaves the folder, or names a site path, a query or another digest folder', () => {
    for (const url of [
      '../../../../etc/hostname',
      './foo/../../secrets.png',
      '/cards/site.png',
      './bar/chart.png',
      './foo/chart.png?raw',
      './foo/',
      'foo%2F..%2F..%2Fx.png',
    ])
      expect(imageAddress(url, 'foo.mdx'), url).toEqual({
        problem: `图片地址 "${url}" 不在这篇摘要自己的图片文件夹 src/content/digests/foo/ 里（应为：${SAVE_HERE}）`,
      });
  });

  it('refuses an SVG and a file that is not an image', () => {
    expect(imageAddress('./foo/chart.svg', 'foo.mdx')).toEqual({
      problem:
        '图片 "./foo/chart.svg" 是 SVG：单独打开一个 SVG 文件时，它里面的脚本会运行（应为：导出成 PNG（图表、示意图）或 JPEG（照片）再放进文件夹，例如用浏览器打开后截图）',
    });
    expect(imageAddress('./foo/report.pdf', 'foo.mdx')).toEqual({
      problem:
        '图片地址 "./foo/report.pdf" 不是 PNG、JPEG、WebP、AVIF 或 GIF 图片（应为：PNG、JPEG、WebP、AVIF 或 GIF 图片，扩展名如 .png、.jpg）',
    });
  });
});

describe('imageFileProblem', () => {
  const url = './foo/chart.png';
  it('accepts a PNG within the pixel limit', () => {
    expect(imageFileProblem(url, 'foo/chart.png', { kind: 'file', format: 'png', width: 6000, height: 4000 })).toBe(
      undefined,
    );
    expect(6000 * 4000).toBeLessThanOrEqual(IMAGE_PIXEL_LIMIT);
  });

  it('refuses an image over the pixel limit, naming its size', () => {
    expect(imageFileProblem(url, 'foo/chart.png', { kind: 'file', format: 'png', width: 30000, height: 30000 })).toBe(
      '图片 "./foo/chart.png" 有 30000×30000 像素（9 亿像素），超过上限 2500 万像素（应为：缩小到 2500 万像素以内再放进文件夹，例如 6000×4000；网页上的图片最宽不过两千来像素）',
    );
  });

  it('refuses a missing file, an SVG in disguise and a file that is no image', () => {
    expect(imageFileProblem(url, 'foo/chart.png', undefined)).toBe(
      '图片 "./foo/chart.png" 不存在（应为：把图片文件放进 src/content/digests/foo/，文件名与这里写的一致）',
    );
    expect(imageFileProblem(url, 'foo/chart.png', { kind: 'file', format: 'svg', width: 10, height: 10 })).toContain(
      '是 SVG',
    );
    expect(imageFileProblem(url, 'foo/chart.png', { kind: 'file' })).toBe(
      '图片 "./foo/chart.png" 的内容不是 PNG、JPEG、WebP、AVIF 或 GIF 图片（应为：用图片软件另存为 PNG、JPEG、WebP、AVIF 或 GIF）',
    );
  });

  it('refuses an image whose pixels do not all decode, naming its file', () => {
    const facts = { kind: 'file', format: 'png', width: 800, height: 600, damaged: true } as const;
    expect(imageFileProblem(url, 'foo/chart.png', facts)).toBe(
      '图片 "./foo/chart.png" 的文件 src/content/digests/foo/chart.png 不完整或已损坏：开头完好，像素却无法全部解码（常见于没下载完或没复制完的文件），发布出去会缺掉一块（应为：完整的图片文件：从原处重新导出或重新下载，用看图软件打开确认整张图都在，再放进文件夹）',
    );
  });

  it('leaves a link to the rule that refuses links', () => {
    expect(imageFileProblem(url, 'foo/chart.png', { kind: 'irregular' })).toBeUndefined();
  });
});
