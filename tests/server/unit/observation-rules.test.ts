import { describe, expect, it } from 'vitest';
import {
  checkValue,
  describeRange,
  parseNumber,
  parseOptionalText,
  parseStatus,
  parseYear,
} from '../../../server/src/domain/observation-rules';

const pct = { name: 'Recycling rate', unit: '%', allowedMin: 0, allowedMax: 100 };

describe('parseNumber', () => {
  it('reads plain decimals, signs and exponents', () => {
    expect(parseNumber('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseNumber('1e3')).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('1e+21')).toEqual({ ok: true, value: 1e21 });
  });

  it('reads a decimal comma only where the file allows it', () => {
    expect(parseNumber('12,5', true)).toEqual({ ok: true, value: 12.5 });
    const refused = parseNumber('12,5', false);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/Use a point as the decimal separator/);
  });

  it('refuses what JavaScript would half-parse or that cannot be stored', () => {
    for (const text of [
      '',
      'abc',
      'NaN',
      'Infinity',
      '12abc',
      '0x10',
      '1 000',
      '1,234.5',
      '--1',
      '1e',
    ]) {
      expect(parseNumber(text).ok, text).toBe(false);
    }
    const huge = parseNumber('1e400');
    expect(!huge.ok && huge.message).toMatch(/too large/);
    const thousands = parseNumber('1 000');
    expect(!thousands.ok && thousands.message).toMatch(/thousands separators/);
  });
});

describe('checkValue', () => {
  it('accepts values inside the allowed range, bounds included', () => {
    expect(checkValue(0, pct)).toBeNull();
    expect(checkValue(100, pct)).toBeNull();
  });

  it('names the indicator and the range when refusing', () => {
    expect(checkValue(120, pct)).toBe(
      '120 is outside the allowed range for "Recycling rate": from 0 to 100 %.',
    );
    expect(checkValue(-0.5, pct)).toMatch(/outside the allowed range/);
  });

  it('refuses negative zero and non-finite numbers', () => {
    expect(checkValue(-0, pct)).toMatch(/-0 is ambiguous/);
    expect(checkValue(Number.NaN, pct)).toMatch(/finite/);
    expect(checkValue(Infinity, { ...pct, allowedMax: null })).toMatch(/finite/);
  });

  it('describes open ranges', () => {
    expect(describeRange({ ...pct, allowedMax: null })).toBe('0 % or more');
    expect(describeRange({ ...pct, allowedMin: null })).toBe('100 % or less');
    expect(describeRange({ ...pct, allowedMin: null, allowedMax: null })).toBe('any number');
  });
});

describe('parseYear, parseStatus, parseOptionalText', () => {
  it('wants four-digit years in range', () => {
    expect(parseYear('2021')).toEqual({ ok: true, value: 2021 });
    expect(parseYear('2021.0').ok).toBe(false);
    expect(parseYear('21').ok).toBe(false);
    expect(parseYear('1800').ok).toBe(false);
  });

  it('knows the two statuses, empty meaning final', () => {
    expect(parseStatus('Provisional')).toEqual({ ok: true, value: 'provisional' });
    expect(parseStatus('')).toEqual({ ok: true, value: 'final' });
    expect(parseStatus('draft').ok).toBe(false);
  });

  it('stores empty text as null and refuses overlong text', () => {
    expect(parseOptionalText('  ', 10, 'note')).toEqual({ ok: true, value: null });
    expect(parseOptionalText('x'.repeat(11), 10, 'note').ok).toBe(false);
  });
});
