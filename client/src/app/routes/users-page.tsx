import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/query-state';
import { TableScroll } from '../../components/ui/table-scroll';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useCities } from '../../features/cities/api/cities-api';
import { useNetworks } from '../../features/networks/api/networks-api';
import { FormField, SelectField } from '../../components/ui/form-field';
import {
  useCreateUser,
  useGrantRole,
  useReinvite,
  useResetSecondFactor,
  useRevokeRole,
  useSession,
  useUpdateUser,
  useUsers,
  type AccountUser,
  type Grant,
  type InvitationLink,
} from '../../features/auth/api/auth-api';
import { useLanguage } from '../../lib/i18n/use-language';
import { roleText } from '../../features/auth/utils/auth-text';
import { dateLocale } from '../../lib/format';
import { ErrorNotice } from '../../components/ui/error-notice';

/** Account administration for administrators: create or invite, grant and remove roles, disable. */
export function UsersPage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.usersTitle'));
  const lang = useLanguage();
  const session = useSession();
  const isAdmin = session.data?.roles.some((r) => r.role === 'admin') ?? false;
  const users = useUsers(isAdmin);
  const networks = useNetworks();
  const cities = useCities();
  const create = useCreateUser();
  const update = useUpdateUser();
  const reinvite = useReinvite();
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const resetSecondFactor = useResetSecondFactor();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [link, setLink] = useState<{ email: string; invitation: InvitationLink } | null>(null);
  const [grantUser, setGrantUser] = useState('');
  const [grantRole, setGrantRole] = useState<Grant['role']>('editor');
  const [grantScope, setGrantScope] = useState('');

  if (session.isPending) return <LoadingState />;
  if ((session.data?.user ?? null) === null)
    return <Navigate to="/sign-in?next=/admin/users" replace />;
  if (!isAdmin)
    return (
      <>
        <h1>{t('auth.usersTitle')}</h1>
        <p className="notice notice--error" role="alert">
          {t('auth.adminOnly')}
        </p>
      </>
    );

  const date = (iso: string): string =>
    new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium' }).format(new Date(iso));

  const submitCreate = (event: FormEvent): void => {
    event.preventDefault();
    create.mutate(
      { email, displayName: name.trim() === '' ? undefined : name },
      {
        onSuccess: (created) => {
          if (created.invitation !== null)
            setLink({ email: created.user.email, invitation: created.invitation });
          setEmail('');
          setName('');
        },
      },
    );
  };

  const scoped = grantRole === 'editor' ? 'city' : grantRole === 'admin' ? 'none' : 'network';
  const submitGrant = (event: FormEvent): void => {
    event.preventDefault();
    grant.mutate({
      id: Number(grantUser),
      role: grantRole,
      network: scoped === 'network' ? grantScope : undefined,
      city: scoped === 'city' ? grantScope : undefined,
    });
  };

  const askResetSecondFactor = (u: AccountUser): void => {
    if (!window.confirm(t('auth.resetSecondFactorConfirm', { name: u.displayName }))) return;
    resetSecondFactor.mutate(u.id);
  };
  const resetName =
    resetSecondFactor.isSuccess && users.data !== undefined
      ? users.data.users.find((u) => u.id === resetSecondFactor.variables)?.displayName
      : undefined;

  const mutationError = [create, update, reinvite, grant, revoke, resetSecondFactor].find(
    (m) => m.isError,
  )?.error;
  const absolute = (path: string): string => `${window.location.origin}${path}`;

  return (
    <>
      <h1>{t('auth.usersTitle')}</h1>
      <p>{t('auth.usersIntro')}</p>
      <ErrorNotice error={mutationError} />
      <p role="status">
        {resetName !== undefined ? t('auth.secondFactorReset', { name: resetName }) : ''}
      </p>
      {link !== null && (
        <div className="notice" role="status">
          <p>
            {t('auth.invitationLink', { email: link.email, date: date(link.invitation.expiresAt) })}
          </p>
          <code className="invitation-link">{absolute(link.invitation.path)}</code>
        </div>
      )}
      <div className="admin-forms">
        <form onSubmit={submitCreate} className="form" aria-labelledby="create-user-title">
          <h2 id="create-user-title">{t('auth.createUser')}</h2>
          <FormField
            id="new-user-email"
            label={t('auth.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FormField
            id="new-user-name"
            label={t('auth.displayName')}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {t('auth.create')}
          </button>
        </form>
        <form onSubmit={submitGrant} className="form" aria-labelledby="grant-title">
          <h2 id="grant-title">{t('auth.grantRole')}</h2>
          <SelectField
            id="grant-user"
            label={t('auth.userColumn')}
            required
            value={grantUser}
            onChange={(e) => setGrantUser(e.target.value)}
          >
            <option value="" />
            {users.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </SelectField>
          <SelectField
            id="grant-role"
            label={t('auth.role')}
            value={grantRole}
            onChange={(e) => {
              setGrantRole(e.target.value as Grant['role']);
              setGrantScope('');
            }}
          >
            <option value="editor">editor</option>
            <option value="coordinator">coordinator</option>
            <option value="viewer">viewer</option>
            <option value="admin">admin</option>
          </SelectField>
          {scoped !== 'none' && (
            <SelectField
              id="grant-scope"
              label={scoped === 'city' ? t('auth.city') : t('auth.network')}
              required
              value={grantScope}
              onChange={(e) => setGrantScope(e.target.value)}
            >
              <option value="" />
              {scoped === 'city'
                ? cities.data?.cities.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))
                : networks.data?.networks.map((n) => (
                    <option key={n.slug} value={n.slug}>
                      {n.name}
                    </option>
                  ))}
            </SelectField>
          )}
          <button type="submit" className="button" disabled={grant.isPending}>
            {t('auth.grant')}
          </button>
        </form>
      </div>
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <TableScroll label={t('auth.usersTitle')}>
          <table className="table table--data">
            <caption className="visually-hidden">{t('auth.usersTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.userColumn')}</th>
                <th scope="col">{t('auth.statusColumn')}</th>
                <th scope="col">{t('auth.rolesColumn')}</th>
                <th scope="col">{t('auth.actionsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName}
                    <br />
                    <span className="muted">{u.email}</span>
                  </th>
                  <td>
                    {u.disabled
                      ? t('auth.disabled')
                      : u.hasPassword
                        ? t('auth.active')
                        : t('auth.noPassword')}
                    <br />
                    <span className="muted">
                      {u.lastSignInAt === null
                        ? t('auth.neverSignedIn')
                        : t('auth.lastSignIn', { date: date(u.lastSignInAt) })}
                    </span>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {u.roles.map((r) => (
                        <li key={r.id}>
                          {roleText(t, r)}{' '}
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-label={t('auth.removeRole', { role: roleText(t, r) })}
                            onClick={() => revoke.mutate({ id: u.id, grant: r.id })}
                          >
                            ×
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                    >
                      {u.disabled ? t('auth.enable') : t('auth.disable')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() =>
                        reinvite.mutate(u.id, {
                          onSuccess: (invitation) => setLink({ email: u.email, invitation }),
                        })
                      }
                    >
                      {t('auth.newInvitation')}
                    </button>
                    {u.secondFactor && (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('auth.resetSecondFactorLabel', { name: u.displayName })}
                          disabled={resetSecondFactor.isPending}
                          onClick={() => askResetSecondFactor(u)}
                        >
                          {t('auth.resetSecondFactor')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
