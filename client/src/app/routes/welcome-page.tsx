import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { FormField } from '../../components/ui/form-field';
import { useAcceptInvitation } from '../../features/auth/api/auth-api';

/** The invitation link's page: the token is in the fragment, which no server ever logs. */
export function WelcomePage(): ReactNode {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.welcomeTitle'));
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const [password, setPassword] = useState('');
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (token === null) return;
    accept.mutate(
      { token, password },
      { onSuccess: () => void navigate('/account', { replace: true }) },
    );
  };

  return (
    <div className="narrow">
      <h1>{t('auth.welcomeTitle')}</h1>
      {token === null ? (
        <p className="notice notice--error" role="alert">
          {t('auth.welcomeMissing')}
        </p>
      ) : (
        <>
          <p>{t('auth.welcomeIntro')}</p>
          <form onSubmit={submit} className="form">
            <FormField
              id="welcome-password"
              label={t('auth.newPassword')}
              hint={t('auth.passwordRule')}
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {accept.isError && (
              <p className="notice notice--error" role="alert">
                {accept.error.message}
              </p>
            )}
            <button type="submit" className="button" disabled={accept.isPending}>
              {t('auth.welcomeDone')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
