// The layers of src/, checked on the import graph: every import counts, type-only and import() ones too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');

/** Every module of src/ with what it imports: our own modules as paths relative to src/, packages by name. */
function importGraph(): Map<string, { own: string[]; packages: string[] }> {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.replaceAll('\\', '/'));
  const graph = new Map<string, { own: string[]; packages: string[] }>();
  for (const file of files) {
    const text = readFileSync(join(SRC, file), 'utf8');
    const specifiers = [
      ...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?\sfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    const own: string[] = [];
    const packages: string[] = [];
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.')) {
        packages.push(specifier);
        continue;
      }
      const target = resolve(dirname(join(SRC, file)), specifier).replace(/\.js$/, '.ts');
      // package.json, read for the version: outside src/, not a layer.
      if (!target.startsWith(`${SRC}/`)) continue;
      if (!existsSync(target)) throw new Error(`${file} imports ${specifier}, which is not a module of src/`);
      own.push(relative(SRC, target));
    }
    graph.set(file, { own, packages });
  }
  return graph;
}

/** The import cycles: each strongly connected group of more than one module (or a module importing itself), sorted. */
function cycles(graph: Map<string, { own: string[] }>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indexes.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.own ?? []) {
      if (!indexes.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, indexes.get(next) ?? 0));
      }
    }
    if (low.get(node) === indexes.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node)?.own.includes(node)) found.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexes.has(node)) visit(node);
  return found.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

const graph = importGraph();
const layer = (file: string) => file.split('/')[0] ?? '';
const ownImports = (from: string) =>
  [...graph].filter(([file]) => layer(file) === from).flatMap(([file, { own }]) => own.map((target) => `${file} -> ${target}`));
const packageImports = (from: string) =>
  [...graph].filter(([file]) => layer(file) === from).flatMap(([file, { packages }]) => packages.map((name) => `${file} -> ${name}`));

describe('the layers of src/', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('survey/session.ts')?.own).toContain('core/progress.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the core pure: it imports only zod, node built-ins and itself', () => {
    expect(ownImports('core').filter((edge) => !edge.split(' -> ')[1]?.startsWith('core/'))).toEqual([]);
    expect(packageImports('core').filter((edge) => !/ -> (zod|node:.+)$/.test(edge))).toEqual([]);
  });

  it('keeps the prompts below the commands', () => {
    expect(ownImports('prompts').filter((edge) => / -> commands\//.test(edge))).toEqual([]);
  });

  it('keeps the survey flow off files, terminals and commands', () => {
    expect(ownImports('survey').filter((edge) => / -> (io|prompts|commands|server)\//.test(edge))).toEqual([]);
    expect(packageImports('survey').filter((edge) => /node:(fs|child_process|readline|tty)|@inquirer|chalk/.test(edge))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a cycle, through any number of modules, and only the modules on it', () => {
    const toy = new Map([
      ['a.ts', { own: ['b.ts'] }],
      ['b.ts', { own: ['c.ts', 'd.ts'] }],
      ['c.ts', { own: ['a.ts'] }],
      ['d.ts', { own: [] }],
      ['e.ts', { own: ['e.ts'] }],
    ]);
    expect(cycles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      cycles(
        new Map([
          ['a.ts', { own: ['b.ts'] }],
          ['b.ts', { own: [] }],
        ]),
      ),
    ).toEqual([]);
  });
});
