import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from '../lib/i18n/languages';
import { useLanguage } from '../lib/i18n/use-language';

/** A labelled select that switches the interface and data language. */
export function LanguageSwitcher(): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();

  const handleChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const next = event.target.value;
    if (!isUiLanguage(next)) return;
    void i18n.changeLanguage(next);
    const params = new URLSearchParams(location.search);
    params.set('lang', next);
    void navigate(
      { pathname: location.pathname, search: `?${params.toString()}`, hash: location.hash },
      { replace: true },
    );
  };

  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t('app.language')}</label>
      <select id="language-select" value={lang} onChange={handleChange}>
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
