import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../server/src/schemas/observation.schema';
import { importCreations } from '../../../server/src/services/observation.service';

const event = (id: number, action: string, before: unknown = null): HistoryEvent => ({
  id,
  at: new Date(2026, 0, id).toISOString(),
  actor: 'officer@city.eu',
  action,
  entity: 'espoo/pm25/2024',
  before,
  after: null,
  comment: null,
  importId: null,
});

describe('importCreations: rebuilding the creation of values an import created', () => {
  it('adds nothing when every creation has its own event', () => {
    expect(
      importCreations(
        [event(1, 'observation.created'), event(2, 'observation.updated', { value: 1 })],
        { value: 2 },
      ),
    ).toEqual([]);
  });

  it('places an import creation before the first update, with the value it had then', () => {
    const events = [event(1, 'observation.updated', { value: 7, createdImportId: 3 })];
    expect(importCreations(events, { value: 8 })).toEqual([
      { importId: 3, initial: { value: 7, createdImportId: 3 }, before: events[0] },
    ]);
  });

  it('creates from the current value when an import created it and nothing changed since', () => {
    expect(importCreations([], { value: 8, createdImportId: 5 })).toEqual([
      { importId: 5, initial: { value: 8, createdImportId: 5 }, before: null },
    ]);
  });

  it('handles create (import) → delete → create (import) again', () => {
    const events = [event(1, 'observation.deleted', { value: 7, createdImportId: 3 })];
    const creations = importCreations(events, { value: 9, createdImportId: 4 });
    expect(creations.map((c) => [c.importId, c.before?.id ?? null])).toEqual([
      [3, 1],
      [4, null],
    ]);
  });

  it('adds nothing for values typed in (no import id)', () => {
    expect(importCreations([event(1, 'observation.deleted', { value: 7 })], null)).toEqual([]);
  });
});
