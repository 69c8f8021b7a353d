/**
 * News-like benchmark pages: headings, paragraphs with inline markup (links, <b>, <i>, words split
 * by <span>), lists, CJK paragraphs, and regions every scanner must skip (<pre>, <code>, <script>,
 * <textarea>), with glossary terms sprinkled at about the density of a security-policy article.
 * Deterministic for a given seed. Node strips the types itself, so only erasable TypeScript here.
 */
import { TOPIC_WORDS, picker, rng } from './packs.ts';

const COMMON = (
  'the of and to a in that is was for on with as by at from his her it be are have has had ' +
  'not but said would this which they their an were been will more after also its who than ' +
  'new two one first state minister government officials year years week country countries ' +
  'president prime region talks visit plan plans spokesman told reporters on monday tuesday'
).split(' ');

const CJK_SENTENCES = [
  '政府は東シナ海の情勢について懸念を表明した。',
  '中国海警局の船が領海に侵入したと発表した。',
  '外交部发言人在例行记者会上回答了提问。',
  '防衛費の増額をめぐり与野党の議論が続いている。',
  '两国领导人就地区安全问题交换了意见。',
];
const CJK_MENTIONS = ['尖閣諸島', '日米同盟', '集団的自衛権', '自衛隊', '台湾有事', '钓鱼岛'];

export interface PageSpec {
  name: string;
  /** Characters of text wanted (excluded regions included), roughly. */
  chars: number;
  seed: number;
}

export interface Mentions {
  /** Aliases to sprinkle: the bundled pack's unconditional ones, and a few synthetic ones. */
  bundled: readonly string[];
  synthetic: readonly string[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

class PageWriter {
  private readonly random: () => number;
  private readonly pick: <T>(list: readonly T[]) => T;
  private readonly parts: string[] = [];
  private readonly mentions: Mentions;
  chars = 0;

  constructor(seed: number, mentions: Mentions) {
    this.mentions = mentions;
    this.random = rng(seed);
    this.pick = picker(this.random);
  }

  html(): string {
    return this.parts.join('');
  }

  raw(html: string): void {
    this.parts.push(html);
  }

  text(text: string): void {
    this.parts.push(escapeHtml(text));
    this.chars += text.length;
  }

  /** Text with inline markup: some runs in links or bold/italic, some words split by a span. */
  inline(words: string[]): void {
    let i = 0;
    while (i < words.length) {
      const roll = this.random();
      const run = 1 + Math.floor(this.random() * 4);
      const chunk = words.slice(i, i + run).join(' ');
      const space = i + run < words.length ? ' ' : '';
      if (roll < 0.08) {
        this.raw('<a href="#n">');
        this.text(chunk);
        this.raw('</a>');
      } else if (roll < 0.12) {
        this.raw('<b>');
        this.text(chunk);
        this.raw('</b>');
      } else if (roll < 0.16) {
        this.raw('<i>');
        this.text(chunk);
        this.raw('</i>');
      } else if (roll < 0.2 && chunk.length > 6) {
        // A word split across elements ("Sen<span>kaku</span>"), as syntax highlighting,
        // hyphenation helpers and ad injectors leave behind.
        const cut = 2 + Math.floor(this.random() * (chunk.length - 4));
        this.text(chunk.slice(0, cut));
        this.raw('<span class="s">');
        this.text(chunk.slice(cut));
        this.raw('</span>');
      } else {
        this.text(chunk);
      }
      this.text(space);
      i += run;
    }
  }

  sentence(): string[] {
    const words = Array.from({ length: 10 + Math.floor(this.random() * 18) }, () =>
      this.random() < 0.65 ? this.pick(COMMON) : this.pick(TOPIC_WORDS),
    );
    // About one glossary mention every 400 characters, mostly the bundled pack's terms.
    if (this.random() < 0.45) {
      const list =
        this.random() < 0.85 || this.mentions.synthetic.length === 0
          ? this.mentions.bundled
          : this.mentions.synthetic;
      words.splice(3 + Math.floor(this.random() * 5), 0, this.pick(list));
    }
    words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
    words[words.length - 1] += '.';
    return words;
  }

  paragraph(): void {
    if (this.random() < 0.06) {
      this.raw('<p lang="ja">');
      for (let s = 0; s < 3; s++) {
        this.text(this.pick(CJK_SENTENCES));
        if (this.random() < 0.6) this.text(`${this.pick(CJK_MENTIONS)}について。`);
      }
      this.raw('</p>\n');
      return;
    }
    this.raw('<p>');
    const sentences = 2 + Math.floor(this.random() * 4);
    const words: string[] = [];
    for (let s = 0; s < sentences; s++) words.push(...this.sentence());
    this.inline(words);
    this.raw('</p>\n');
  }

  /** Regions no scanner may mark, with glossary terms inside to catch one that does. */
  excluded(): void {
    const roll = this.random();
    const alias = this.pick(this.mentions.bundled);
    if (roll < 0.3) {
      this.raw('<pre>');
      this.text(`const term = "${alias}";\nfor (const x of list) check(x, "${alias}");\n`);
      this.raw('</pre>\n');
    } else if (roll < 0.55) {
      this.raw('<p>Call ');
      this.chars += 5;
      this.raw('<code>');
      this.text(`lookup("${alias}")`);
      this.raw('</code>');
      this.text(' to find it.');
      this.raw('</p>\n');
    } else if (roll < 0.8) {
      this.raw('<script type="application/json">');
      this.chars += JSON.stringify({ tags: [alias, 'news'] }).length;
      this.raw(JSON.stringify({ tags: [alias, 'news'] }).replace(/</g, '\\u003c'));
      this.raw('</script>\n');
    } else {
      this.raw('<textarea aria-label="comment">');
      this.text(`My comment about ${alias}`);
      this.raw('</textarea>\n');
    }
  }

  section(index: number): void {
    this.raw(`<section id="s${index}"><h2>`);
    this.inline(this.sentence().slice(0, 6));
    this.raw('</h2>\n');
    const paragraphs = 3 + Math.floor(this.random() * 6);
    for (let p = 0; p < paragraphs; p++) {
      this.paragraph();
      if (this.random() < 0.12) this.excluded();
    }
    if (this.random() < 0.3) {
      this.raw('<ul>');
      for (let l = 0; l < 3 + Math.floor(this.random() * 4); l++) {
        this.raw('<li>');
        this.inline(this.sentence().slice(0, 8));
        this.raw('</li>');
      }
      this.raw('</ul>\n');
    }
    this.raw('</section>\n');
  }
}

const HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gloss bench page</title>' +
  '<style>body{font:16px/1.5 serif;max-width:42em;margin:0 auto;padding:1em}.s{color:inherit}' +
  '</style></head><body>\n';

/** A whole page; `chars` is the text it holds (excluded regions included). */
export function newsPage(spec: PageSpec, mentions: Mentions): { html: string; chars: number } {
  const w = new PageWriter(spec.seed, mentions);
  w.raw(HEAD);
  w.raw('<header><nav><ul>');
  for (const item of ['World', 'Asia', 'Politics', 'Defence', 'Economy', 'Opinion']) {
    w.raw('<li><a href="#n">');
    w.text(item);
    w.raw('</a></li>');
  }
  w.raw('</ul></nav></header>\n<main><article id="article"><h1>');
  w.inline(w.sentence().slice(0, 9));
  w.raw('</h1>\n');
  for (let s = 0; w.chars < spec.chars; s++) w.section(s);
  w.raw('</article></main>\n<footer><p>');
  w.text('© Bench News. All rights reserved.');
  w.raw('</p></footer></body></html>\n');
  return { html: w.html(), chars: w.chars };
}

/** Paragraphs of one sentence each (1,000 ≈ 120 K chars) to append in one DOM operation, as plain data. */
export function appendedParagraphs(count: number, seed: number, mentions: Mentions): string[][] {
  const w = new PageWriter(seed, mentions);
  return Array.from({ length: count }, () => w.sentence());
}
