import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountPage } from '../../client/src/app/routes/account-page';
import { Layout } from '../../client/src/app/layout';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import { SignInPage } from '../../client/src/app/routes/sign-in-page';
import { UsersPage } from '../../client/src/app/routes/users-page';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { ApiToken } from '../../client/src/features/account/api/account-api';
import type { Grant, Role, Session } from '../../client/src/features/auth/api/auth-api';
import { goalList, signedOutSession } from './fixtures';
import { networkScores } from './progress-fixtures';
import { fakeApi, renderPage, type FakeRequest } from './render';
import { apiError } from './api-contract';
import type { Static } from 'typebox';
import type { CityDetail } from '../../server/src/schemas/city.schema';
import type { Invitation } from '../../server/src/schemas/catalogue.schema';
import type { NetworkDetail } from '../../server/src/schemas/network.schema';

const USER = { id: 7, email: 'officer@espoo.fi', displayName: 'Espoo officer' };

function session(roles: Grant[] = [], heldBackRoles: Role[] = []): Session {
  return {
    user: USER,
    roles,
    csrfToken: 'csrf-token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    idleTimeoutSeconds: 1800,
    heldBackRoles,
    secondFactorChallenge: null,
  };
}

const signedOut = signedOutSession;

const paths = (fetchMock: ReturnType<typeof fakeApi>): string[] =>
  fetchMock.mock.calls.map((c) => String(c[0]));

function Landing() {
  return <h1>Landing page</h1>;
}

/** A clipboard the test controls (jsdom has none). */
function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.restoreAllMocks();
});

describe('two-step sign-in', () => {
  it('asks for the app code after the password, keeps focus in the field on a wrong code, then signs in', async () => {
    const secondSteps: unknown[] = [];
    fakeApi({
      '/api/v1/auth/session': signedOut,
      '/api/v1/auth/sign-in': () => ({
        status: 200,
        body: { ...signedOut, secondFactorChallenge: 'challenge-1' },
      }),
      '/api/v1/auth/sign-in/second-factor': (_url: URL, request: FakeRequest) => {
        secondSteps.push(request.body);
        return (request.body as { code: string }).code === '123456'
          ? { status: 200, body: session() }
          : apiError(
              'validation_failed',
              'This code is not right. Type the current code from your app.',
            );
      },
    });
    const { router } = await renderPage(SignInPage, {
      path: '/sign-in?next=/cities/espoo',
      pattern: '/sign-in',
      also: { '/cities/espoo': Landing },
    });
    await userEvent.type(await screen.findByLabelText('Email'), USER.email);
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // Step 2 on the same page: the code field, focused, for one-time codes.
    const code = await screen.findByLabelText('Code from your app');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Two-factor authentication',
    );
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAccessibleDescription(/recovery codes \(like k7m2-x9qp-4hta\) works too/);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(router.state.location.pathname).toBe('/sign-in');

    // A wrong code: the server's message, announced, and focus back in the field.
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This code is not right. Type the current code from your app.',
    );
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.pathname).toBe('/sign-in');

    await userEvent.clear(code);
    await userEvent.type(code, '123456{Enter}');
    expect(await screen.findByRole('heading', { name: 'Landing page' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/cities/espoo');
    expect(secondSteps).toEqual([
      { challenge: 'challenge-1', code: '000000' },
      { challenge: 'challenge-1', code: '123456' },
    ]);
  });

  it('accepts a recovery code with a text keyboard', async () => {
    const secondSteps: unknown[] = [];
    fakeApi({
      '/api/v1/auth/session': signedOut,
      '/api/v1/auth/sign-in': { ...signedOut, secondFactorChallenge: 'challenge-2' },
      '/api/v1/auth/sign-in/second-factor': (_url: URL, request: FakeRequest) => {
        secondSteps.push(request.body);
        return { status: 200, body: session() };
      },
    });
    const { router } = await renderPage(SignInPage, {
      path: '/sign-in',
      pattern: '/sign-in',
      also: { '/': Landing },
    });
    await userEvent.type(await screen.findByLabelText('Email'), USER.email);
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple{Enter}');
    await screen.findByLabelText('Code from your app');
    await userEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    const field = screen.getByLabelText('Recovery code');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('inputmode', 'text');
    await userEvent.type(field, ' k7m2-x9qp-4hta {Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(secondSteps).toEqual([{ challenge: 'challenge-2', code: 'k7m2-x9qp-4hta' }]);
  });

  it('goes back to the password with the reason when the second step has expired', async () => {
    fakeApi({
      '/api/v1/auth/session': signedOut,
      '/api/v1/auth/sign-in': { ...signedOut, secondFactorChallenge: 'challenge-3' },
      '/api/v1/auth/sign-in/second-factor': () =>
        apiError('unauthorized', 'This sign-in has expired or was tried too often.'),
    });
    await renderPage(SignInPage, { path: '/sign-in', pattern: '/sign-in' });
    await userEvent.type(await screen.findByLabelText('Email'), USER.email);
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple{Enter}');
    await userEvent.type(await screen.findByLabelText('Code from your app'), '123456{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This sign-in has expired or the code was tried too often. Sign in again with your password.',
    );
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue(USER.email);
    expect(screen.queryByLabelText('Code from your app')).toBeNull();
  });
});

const token = (over: Partial<ApiToken>): ApiToken => ({
  id: 1,
  name: 'Old script',
  prefix: 'sdgcm_Ab12',
  access: 'read',
  createdAt: '2025-03-01T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: '2025-04-02T10:00:00.000Z',
  revoked: true,
  ...over,
});

const secondFactorOff = {
  enabled: false,
  requiredFor: [],
  heldBack: [],
  recoveryCodesLeft: 0,
};

describe('API tokens on the account page', () => {
  it('shows a new token once, with copy and an example, then lists it without the token', async () => {
    const SECRET = 'sdgcm_Zx9QmT4vR7pL2wKc8NfY3hJd6sBg1eXa';
    let tokens = [token({})];
    const posted: unknown[] = [];
    const deleted: string[] = [];
    fakeApi({
      '/api/v1/auth/session': session(),
      '/api/v1/auth/second-factor': secondFactorOff,
      '/api/v1/auth/tokens': (_url: URL, request: FakeRequest) => {
        if (request.method !== 'POST') return { status: 200, body: { tokens } };
        posted.push(request.body);
        const created = token({
          id: 2,
          name: 'Nightly import',
          prefix: 'sdgcm_Zx9Q',
          access: 'roles',
          createdAt: '2025-05-06T10:00:00.000Z',
          expiresAt: '2099-08-04T10:00:00.000Z',
          lastUsedAt: null,
          revoked: false,
        });
        tokens = [...tokens, created];
        return { status: 201, body: { token: SECRET, apiToken: created } };
      },
      '/api/v1/auth/tokens/2': (_url: URL, request: FakeRequest) => {
        deleted.push(request.method);
        tokens = tokens.map((t) => (t.id === 2 ? { ...t, revoked: true } : t));
        return { status: 204, body: null };
      },
    });
    await renderPage(AccountPage, { path: '/account', pattern: '/account' });
    const panel = await screen.findByTestId('api-tokens');
    const oldRow = (await within(panel).findAllByTestId('api-token-row'))[0]!;
    expect(oldRow).toHaveTextContent('Old script');
    expect(oldRow).toHaveTextContent('Revoked');
    expect(oldRow).toHaveTextContent('Created 1 Mar 2025');
    expect(within(oldRow).queryByRole('button')).toBeNull();

    await userEvent.type(within(panel).getByLabelText('Name'), 'Nightly import');
    await userEvent.click(within(panel).getByLabelText(/^With your roles/));
    await userEvent.click(within(panel).getByRole('button', { name: 'Create the token' }));

    const shown = await screen.findByTestId('new-token');
    expect(shown).toHaveTextContent(SECRET);
    await waitFor(() => expect(shown).toHaveFocus());
    expect(shown).toHaveAccessibleDescription(/Copy it now: it is shown this once\./);
    expect(posted).toEqual([{ name: 'Nightly import', access: 'roles', expiresInDays: 90 }]);
    expect(
      screen.getByText(
        `curl -H "Authorization: Bearer ${SECRET}" --data-binary @values.csv -H "Content-Type: text/csv" ${window.location.origin}/api/v1/imports`,
      ),
    ).toBeVisible();

    const writeText = vi.fn(async () => undefined);
    stubClipboard(writeText);
    await userEvent.click(screen.getByRole('button', { name: 'Copy the token' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await screen.findByText('Copied.')).toBeVisible();

    // The list shows the new token by name and prefix; the token itself is gone after "Done".
    await waitFor(() => expect(within(panel).getAllByTestId('api-token-row')).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('new-token')).toBeNull();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(within(panel).getByLabelText('Name')).toHaveFocus();
    const newRow = within(panel).getAllByTestId('api-token-row')[1]!;
    expect(newRow).toHaveTextContent('Nightly import');
    expect(newRow).toHaveTextContent('sdgcm_Zx9Q…');
    expect(newRow).toHaveTextContent('With your roles');
    expect(newRow).toHaveTextContent('Never used');
    expect(newRow).toHaveTextContent('Active');
    expect(newRow).toHaveTextContent('Expires 4 Aug 2099');

    // Revoking asks first.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    const revoke = within(newRow).getByRole('button', { name: 'Revoke the token Nightly import' });
    await userEvent.click(revoke);
    expect(deleted).toEqual([]);
    await userEvent.click(revoke);
    expect(confirm).toHaveBeenCalledWith(
      'Revoke the token “Nightly import”? Scripts that use it stop working at once.',
    );
    expect(await screen.findByText('The token “Nightly import” was revoked.')).toBeVisible();
    expect(deleted).toEqual(['DELETE']);
    await waitFor(() =>
      expect(within(panel).getAllByTestId('api-token-row')[1]).toHaveTextContent('Revoked'),
    );
  });

  it('says how to copy by hand when the browser refuses the clipboard', async () => {
    fakeApi({
      '/api/v1/auth/session': session(),
      '/api/v1/auth/second-factor': secondFactorOff,
      '/api/v1/auth/tokens': (_url: URL, request: FakeRequest) =>
        request.method === 'POST'
          ? {
              status: 201,
              body: { token: 'sdgcm_secret', apiToken: token({ id: 3, revoked: false }) },
            }
          : { status: 200, body: { tokens: [] } },
    });
    await renderPage(AccountPage, { path: '/account', pattern: '/account' });
    const panel = await screen.findByTestId('api-tokens');
    expect(await within(panel).findByText('You have no API tokens.')).toBeVisible();
    await userEvent.type(within(panel).getByLabelText('Name'), 'Dashboard reader');
    await userEvent.click(within(panel).getByRole('button', { name: 'Create the token' }));
    await screen.findByTestId('new-token');
    // A read-only token gets a read example.
    expect(screen.getByText(/\/api\/v1\/networks$/)).toHaveTextContent(
      'curl -H "Authorization: Bearer sdgcm_secret"',
    );
    stubClipboard(async () => {
      throw new DOMException('Denied', 'NotAllowedError');
    });
    await userEvent.click(screen.getByRole('button', { name: 'Copy the token' }));
    expect(
      await screen.findByText(/Copying did not work here: select the text and copy it yourself/),
    ).toHaveAttribute('role', 'status');
  });
});

describe('two-factor set-up on the account page', () => {
  it('shows the QR code and key, then the recovery codes once after confirming', async () => {
    const CODES = Array.from({ length: 10 }, (_, i) => `k7m${i}-x9qp-4hta`);
    const QR =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><path d="M0 0h7v7H0z"/></svg>';
    let enabled = false;
    const confirmed: unknown[] = [];
    const fetchMock = fakeApi({
      '/api/v1/auth/session': () => ({
        status: 200,
        body: session([], enabled ? [] : ['editor']),
      }),
      '/api/v1/auth/second-factor': () => ({
        status: 200,
        body: {
          enabled,
          requiredFor: ['editor'],
          heldBack: enabled ? [] : ['editor'],
          recoveryCodesLeft: enabled ? 10 : 0,
        },
      }),
      '/api/v1/auth/second-factor/setup': {
        secret: 'JBSWY3DPEHPK3PXP',
        uri: 'otpauth://totp/SDG%20City%20Monitor:officer%40espoo.fi?secret=JBSWY3DPEHPK3PXP',
        qrSvg: QR,
      },
      '/api/v1/auth/second-factor/confirm': (_url: URL, request: FakeRequest) => {
        confirmed.push(request.body);
        if ((request.body as { code: string }).code !== '123456')
          return apiError('validation_failed', 'This code is not right.');
        enabled = true;
        return { status: 200, body: { recoveryCodes: CODES } };
      },
      '/api/v1/auth/tokens': { tokens: [] },
    });
    await renderPage(AccountPage, { path: '/account', pattern: '/account' });
    const panel = await screen.findByTestId('second-factor');
    expect(panel).toHaveTextContent('Two-factor authentication is off.');
    expect(panel).toHaveTextContent(
      'Your editor role does not count until you set up two-factor authentication.',
    );

    await userEvent.click(
      within(panel).getByRole('button', { name: 'Set up two-factor authentication' }),
    );
    const qr = await within(panel).findByRole('img', {
      name: 'QR code that adds SDG City Monitor to an authenticator app',
    });
    const prefix = 'data:image/svg+xml;utf8,';
    expect(qr.getAttribute('src')?.startsWith(prefix)).toBe(true);
    expect(decodeURIComponent(qr.getAttribute('src')!.slice(prefix.length))).toBe(QR);
    expect(within(panel).getByText('JBSW Y3DP EHPK 3PXP')).toBeVisible();
    expect(
      within(panel).getByRole('heading', { name: 'Connect your authenticator app' }),
    ).toHaveFocus();

    const code = within(panel).getByLabelText('Code from your app');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await userEvent.type(code, '111111');
    await userEvent.click(within(panel).getByRole('button', { name: 'Turn on' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('This code is not right.');
    expect(code).toHaveFocus();
    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(within(panel).getByRole('button', { name: 'Turn on' }));

    const box = await within(panel).findByTestId('recovery-codes');
    for (const c of CODES) expect(box).toHaveTextContent(c);
    expect(within(panel).getByRole('heading', { name: 'Your recovery codes' })).toHaveFocus();
    expect(panel).toHaveTextContent('Shown this once.');
    expect(
      within(panel).getByText(
        'Two-factor authentication is on. From now on, signing in asks for a code from your app.',
      ),
    ).toHaveAttribute('role', 'status');
    const download = within(panel).getByRole('link', { name: 'Download as .txt' });
    expect(download).toHaveAttribute('download', 'sdg-city-monitor-recovery-codes.txt');
    const file = decodeURIComponent(download.getAttribute('href')!.split(',').slice(1).join(','));
    for (const c of CODES) expect(file).toContain(c);
    const writeText = vi.fn(async () => undefined);
    stubClipboard(writeText);
    await userEvent.click(within(panel).getByRole('button', { name: 'Copy the codes' }));
    expect(writeText).toHaveBeenCalledWith(CODES.join('\n'));

    // The session and the status are read again: the editor role counts now.
    expect(await within(panel).findByText(/10 recovery codes left\./)).toBeVisible();
    expect(panel).not.toHaveTextContent('does not count');
    expect(paths(fetchMock).filter((p) => p === '/api/v1/auth/session').length).toBeGreaterThan(1);
    expect(confirmed).toEqual([{ code: '111111' }, { code: '123456' }]);

    // Shown once: gone for good after "I have saved them".
    await userEvent.click(within(panel).getByRole('button', { name: 'I have saved them' }));
    expect(within(panel).queryByTestId('recovery-codes')).toBeNull();
    expect(document.body).not.toHaveTextContent(CODES[0]!);
    expect(within(panel).getByRole('heading', { name: 'New recovery codes' })).toBeVisible();
  });
});

describe('two-factor authentication when it is on', () => {
  it('makes new recovery codes, and turns off with password and code', async () => {
    let enabled = true;
    const disables: unknown[] = [];
    const fetchMock = fakeApi({
      '/api/v1/auth/session': session(),
      '/api/v1/auth/second-factor': () => ({
        status: 200,
        body: { enabled, requiredFor: [], heldBack: [], recoveryCodesLeft: enabled ? 2 : 0 },
      }),
      '/api/v1/auth/second-factor/recovery-codes': (_url: URL, request: FakeRequest) =>
        (request.body as { code: string }).code === '654321'
          ? { status: 200, body: { recoveryCodes: ['aaaa-bbbb-cccc', 'dddd-eeee-ffff'] } }
          : apiError('validation_failed', 'This code is not right.'),
      '/api/v1/auth/second-factor/disable': (_url: URL, request: FakeRequest) => {
        disables.push(request.body);
        if ((request.body as { password: string }).password !== 'right password')
          return {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: 'Your password is not right.',
                details: [{ path: '/password', message: 'Not your password.' }],
              },
            },
          };
        enabled = false;
        return { status: 204, body: null };
      },
      '/api/v1/auth/tokens': { tokens: [] },
    });
    await renderPage(AccountPage, { path: '/account', pattern: '/account' });
    const panel = await screen.findByTestId('second-factor');
    expect(await within(panel).findByText(/2 recovery codes left\./)).toBeVisible();
    expect(panel).toHaveTextContent('Few recovery codes are left: make new ones below.');

    const newCodes = within(panel).getByRole('form', { name: 'New recovery codes' });
    await userEvent.type(within(newCodes).getByLabelText('Code from your app'), '654321{Enter}');
    expect((await within(panel).findByTestId('recovery-codes')).textContent).toBe(
      'aaaa-bbbb-cccc\ndddd-eeee-ffff',
    );
    expect(
      within(panel).getByText('New recovery codes made: the old ones no longer work.'),
    ).toHaveAttribute('role', 'status');
    await userEvent.click(within(panel).getByRole('button', { name: 'I have saved them' }));
    expect(document.body).not.toHaveTextContent('aaaa-bbbb-cccc');

    const off = within(panel).getByRole('form', { name: 'Turn off two-factor authentication' });
    const password = within(off).getByLabelText('Password');
    await userEvent.type(password, 'wrong');
    await userEvent.type(
      within(off).getByLabelText('Code from your app, or a recovery code'),
      '123456',
    );
    await userEvent.click(within(off).getByRole('button', { name: 'Turn off' }));
    expect(await within(off).findByRole('alert')).toHaveTextContent('Your password is not right.');
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(password);
    await userEvent.type(password, 'right password');
    await userEvent.click(within(off).getByRole('button', { name: 'Turn off' }));
    expect(
      await within(panel).findByRole('button', { name: 'Set up two-factor authentication' }),
    ).toBeVisible();
    expect(panel).toHaveTextContent('Two-factor authentication is off.');
    expect(disables).toEqual([
      { password: 'wrong', code: '123456' },
      { password: 'right password', code: '123456' },
    ]);
    expect(paths(fetchMock).filter((p) => p === '/api/v1/auth/session').length).toBeGreaterThan(1);
  });
});

describe('roles held back for want of a second factor', () => {
  it('says so under the header on every page, with a link to the account page', async () => {
    fakeApi({ '/api/v1/auth/session': session([], ['coordinator', 'editor']) });
    await renderPage(Layout, { path: '/', pattern: '/' });
    const notice = await screen.findByTestId('held-back-notice');
    expect(notice).toHaveTextContent(
      'Action needed: Your coordinator and editor roles do not count until you set up two-factor authentication.',
    );
    expect(
      within(notice).getByRole('link', { name: 'Set it up on your account page' }),
    ).toHaveAttribute('href', '/account?lang=en#second-factor');
  });

  it('stays away when every role counts', async () => {
    fakeApi({ '/api/v1/auth/session': session() });
    await renderPage(Layout, { path: '/', pattern: '/' });
    expect(await screen.findByRole('link', { name: /Espoo officer/ })).toBeVisible();
    expect(screen.queryByTestId('held-back-notice')).toBeNull();
  });
});

const editorOfEspoo: Grant = {
  id: 3,
  role: 'editor',
  network: null,
  city: { slug: 'espoo', name: 'Espoo' },
};

const cityDetail = (networks: { slug: string; name: string }[]): CityDetail => ({
  slug: 'espoo',
  name: 'Espoo',
  countryCode: 'FI',
  population: 314_000,
  latitude: null,
  longitude: null,
  codes: {},
  version: 1,
  etag: '"1"',
  updatedAt: '2025-01-01T00:00:00.000Z',
  networks: networks.map((n) => ({ ...n, role: 'partner', dataKind: 'synthetic' })),
  observationCount: 0,
  dataYears: null,
});

const invitation: Static<typeof Invitation> = {
  network: { slug: 'demo-net', name: 'Demo network' },
  city: { slug: 'espoo', name: 'Espoo' },
  role: 'partner',
  invitedBy: 'Network coordinator',
  invitedAt: '2025-05-02T10:00:00.000Z',
};

describe('invitations in the officer workspace', () => {
  it('lets the city’s editor accept an invitation: the city joins and its workspace opens', async () => {
    let member = false;
    const answers: string[] = [];
    const fetchMock = fakeApi({
      '/api/v1/auth/session': session([editorOfEspoo]),
      '/api/v1/cities/espoo': () => ({
        status: 200,
        body: cityDetail(member ? [{ slug: 'demo-net', name: 'Demo network' }] : []),
      }),
      '/api/v1/cities/espoo/invitations': () => ({
        status: 200,
        body: { invitations: member ? [] : [invitation] },
      }),
      '/api/v1/cities/espoo/invitations/demo-net/accept': (_url: URL, request: FakeRequest) => {
        answers.push(request.method);
        member = true;
        return {
          status: 200,
          body: { network: 'demo-net', city: 'espoo', role: 'partner', status: 'member' },
        };
      },
      '/api/v1/networks/demo-net/indicators': { indicators: [] },
      '/api/v1/cities/espoo/observations': { observations: [] },
      '/api/v1/cities/espoo/ambitions': { ambitions: [] },
      '/api/v1/networks/demo-net/cities/espoo/reviews': {
        network: { slug: 'demo-net', name: 'Demo network' },
        city: { slug: 'espoo', name: 'Espoo' },
        years: [],
        comments: [],
        you: { canSubmit: true, canDecide: false },
      },
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    const section = await screen.findByTestId('city-invitations');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Invitations to join a network',
    );
    expect(section).toHaveTextContent('Demo network invites Espoo to join. Role: Partner.');
    expect(section).toHaveTextContent('By Network coordinator on 2 May 2025');
    expect(screen.getByText(/Espoo is not in any network yet/)).toBeVisible();
    expect(screen.queryByRole('tablist')).toBeNull();

    await userEvent.click(
      within(section).getByRole('button', { name: 'Accept the invitation from Demo network' }),
    );
    expect(
      await within(section).findByText('Espoo is now a member of Demo network.'),
    ).toHaveAttribute('role', 'status');
    expect(answers).toEqual(['POST']);
    expect(within(section).getByRole('heading', { level: 2 })).toHaveFocus();
    // The city's networks are read again: the workspace opens on the new network.
    expect(await screen.findByRole('tablist')).toBeVisible();
    expect(screen.queryByText(/Espoo is not in any network yet/)).toBeNull();
    expect(within(section).queryByRole('button', { name: /Accept/ })).toBeNull();
    expect(paths(fetchMock)).toContain('/api/v1/networks/demo-net/cities/espoo/reviews');
  });

  it('asks before declining', async () => {
    const answers: string[] = [];
    fakeApi({
      '/api/v1/auth/session': session([editorOfEspoo]),
      '/api/v1/cities/espoo': cityDetail([]),
      '/api/v1/cities/espoo/invitations': () => ({
        status: 200,
        body: { invitations: answers.length > 0 ? [] : [invitation] },
      }),
      '/api/v1/cities/espoo/invitations/demo-net/decline': () => {
        answers.push('decline');
        return {
          status: 200,
          body: { network: 'demo-net', city: 'espoo', role: 'partner', status: 'declined' },
        };
      },
    });
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    const section = await screen.findByTestId('city-invitations');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    const decline = within(section).getByRole('button', {
      name: 'Decline the invitation from Demo network',
    });
    await userEvent.click(decline);
    expect(answers).toEqual([]);
    await userEvent.click(decline);
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(
      await within(section).findByText('The invitation from Demo network was declined.'),
    ).toBeVisible();
    expect(answers).toEqual(['decline']);
  });

  it('shows nothing to readers who are not the city’s editors, and asks nothing', async () => {
    const fetchMock = fakeApi({
      '/api/v1/auth/session': session(),
      '/api/v1/cities/espoo': cityDetail([]),
      '/api/v1/cities/espoo/invitations': () =>
        apiError('forbidden', 'Only the city’s editors may answer invitations.'),
    });
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    expect(await screen.findByText(/Espoo is not in any network yet/)).toBeVisible();
    expect(screen.queryByTestId('city-invitations')).toBeNull();
    expect(paths(fetchMock)).not.toContain('/api/v1/cities/espoo/invitations');
  });

  it('hides the section when the server refuses the list', async () => {
    fakeApi({
      '/api/v1/auth/session': session([editorOfEspoo]),
      '/api/v1/cities/espoo': cityDetail([]),
      '/api/v1/cities/espoo/invitations': () => apiError('forbidden', 'Not yours.'),
    });
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    expect(await screen.findByText(/Espoo is not in any network yet/)).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.queryByTestId('city-invitations')).toBeNull();
  });
});

const networkDetail: NetworkDetail = {
  slug: 'demo-net',
  name: 'Demo network',
  description: 'A demo.',
  isPublic: true,
  dataKind: 'synthetic',
  citation: null,
  licence: null,
  cityCount: 1,
  indicatorCount: 1,
  dataYears: { first: 2015, last: 2024 },
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
  members: [
    { slug: 'espoo', name: 'Espoo', countryCode: 'FI', population: 314000, role: 'lead_partner' },
  ],
  goals: [11],
};

const citySummary = (slug: string, name: string, countryCode: string) => ({
  slug,
  name,
  countryCode,
  population: null,
  latitude: null,
  longitude: null,
  version: 1,
  etag: '"1"',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('invitations on the network page', () => {
  it('lets the coordinator invite a city, see the invitation pending and withdraw it', async () => {
    let pending: (typeof invitation)[] = [];
    const puts: unknown[] = [];
    const deletes: string[] = [];
    fakeApi({
      '/api/v1/auth/session': session([
        {
          id: 9,
          role: 'coordinator',
          network: { slug: 'demo-net', name: 'Demo network' },
          city: null,
        },
      ]),
      '/api/v1/networks/demo-net': networkDetail,
      '/api/v1/networks/demo-net/scores': networkScores(),
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities': {
        cities: [
          citySummary('espoo', 'Espoo', 'FI'),
          citySummary('tallinn', 'Tallinn', 'EE'),
          citySummary('gabrovo', 'Gabrovo', 'BG'),
        ],
      },
      '/api/v1/networks/demo-net/invitations': () => ({
        status: 200,
        body: { invitations: pending },
      }),
      '/api/v1/networks/demo-net/members/tallinn': (_url: URL, request: FakeRequest) => {
        if (request.method === 'DELETE') {
          deletes.push('tallinn');
          pending = [];
          return { status: 204, body: null };
        }
        puts.push({ method: request.method, body: request.body });
        pending = [
          { ...invitation, city: { slug: 'tallinn', name: 'Tallinn' }, role: 'lead_partner' },
        ];
        return {
          status: 202,
          body: { network: 'demo-net', city: 'tallinn', role: 'lead_partner', status: 'invited' },
        };
      },
    });
    await renderPage(NetworkPage, { path: '/networks/demo-net', pattern: '/networks/:network' });
    const section = await screen.findByTestId('network-invitations');
    expect(
      await within(section).findByText('No invitation is waiting for an answer.'),
    ).toBeVisible();
    const citySelect = within(section).getByLabelText('City');
    // Members are not offered.
    await waitFor(() =>
      expect(
        within(citySelect)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Choose a city', 'Gabrovo (BG)', 'Tallinn (EE)']),
    );
    await userEvent.selectOptions(citySelect, 'tallinn');
    await userEvent.selectOptions(within(section).getByLabelText('Role'), 'lead_partner');
    await userEvent.click(within(section).getByRole('button', { name: 'Send the invitation' }));

    expect(
      await within(section).findByText(
        'Invitation sent: Tallinn joins when one of its editors accepts.',
      ),
    ).toHaveAttribute('role', 'status');
    expect(puts).toEqual([{ method: 'PUT', body: { role: 'lead_partner' } }]);
    const row = await within(section).findByRole('row', { name: /Tallinn/ });
    expect(row).toHaveTextContent('Lead partner');
    expect(row).toHaveTextContent('By Network coordinator on 2 May 2025');

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(
      within(row).getByRole('button', { name: 'Withdraw the invitation to Tallinn' }),
    );
    expect(
      await within(section).findByText('The invitation to Tallinn was withdrawn.'),
    ).toBeVisible();
    expect(deletes).toEqual(['tallinn']);
    expect(
      await within(section).findByText('No invitation is waiting for an answer.'),
    ).toBeVisible();
  });

  it('is not shown to readers who do not coordinate the network', async () => {
    const fetchMock = fakeApi({
      '/api/v1/auth/session': session([
        { id: 9, role: 'coordinator', network: { slug: 'other-net', name: 'Other' }, city: null },
      ]),
      '/api/v1/networks/demo-net': networkDetail,
      '/api/v1/networks/demo-net/scores': networkScores(),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(NetworkPage, { path: '/networks/demo-net', pattern: '/networks/:network' });
    await screen.findByTestId('ranking');
    expect(screen.queryByTestId('network-invitations')).toBeNull();
    expect(paths(fetchMock)).not.toContain('/api/v1/networks/demo-net/invitations');
  });
});

describe('administrators reset a lost second factor', () => {
  it('asks for confirmation, then removes it', async () => {
    const deletes: string[] = [];
    fakeApi({
      '/api/v1/auth/session': session([{ id: 1, role: 'admin', network: null, city: null }]),
      '/api/v1/users': {
        users: [
          {
            id: 5,
            email: 'tallinn@city.example',
            displayName: 'Tallinn officer',
            disabled: false,
            hasPassword: true,
            secondFactor: true,
            createdAt: '2025-01-01T00:00:00.000Z',
            lastSignInAt: null,
            roles: [],
          },
        ],
      },
      '/api/v1/networks': { networks: [] },
      '/api/v1/cities': { cities: [] },
      '/api/v1/users/5/second-factor': (_url: URL, request: FakeRequest) => {
        deletes.push(request.method);
        return { status: 204, body: null };
      },
    });
    await renderPage(UsersPage, { path: '/admin/users', pattern: '/admin/users' });
    const button = await screen.findByRole('button', {
      name: 'Reset two-factor authentication of Tallinn officer',
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    await userEvent.click(button);
    expect(deletes).toEqual([]);
    await userEvent.click(button);
    expect(confirm.mock.calls[0]?.[0]).toMatch(
      /^Remove the two-factor authentication of Tallinn officer\?/,
    );
    expect(
      await screen.findByText(
        'The two-factor authentication of Tallinn officer was removed. They can set it up again on their account page.',
      ),
    ).toHaveAttribute('role', 'status');
    expect(deletes).toEqual(['DELETE']);
  });
});
