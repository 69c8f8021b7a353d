/**
 * The corpus blames a long task on Gloss only when Gloss's own share made it long: checked here on
 * small hand-made traces with the shapes Chrome writes.
 */
import { describe, expect, it } from 'vitest';
import { attributeLongTasks, type TraceEvent } from '../../scripts/long-task-attribution.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const GLOSS_URL = `chrome-extension://${EXT}/content-scripts/content.js`;
const PAGE = { pid: 1, tid: 1 };
const WORKER = { pid: 1, tid: 2 };
const ms = (n: number) => n * 1000;

/** Thread names, a profile whose nodes are (1) root, (2) page code, (3) Gloss code, (4) native under Gloss. */
function base(): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', ...PAGE, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ...WORKER, args: { name: 'DedicatedWorker thread' } },
    { name: 'Profile', ph: 'P', ...PAGE, id: '0x1', ts: 0, args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      ...PAGE,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { url: '' } },
              { id: 2, parent: 1, callFrame: { url: 'http://127.0.0.1/page.js' } },
              { id: 3, parent: 1, callFrame: { url: GLOSS_URL } },
              { id: 4, parent: 3, callFrame: { url: '' } },
            ],
            samples: [],
          },
          timeDeltas: [],
        },
      },
    },
  ];
}

/** `count` more samples, one per millisecond (following the previous chunk), all on `node`. */
function samples(count: number, node: number): TraceEvent {
  return {
    name: 'ProfileChunk',
    ph: 'P',
    ...PAGE,
    id: '0x1',
    args: {
      data: {
        cpuProfile: { samples: Array.from({ length: count }, () => node) },
        timeDeltas: Array.from({ length: count }, () => ms(1)),
      },
    },
  };
}

function task(fromMs: number, durMs: number, thread = PAGE): TraceEvent {
  return {
    name: 'ThreadControllerImpl::RunTask',
    ph: 'X',
    ...thread,
    ts: ms(fromMs),
    dur: ms(durMs),
  };
}

describe('long tasks are blamed on Gloss only when its share made them long', () => {
  it('a 60 ms task with 30 ms of Gloss code is caused by Gloss', () => {
    // Samples run from t=1 ms; the first 30 in Gloss (and native code it called), then page code.
    const events = [...base(), samples(20, 3), samples(10, 4), samples(30, 2), task(0, 61)];
    const result = attributeLongTasks(events, EXT);
    expect(result.causedByGloss).toHaveLength(1);
    expect(result.causedByGloss[0]!.glossMs).toBeCloseTo(30, 0);
    expect(result.sharedWithPage).toEqual([]);
  });

  it('a 120 ms page task Gloss spent 10 ms in is the page’s, not Gloss’s', () => {
    const events = [...base(), samples(10, 3), samples(110, 2), task(0, 121)];
    const result = attributeLongTasks(events, EXT);
    expect(result.causedByGloss).toEqual([]);
    expect(result.sharedWithPage).toHaveLength(1);
    expect(result.longestGlossMs).toBeCloseTo(10, 0);
  });

  it('compiling and starting a Gloss script counts whole, though it is not sampled as Gloss code', () => {
    const events = [
      ...base(),
      task(0, 55),
      {
        name: 'EvaluateScript',
        ph: 'X',
        ...PAGE,
        ts: ms(1),
        dur: ms(52),
        args: { data: { url: GLOSS_URL } },
      },
    ];
    const [caused] = attributeLongTasks(events, EXT).causedByGloss;
    expect(caused?.script).toBe('start content.js');
  });

  it('a task’s microtask checkpoint, traced just after its span, is part of the task', () => {
    // A 1 ms task, then its microtasks: 55 ms of Gloss code (an `await` chain), then an idle gap
    // and another task whose checkpoint is not the first one's.
    const events = [
      ...base(),
      samples(56, 3),
      samples(30, 2),
      task(0, 1),
      {
        name: 'BlinkScheduler_PerformMicrotaskCheckpoint',
        ph: 'X',
        ...PAGE,
        ts: ms(1) + 2,
        dur: ms(55),
      },
      task(70, 1),
      {
        name: 'BlinkScheduler_PerformMicrotaskCheckpoint',
        ph: 'X',
        ...PAGE,
        ts: ms(71) + 2,
        dur: ms(10),
      },
    ];
    const result = attributeLongTasks(events, EXT);
    expect(result.causedByGloss).toHaveLength(1);
    expect(result.causedByGloss[0]!.durationMs).toBeCloseTo(56, 0);
    expect(result.causedByGloss[0]!.glossMs).toBeCloseTo(55, 0);
    expect(result.tasks).toHaveLength(1);
  });

  it('back-to-back slices, each a tiny task and its checkpoint, stay separate tasks', () => {
    // A sliced scan as Chromium 156 traces it: 12 slices of 5 ms, each a 20 µs task (the resolved
    // scheduler.postTask) then a 5 ms checkpoint running the continuation, 20 µs apart. The Long
    // Tasks API sees 12 short tasks; chaining checkpoints past the next task made one 60 ms task.
    const slices = Array.from({ length: 12 }, (_, i) => {
      const from = ms(i * 5) + i * 40;
      return [
        { ...task(0, 0), ts: from, dur: 20 },
        {
          name: 'BlinkScheduler_PerformMicrotaskCheckpoint',
          ph: 'X',
          ...PAGE,
          ts: from + 20,
          dur: ms(5) - 20,
        },
      ];
    }).flat();
    const result = attributeLongTasks([...base(), samples(62, 3), ...slices], EXT);
    expect(result.tasks).toHaveLength(12);
    expect(Math.max(...result.tasks.map((t) => t.durationMs))).toBeCloseTo(5, 0);
    expect(result.causedByGloss).toEqual([]);
  });

  it('counts Gloss’s sampled time outside any task span too, in sampledGlossMs only', () => {
    // 10 ms of Gloss code in a task, then 25 ms of it after the task span ends, then page code.
    const events = [...base(), samples(10, 3), samples(25, 4), samples(5, 2), task(0, 11)];
    const result = attributeLongTasks(events, EXT);
    expect(result.tasks.map((t) => t.glossMs)).toEqual([expect.closeTo(10, 0)]);
    expect(result.sampledGlossMs).toBeCloseTo(35, 0);
  });

  it('names the Gloss script whose code (or the native code it called) took the time', () => {
    const events = [...base(), samples(20, 3), samples(40, 4), task(0, 61)];
    expect(attributeLongTasks(events, EXT).causedByGloss[0]?.script).toBe('content.js');
  });

  it('page scripts, other extensions and other threads are not Gloss', () => {
    const events = [
      ...base(),
      samples(80, 2),
      task(0, 81),
      task(0, 90, WORKER),
      {
        name: 'EvaluateScript',
        ph: 'X',
        ...PAGE,
        ts: ms(1),
        dur: ms(60),
        args: { data: { url: 'chrome-extension://someoneelse/content.js' } },
      },
    ];
    const result = attributeLongTasks(events, EXT);
    expect(result.tasks).toEqual([]);
    expect(result.causedByGloss).toEqual([]);
    expect(result.longestGlossMs).toBe(0);
  });

  it('short tasks with Gloss in them are listed but never blamed', () => {
    const events = [...base(), samples(12, 3), task(0, 13), task(20, 5)];
    const result = attributeLongTasks(events, EXT);
    expect(result.tasks).toHaveLength(1);
    expect(result.causedByGloss).toEqual([]);
    expect(result.sharedWithPage).toEqual([]);
  });
});
