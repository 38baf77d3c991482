/** Relative luminance of an sRGB colour (WCAG 2.1 definition). */
export function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => {
    const c = parseInt(part ?? '0', 16) / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const TEXT_LIGHT = '#FFFFFF';
export const TEXT_DARK = '#111111';

/**
 * Text colour for a coloured background: white when it reaches 4.5:1,
 * otherwise the dark text (several official SDG colours are too light for white text).
 */
export function readableTextOn(background: string): string {
  return contrastRatio(background, TEXT_LIGHT) >= 4.5 ? TEXT_LIGHT : TEXT_DARK;
}
