/**
 * Which long tasks did Gloss cause? Read from a Chrome trace of one page load.
 *
 * Counting long tasks with and without Gloss and subtracting is noise on real pages (their own
 * scripts vary by tens of milliseconds from load to load), so the corpus attributes each task
 * instead. A task is a top-level `ThreadControllerImpl::RunTask` on a page's main thread
 * (`CrRendererMain`), with the microtask checkpoint that follows it. Gloss's share of it is the
 * time the V8 sampling profiler found Gloss's code (any frame from the extension's URL) on the
 * stack, or, for the task that compiles and starts a Gloss script, that script's whole
 * `EvaluateScript` (compiling is native and not sampled as a JavaScript frame). A long task is
 * caused by Gloss when it would not have been long without Gloss's share.
 */

export interface TraceEvent {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface GlossTask {
  /** Start, in trace microseconds. */
  ts: number;
  durationMs: number;
  glossMs: number;
  /**
   * Where Gloss's share went: `start <file>` for the task that compiles and starts a Gloss script,
   * else the file of the Gloss code most sampled in it (`popover-ui.js`, `page-engine.js`, …).
   */
  script: string;
}

export interface Attribution {
  /** Every task in which Gloss's code ran, longest first. */
  tasks: GlossTask[];
  /** Long tasks that would not have been long without Gloss's share. */
  causedByGloss: GlossTask[];
  /** Long tasks Gloss ran in but did not make long (the page's own work was over the limit). */
  sharedWithPage: GlossTask[];
  /** The most time Gloss took in any one task. */
  longestGlossMs: number;
  /**
   * All the time the profiler found Gloss's code on a page main thread's stack, in tasks or not
   * (ms). On pages where the main script runs, samples outside `ThreadControllerImpl::RunTask`
   * spans were 10–30 ms of Gloss's time (BBC Chinese, Chromium 156), which `tasks` misses.
   */
  sampledGlossMs: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

/** The last path segment of a script URL: `content-scripts/content.js` → `content.js`. */
function fileOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

interface Profile {
  thread: string;
  time: number;
  nodes: Map<number, ProfileNode>;
  samples: [time: number, node: number][];
}

const TASK = 'ThreadControllerImpl::RunTask';
/**
 * Blink runs a task's microtasks in a checkpoint that the trace shows right after the task's
 * span, not inside it (Chromium 156: 2 µs later). Work a promise continues (an `await`) is
 * there, and it is part of the task for a reader: the Long Tasks API counts it in.
 */
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A checkpoint starting within this long after a task's span is that task's (µs). */
const CHECKPOINT_GAP_US = 100;

function threadKey(e: { pid: number; tid: number }): string {
  return `${e.pid}:${e.tid}`;
}

function profilesOf(events: readonly TraceEvent[]): Profile[] {
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'Profile' || e.id === undefined) continue;
    const data = e.args?.data as { startTime?: number } | undefined;
    profiles.set(`${e.pid}:${e.id}`, {
      thread: threadKey(e),
      time: data?.startTime ?? e.ts ?? 0,
      nodes: new Map(),
      samples: [],
    });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args?.data as
      | { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      profile.time += deltas[i] ?? 0;
      profile.samples.push([profile.time, node]);
    });
  }
  for (const profile of profiles.values()) profile.samples.sort((a, b) => a[0] - b[0]);
  return [...profiles.values()];
}

function isGlossUrl(url: unknown, extensionId: string): boolean {
  return typeof url === 'string' && url.includes(extensionId);
}

export function attributeLongTasks(
  events: readonly TraceEvent[],
  extensionId: string,
  longTaskMs = 50,
): Attribution {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name')
      .filter((e) => (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
      .map(threadKey),
  );
  const profiles = profilesOf(events).filter((p) => mainThreads.has(p.thread));
  const evaluations = events.filter(
    (e) =>
      e.name === 'EvaluateScript' &&
      mainThreads.has(threadKey(e)) &&
      isGlossUrl((e.args?.data as { url?: string } | undefined)?.url, extensionId),
  );

  const tasks: GlossTask[] = [];
  let sampledGloss = 0;
  for (const thread of mainThreads) {
    const profile = profiles.find((p) => p.thread === thread);
    // The innermost Gloss script on a sample's stack (native code it called counts as its), or null.
    const glossFile = new Map<number, string | null>();
    const glossScriptOf = (id: number): string | null => {
      const known = glossFile.get(id);
      if (known !== undefined) return known;
      glossFile.set(id, null); // guards against a malformed cycle
      const node = profile?.nodes.get(id);
      const url = node?.callFrame?.url;
      const result =
        node === undefined
          ? null
          : isGlossUrl(url, extensionId)
            ? fileOf(url as string)
            : node.parent !== undefined
              ? glossScriptOf(node.parent)
              : null;
      glossFile.set(id, result);
      return result;
    };
    const runs = events
      .filter((e) => e.name === TASK && e.ph === 'X' && threadKey(e) === thread)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    const checkpoints = events
      .filter((e) => e.name === CHECKPOINT && e.ph === 'X' && threadKey(e) === thread)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    const samples = profile?.samples ?? [];
    for (let i = 0; i + 1 < samples.length; i++) {
      if (glossScriptOf(samples[i]![1]) !== null)
        sampledGloss += samples[i + 1]![0] - samples[i]![0];
    }
    let next = 0;
    let checkpoint = 0;
    for (const [index, run] of runs.entries()) {
      const start = run.ts ?? 0;
      const spanEnd = start + (run.dur ?? 0);
      const nextStart = runs[index + 1]?.ts ?? Infinity;
      let end = spanEnd;
      // The task's own microtask checkpoints, just after its span (see CHECKPOINT). One that starts
      // after the next task has begun is that task's: a sliced scan is a train of tiny tasks each
      // followed by its checkpoint, and chaining them made one "long task" of many 4 ms slices.
      while (checkpoint < checkpoints.length && (checkpoints[checkpoint]!.ts ?? 0) < spanEnd) {
        checkpoint++;
      }
      while (checkpoint < checkpoints.length) {
        const c = checkpoints[checkpoint]!;
        const at = c.ts ?? 0;
        if (at > end + CHECKPOINT_GAP_US || at >= nextStart) break;
        end = Math.max(end, at + (c.dur ?? 0));
        checkpoint++;
      }
      while (next < samples.length && samples[next]![0] < start) next++;
      let sampled = 0;
      const byScript = new Map<string, number>();
      for (let i = next; i < samples.length && samples[i]![0] < end; i++) {
        const until = Math.min(samples[i + 1]?.[0] ?? end, end);
        const script = glossScriptOf(samples[i]![1]);
        if (script === null) continue;
        sampled += until - samples[i]![0];
        byScript.set(script, (byScript.get(script) ?? 0) + until - samples[i]![0]);
      }
      let evaluated = 0;
      let started: string | null = null;
      for (const e of evaluations) {
        if (threadKey(e) === thread && (e.ts ?? 0) >= start && (e.ts ?? 0) < end) {
          evaluated += e.dur ?? 0;
          started ??= fileOf((e.args?.data as { url: string }).url);
        }
      }
      const gloss = Math.max(sampled, evaluated);
      if (gloss <= 0) continue;
      const mostSampled = [...byScript].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
      tasks.push({
        ts: start,
        durationMs: (end - start) / 1000,
        glossMs: gloss / 1000,
        script: started !== null ? `start ${started}` : mostSampled,
      });
    }
  }
  tasks.sort((a, b) => b.durationMs - a.durationMs);
  const long = tasks.filter((t) => t.durationMs > longTaskMs);
  return {
    tasks,
    causedByGloss: long.filter((t) => t.durationMs - t.glossMs <= longTaskMs),
    sharedWithPage: long.filter((t) => t.durationMs - t.glossMs > longTaskMs),
    longestGlossMs: Math.max(0, ...tasks.map((t) => t.glossMs)),
    sampledGlossMs: sampledGloss / 1000,
  };
}

/** The trace categories the attribution needs. */
export const ATTRIBUTION_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];
