import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { GapSentence } from '../../client/src/features/progress/components/gap-sentence';
import { initI18n } from '../../client/src/lib/i18n/i18n';
import { indicatorProgress } from './progress-fixtures';

/**
 * Issue 17 item 14: a city that will beat its target reads "ahead of the
 * target", never a gap (Espoo PM2.5: projected 7.3 against 10, lower is better).
 */
describe('a projection beyond the target', () => {
  it('is "ahead of the target" in the sentence, in English and German', async () => {
    const base = indicatorProgress();
    const espoo = indicatorProgress({
      name: 'PM2.5 annual mean',
      unit: 'µg/m³',
      direction: 'decrease',
      ambition: {
        baselineYear: 2015,
        baselineValue: 12,
        targetYear: 2030,
        targetValue: 10,
        approved: true,
      },
      actionGap: { ...base.actionGap!, projectedValue: 7.3, gap: 0, gapShare: 0, paceRatio: 0.4 },
    });
    for (const [lang, expected] of [
      [
        'en',
        'PM2.5 annual mean: at today’s pace 7.3 µg/m³ in 2030, ahead of the target 10.0 µg/m³',
      ],
      ['de', 'beim heutigen Tempo 7,3 µg/m³ im Jahr 2030, besser als das Ziel 10,0 µg/m³'],
    ] as const) {
      const i18n = await initI18n(lang);
      await i18n.changeLanguage(lang);
      const { unmount } = render(
        <I18nextProvider i18n={i18n}>
          <p data-testid="sentence">
            <GapSentence indicator={espoo} />
          </p>
        </I18nextProvider>,
      );
      expect(screen.getByTestId('sentence').textContent?.replace(/\s/g, ' ')).toContain(expected);
      expect(screen.getByTestId('sentence').textContent).not.toMatch(/needs|Gap/);
      unmount();
    }
  });
});
