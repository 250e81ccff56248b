import {
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type * as z from 'zod';
import { InputError, type Problem } from '../core/errors.js';
import { describeKind, describeValue } from '../core/describe-value.js';
import type { Issue } from '../core/issue.js';
import { closestWord } from '../core/closest.js';
import { knownKeys } from './schema-keys.js';

// YAML inputs are parsed into a YAML document, which keeps every node's position (json-document.ts does the same for JSON),
// so that problems found later (by zod or by the core) can still be reported as file:line:col.

export interface ParsedDocument {
  file: string;
  data: unknown;
  locate(issue: Issue): Problem;
}

const MAX_ALIASES = 1000;

export function parseYaml(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  // The library's own duplicate-key check (uniqueKeys) is quadratic: a 400 KB mapping took 25 s.
  // checkTree finds duplicates in one pass instead.
  // logLevel 'error': the library would print its own warnings to stderr; what they warn of is reported below.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  if (doc.errors.length > 0) {
    // The parser's errors after the first one mostly follow from it (one tab can yield a dozen): the first of each line is listed, the hint says so.
    const lines = new Set<number>();
    const problems = doc.errors
      .map((error) => ({ file, ...position(error.pos[0]), message: yamlMessage(error) }))
      .filter((p) => !lines.has(p.line) && lines.add(p.line));
    throw new InputError(problems, problems.length > 1 ? 'fix the first problem first: the ones after it may follow from it' : undefined);
  }
  const problems = checkTree(doc).map(({ offset, message }) => ({ file, ...position(offset), message }));
  if (problems.length > 0) throw new InputError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError && error.message.startsWith('Excessive alias count'))) throw error;
    throw new InputError([{ file, message: `expands to more than ${MAX_ALIASES} aliased copies: refusing to expand it` }]);
  }
  if (data === null || data === undefined) throw new InputError([{ file, line: 1, col: 1, message: 'is empty' }]);

  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  return {
    file,
    data,
    locate(issue) {
      const node = nodeAt(doc, issue.path, issue.atKey === true, keyIndex);
      const where = node?.range ? position(node.range[0]) : {};
      return { file, ...where, message: `${pathText(issue.path)}${issue.message}` };
    },
  };
}

/** What parses as YAML but must not be read as data: tags, merge keys, duplicate keys, `__proto__` keys, list or mapping keys, aliases without an anchor before them or inside their own anchor. */
function checkTree(doc: Document): { offset: number; message: string }[] {
  const found: { offset: number; message: string }[] = [];
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node, path) {
      if (node.anchor) anchors.add(node.anchor);
      if (node.tag !== undefined)
        found.push({ offset: node.range?.[0] ?? 0, message: `YAML tags (${tagName(node.tag)}) are not supported: write the plain value` });
      if (isAlias(node)) {
        const offset = node.range?.[0] ?? 0;
        if (!anchors.has(node.source)) found.push({ offset, message: `alias *${node.source} has no anchor &${node.source} before it` });
        else if (path.some((p) => isNode(p) && p.anchor === node.source))
          found.push({ offset, message: `alias *${node.source} is inside its own anchor: a loop` });
      } else if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (isNode(pair.key) && !isScalar(pair.key))
            found.push({ offset: pair.key.range?.[0] ?? 0, message: 'a key must be a plain value, not a list or a mapping' });
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          const offset = pair.key.range?.[0] ?? 0;
          if (key === '<<' && pair.key.type === 'PLAIN') found.push({ offset, message: 'merge keys (<<) are not supported: write the keys out' });
          else if (seen.has(key)) found.push({ offset, message: `duplicate key "${key}"` });
          else if (key === '__proto__') found.push({ offset, message: 'the key "__proto__" is not allowed' });
          seen.add(key);
        }
      }
    },
  });
  return found;
}

/** `!!set` for the standard tags, as they were written; others as they are. */
function tagName(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Validates parsed data with a zod schema; every issue is reported with its position. */
export function validate<T extends z.ZodType>(doc: ParsedDocument, schema: T): z.output<T> {
  const result = schema.safeParse(doc.data, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(zodIssues(result.error.issues, schema).map((issue) => doc.locate(issue)));
}

/** zod's issues as ours; with the schema, an unknown key names the known key it most likely meant. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], schema?: z.ZodType): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => {
          const meant = schema === undefined ? undefined : closestWord(key, knownKeys(schema, path));
          return { path: [...path, key], atKey: true, message: `unknown key "${key}"${meant === undefined ? '' : ` (did you mean "${meant}"?)`}` };
        });
      case 'invalid_type':
        if (issue.input === undefined) return [{ path, message: 'is required' }];
        // The whole file is described, never quoted: it may be any file at all.
        return [{ path, message: `must be ${article(issue.expected)}, not ${path.length === 0 ? describeKind(issue.input) : describeValue(issue.input)}` }];
      case 'invalid_value':
        return [{ path, message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}, not ${describeValue(issue.input)}` }];
      default:
        return [{ path, message: lowerFirst(issue.message) }];
    }
  });
}

function nodeAt(doc: Document, path: readonly (string | number)[], atKey: boolean, keyIndex: WeakMap<YAMLMap, Map<string, Pair>>): Node | null {
  let node: unknown = doc.contents;
  let found: Node | null = doc.contents;
  for (const [i, step] of path.entries()) {
    if (isMap(node)) {
      const pair = pairOf(node, String(step), keyIndex);
      if (!pair) break;
      if (atKey && i === path.length - 1 && isNode(pair.key)) return pair.key;
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

/** Looking pairs up by key through an index keeps locating every problem of a large file linear. */
function pairOf(map: YAMLMap, key: string, keyIndex: WeakMap<YAMLMap, Map<string, Pair>>): Pair | undefined {
  let index = keyIndex.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      const text = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!index.has(text)) index.set(text, pair);
    }
    keyIndex.set(map, index);
  }
  return index.get(key);
}

export function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return '';
  const text = path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
  return `${text}: `;
}

/** zod's type names, as the user knows them from YAML and JSON. */
const TYPE_NAMES: Record<string, string> = { int: 'whole number', record: 'mapping', object: 'mapping', array: 'list' };

function article(expected: string): string {
  const name = TYPE_NAMES[expected] ?? expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function yamlMessage(error: YAMLError): string {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'holds more than one YAML document (a "---" line after the first): keep one per file';
    case 'RESOURCE_EXHAUSTION':
      return 'is nested too deeply';
    default:
      return lowerFirst(error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+.*$/, '');
  }
}
