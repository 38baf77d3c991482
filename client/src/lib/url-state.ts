import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Reads a four-digit `?year=`; anything else means "the latest year with data". */
export function parseYear(raw: string | null): number | undefined {
  return raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * One query-string parameter as state: the URL is the only store, so a copied
 * link restores the view. Setting `undefined` removes it; other parameters
 * (the language among them) are kept.
 */
export function useSearchParam(name: string): [string | null, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | undefined) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === undefined || value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [params.get(name), set];
}

/** `?year=` as a number (undefined: latest) with its setter. */
export function useYearParam(): [number | undefined, (year: number | undefined) => void] {
  const [raw, set] = useSearchParam('year');
  const setYear = useCallback(
    (year: number | undefined) => set(year === undefined ? undefined : String(year)),
    [set],
  );
  return [parseYear(raw), setYear];
}

/** Adds `?year=` to an internal path when a year is chosen, so links keep the view's year. */
export function withYear(path: string, year: number | undefined): string {
  if (year === undefined) return path;
  return `${path}${path.includes('?') ? '&' : '?'}year=${year}`;
}
