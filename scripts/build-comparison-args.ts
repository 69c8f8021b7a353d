/**
 * The command line shared by the development aids that compare extension builds on corpus pages
 * (compare-builds.ts, gloss-share.ts): `<runs> <page substrings, comma-separated; '' for all>
 * <name=unpacked extension dir>...`. Exits with the usage when the corpus or a build is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuildComparison {
  corpusDir: string;
  /** Loads per page and build; the least is kept. */
  runs: number;
  /** Corpus file names, in the manifest's order. */
  files: string[];
  /** `name=dir` as given. */
  builds: string[];
}

export function buildComparisonArgs(script: string, argv: string[]): BuildComparison {
  const corpusDir = path.resolve(process.env.GLOSS_CORPUS_DIR ?? '../shared/corpus/news');
  const [runsArg = '2', only = '', ...builds] = argv;
  if (!existsSync(corpusDir) || builds.length === 0) {
    console.error(`usage: node scripts/${script} <runs> <pages> <name=dir>... (needs the corpus)`);
    process.exit(1);
  }
  const manifest: { file: string }[] = JSON.parse(
    readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8'),
  );
  const files = manifest
    .map((p) => p.file)
    .filter((f) => only.split(',').some((part) => f.includes(part)));
  return { corpusDir, runs: Number(runsArg), files, builds };
}
