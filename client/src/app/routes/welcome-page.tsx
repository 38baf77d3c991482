import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useAcceptInvitation } from '../../features/auth/api/auth-api';
import { ErrorNotice } from '../../components/ui/error-notice';
import { NewPasswordField } from '../../features/auth/components/new-password-field';

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
            <NewPasswordField id="welcome-password" value={password} onChange={setPassword} />
            <ErrorNotice error={accept.error} />
            <button type="submit" className="button" disabled={accept.isPending}>
              {t('auth.welcomeDone')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
