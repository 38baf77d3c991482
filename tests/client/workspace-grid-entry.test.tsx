import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { Observation } from '../../client/src/features/workspace/api/workspace-api';
import { draftsStorageKey } from '../../client/src/features/workspace/utils/grid-model';
import { fakeApi, renderPage, type FakeAnswer, type FakeRequest, type FakeRoutes } from './render';
import { indicatorDefinition, observation } from './series-fixtures';
import { workspaceRoutes, YEAR } from './workspace-fixtures';

/**
 * Fast data entry in the grid (issue 17): a typist entering a column with
 * Enter, a row with Tab, a value refused as typed, a conflict; every value
 * reaches the server with the right version and the focus never leaves the
 * grid.
 */
const ROWS = Array.from({ length: 20 }, (_, i) => `indicator-${String(i + 1).padStart(2, '0')}`);
const nameOf = (slug: string) => `Indicator ${slug.slice(-2)}`;

const cell = (indicator: string, year: number) =>
  document.querySelector<HTMLElement>(`[data-cell="${indicator}|${year}"]`)!;
const grid = () => screen.getByTestId('data-grid');
const focusInGrid = () => grid().contains(document.activeElement);

interface Write {
  key: string;
  method: string;
  ifMatch: string | null;
  ifNoneMatch: string | null;
  value: number | undefined;
}

/**
 * A server for the value routes of ROWS: versions and ETags as the real one
 * (If-Match must name the current version, If-None-Match: * only creates),
 * optionally holding every answer until the test releases it.
 */
function valueServer(initial: Observation[]) {
  const stored = new Map(initial.map((o) => [`${o.indicator}|${o.year}`, o]));
  const writes: Write[] = [];
  let holding = false;
  let held: Array<() => void> = [];
  const routes: FakeRoutes = {};
  const answer = (key: string, url: URL, request: FakeRequest): FakeAnswer => {
    const [indicator, year] = key.split('|') as [string, string];
    const current = stored.get(key) ?? null;
    writes.push({
      key,
      method: request.method,
      ifMatch: request.headers['if-match'] ?? null,
      ifNoneMatch: request.headers['if-none-match'] ?? null,
      value: (request.body as { value?: number } | undefined)?.value,
    });
    const stale =
      request.headers['if-none-match'] === '*'
        ? current !== null
        : current === null || request.headers['if-match'] !== current.etag;
    if (stale)
      return {
        status: 412,
        body: {
          error: {
            code: 'precondition_failed',
            message: 'Changed meanwhile',
            details: { current },
          },
        },
      };
    if (request.method === 'DELETE') {
      stored.delete(key);
      return { status: 204, body: null };
    }
    const version = (current?.version ?? 0) + 1;
    const saved = observation({
      indicator,
      year: Number(year),
      value: (request.body as { value: number }).value,
      version,
      etag: `"${key}-v${version}"`,
    });
    stored.set(key, saved);
    void url;
    return { status: 200, body: saved };
  };
  for (const indicator of ROWS)
    for (let year = YEAR - 3; year <= YEAR; year++) {
      const key = `${indicator}|${year}`;
      routes[`/api/v1/cities/espoo/indicators/${indicator}/observations/${year}`] = (
        url: URL,
        request: FakeRequest,
      ) => {
        if (request.method === 'GET') {
          const o = stored.get(key);
          return o === undefined
            ? { status: 404, body: { error: { code: 'not_found', message: 'none' } } }
            : { status: 200, body: o };
        }
        if (!holding) return answer(key, url, request);
        return new Promise<FakeAnswer>((resolve) =>
          held.push(() => resolve(answer(key, url, request))),
        );
      };
    }
  return {
    routes,
    stored,
    writes,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    heldCount: () => held.length,
  };
}

function gridRoutes(server: ReturnType<typeof valueServer>, initial: Observation[], extra = {}) {
  return workspaceRoutes({
    '/api/v1/networks/demo-net/indicators': {
      indicators: ROWS.map((slug, i) =>
        indicatorDefinition({ slug, name: nameOf(slug), goal: 11, sortOrder: i }),
      ),
    },
    '/api/v1/cities/espoo/observations': { observations: initial },
    ...server.routes,
    ...extra,
  });
}

const openGrid = async () => {
  await renderPage(WorkspacePage, {
    path: '/cities/espoo/workspace',
    pattern: '/cities/:city/workspace',
  });
  await screen.findByTestId('data-grid');
};

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('workspace grid: fast data entry', () => {
  it('saves every value of a column typed with Enter faster than the server answers, with the right versions', async () => {
    // Every other row already has a value (If-Match), the others are new (If-None-Match: *).
    const initial = ROWS.filter((_, i) => i % 2 === 0).map((indicator) =>
      observation({ indicator, year: YEAR, value: 50, version: 3, etag: `"${indicator}-v3"` }),
    );
    const server = valueServer(initial);
    fakeApi(gridRoutes(server, initial));
    await openGrid();
    server.hold();
    await userEvent.click(cell(ROWS[0]!, YEAR));
    const typed = ROWS.map((_, i) => (30 + i + 0.1 * (i % 10)).toFixed(1));
    for (const [i, text] of typed.entries()) {
      await userEvent.keyboard(`${text}{Enter}`);
      // The next cell has the focus at once, while the saves are still on their way.
      expect(focusInGrid()).toBe(true);
      expect(document.activeElement).toBe(cell(ROWS[Math.min(i + 1, 19)]!, YEAR));
    }
    expect(server.heldCount()).toBeGreaterThan(0);
    server.release();
    await waitFor(() => expect(document.querySelectorAll('td.pending-saving')).toHaveLength(0));
    await waitFor(() => expect(server.writes).toHaveLength(20));
    for (const [i, indicator] of ROWS.entries()) {
      expect(server.stored.get(`${indicator}|${YEAR}`)?.value, indicator).toBe(Number(typed[i]));
      const write = server.writes.find((w) => w.key === `${indicator}|${YEAR}`)!;
      if (i % 2 === 0) expect(write.ifMatch).toBe(`"${indicator}-v3"`);
      else expect(write.ifNoneMatch).toBe('*');
    }
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    expect(screen.queryByTestId('unsaved-notice')).toBeNull();
    expect(focusInGrid()).toBe(true);
    // 20 values typed key by key in jsdom: about 10 s on a quiet machine, more on a busy one.
  }, 60_000);

  it('sends a second value of a cell after the first, with the version the first returned', async () => {
    const server = valueServer([]);
    fakeApi(gridRoutes(server, []));
    await openGrid();
    server.hold();
    await userEvent.click(cell(ROWS[0]!, YEAR));
    await userEvent.keyboard('36.1{Enter}{ArrowUp}36.2{Enter}9.1{Enter}');
    expect(document.activeElement).toBe(cell(ROWS[2]!, YEAR));
    server.release();
    await waitFor(() => expect(server.stored.get(`${ROWS[0]}|${YEAR}`)?.value).toBe(36.2));
    await waitFor(() => expect(server.stored.get(`${ROWS[1]}|${YEAR}`)?.value).toBe(9.1));
    const first = server.writes.filter((w) => w.key === `${ROWS[0]}|${YEAR}`);
    expect(first.map((w) => [w.ifNoneMatch, w.ifMatch])).toEqual([
      ['*', null],
      [null, `"${ROWS[0]}|${YEAR}-v1"`],
    ]);
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
  });

  it('saves a row typed with Tab and keeps the focus on the next year', async () => {
    const server = valueServer([]);
    fakeApi(gridRoutes(server, []));
    await openGrid();
    await userEvent.click(cell(ROWS[3]!, YEAR - 2));
    await userEvent.keyboard('1.5{Tab}');
    expect(document.activeElement).toBe(cell(ROWS[3]!, YEAR - 1));
    await userEvent.keyboard('2.5{Tab}3.5{Enter}');
    expect(document.activeElement).toBe(cell(ROWS[4]!, YEAR));
    await waitFor(() => expect(server.stored.get(`${ROWS[3]}|${YEAR}`)?.value).toBe(3.5));
    expect(server.stored.get(`${ROWS[3]}|${YEAR - 2}`)?.value).toBe(1.5);
    expect(server.stored.get(`${ROWS[3]}|${YEAR - 1}`)?.value).toBe(2.5);
    expect(focusInGrid()).toBe(true);
  });

  it('shows a range error at the cell while typing and after Enter, names it in a banner, and keeps it over a reload until discarded', async () => {
    const server = valueServer([]);
    fakeApi(gridRoutes(server, []));
    const first = await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    await screen.findByTestId('data-grid');
    await userEvent.click(cell(ROWS[1]!, YEAR));
    await userEvent.keyboard('120');
    const input = within(cell(ROWS[1]!, YEAR)).getByRole('textbox');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // At the cell, and the input is described by it.
    const bubble = within(cell(ROWS[1]!, YEAR)).getByTestId('cell-error');
    expect(bubble).toHaveTextContent('Must be between 0.0 and 100.0 %.');
    expect(input).toHaveAccessibleDescription(/Must be between 0\.0 and 100\.0 %\./);
    await userEvent.keyboard('{Enter}');
    // The typist goes on; the refused cell stays marked, with its reason next to it.
    expect(document.activeElement).toBe(cell(ROWS[2]!, YEAR));
    const refused = cell(ROWS[1]!, YEAR);
    expect(refused).toHaveAttribute('aria-invalid', 'true');
    expect(refused).toHaveTextContent('120');
    expect(refused).toHaveAccessibleDescription(/Must be between 0\.0 and 100\.0 %\./);
    const banner = screen.getByTestId('unsaved-notice');
    expect(banner).toHaveTextContent(`${nameOf(ROWS[1]!)}, ${YEAR}`);
    expect(banner).toHaveTextContent('Must be between 0.0 and 100.0 %.');
    expect(screen.getByRole('alert')).toHaveTextContent(
      `${nameOf(ROWS[1]!)}, ${YEAR}: not saved. Must be between 0.0 and 100.0 %.`,
    );
    expect(server.writes).toHaveLength(0);
    expect(localStorage.getItem(draftsStorageKey('espoo', ''))).toContain('120');

    // A reload: the edit is still there, marked, until discarded.
    first.unmount();
    await openGrid();
    const kept = cell(ROWS[1]!, YEAR);
    expect(kept).toHaveTextContent('120');
    expect(kept).toHaveAttribute('aria-invalid', 'true');
    const again = screen.getByTestId('unsaved-notice');
    expect(again).toHaveTextContent('Must be between 0.0 and 100.0 %.');
    await userEvent.click(
      within(again).getByRole('button', {
        name: `Discard the edit of ${nameOf(ROWS[1]!)}, ${YEAR}`,
      }),
    );
    expect(screen.queryByTestId('unsaved-notice')).toBeNull();
    expect(cell(ROWS[1]!, YEAR)).not.toHaveAttribute('aria-invalid');
    expect(localStorage.getItem(draftsStorageKey('espoo', ''))).toBeNull();
    // The focus is back on the cell whose edit was discarded, not lost.
    expect(document.activeElement).toBe(cell(ROWS[1]!, YEAR));
  });

  it('puts the focus back in the grid after the conflict dialog, and the typist goes on', async () => {
    const mine = observation({ indicator: ROWS[0]!, year: YEAR, value: 10, etag: '"old"' });
    const server = valueServer([
      // Someone else saved meanwhile: the server has a newer version than the page.
      observation({
        indicator: ROWS[0]!,
        year: YEAR,
        value: 11,
        version: 2,
        etag: '"theirs"',
        updatedBy: 'colleague@espoo.fi',
      }),
    ]);
    fakeApi(gridRoutes(server, [mine]));
    await openGrid();
    await userEvent.click(cell(ROWS[0]!, YEAR));
    await userEvent.keyboard('12{Enter}');
    const dialog = await screen.findByTestId('conflict-dialog', {}, { timeout: 4000 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep my value' }));
    await waitFor(() => expect(server.stored.get(`${ROWS[0]}|${YEAR}`)?.value).toBe(12));
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    expect(focusInGrid()).toBe(true);
    await userEvent.keyboard('13{Enter}');
    await waitFor(() => expect(server.stored.get(`${ROWS[1]}|${YEAR}`)?.value).toBe(13));
    expect(focusInGrid()).toBe(true);
  });

  it('opens on the latest year the officer can still edit', async () => {
    const server = valueServer([]);
    fakeApi(
      gridRoutes(server, [], {
        '/api/v1/networks/demo-net/cities/espoo/reviews': {
          network: { slug: 'demo-net', name: 'Demo network' },
          city: { slug: 'espoo', name: 'Espoo' },
          years: [
            {
              year: YEAR,
              state: 'approved',
              locked: true,
              steps: [],
              values: 0,
              published: 0,
              submittedAt: null,
              submittedBy: null,
              decidedAt: null,
              decidedBy: null,
              approvedAt: null,
              comments: 0,
            },
          ],
          comments: [],
          you: { canSubmit: true, canDecide: false },
        },
      }),
    );
    await openGrid();
    expect(cell(ROWS[0]!, YEAR - 1)).toHaveAttribute('tabindex', '0');
    expect(cell(ROWS[0]!, YEAR)).toHaveAttribute('tabindex', '-1');
    // Typing into the approved year: why nothing happens is said at the cell, not only below.
    await userEvent.click(cell(ROWS[0]!, YEAR));
    await userEvent.keyboard('5');
    expect(within(cell(ROWS[0]!, YEAR)).queryByRole('textbox')).toBeNull();
    expect(within(cell(ROWS[0]!, YEAR)).getByTestId('cell-locked')).toHaveTextContent(
      `${YEAR} is approved and locked. A coordinator must reopen it first.`,
    );
    expect(cell(ROWS[0]!, YEAR)).toHaveAccessibleDescription(/is approved and locked/);
    expect(document.activeElement).toBe(cell(ROWS[0]!, YEAR));
    await userEvent.keyboard('{ArrowUp}{ArrowDown}');
    expect(within(cell(ROWS[0]!, YEAR)).queryByTestId('cell-locked')).toBeNull();
  });
});

// jsdom has no modal dialogs: enough of one for the conflict dialog.
beforeEach(() => {
  const proto = HTMLDialogElement.prototype as unknown as {
    showModal?: () => void;
    close?: () => void;
  };
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  void act;
});
