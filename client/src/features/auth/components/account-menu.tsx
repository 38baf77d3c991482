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

/** A labelled input with its hint and error wired for screen readers. */
export function FormField({
  id,
  label,
  hint,
  error,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
} & React.InputHTMLAttributes<HTMLInputElement>): ReactNode {
  const described = [
    hint !== undefined ? `${id}-hint` : '',
    error !== undefined ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <input
        id={id}
        aria-invalid={error !== undefined}
        aria-describedby={described === '' ? undefined : described}
        {...input}
      />
      {error !== undefined && (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
