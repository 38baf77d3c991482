import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LocalLink } from '../../../components/ui/local-link';
import { useSession, useSignOut } from '../api/auth-api';

/** Header corner: "Sign in", or the signed-in user's name (to their account) and "Sign out". */
export function AccountMenu(): ReactNode {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user ?? null;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <LocalLink className="account-menu__link" to={`/sign-in?next=${next}`}>
        {t('auth.signIn')}
      </LocalLink>
    );
  }
  const isAdmin = session.data?.roles.some((r) => r.role === 'admin') ?? false;
  return (
    <div className="account-menu">
      <LocalLink className="account-menu__link" to="/account">
        <span className="visually-hidden">{t('auth.signedInAs', { name: '' })}</span>
        {user.displayName}
      </LocalLink>
      {isAdmin && (
        <LocalLink className="account-menu__link" to="/admin/users">
          {t('auth.usersTitle')}
        </LocalLink>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
