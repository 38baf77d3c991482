import { useTranslation } from 'react-i18next';
import { isUiLanguage, type UiLanguage } from './languages';

/** The interface language currently in use. */
export function useLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isUiLanguage(lang) ? lang : 'en';
}
