import { describe, expect, it } from 'vitest';
import type { WorkspaceIndicator } from '../../client/src/features/workspace/api/workspace-api';
import {
  byGoal,
  cellKey,
  checkText,
  createSaveQueue,
  draftsStorageKey,
  failedEdits,
  gridYears,
  isErrorEdit,
  isUnchanged,
  latestStored,
  pastedBlock,
  pasteTargets,
  readDrafts,
  reasonCells,
  reportingColumn,
  reportingStatus,
  restoreDrafts,
  scrollLeftFor,
  splitCellKey,
  stepPosition,
  writeDrafts,
  type PendingEdit,
} from '../../client/src/features/workspace/utils/grid-model';
import { indicatorDefinition, observation } from './series-fixtures';

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

const indicator = (slug: string, overrides: Partial<WorkspaceIndicator> = {}): WorkspaceIndicator =>
  indicatorDefinition({ slug, ...overrides });

describe('cells and typed values', () => {
  it('names a cell by indicator and year, and splits the name back', () => {
    expect(cellKey('waste', 2024)).toBe('waste|2024');
    expect(splitCellKey('waste|2024')).toEqual({ slug: 'waste', year: 2024 });
  });

  it('checks typed text in the locale and against the allowed range; empty deletes', () => {
    const rate = indicator('rate', { allowedMin: 0, allowedMax: 100 });
    expect(checkText('12.5', rate, 'en')).toEqual({ ok: true, value: 12.5 });
    expect(checkText('12,5', rate, 'fi')).toEqual({ ok: true, value: 12.5 });
    expect(checkText('  ', rate, 'en')).toEqual({ ok: true, value: null });
    expect(checkText('twelve', rate, 'en')).toEqual({ ok: false, reason: 'number' });
    expect(checkText('101', rate, 'en')).toEqual({ ok: false, reason: 'range' });
    const atLeast = indicator('count', { allowedMin: 0, allowedMax: null });
    expect(checkText('-1', atLeast, 'en')).toEqual({ ok: false, reason: 'min' });
    const atMost = indicator('share', { allowedMin: null, allowedMax: 1 });
    expect(checkText('2', atMost, 'en')).toEqual({ ok: false, reason: 'max' });
    expect(checkText('-5', atMost, 'en')).toEqual({ ok: true, value: -5 });
  });

  it('tells a refused or failed edit from one being saved', () => {
    const edit = (state: PendingEdit['state']): PendingEdit => ({
      text: '1',
      state,
      message: null,
      retryable: false,
      seq: 1,
    });
    expect(isErrorEdit(edit('invalid'))).toBe(true);
    expect(isErrorEdit(edit('failed'))).toBe(true);
    expect(isErrorEdit(edit('saving'))).toBe(false);
    expect(isErrorEdit(undefined)).toBe(false);
  });

  it('knows when a value is what the server has (0 and -0 are different values)', () => {
    expect(isUnchanged(null, null)).toBe(true);
    expect(isUnchanged(null, observation())).toBe(false);
    expect(isUnchanged(38, observation({ value: 38 }))).toBe(true);
    expect(isUnchanged(39, observation({ value: 38 }))).toBe(false);
    expect(isUnchanged(38, null)).toBe(false);
    expect(isUnchanged(-0, observation({ value: 0 }))).toBe(false);
  });

  it("prefers the grid's own save unless the page shows a newer version", () => {
    const shown = observation({ version: 3 });
    const saved = observation({ version: 2 });
    expect(latestStored(shown, false, null)).toBe(shown);
    expect(latestStored(shown, true, saved)).toBe(shown);
    const newer = observation({ version: 4 });
    expect(latestStored(shown, true, newer)).toBe(newer);
    expect(latestStored(shown, true, null)).toBeNull(); // the grid deleted it
    expect(latestStored(null, true, saved)).toBe(saved);
  });
});

describe('grid layout', () => {
  it('shows the last years up to the later of last year and the latest value', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(gridYears([], now, 3)).toEqual([2022, 2023, 2024]);
    expect(gridYears([observation({ year: 2026 })], now, 3)).toEqual([2024, 2025, 2026]);
    expect(gridYears([], now)).toHaveLength(11);
  });

  it('groups indicators by goal in catalogue order, unmapped last', () => {
    const groups = byGoal([
      indicator('c', { goal: null, sortOrder: 0 }),
      indicator('b', { goal: 11, sortOrder: 2 }),
      indicator('a', { goal: 11, sortOrder: 2 }),
      indicator('d', { goal: 3, sortOrder: 5 }),
      indicator('e', { goal: 11, sortOrder: 1 }),
    ]);
    expect(groups.map((g) => [g.goal, g.indicators.map((i) => i.slug)])).toEqual([
      [3, ['d']],
      [11, ['e', 'a', 'b']],
      [null, ['c']],
    ]);
  });

  it('counts per goal the indicators reported for a year and names the missing ones', () => {
    const groups = byGoal([indicator('a', { goal: 1 }), indicator('b', { goal: 1 })]);
    const values = new Map([[cellKey('a', 2024), observation({ indicator: 'a', year: 2024 })]]);
    expect(reportingStatus(groups, values, 2024)).toEqual([
      { goal: 1, total: 2, reported: 1, missing: ['b'] },
    ]);
    expect(reportingStatus(groups, values, 2023)[0]!.missing).toEqual(['a', 'b']);
  });

  it('reads a pasted block by line and tab, whatever the line ends', () => {
    expect(pastedBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(pastedBlock('1\r2\n')).toEqual([['1'], ['2']]);
    expect(pastedBlock('5')).toEqual([['5']]);
  });

  it('places a pasted block from the active cell, skipping cells outside the grid or locked', () => {
    const rows = [indicator('a'), indicator('b')];
    const years = [2022, 2023, 2024];
    const { targets, skipped } = pasteTargets(
      [[' 1 ', '2', '3'], ['4', '5', '6'], ['7']],
      { row: 0, col: 1 },
      rows,
      years,
      (year) => year === 2023,
    );
    expect(targets.map((c) => [c.indicator.slug, c.year, c.text])).toEqual([
      ['a', 2024, '2'],
      ['b', 2024, '5'],
    ]);
    expect(skipped).toBe(5);
  });
});

describe('edits kept for the officer', () => {
  const rows = [indicator('a', { allowedMin: 0, allowedMax: 100 }), indicator('b')];
  const years = [2023, 2024];
  const edit = (state: PendingEdit['state'], seq = 1): PendingEdit => ({
    text: 'x',
    state,
    message: 'why',
    retryable: state === 'failed',
    seq,
  });

  it('brings drafts back: to retry, refused with the reason, dropped when stored, aside when not in the grid', () => {
    let seq = 0;
    const restored = restoreDrafts(
      new Map([
        ['a|2023', '12'],
        ['a|2024', '500'],
        ['b|2023', '38'],
        ['b|2024', ''],
        ['other|2023', '1'],
        ['a|1999', '2'],
      ]),
      {
        rows,
        years,
        values: new Map([
          [cellKey('b', 2023), observation({ indicator: 'b', year: 2023, value: 38 })],
        ]),
        locale: 'en',
      },
      { restored: 'kept from before', refused: (check) => (check.ok ? null : check.reason) },
      () => ++seq,
    );
    expect([...restored.edits]).toEqual([
      [
        'a|2023',
        { text: '12', state: 'failed', message: 'kept from before', retryable: true, seq: 1 },
      ],
      ['a|2024', { text: '500', state: 'invalid', message: 'range', retryable: false, seq: 2 }],
    ]);
    expect([...restored.hidden]).toEqual([
      ['other|2023', '1'],
      ['a|1999', '2'],
    ]);
  });

  it('lists refused and failed edits of the grid in its order, not those being saved or outside it', () => {
    const pending = new Map<string, PendingEdit>([
      ['b|2023', edit('failed')],
      ['a|2024', edit('invalid')],
      ['a|2023', edit('saving')],
      ['gone|2023', edit('failed')],
      ['a|2023x', edit('failed')],
    ]);
    expect(failedEdits(pending, rows, years).map((f) => [f.key, f.slug, f.year])).toEqual([
      ['a|2024', 'a', 2024],
      ['b|2023', 'b', 2023],
    ]);
  });

  it('shows the reasons of the active cell (unless edited) and of the cell refused last', () => {
    const pending = new Map<string, PendingEdit>([
      ['a|2023', edit('invalid')],
      ['b|2023', edit('failed')],
      ['b|2024', edit('saving')],
    ]);
    expect([...reasonCells(pending, 'a|2023', 'b|2023', false)]).toEqual(['a|2023', 'b|2023']);
    expect([...reasonCells(pending, 'a|2023', 'b|2023', true)]).toEqual(['b|2023']);
    expect([...reasonCells(pending, 'b|2024', 'b|2024', false)]).toEqual([]);
    expect([...reasonCells(pending, 'a|2023', 'a|2023', false)]).toEqual(['a|2023']);
    expect([...reasonCells(pending, 'b|2024', null, false)]).toEqual([]);
  });
});
