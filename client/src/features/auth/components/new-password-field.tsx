import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';

/** A new password with the rule it must meet (12 characters at least), for a password manager to fill. */
export function NewPasswordField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <FormField
      id={id}
      label={t('auth.newPassword')}
      hint={t('auth.passwordRule')}
      type="password"
      autoComplete="new-password"
      required
      minLength={12}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
