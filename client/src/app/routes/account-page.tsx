import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { FormField } from '../../components/ui/form-field';
import { useChangePassword, useSession } from '../../features/auth/api/auth-api';
import { roleText } from '../../features/auth/utils/auth-text';

export function AccountPage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.account'));
  const session = useSession();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');

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
        <FormField
          id="new-password"
          label={t('auth.newPassword')}
          hint={t('auth.passwordRule')}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        {change.isError && (
          <p className="notice notice--error" role="alert">
            {change.error.message}
          </p>
        )}
        {change.isSuccess && (
          <p className="notice" role="status">
            {t('auth.passwordChanged')}
          </p>
        )}
        <button type="submit" className="button" disabled={change.isPending}>
          {t('auth.save')}
        </button>
      </form>
    </div>
  );
}
