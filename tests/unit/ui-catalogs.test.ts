/**
 * Every word of Gloss's own interface comes from locales/*.yml: English and Japanese have every
 * key, the other languages only keys English has (Chrome falls back to English key by key), each
 * translation uses the same placeholders, and the UI source holds no words of its own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

async function catalog(locale: string): Promise<Map<string, ParsedMessage>> {
  const messages = await parseMessagesFile(`locales/${locale}.yml`);
  return new Map(
    messages.filter((m) => !m.key[0]?.startsWith('@@')).map((m) => [m.key.join('.'), m]),
  );
}

const locales = readdirSync('locales').map((file) => file.replace(/\.yml$/, ''));

describe('message catalogs', () => {
  it.each(['ja'])('%s has every English key', async (locale) => {
    const en = await catalog('en');
    const other = await catalog(locale);
    expect([...en.keys()].filter((key) => !other.has(key))).toEqual([]);
  });

  it.each(locales.filter((l) => l !== 'en'))(
    '%s has no key English lacks, and the same placeholders',
    async (locale) => {
      const en = await catalog('en');
      for (const [key, message] of await catalog(locale)) {
        const english = en.get(key);
        expect(english, `${locale}: ${key} is not an English key`).toBeDefined();
        expect([...message.namedSubstitutions].sort(), `${locale}: ${key}`).toEqual(
          [...english!.namedSubstitutions].sort(),
        );
      }
    },
  );
});

/** The interface's own sources (pack text and the popover's wiring are elsewhere). */
function uiSources(): string[] {
  const dirs = ['components', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/glossary'];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(dir, file)),
  );
  return [...files, 'entrypoints/content/PopoverView.tsx'];
}

/** Attributes that a person reads or hears. */
const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'legend']);
const SPOKEN_PROPS = new Set(['empty', 'action', 'backLabel', 'message', 'hint']);
const WORD = /\p{L}{2,}/u;

function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${at(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression
          ? init.expression
          : undefined;
      if (
        literal &&
        (SPOKEN.has(name) || SPOKEN_PROPS.has(name)) &&
        (ts.isStringLiteral(literal) ||
          ts.isNoSubstitutionTemplateLiteral(literal) ||
          ts.isTemplateExpression(literal)) &&
        WORD.test(literal.getText(source))
      )
        found.push(`${at(node)} ${name}=${literal.getText(source)}`);
    }
    // A message set in code ("message: `Saving …`") is read by a person too.
    if (
      ts.isPropertyAssignment(node) &&
      SPOKEN_PROPS.has(node.name.getText(source)) &&
      (ts.isStringLiteral(node.initializer) || ts.isTemplateExpression(node.initializer)) &&
      WORD.test(node.initializer.getText(source))
    )
      found.push(`${at(node)} ${node.getText(source)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI source', () => {
  it('has no words outside the catalogs', () => {
    expect(uiSources().flatMap(hardCodedText)).toEqual([]);
  });

  it('is checked by this test (a word in JSX is found)', () => {
    const probe = 'tests/fixtures/ui-words-probe.tsx';
    expect(hardCodedText(probe)).toEqual([
      `${probe}:4 Loading…`,
      `${probe}:5 aria-label="Close"`,
      `${probe}:6 placeholder=\`Search ${'${'}what}\``,
    ]);
  });
});
