import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type * as z from 'zod';
import { InputError, type Problem } from '../core/errors.js';
import { describeValue } from '../core/describe-value.js';
import type { Issue } from '../core/issue.js';

// YAML and JSON inputs alike are parsed into a YAML document, which keeps every node's position,
// so that problems found later (by zod or by the core) can still be reported as file:line:col.

export interface ParsedDocument {
  file: string;
  data: unknown;
  locate(issue: Issue): Problem;
}

const MAX_ALIASES = 1000;

export function parseYaml(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems: Problem[] = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')].map((e) => ({
    file,
    ...position(e.pos[0]),
    message: yamlMessage(e.message),
  }));
  if (problems.length > 0) throw new InputError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError([{ file, message: /alias/i.test(message) ? `too many YAML aliases (more than ${MAX_ALIASES}): refusing to expand it` : message }]);
  }
  if (data === null || data === undefined) throw new InputError([{ file, line: 1, col: 1, message: 'is empty' }]);

  return {
    file,
    data,
    locate(issue) {
      const node = nodeAt(doc, issue.path, issue.atKey === true);
      const where = node?.range ? position(node.range[0]) : {};
      return { file, ...where, message: `${pathText(issue.path)}${issue.message}` };
    },
  };
}

/** Validates parsed data with a zod schema; every issue is reported with its position. */
export function validate<T extends z.ZodType>(doc: ParsedDocument, schema: T): z.output<T> {
  const result = schema.safeParse(doc.data, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(zodIssues(result.error.issues).map((issue) => doc.locate(issue)));
}

export function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: `unknown key "${key}"` }));
      case 'invalid_type':
        return [{ path, message: issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}, not ${describeValue(issue.input)}` }];
      case 'invalid_value':
        return [{ path, message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}, not ${describeValue(issue.input)}` }];
      default:
        return [{ path, message: lowerFirst(issue.message) }];
    }
  });
}

function nodeAt(doc: Document, path: readonly (string | number)[], atKey: boolean): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = doc.contents;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      if (atKey && i === path.length - 1 && pair.key && typeof pair.key === 'object') return pair.key as Node;
      node = pair.value;
      found = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!node) break;
      found = node as Node;
    } else {
      break;
    }
  }
  return found;
}

function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '';
  const text = path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
  return `${text}: `;
}

function article(expected: string): string {
  const name = expected === 'int' ? 'whole number' : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}


function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function yamlMessage(message: string): string {
  return lowerFirst(message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '');
}
