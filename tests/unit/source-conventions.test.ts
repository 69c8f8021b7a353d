/**
 * Conventions a newcomer relies on, checked over the source tree (refined-github's
 * build/features.test.ts does the same for its features): no import circles, and nothing exported
 * only for the tests' sake.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['glossary', 'entrypoints', 'components', 'utils'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'/gs;

interface Import {
  file: string;
  names: string[];
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const clean = base.replace(/\?.*$/, '');
  for (const candidate of [clean, `${clean}.ts`, `${clean}.tsx`, path.join(clean, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].flatMap((m) => {
    const target = resolve(file, m[3]!);
    if (!target) return [];
    const braces = /\{([^}]*)\}/s.exec(m[2]!)?.[1] ?? '';
    const names = braces
      .split(',')
      .map((part) =>
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim(),
      )
      .filter(Boolean);
    return [{ file: target, names }];
  });
}

const sources = SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir)));
/** Build tooling uses source modules for real: it counts as a user, not as a test. */
const tooling = filesUnder(path.join(ROOT, 'scripts')).concat(path.join(ROOT, 'wxt.config.ts'));
const tests = filesUnder(path.join(ROOT, 'tests'));
const rel = (file: string) => path.relative(ROOT, file);

describe('the source tree', () => {
  it('has no import circles', () => {
    const graph = new Map(sources.map((f) => [f, importsOf(f).map((i) => i.file)]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('exports nothing that only the tests use', () => {
    const usedBySource = new Set<string>();
    for (const file of [...sources, ...tooling]) {
      for (const { file: target, names } of importsOf(file)) {
        for (const name of names) usedBySource.add(`${target}#${name}`);
      }
    }
    const testOnly: string[] = [];
    for (const file of [...tests]) {
      for (const { file: target, names } of importsOf(file)) {
        if (!sources.includes(target)) continue;
        for (const name of names) {
          if (!usedBySource.has(`${target}#${name}`) && !isUsedInOwnFile(target, name)) {
            testOnly.push(`${rel(target)}: ${name}`);
          }
        }
      }
    }
    expect([...new Set(testOnly)].sort()).toEqual([]);
  });
});

/**
 * An export the module itself uses is part of its working surface (a constant, a helper its own
 * functions call); exporting it for a test to check it too is fine.
 */
function isUsedInOwnFile(file: string, name: string): boolean {
  const text = readFileSync(file, 'utf8');
  const uses = text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
  return uses > 1;
}
