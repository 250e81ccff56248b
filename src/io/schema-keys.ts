import type * as z from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys a schema allows in the mapping at `path` (every branch of a union), for "did you mean" hints. */
export function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  const keys = new Set<string>();
  const walk = (node: z.ZodType | undefined, rest: readonly (string | number)[]): void => {
    if (node === undefined) return;
    const def = defOf(node);
    const [step, ...after] = rest;
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        walk(def.innerType, rest);
        return;
      case 'pipe':
        walk(def.in, rest);
        return;
      case 'lazy':
        walk(def.getter?.(), rest);
        return;
      case 'union':
        for (const option of def.options ?? []) walk(option, rest);
        return;
      case 'object':
        if (step === undefined) for (const key of Object.keys(def.shape ?? {})) keys.add(key);
        else if (typeof step === 'string') walk(def.shape?.[step], after);
        return;
      case 'array':
        if (typeof step === 'number') walk(def.element, after);
        return;
      case 'record':
        if (step !== undefined) walk(def.valueType, after);
        return;
    }
  };
  walk(schema, path);
  return [...keys];
}
