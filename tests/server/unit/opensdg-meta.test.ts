import { describe, expect, it } from 'vitest';
import { parseMeta } from '../../../server/src/services/import/opensdg-zip';
import {
  readOpenSdgMeta,
  sdgCodesOf,
  writeOpenSdgMeta,
} from '../../../server/src/domain/opensdg-meta';

describe('readOpenSdgMeta', () => {
  it('reads names, translation keys, units, direction, limit and the headline target line', () => {
    const meta = parseMeta(
      [
        '---',
        'indicator_name: global_indicators.3-6-1-title',
        'computation_units: Deaths per 100,000',
        'target_id: "3.6"',
        'progress_calculation_options:',
        '  - direction: negative',
        '    target_year: 2025',
        'graph_target_lines:',
        '  - series: Pedestrians',
        '    value: 1',
        '  - unit: Number of deaths',
        '    value: 50',
        '  - unit: deaths per 100,000',
        '    value: 3.5',
        '    label_content: Vision Zero milestone',
        '---',
        'Body text.',
      ].join('\n'),
      'md',
    );
    expect(readOpenSdgMeta('3-6-1', meta)).toEqual({
      name: null,
      nameKey: 'global_indicators.3-6-1-title',
      unit: 'Deaths per 100,000',
      source: null,
      sdgIndicator: '3.6.1',
      sdgTarget: '3.6',
      direction: 'decrease',
      naturalLimit: null,
      ambition: {
        baseYear: 2015,
        targetYear: 2025,
        targetValue: 3.5,
        label: 'Vision Zero milestone',
      },
    });
  });

  it('falls back to progress options’ target, and to nothing', () => {
    expect(
      readOpenSdgMeta('9-c-1', {
        progress_calculation_options: [
          { direction: 'positive', limit: 100, target: 100, base_year: 2016 },
        ],
      }),
    ).toMatchObject({
      direction: 'increase',
      naturalLimit: 100,
      ambition: { baseYear: 2016, targetYear: 2030, targetValue: 100, label: null },
    });
    expect(readOpenSdgMeta('local-1', {})).toMatchObject({
      name: null,
      sdgIndicator: null,
      sdgTarget: null,
      direction: null,
      ambition: null,
    });
  });

  it('finds SDG codes in ids with local suffixes', () => {
    expect(sdgCodesOf('11-1-1-c')).toEqual({ indicator: '11.1.1', target: '11.1' });
    expect(sdgCodesOf('5-a-2')).toEqual({ indicator: '5.a.2', target: '5.a' });
    expect(sdgCodesOf('16-b')).toEqual({ indicator: null, target: '16.b' });
  });

  it('writes what it reads back', () => {
    const written = writeOpenSdgMeta({
      id: '11-6-2',
      name: 'PM2.5',
      unit: 'µg/m³',
      source: 'City',
      sdgIndicator: '11.6.2',
      sdgTarget: '11.6',
      direction: 'decrease',
      naturalLimit: 0,
      ambition: { baselineYear: 2016, targetYear: 2030, targetValue: 5 },
    });
    expect(readOpenSdgMeta('11-6-2', written)).toEqual({
      name: 'PM2.5',
      nameKey: null,
      unit: 'µg/m³',
      source: 'City',
      sdgIndicator: '11.6.2',
      sdgTarget: '11.6',
      direction: 'decrease',
      naturalLimit: 0,
      ambition: { baseYear: 2016, targetYear: 2030, targetValue: 5, label: '2030 target' },
    });
  });

  it('refuses YAML bombs and non-objects', () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 60 }, (_, i) => `k${i}: [*a, *a, *a, *a]`),
      '---',
    ].join('\n');
    expect(() => parseMeta(bomb, 'md')).toThrow();
    expect(() => parseMeta('- a\n- b\n', 'yml')).toThrow(/not a list of settings/);
    expect(parseMeta('no front matter', 'md')).toEqual({});
  });
});
