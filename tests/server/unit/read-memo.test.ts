import { describe, expect, it } from 'vitest';
import { mayChange, ReadMemo } from '../../../server/src/db/read-memo';

describe('mayChange: which statements forget the read memo', () => {
  it('reads and transaction starts do not; writes, DDL, COPY and COMMIT do', () => {
    for (const sql of [
      'select "id" from "networks" where "is_public" = $1',
      '  SELECT 1',
      'BEGIN;',
      'SAVEPOINT trx4;',
      'RELEASE SAVEPOINT trx4;',
      'with x as (select 1) select * from x',
      'select c.updated_at, c.deleted_at from cities c',
    ])
      expect(mayChange(sql), sql).toBe(false);
    for (const sql of [
      'insert into "observations" ("city_id") values ($1)',
      'update "networks" set "is_public" = $1',
      'delete from "network_members" where "city_id" = $1',
      'COMMIT;',
      'ROLLBACK',
      'truncate table cities',
      'copy staging from stdin',
      'create table t (x int)',
      'with moved as (delete from staging returning *) insert into observations select * from moved',
      'with x as (update cities set name = $1 returning id) select * from x',
    ])
      expect(mayChange(sql), sql).toBe(true);
  });

  it('writes to tables no remembered read depends on (session touches, throttling, health, notifications) do not', () => {
    for (const sql of [
      'update "sessions" set "last_seen_at" = CURRENT_TIMESTAMP where "id" = $1',
      'insert into "login_throttle" ("key") values ($1)',
      'update "health_probe" set "checked_at" = CURRENT_TIMESTAMP where "id" = $1',
      'update "notifications" set "read_at" = now() where "id" = $1',
    ])
      expect(mayChange(sql), sql).toBe(false);
    // A table whose name merely starts like one of them still counts.
    expect(mayChange('update "sessions_archive" set x = 1')).toBe(true);
  });
});

describe('ReadMemo', () => {
  it('answers from memory until something changes', async () => {
    const memo = new ReadMemo();
    let loads = 0;
    const load = () => Promise.resolve({ value: ++loads });
    expect(await memo.get('k', load)).toEqual({ value: 1 });
    expect(await memo.get('k', load)).toEqual({ value: 1 });
    memo.changed();
    expect(await memo.get('k', load)).toEqual({ value: 2 });
    expect(loads).toBe(2);
  });

  it('does not keep a read that overlapped a change (it may have seen the old state)', async () => {
    const memo = new ReadMemo();
    let release!: () => void;
    const slow = memo.get(
      'k',
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('old');
        }),
    );
    memo.changed();
    release();
    expect(await slow).toBe('old');
    expect(await memo.get('k', () => Promise.resolve('new'))).toBe('new');
  });

  it('keeps nothing while told not to (a PostgreSQL listener not connected yet)', async () => {
    const memo = new ReadMemo(false);
    let loads = 0;
    await memo.get('k', () => Promise.resolve(++loads));
    await memo.get('k', () => Promise.resolve(++loads));
    expect(loads).toBe(2);
    memo.keep(true);
    await memo.get('k', () => Promise.resolve(++loads));
    await memo.get('k', () => Promise.resolve(++loads));
    expect(loads).toBe(3);
  });

  it('hands out frozen values, so no caller can change what others read', async () => {
    const memo = new ReadMemo();
    const facts = await memo.get('k', () =>
      Promise.resolve({ networks: [{ id: 1, isPublic: true }] }),
    );
    expect(() => {
      (facts.networks[0] as { isPublic: boolean }).isPublic = false;
    }).toThrow(TypeError);
    expect(() => (facts.networks as unknown[]).push({})).toThrow(TypeError);
  });

  it('forgets everything when full rather than growing without bound', async () => {
    const memo = new ReadMemo(true, 3);
    for (const key of ['a', 'b', 'c', 'd']) await memo.get(key, () => Promise.resolve(key));
    expect(memo.size).toBe(1);
  });
});

describe('ReadMemo: whole answers kept with keepSince', () => {
  it('answers a kept value, as it is (not frozen), until something changes', () => {
    const memo = new ReadMemo(true);
    const page = { compressed: undefined as string | undefined };
    memo.keepSince(memo.mark, 'page:a', page);
    expect(memo.peek('page:a')).toBe(page);
    page.compressed = 'br'; // the owner may still fill it in
    expect(memo.peek<typeof page>('page:a')?.compressed).toBe('br');
    memo.changed();
    expect(memo.peek('page:a')).toBeUndefined();
  });

  it('does not keep a value made across a change, nor while told not to keep anything', () => {
    const memo = new ReadMemo(true);
    const mark = memo.mark;
    memo.changed(); // e.g. a write committed while the answer was computed
    memo.keepSince(mark, 'page:a', {});
    expect(memo.peek('page:a')).toBeUndefined();
    memo.keep(false);
    memo.keepSince(memo.mark, 'page:b', {});
    expect(memo.peek('page:b')).toBeUndefined();
  });

  it('peek never answers a value remembered by get() (those are frozen facts, not answers)', async () => {
    const memo = new ReadMemo(true);
    await memo.get('fact', async () => ({ id: 1 }));
    expect(memo.peek('fact')).toBeUndefined();
  });
});
