import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueFlag } from '../../lib/series';

/** Eurostat's (and SDMX's) letters, the same in every language. */
export const FLAG_LETTER: Readonly<Record<ValueFlag, string>> = {
  estimated: 'e',
  provisional: 'p',
  'break-in-series': 'b',
  'low-reliability': 'u',
  confidential: 'c',
  'definition-differs': 'd',
};

const FLAG_KEY: Readonly<Record<ValueFlag, string>> = {
  estimated: 'flags.estimated',
  provisional: 'flags.provisional',
  'break-in-series': 'flags.breakInSeries',
  'low-reliability': 'flags.lowReliability',
  confidential: 'flags.confidential',
  'definition-differs': 'flags.definitionDiffers',
};

/** The word for a flag in the reader's language. */
export function useFlagWord(): (flag: ValueFlag) => string {
  const { t } = useTranslation();
  return (flag) => t(FLAG_KEY[flag]);
}

/**
 * A value's statistical flags as short letters after it ("38.0 e"): the
 * letter is for the eye (its word on hover), the word for screen readers.
 */
export function FlagMarks({ flags }: { flags: readonly ValueFlag[] }): ReactNode {
  const word = useFlagWord();
  if (flags.length === 0) return null;
  return (
    <span className="value-flags">
      {flags.map((flag) => (
        <span key={flag} className="value-flag" title={word(flag)}>
          <span aria-hidden="true">{FLAG_LETTER[flag]}</span>
          <span className="visually-hidden"> ({word(flag)})</span>
        </span>
      ))}
    </span>
  );
}

/** What the letters mean: only the flags shown nearby. */
export function FlagLegend({ flags }: { flags: readonly ValueFlag[] }): ReactNode {
  const { t } = useTranslation();
  const word = useFlagWord();
  if (flags.length === 0) return null;
  return (
    <div className="flag-legend small" data-testid="flag-legend">
      <span className="flag-legend__title">{t('flags.legend')}</span>
      <ul>
        {flags.map((flag) => (
          <li key={flag}>
            <span className="value-flag" aria-hidden="true">
              {FLAG_LETTER[flag]}
            </span>{' '}
            {word(flag)}
          </li>
        ))}
      </ul>
    </div>
  );
}
