// Full YAML parsing with positions costs about a millisecond per answer file, too slow for a
// folder of thousands. Answer files as `template` and the survey write them use a tiny subset of
// YAML: block mappings two levels deep, `key: value` with plain or simply quoted scalars, one-line
// flow mappings, comments. This reads exactly that subset and returns undefined for anything
// else, so that the caller falls back to the full parser; whatever it accepts, it reads as the
// full parser (YAML 1.2 core schema) would — test/io/simple-yaml.test.ts checks that against it.

type Scalar = string | number | boolean | null;
type Value = Scalar | Record<string, Scalar>;

const SPACE = 0x20;
const HASH = 0x23;
const CR = 0x0d;
const NOT_SIMPLE = Symbol('not simple');
const EMPTY = Symbol('empty');

// eslint-disable-next-line no-control-regex
const AWKWARD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\t\u2028\u2029\ufeff]/;
const LONE_CR = /\r(?!\n)/;
const KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
// Keys YAML would read as something other than a string, and keys that would reach an object's prototype.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
// The common case first, without Unicode property classes, which are slower.
const ASCII_WORDS = /^[A-Za-z][A-Za-z ]*$/;
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._/+()'@-]|:(?=[^ ]))*$/u;
const CORE_NULL = /^(?:null|Null|NULL)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:0|[1-9][0-9]{0,14})$/;
const VERSION = /^[0-9]+(?:\.[0-9]+){2,}$/;
const DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

export function readSimpleYaml(text: string): Record<string, Value> | undefined {
  if (AWKWARD.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  const root: Record<string, Value> = {};
  let openKey: string | null = null;
  let child: Record<string, Scalar> | null = null;
  let childIndent = 0;

  // Line by line without splitting the text: most lines of an answer file are comments, skipped unread.
  for (let start = 0, next = 0; start <= text.length; start = next) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    next = end + 1;
    // Only spaces indent in YAML; other white space is content. A CR can only come before the LF.
    let first = start;
    while (text.charCodeAt(first) === SPACE) first++;
    const lineEnd = text.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (first >= lineEnd || text.charCodeAt(first) === HASH) continue;
    const indent = first - start;
    const colon = text.indexOf(':', first);
    if (colon <= first || colon >= lineEnd || !(colon + 1 === lineEnd || text.charCodeAt(colon + 1) === SPACE)) return undefined;
    const key = text.slice(first, colon);
    if (!KEY.test(key) || RESERVED_KEYS.has(key)) return undefined;
    let valueStart = colon + 1;
    let valueEnd = lineEnd;
    while (valueStart < valueEnd && text.charCodeAt(valueStart) === SPACE) valueStart++;
    while (valueEnd > valueStart && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const value = valueStart === valueEnd || text.charCodeAt(valueStart) === HASH ? EMPTY : readValue(text.slice(valueStart, valueEnd));
    if (value === NOT_SIMPLE) return undefined;

    if (indent === 0) {
      if (Object.hasOwn(root, key)) return undefined;
      root[key] = value === EMPTY ? null : value;
      openKey = value === EMPTY ? key : null;
      child = null;
      continue;
    }
    if (child === null) {
      if (openKey === null) return undefined;
      child = {};
      childIndent = indent;
      root[openKey] = child;
    } else if (indent !== childIndent) {
      return undefined;
    }
    if (Object.hasOwn(child, key) || (value !== EMPTY && typeof value === 'object' && value !== null)) return undefined;
    child[key] = value === EMPTY ? null : value;
  }
  return Object.keys(root).length > 0 ? root : undefined;
}

function readValue(text: string): Value | typeof NOT_SIMPLE {
  const first = text.charAt(0);
  if (first === '"' || first === "'") {
    const quoted = first === '"' ? /^"([^"\\]*)"(?:[ ]+#.*)?$/.exec(text) : /^'([^']*)'(?:[ ]+#.*)?$/.exec(text);
    return quoted ? (quoted[1] as string) : NOT_SIMPLE;
  }
  if (first === '{') {
    const flow = /^\{([^{}[\]'#]*)\}(?:[ ]+#.*)?$/.exec(text);
    return flow ? readFlowMapping(flow[1] as string) : NOT_SIMPLE;
  }
  const comment = text.indexOf(' #');
  return readPlain(comment === -1 ? text : withoutSpaces(text.slice(0, comment)));
}

/** The text without the spaces (and only spaces) around it. */
function withoutSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function readFlowMapping(inner: string): Record<string, Scalar> | typeof NOT_SIMPLE {
  const out: Record<string, Scalar> = {};
  if (/^ *$/.test(inner)) return out;
  for (const part of inner.split(',')) {
    const pair = /^ *([^:\s"]+):[ ]+(.+?) *$/.exec(part);
    if (!pair) return NOT_SIMPLE;
    const key = pair[1] as string;
    const quoted = /^"([^"\\]*)"$/.exec(pair[2] as string);
    const value = quoted ? (quoted[1] as string) : /[:"]/.test(pair[2] as string) ? NOT_SIMPLE : readPlain(pair[2] as string);
    if (!KEY.test(key) || RESERVED_KEYS.has(key) || Object.hasOwn(out, key)) return NOT_SIMPLE;
    if (value === NOT_SIMPLE) return NOT_SIMPLE;
    out[key] = value;
  }
  return out;
}

/** A plain scalar as the YAML 1.2 core schema resolves it; anything that needs more care is not simple. */
function readPlain(text: string): Scalar | typeof NOT_SIMPLE {
  if (INT.test(text)) return Number(text);
  if (!ASCII_WORDS.test(text) && !PLAIN.test(text)) return NOT_SIMPLE;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text.charAt(0).toLowerCase() === 't';
  if (/^[0-9]/.test(text)) return VERSION.test(text) || DATE_TIME.test(text) ? text : NOT_SIMPLE;
  return text;
}
