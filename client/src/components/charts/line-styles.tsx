import type { ReactNode } from 'react';
import type { DotItemDotProps } from 'recharts';

// Up to ten lines must stay tellable apart without colour: each gets a dash pattern and a marker.
export const LINE_STYLES: ReadonlyArray<{
  color: string;
  dash: string;
  dot: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}> = [
  { color: '#0b5cad', dash: '', dot: 'circle' },
  { color: '#b3261e', dash: '8 3', dot: 'square' },
  { color: '#1a7f37', dash: '2 3', dot: 'triangle' },
  { color: '#7a3b00', dash: '12 3 3 3', dot: 'diamond' },
  { color: '#6f42c1', dash: '4 4', dot: 'cross' },
  { color: '#005f73', dash: '', dot: 'square' },
  { color: '#8a1c12', dash: '8 3', dot: 'circle' },
  { color: '#3d4a52', dash: '2 3', dot: 'diamond' },
  { color: '#9e0059', dash: '12 3 3 3', dot: 'triangle' },
  { color: '#4a5a00', dash: '4 4', dot: 'circle' },
];

/** A line's marker drawn in its own shape, so lines differ without colour. */
export function marker(shape: (typeof LINE_STYLES)[number]['dot'], color: string) {
  return (props: DotItemDotProps): ReactNode => {
    const { cx, cy, index } = props;
    if (cx === undefined || cy === undefined) return null;
    const key = `${String(props.dataKey)}-${index}`;
    const s = 4;
    switch (shape) {
      case 'square':
        return <rect key={key} x={cx - s} y={cy - s} width={2 * s} height={2 * s} fill={color} />;
      case 'triangle':
        return (
          <path
            key={key}
            d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy + s} L${cx - s - 1},${cy + s} Z`}
            fill={color}
          />
        );
      case 'diamond':
        return (
          <path
            key={key}
            d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy} L${cx},${cy + s + 1} L${cx - s - 1},${cy} Z`}
            fill={color}
          />
        );
      case 'cross':
        return (
          <path
            key={key}
            d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`}
            stroke={color}
            strokeWidth={2}
          />
        );
      default:
        return <circle key={key} cx={cx} cy={cy} r={s} fill={color} />;
    }
  };
}
