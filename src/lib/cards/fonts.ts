/**
 * The card fonts, from installed npm packages, read once per process: Noto Sans SC, which draws
 * every GB2312 hanzi and the Chinese cards' Latin too, and Noto Sans, the Latin face of the same
 * family, which the English cards ask for first (satori takes any Chinese on them, such as a
 * report's title, from Noto Sans SC). Cards never fetch a font, so a build works offline.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as parseFont, type Font as ParsedFont } from 'fontkit';
import type { Font as SatoriFont } from 'satori';

/** The family name templates ask for; it must match the name given to satori below. */
export const CARD_FONT_FAMILY = 'Noto Sans SC';

/** The family the English cards ask for first. */
export const LATIN_CARD_FONT_FAMILY = 'Noto Sans';

/** A font package and the two weights the templates use (any other renders with the nearest). */
export interface FontPackage {
  name: string;
  family: string;
  files: readonly { weight: 400 | 700; file: string }[];
}

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

export const CJK_FONT: FontPackage = {
  name: FONT_PACKAGE,
  family: CARD_FONT_FAMILY,
  files: [
    { weight: 400, file: '400Regular/NotoSansSC_400Regular.ttf' },
    { weight: 700, file: '700Bold/NotoSansSC_700Bold.ttf' },
  ],
};

export const LATIN_FONT: FontPackage = {
  name: '@expo-google-fonts/noto-sans',
  family: LATIN_CARD_FONT_FAMILY,
  files: [
    { weight: 400, file: '400Regular/NotoSans_400Regular.ttf' },
    { weight: 700, file: '700Bold/NotoSans_700Bold.ttf' },
  ],
};

export interface CardFonts {
  /** Font options for satori; always the same Buffer objects, which satori caches parsed. */
  fonts: SatoriFont[];
  /** Whether any loaded font has a glyph for the code point. */
  coverage: (codePoint: number) => boolean;
  /** Identifies the font files (package name and version), for the render cache key. */
  version: string;
}

function installHint(what: string, fontPackage = FONT_PACKAGE): string {
  return `${what}. Run \`npm ci\` to reinstall the dependencies (the card font comes from ${fontPackage}).`;
}

/** Reads and parses the fonts of the package whose package.json is at `packageJsonPath`. */
export async function readCardFonts(packageJsonPath: string, spec: FontPackage = CJK_FONT): Promise<CardFonts> {
  let manifest: { name: string; version: string };
  try {
    manifest = JSON.parse(await readFile(packageJsonPath, 'utf8')) as { name: string; version: string };
  } catch {
    throw new Error(installHint(`The card font package is missing: cannot read ${packageJsonPath}`, spec.name));
  }
  const packageDir = dirname(packageJsonPath);
  const loaded: { font: SatoriFont; parsed: ParsedFont }[] = [];
  // One file after the other, so a missing font is always reported by the same name.
  for (const { weight, file } of spec.files) {
    const path = join(packageDir, file);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      throw new Error(installHint(`The card font file is missing: ${path}`, spec.name));
    }
    const parsed = parseFont(data);
    // A TTC collection would parse as several fonts; satori rejects those too.
    if (!('hasGlyphForCodePoint' in parsed)) {
      throw new Error(installHint(`The card font file is a font collection, not a single font: ${path}`, spec.name));
    }
    loaded.push({ font: { name: spec.family, data, weight, style: 'normal' }, parsed });
  }
  return {
    fonts: loaded.map(({ font }) => font),
    // Satori falls back from one loaded font to the next, so a glyph in any of them is drawn.
    coverage: (codePoint) => loaded.some(({ parsed }) => parsed.hasGlyphForCodePoint(codePoint)),
    version: `${manifest.name}@${manifest.version}`,
  };
}

let cardFonts: Promise<CardFonts> | undefined;

/**
 * The card fonts, read once per process: satori caches a parsed font by its Buffer object, and
 * re-reading the 10 MB files for each card costs about 330 ms and gigabytes of memory.
 */
export function loadCardFonts(): Promise<CardFonts> {
  if (!cardFonts) {
    const manifests: [string, FontPackage][] = [];
    for (const spec of [CJK_FONT, LATIN_FONT]) {
      try {
        manifests.push([createRequire(import.meta.url).resolve(`${spec.name}/package.json`), spec]);
      } catch {
        return Promise.reject(new Error(installHint(`The card font package ${spec.name} is not installed`, spec.name)));
      }
    }
    // A failed load is forgotten, so a later call after `npm ci` can succeed without a restart.
    cardFonts = Promise.all(manifests.map(([path, spec]) => readCardFonts(path, spec)))
      .then(combineFonts)
      .catch((error: unknown) => {
        cardFonts = undefined;
        throw error;
      });
  }
  return cardFonts;
}

/** Several packages' fonts as one set: satori takes a glyph from any of them. */
function combineFonts(sets: readonly CardFonts[]): CardFonts {
  return {
    fonts: sets.flatMap((set) => set.fonts),
    coverage: (codePoint) => sets.some((set) => set.coverage(codePoint)),
    version: sets.map((set) => set.version).join('+'),
  };
}
