import { describe, expect, it } from 'vitest';
import {
  createSaveQueue,
  draftsStorageKey,
  readDrafts,
  reportingColumn,
  scrollLeftFor,
  stepPosition,
  writeDrafts,
} from '../../client/src/features/workspace/utils/grid-model';

/** A promise the test settles by hand, to play a slow server. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('save queue', () => {
  it('sends every cell of a column typed faster than the server answers, a few at a time', async () => {
    const started: string[] = [];
    const open = new Map<string, ReturnType<typeof deferred>>();
    let inFlight = 0;
    let most = 0;
    const queue = createSaveQueue<string>(async (key) => {
      started.push(key);
      inFlight++;
      most = Math.max(most, inFlight);
      const d = deferred();
      open.set(key, d);
      await d.promise;
      inFlight--;
    }, 4);
    const keys = Array.from({ length: 20 }, (_, i) => `indicator-${i}|2025`);
    for (const key of keys) queue.enqueue(key, key);
    await tick();
    expect(started).toEqual(keys.slice(0, 4));
    expect(queue.size()).toBe(20);
    // The server answers one by one; each answer lets the next waiting save go.
    for (let i = 0; i < 20; i++) {
      open.get(keys[i]!)!.resolve();
      await tick();
    }
    await queue.idle();
    expect(started).toEqual(keys);
    expect(most).toBe(4);
    expect(queue.size()).toBe(0);
  });

  it('never sends two saves of one cell at once: the second waits for the first (and its version)', async () => {
    const log: string[] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    let version = 1;
    const queue = createSaveQueue<string>(async (key, text) => {
      // What the grid does: read the cell's version when the save starts.
      log.push(`start ${key} ${text} v${version}`);
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
      version++;
      log.push(`saved ${key} ${text}`);
    });
    queue.enqueue('a|2025', '36.1');
    await tick();
    queue.enqueue('a|2025', '36.2');
    queue.enqueue('b|2025', '9.1');
    await tick();
    expect(log).toEqual(['start a|2025 36.1 v1', 'start b|2025 9.1 v1']);
    expect(queue.has('a|2025')).toBe(true);
    gates[0]!.resolve();
    await tick();
    await tick();
    expect(log.slice(2)).toEqual(['saved a|2025 36.1', 'start a|2025 36.2 v2']);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await queue.idle();
    expect(log).toContain('saved a|2025 36.2');
    expect(queue.has('a|2025')).toBe(false);
  });

  it('replaces a save of a cell still waiting (only the latest text is sent), keeping its place', async () => {
    const sent: string[] = [];
    const gate = deferred();
    const queue = createSaveQueue<string>(async (key, text) => {
      sent.push(`${key}=${text}`);
      if (key === 'x|2025') await gate.promise;
    }, 1);
    queue.enqueue('x|2025', '1');
    queue.enqueue('y|2025', '2');
    queue.enqueue('z|2025', '3');
    queue.enqueue('y|2025', '2.5');
    await tick();
    gate.resolve();
    await queue.idle();
    expect(sent).toEqual(['x|2025=1', 'y|2025=2.5', 'z|2025=3']);
  });

  it('goes on after a save that throws', async () => {
    const sent: string[] = [];
    const queue = createSaveQueue<string>(async (key) => {
      sent.push(key);
      if (key === 'bad|2025') throw new Error('boom');
    }, 1);
    queue.enqueue('bad|2025', '');
    queue.enqueue('good|2025', '');
    await queue.idle();
    expect(sent).toEqual(['bad|2025', 'good|2025']);
  });
});

describe('grid geometry', () => {
  it('steps inside the grid', () => {
    expect(stepPosition({ row: 0, col: 10 }, 1, 0, 20, 11)).toEqual({ row: 1, col: 10 });
    expect(stepPosition({ row: 19, col: 10 }, 1, 1, 20, 11)).toEqual({ row: 19, col: 10 });
    expect(stepPosition({ row: 0, col: 0 }, -1, -1, 20, 11)).toEqual({ row: 0, col: 0 });
  });

  it('opens on the latest year the officer can still edit', () => {
    const years = [2021, 2022, 2023, 2024, 2025];
    expect(reportingColumn(years, (y) => y !== 2025)).toBe(3);
    expect(reportingColumn(years, () => true)).toBe(4);
    // Nothing editable (a reader, or every year locked): the latest year.
    expect(reportingColumn(years, () => false)).toBe(4);
    expect(reportingColumn([], () => true)).toBe(0);
  });

  it('scrolls the reported year into view right of the sticky column', () => {
    // 11 years of 90 px after a 288 px indicator column, in an 800 px viewport.
    const layout = { stickyWidth: 288, viewportWidth: 800, contentWidth: 288 + 11 * 90 };
    // The last year: scrolled to the end.
    expect(scrollLeftFor({ ...layout, columnLeft: 288 + 10 * 90 })).toBe(478);
    // An earlier year: just right of the indicator column, later years after it.
    expect(scrollLeftFor({ ...layout, columnLeft: 288 + 3 * 90 })).toBe(270);
    // The first year: no scroll.
    expect(scrollLeftFor({ ...layout, columnLeft: 288 })).toBe(0);
    // Everything fits: no scroll.
    expect(scrollLeftFor({ ...layout, viewportWidth: 2000, columnLeft: 288 + 10 * 90 })).toBe(0);
  });
});

describe('drafts kept in the browser', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  };

  it('keeps unsaved edits by city and series and removes the entry once none is left', () => {
    const storage = memory();
    const key = draftsStorageKey('kosice', '{}');
    expect(key).not.toBe(draftsStorageKey('kosice', '{"sex":"female"}'));
    expect(key).not.toBe(draftsStorageKey('valencia', '{}'));
    writeDrafts(
      storage,
      key,
      new Map([
        ['pm25|2025', '120'],
        ['waste|2024', 'abc'],
      ]),
    );
    expect(readDrafts(storage, key)).toEqual(
      new Map([
        ['pm25|2025', '120'],
        ['waste|2024', 'abc'],
      ]),
    );
    writeDrafts(storage, key, new Map());
    expect(storage.data.has(key)).toBe(false);
    expect(readDrafts(storage, key).size).toBe(0);
  });

  it('ignores broken entries and unavailable storage', () => {
    const storage = memory();
    storage.setItem('a', '{not json');
    storage.setItem(
      'b',
      JSON.stringify({ cells: { 'pm25|2025': 12, 'no-year': 'x', 'ok|2024': '1' } }),
    );
    storage.setItem('c', 'null');
    expect(readDrafts(storage, 'a').size).toBe(0);
    expect(readDrafts(storage, 'b')).toEqual(new Map([['ok|2024', '1']]));
    expect(readDrafts(storage, 'c').size).toBe(0);
    expect(readDrafts(null, 'a').size).toBe(0);
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => writeDrafts(full, 'a', new Map([['x|2025', '1']]))).not.toThrow();
  });
});
