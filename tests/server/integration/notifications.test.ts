import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  NotificationCount,
  NotificationList,
} from '../../../server/src/schemas/notification.schema';
import {
  addMember,
  addObservations,
  buildLyonGentNetwork,
  buildNetwork,
} from '../../factories/factories';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import type { TestSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Review notifications (issue 17 item 11) against a real database: who is
 * told about each step, that nobody reads or marks someone else's, that a
 * refused step tells nobody, and the e-mails written by the file transport.
 *
 * World: network "net" (coordinators Cora and Colm) with cities "lyon"
 * (editors Eva and Emil) and "gent"; network "other" (coordinator Olga);
 * a viewer of "net". E-mail goes to .eml files in a temporary folder.
 */
let ctx: TestContext;
let mailDir: string;
let cora: TestSession;
let colm: TestSession;
let eva: TestSession;
let emil: TestSession;
let olga: TestSession;
let viewer: TestSession;
const base = '/api/v1/networks/net/cities/lyon/reviews';

beforeAll(async () => {
  mailDir = await mkdtemp(path.join(tmpdir(), 'sdg-mail-'));
  ctx = await createTestApp({
    as: 'visitor',
    env: { MAIL_DIR: mailDir, PUBLIC_URL: 'https://sdg.example.eu/', MAIL_FROM: 'sdg@example.eu' },
  });
  const k = ctx.db.knex;
  const { lyon, gent, recycling } = await buildLyonGentNetwork(k, { slug: 'net', name: 'Net' });
  const other = await buildNetwork(k, { slug: 'other', name: 'Other', is_public: true });
  await addMember(k, other, gent);
  await addObservations(k, lyon, recycling, [
    [2020, 30],
    [2021, 32],
  ]);
  cora = await ctx.sessionAs('cora@net.example', { role: 'coordinator', network: 'net' });
  colm = await ctx.sessionAs('colm@net.example', { role: 'coordinator', network: 'net' });
  eva = await ctx.sessionAs('eva@lyon.example', { role: 'editor', city: 'lyon' });
  emil = await ctx.sessionAs('emil@lyon.example', { role: 'editor', city: 'lyon' });
  olga = await ctx.sessionAs('olga@other.example', { role: 'coordinator', network: 'other' });
  viewer = await ctx.sessionAs('vic@net.example', { role: 'viewer', network: 'net' });
});

afterAll(async () => {
  await ctx?.close();
  await rm(mailDir, { recursive: true, force: true });
});

const inbox = async (who: TestSession, query = ''): Promise<NotificationList> => {
  const r = await api(ctx.app).get<NotificationList>(`/api/v1/notifications${query}`, who.headers);
  expect(r.status, r.text).toBe(200);
  return r.body;
};

/** A quoted-printable body as text (soft line breaks joined, =XX bytes decoded as UTF-8). */
const decoded = (mail: string): string =>
  Buffer.from(
    mail
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** The e-mails written so far (the file transport writes after the step's commit). */
async function mails(count: number): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const files = (await readdir(mailDir)).filter((f) => f.endsWith('.eml')).sort();
    if (files.length >= count || Date.now() > deadline)
      return (await Promise.all(files.map((f) => readFile(path.join(mailDir, f), 'utf8')))).map(
        decoded,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('review notifications', () => {
  it('tells the coordinators of the network, and no one else, that a year was submitted', async () => {
    const http = api(ctx.app);
    const submitted = await http.post(`${base}/2021/submit`, undefined, eva.headers);
    expect(submitted.status, submitted.text).toBe(200);

    for (const coordinator of [cora, colm]) {
      const list = await inbox(coordinator);
      expect(list.unread).toBe(1);
      expect(list.items).toEqual([
        expect.objectContaining({
          kind: 'review.submitted',
          network: { slug: 'net', name: 'Net' },
          city: { slug: 'lyon', name: 'Lyon' },
          year: 2021,
          actor: 'eva',
          comment: null,
          read: false,
        }),
      ]);
    }
    // Not the actor, not the city's other editor, not a viewer, not another network's coordinator.
    for (const bystander of [eva, emil, viewer, olga])
      expect((await inbox(bystander)).unread).toBe(0);
    const count = await http.get<NotificationCount>('/api/v1/notifications/unread', cora.headers);
    expect(count.body).toEqual({ unread: 1 });
  });

  it('tells the city’s editors that the year was returned, with the reason', async () => {
    const http = api(ctx.app);
    const returned = await http.post(
      `${base}/2021/return`,
      { comment: 'The 2021 value looks like a typo.' },
      cora.headers,
    );
    expect(returned.status, returned.text).toBe(200);
    for (const editor of [eva, emil]) {
      const [latest] = (await inbox(editor)).items;
      expect(latest).toMatchObject({
        kind: 'review.returned',
        actor: 'cora',
        comment: 'The 2021 value looks like a typo.',
        year: 2021,
      });
    }
    // The coordinator who returned it is not told; the other coordinator is not either (editors act next).
    expect((await inbox(cora)).items.map((n) => n.kind)).toEqual(['review.submitted']);
    expect((await inbox(colm)).items.map((n) => n.kind)).toEqual(['review.submitted']);
  });

  it('tells the editors of an approval and of a reopening; the coordinators of a resubmission and a withdrawal', async () => {
    const http = api(ctx.app);
    const step = async (action: string, who: TestSession, comment?: string) => {
      const r = await http.post(
        `${base}/2021/${action}`,
        comment === undefined ? undefined : { comment },
        who.headers,
      );
      expect(r.status, `${action}: ${r.text}`).toBe(200);
    };
    await step('submit', emil);
    await step('withdraw', emil);
    await step('submit', emil);
    await step('approve', colm);
    await step('reopen', cora, 'A corrected source arrived.');
    expect((await inbox(eva)).items.map((n) => n.kind)).toEqual([
      'review.reopened',
      'review.approved',
      'review.returned',
    ]);
    expect((await inbox(cora)).items.map((n) => n.kind)).toEqual([
      'review.submitted',
      'review.withdrawn',
      'review.submitted',
      'review.submitted',
    ]);
    // Colm approved: told of what the editor did, not of his own approval.
    expect((await inbox(colm)).items.map((n) => n.kind)).toEqual([
      'review.submitted',
      'review.withdrawn',
      'review.submitted',
      'review.submitted',
    ]);
  });

  it('tells nobody of a step that was refused, and changes nothing', async () => {
    const http = api(ctx.app);
    const before = await fingerprint(ctx.db.knex);
    // 2021 is a draft again (reopened): it cannot be approved; a viewer cannot submit.
    expect((await http.post(`${base}/2021/approve`, undefined, cora.headers)).status).toBe(409);
    expect((await http.post(`${base}/2021/submit`, undefined, viewer.headers)).status).toBe(403);
    // A return needs a reason.
    expect((await http.post(`${base}/2021/return`, {}, cora.headers)).status).toBe(400);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('marks one read, then all; someone else’s notification answers like a missing one', async () => {
    const http = api(ctx.app);
    const list = await inbox(eva, '?unread=true');
    expect(list.unread).toBe(3);
    const [first] = list.items;
    const read = await http.post<NotificationCount>(
      `/api/v1/notifications/${first!.id}/read`,
      undefined,
      eva.headers,
    );
    expect(read.status, read.text).toBe(200);
    expect(read.body).toEqual({ unread: 2 });
    // Reading it again is harmless.
    expect(
      (await http.post(`/api/v1/notifications/${first!.id}/read`, {}, eva.headers)).body,
    ).toEqual({ unread: 2 });
    expect((await inbox(eva, '?unread=true')).items.map((n) => n.id)).not.toContain(first!.id);
    expect((await inbox(eva)).items.find((n) => n.id === first!.id)?.read).toBe(true);

    // Emil's copy of the same event stays unread; Eva's id is not his to mark.
    const emilsBefore = await inbox(emil);
    const foreign = await http.post<ErrorBody>(
      `/api/v1/notifications/${first!.id}/read`,
      undefined,
      emil.headers,
    );
    const missing = await http.post<ErrorBody>(
      '/api/v1/notifications/999999/read',
      undefined,
      emil.headers,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect(await inbox(emil)).toEqual(emilsBefore);

    const all = await http.post<NotificationCount>(
      '/api/v1/notifications/read-all',
      undefined,
      eva.headers,
    );
    expect(all.body).toEqual({ unread: 0 });
    expect((await inbox(eva, '?unread=true')).items).toEqual([]);
    expect((await inbox(emil)).unread).toBe(3);
  });

  it('needs a signed-in reader and refuses bad input with a clear message', async () => {
    const http = api(ctx.app);
    expect((await http.get('/api/v1/notifications', ctx.asVisitor)).status).toBe(401);
    expect((await http.get('/api/v1/notifications/unread', ctx.asVisitor)).status).toBe(401);
    expect(
      (await http.post('/api/v1/notifications/read-all', undefined, ctx.asVisitor)).status,
    ).toBe(401);
    expect((await http.get('/api/v1/notifications?limit=0', eva.headers)).status).toBe(400);
    expect((await http.get('/api/v1/notifications?limit=2', eva.headers)).body).toMatchObject({
      items: [expect.anything(), expect.anything()],
    });
    const junk = await http.post('/api/v1/notifications/read-all', { all: true }, eva.headers);
    expect(junk.status).toBe(400);
    expect((await http.post('/api/v1/notifications/abc/read', undefined, eva.headers)).status).toBe(
      400,
    );
  });

  it('e-mails each person told, with the reason and a link to where to act', async () => {
    // Steps so far: 3 submissions and 1 withdrawal (2 coordinators each), a return,
    // an approval and a reopening (2 editors each) = 14 e-mails.
    const written = await mails(14);
    expect(written).toHaveLength(14);
    const returned = written.filter((m) => /Subject: Lyon 2021: returned by cora/.test(m));
    expect(returned.map((m) => /^To: (.*)$/m.exec(m)?.[1]).sort()).toEqual([
      'emil@lyon.example',
      'eva@lyon.example',
    ]);
    expect(returned[0]).toMatch(/^From: sdg@example\.eu$/m);
    expect(returned[0]).toContain('cora returned Lyon’s figures for 2021 in Net.');
    expect(returned[0]).toContain('The 2021 value looks like a typo.');
    expect(returned[0]).toContain('you are an editor of Lyon.');
    expect(returned[0]).toContain('https://sdg.example.eu/cities/lyon/workspace?year=2021');
    const submitted = written.filter((m) => /Subject: Lyon 2021: submitted by/.test(m));
    expect(submitted.every((m) => m.includes('https://sdg.example.eu/networks/net/review'))).toBe(
      true,
    );
    expect(written.some((m) => /^To: (olga|vic)@/m.test(m))).toBe(false);
  });

  it('does not tell a disabled account', async () => {
    const http = api(ctx.app);
    const user = await http.get(`/api/v1/users/${emil.userId}`, ctx.admin.headers);
    const disabled = await http.patch(
      `/api/v1/users/${emil.userId}`,
      { disabled: true },
      { ...ctx.admin.headers, 'if-match': String(user.headers.etag) },
    );
    expect(disabled.status, disabled.text).toBe(200);
    const before = (await inbox(eva)).items.length;
    expect((await http.post(`${base}/2021/submit`, undefined, eva.headers)).status).toBe(200);
    expect(
      (await http.post(`${base}/2021/return`, { comment: 'Again.' }, cora.headers)).status,
    ).toBe(200);
    expect((await inbox(eva)).items.length).toBe(before + 1);
    const rows = await http.get<NotificationList>('/api/v1/notifications', emil.headers);
    // Emil's sessions ended when he was disabled: he cannot read anything any more.
    expect(rows.status).toBe(401);
  });
});
