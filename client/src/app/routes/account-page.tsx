import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { FormField } from '../../components/ui/form-field';
import { ApiTokensPanel } from '../../features/account/components/api-tokens-panel';
import { SecondFactorPanel } from '../../features/account/components/second-factor-panel';
import { useChangePassword, useSession } from '../../features/auth/api/auth-api';
import { roleText } from '../../features/auth/utils/auth-text';
import { ErrorNotice } from '../../components/ui/error-notice';
import { NewPasswordField } from '../../features/auth/components/new-password-field';

export function AccountPage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.account'));
  const session = useSession();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const { hash } = useLocation();
  const userId = session.data?.user?.id;

  // From the "set it up on your account page" notice: straight to the section.
  useEffect(() => {
    if (hash === '#second-factor' && userId !== undefined)
      document.getElementById('second-factor-title')?.focus();
  }, [hash, userId]);

  if (session.isPending) return <LoadingState />;
  const user = session.data?.user ?? null;
  const roles = session.data?.roles ?? [];
  if (user === null) return <Navigate to="/sign-in?next=/account" replace />;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };

  return (
    <div className="narrow">
      <h1>{t('auth.account')}</h1>
      <p>
        {user.displayName} · {user.email}
      </p>
      <h2>{t('auth.rolesTitle')}</h2>
      {roles.length === 0 ? (
        <p>{t('auth.noRoles')}</p>
      ) : (
        <ul>
          {roles.map((grant) => (
            <li key={grant.id}>{roleText(t, grant)}</li>
          ))}
        </ul>
      )}
      <section aria-labelledby="second-factor-title" id="second-factor">
        <h2 id="second-factor-title" tabIndex={-1}>
          {t('account.secondFactorTitle')}
        </h2>
        <SecondFactorPanel email={user.email} />
      </section>
      <h2>{t('auth.changePassword')}</h2>
      <form onSubmit={submit} className="form">
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user.email}
          readOnly
          hidden
        />
        <FormField
          id="current-password"
          label={t('auth.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPasswordField id="new-password" value={newPassword} onChange={setNew} />
        <ErrorNotice error={change.error} />
        {change.isSuccess && (
          <p className="notice" role="status">
            {t('auth.passwordChanged')}
          </p>
        )}
        <button type="submit" className="button" disabled={change.isPending}>
          {t('auth.save')}
        </button>
      </form>
      <section aria-labelledby="api-tokens-title">
        <h2 id="api-tokens-title">{t('account.tokensTitle')}</h2>
        <ApiTokensPanel />
      </section>
    </div>
  );
}
