import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Says when a title is shown in English (no translation) or follows an outdated wording. */
export function TranslationNote({
  titleLanguage,
  outdated = false,
}: {
  titleLanguage: string;
  outdated?: boolean;
}): ReactNode {
  const { t, i18n } = useTranslation();
  if (titleLanguage !== i18n.language && i18n.language !== 'en') {
    return <span className="translation-note">{t('sdg.englishOnly')}</span>;
  }
  if (outdated) return <span className="translation-note">{t('sdg.outdatedTranslation')}</span>;
  return null;
}
