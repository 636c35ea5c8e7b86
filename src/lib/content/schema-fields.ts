/**
 * The fields of a zod object schema as a flat list ("source.title", "figures[].id"), with
 * whether each must be written. CONTRIBUTING.md's field reference is checked against it.
 */
import type { z } from 'astro/zod';

export interface SchemaField {
  path: string;
  required: boolean;
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; element?: AnySchema; in?: AnySchema } };

/** The schema inside optional/default/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  const { def } = schema;
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
    return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** Every field of `schema`, depth first, in declaration order. */
export function schemaFields(schema: z.ZodType, prefix = ''): SchemaField[] {
  const object = unwrap(schema as AnySchema) as AnySchema & { shape?: Record<string, AnySchema> };
  const fields: SchemaField[] = [];
  for (const [key, field] of Object.entries(object.shape ?? {})) {
    const path = `${prefix}${key}`;
    fields.push({ path, required: !field.safeParse(undefined).success });
    const inner = unwrap(field);
    if (inner.def.type === 'object') fields.push(...schemaFields(inner, `${path}.`));
    if (inner.def.type === 'array' && inner.def.element && unwrap(inner.def.element).def.type === 'object') {
      fields.push(...schemaFields(inner.def.element, `${path}[].`));
    }
  }
  return fields;
}
