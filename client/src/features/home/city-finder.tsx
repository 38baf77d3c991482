import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CitySummary } from '@api/city.schema';
import { LocalLink, withLanguage } from '../../components/ui/local-link';
import { useLanguage } from '../../lib/i18n/use-language';

/** Lower case without accents: "Košice" and "kosice" are the same search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Cities with a word of their name starting with `query` (any case or accent), best first. */
export function findCities(
  cities: readonly CitySummary[],
  query: string,
  limit = 8,
): CitySummary[] {
  const q = fold(query.trim());
  if (q === '') return [];
  const scored = cities.flatMap((city) => {
    const name = fold(city.name);
    if (name.startsWith(q)) return [{ city, rank: 0 }];
    const words = name.split(/[\s\-–—'’().,/]+/);
    return words.some((w) => w.startsWith(q)) ? [{ city, rank: 1 }] : [];
  });
  return scored
    .sort((a, b) => a.rank - b.rank || a.city.name.localeCompare(b.city.name))
    .slice(0, limit)
    .map((s) => s.city);
}

/**
 * "Find your city": a search among the public cities, answered as you type
 * with links to each city's progress; Enter opens the first one.
 */
export function CityFinder({ cities }: { cities: readonly CitySummary[] }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const id = useId();
  const [query, setQuery] = useState('');
  const found = findCities(cities, query);
  const asked = query.trim() !== '';
  return (
    <form
      role="search"
      className="city-finder"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        const first = found[0];
        if (first !== undefined) void navigate(withLanguage(`/cities/${first.slug}`, lang));
      }}
    >
      <h2 id={`${id}-heading`}>{t('home.findHeading')}</h2>
      <label htmlFor={`${id}-input`}>{t('home.findLabel')}</label>
      <input
        id={`${id}-input`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={`${id}-hint ${id}-status`}
        aria-controls={`${id}-results`}
        autoComplete="off"
        maxLength={100}
        data-testid="city-finder-input"
      />
      <p id={`${id}-hint`} className="muted small">
        {t('home.findHint', { count: cities.length })}
      </p>
      <p id={`${id}-status`} role="status" className="small city-finder__status">
        {!asked
          ? ''
          : found.length === 0
            ? t('home.findNone', { q: query.trim() })
            : t('home.findResults', { count: found.length })}
      </p>
      <ul id={`${id}-results`} className="city-finder__results" data-testid="city-finder-results">
        {found.map((city) => (
          <li key={city.slug}>
            <LocalLink to={`/cities/${city.slug}`}>{city.name}</LocalLink>{' '}
            <span className="muted small">{city.countryCode}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
