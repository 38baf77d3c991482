import { describe, expect, it } from 'vitest';
import {
  formatInteger,
  formatNumber,
  formatScore,
  formatShare,
  formatSigned,
  formatTick,
  formatValue,
  formatYear,
} from '../../client/src/lib/format';
import {
  formatPace,
  formatRate,
  freshness,
  onTrackCount,
  seriesYears,
} from '../../client/src/features/progress/utils/describe';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MINUS = '\u2212';

describe('numbers in the reader\u2019s locale', () => {
  it('uses the locale\u2019s decimal separator and a true minus sign', () => {
    expect(formatNumber(12.5, 'en', 1)).toBe('12.5');
    expect(formatNumber(12.5, 'fr', 1)).toBe('12,5');
    expect(formatNumber(12.5, 'de', 1)).toBe('12,5');
    expect(formatNumber(-1.784, 'en', 2)).toBe(`${MINUS}1.78`);
    expect(formatNumber(-1.784, 'it', 2)).toBe(`${MINUS}1,78`);
    expect(formatNumber(3, 'en', 2)).toBe('3.00');
  });

  it('groups thousands the local way', () => {
    expect(formatInteger(314_000, 'en')).toBe('314,000');
    expect(formatInteger(314_000, 'fr')).toBe(`314${NNBSP}000`);
    expect(formatInteger(314_000, 'de')).toBe('314.000');
  });

  it('keeps a value and its unit together; percentages follow the locale', () => {
    expect(formatValue(12.5, 'fr', 1, 'µg/m³')).toBe(`12,5${NBSP}µg/m³`);
    expect(formatValue(4, 'en', 0, '')).toBe('4');
    expect(formatValue(41, 'en', 0, '%')).toBe('41%');
    expect(formatValue(41.25, 'fr', 1, '%')).toBe(`41,3${NBSP}%`);
    expect(formatValue(41, 'de', 0, '%')).toBe(`41${NBSP}%`);
  });

  it('formats shares, signed changes and scores', () => {
    expect(formatShare(0.4355, 'en')).toBe('44%');
    expect(formatShare(-0.1049, 'en', 1)).toBe(`${MINUS}10.5%`);
    expect(formatSigned(1.94, 'en', 1)).toBe('+1.9');
    expect(formatSigned(-0.4, 'fr', 1)).toBe(`${MINUS}0,4`);
    expect(formatScore(78.84, 'en')).toBe('78.8');
  });

  it('writes whole axis ticks without decimals', () => {
    expect(formatTick(45, 'en', 1)).toBe('45');
    expect(formatTick(12.5, 'fr', 1)).toBe('12,5');
  });

  it('never groups years', () => {
    expect(formatYear(2025)).toBe('2025');
  });
});

describe('rates of change', () => {
  it('shows compound rates as a signed percentage a year', () => {
    expect(formatRate(-0.01224, 'compound', '%', 1, 'en')).toBe(`${MINUS}1.2%`);
    expect(formatRate(0.234, 'compound', 'W', 0, 'fr')).toBe(`+23,4${NBSP}%`);
  });

  it('shows linear rates in the indicator\u2019s unit with one more decimal', () => {
    expect(formatRate(-0.4, 'linear', 'µg/m³', 1, 'en')).toBe(`${MINUS}0.40${NBSP}µg/m³`);
    expect(formatRate(2, 'linear', '', 0, 'en')).toBe('+2.0');
  });

  it('calls a linear change of a percentage "percentage points"', () => {
    expect(formatRate(3.75, 'linear', '%', 1, 'en', 'percentage points')).toBe(
      `+3.75${NBSP}percentage points`,
    );
    expect(formatRate(3.75, 'linear', '%', 1, 'de', 'Prozentpunkte')).toBe(
      `+3,75${NBSP}Prozentpunkte`,
    );
  });

  it('shows the pace needed as a multiple', () => {
    expect(formatPace(2.4378, 'en')).toBe('2.4\u00d7');
    expect(formatPace(2.4378, 'fr')).toBe('2,4\u00d7');
  });
});

describe('city summaries', () => {
  it('finds the newest and oldest latest year', () => {
    expect(
      freshness([
        { latest: { year: 2024, value: 1 } },
        { latest: null },
        { latest: { year: 2019, value: 3 } },
      ]),
    ).toEqual({ newest: 2024, oldest: 2019 });
    expect(freshness([{ latest: null }])).toEqual({ newest: null, oldest: null });
  });

  it('lists every year of any series once, in order', () => {
    expect(
      seriesYears([
        { series: [{ year: 2017 }, { year: 2015 }] },
        { series: [{ year: 2016 }, { year: 2017 }] },
      ]),
    ).toEqual([2015, 2016, 2017]);
  });

  it('counts achieved and on-track indicators together', () => {
    expect(onTrackCount({ target_achieved: 12, on_track: 5 })).toBe(17);
  });
});
