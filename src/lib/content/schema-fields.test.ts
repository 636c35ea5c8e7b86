import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestSchema } from './schema.ts';
import { schemaFields } from './schema-fields.ts';

/** The rows of the field table between the schema-reference markers of CONTRIBUTING.md. */
function documentedFields(): { path: string; required: boolean }[] {
  const text = readFileSync(join(import.meta.dirname, '../../../CONTRIBUTING.md'), 'utf8');
  const table = /<!-- schema-reference:start -->([\s\S]*?)<!-- schema-reference:end -->/.exec(text)?.[1] ?? '';
  return [...table.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(必填|可选)\s*\|/gm)].map(([, path, required]) => ({
    path: path!,
    required: required === '必填',
  }));
}

describe('CONTRIBUTING.md field reference', () => {
  it('lists exactly the schema fields, in order, with the right required/optional', () => {
    expect(documentedFields()).toEqual(schemaFields(digestSchema));
  });
});

describe('schemaFields', () => {
  it('walks nested objects and arrays of objects', () => {
    const paths = schemaFields(digestSchema).map((field) => field.path);
    expect(paths).toContain('source.kind');
    expect(paths).toContain('figures[].quote');
    expect(schemaFields(digestSchema).find((field) => field.path === 'draft')?.required).toBe(false);
  });
});
