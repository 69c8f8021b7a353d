/**
 * Chinese and Japanese word starts for the page's matcher, asked of the background instead of
 * found here (why: glossary/cjk-words.ts useWordStarts). A text not known yet is queued; the queue
 * goes in one message once the current task's script has run (a scan slice asks about all its
 * blocks at once), and the scanner leaves the match out meanwhile and reads its block again once
 * the answer is in (`onAnswer`).
 */
import { WHOLE_BLOCK, wordStarts, type WordStartsSource } from '@/glossary/cjk-words';
import { MAX_WORD_START_TEXTS } from '@/utils/page-scripts';
import { probe } from '@/utils/test-probe';

/** Texts remembered: past this, the oldest are forgotten (and asked again if met again). */
const MAX_KNOWN = 4_096;

/** Asks the background for each text's word starts (`gloss:word-starts`, utils/messages.ts). */
export type AskWordStarts = (texts: string[]) => Promise<number[][]>;

export class RemoteWordStarts {
  private readonly known = new Map<string, ReadonlySet<number>>();
  private readonly asked = new Set<string>();
  private queue: string[] = [];
  private answered: Promise<void> = Promise.resolve();

  /**
   * @param ask the question; when it fails (the extension was updated or reloaded since the page
   *   loaded), this context's own segmenter answers instead, so no match is lost.
   * @param onAnswer called after each answer, once the texts it brought are known; what it
   *   returns (the blocks read again) is waited for by `settled`.
   */
  constructor(
    private readonly ask: AskWordStarts,
    private readonly onAnswer: () => Promise<unknown>,
  ) {}

  /** The WordStartsSource to hand to useWordStarts. */
  readonly source: WordStartsSource = (text) => {
    const starts = this.known.get(text);
    if (starts) return starts;
    // The matcher asks about whole blocks up to WHOLE_BLOCK, else about a short window.
    if (text.length > WHOLE_BLOCK) return new Set(wordStarts(text));
    if (!this.asked.has(text)) {
      this.asked.add(text);
      if (this.queue.push(text) === 1) this.answered = this.answered.then(() => this.flush());
    }
    return undefined;
  };

  /** Resolves once every question asked so far is answered and its blocks read again. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.answered;
      await last;
    } while (last !== this.answered);
  }

  private async flush(): Promise<void> {
    const texts = this.queue;
    this.queue = [];
    for (let i = 0; i < texts.length; i += MAX_WORD_START_TEXTS) {
      const batch = texts.slice(i, i + MAX_WORD_START_TEXTS);
      const answers = await this.ask(batch).then(
        (answer) => {
          probe('word-starts', { texts: batch.length, from: 'background' });
          return answer;
        },
        () => {
          probe('word-starts', { texts: batch.length, from: 'page' });
          return batch.map(wordStarts);
        },
      );
      batch.forEach((text, k) => {
        this.asked.delete(text);
        if (this.known.size >= MAX_KNOWN) this.known.delete(this.known.keys().next().value!);
        this.known.set(text, new Set(answers[k] ?? wordStarts(text)));
      });
    }
    await this.onAnswer().catch(() => undefined);
  }
}
