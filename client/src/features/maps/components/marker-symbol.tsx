import type { ReactNode } from 'react';
import type { MarkerShape } from '../utils/network-map-data';

const STROKE = '#1b1f24';

/** A marker's shape centred on (0, 0): the same drawing on the map and in its legend. */
export function MarkerSymbol({
  shape,
  fill,
  glyph = null,
  r = 7,
}: {
  shape: MarkerShape;
  fill: string;
  glyph?: string | null;
  r?: number;
}): ReactNode {
  const common = { fill, stroke: STROKE, strokeWidth: 1.25 };
  let body: ReactNode;
  switch (shape) {
    case 'circle':
      body = <circle r={r} {...common} />;
      break;
    case 'square':
      body = <rect x={-r * 0.88} y={-r * 0.88} width={r * 1.76} height={r * 1.76} {...common} />;
      break;
    case 'triangle':
      body = (
        <path d={`M0,${-r * 1.15}L${r * 1.1},${r * 0.8}L${-r * 1.1},${r * 0.8}Z`} {...common} />
      );
      break;
    case 'triangle-down':
      body = (
        <path d={`M0,${r * 1.15}L${r * 1.1},${-r * 0.8}L${-r * 1.1},${-r * 0.8}Z`} {...common} />
      );
      break;
    case 'diamond':
      body = <path d={`M0,${-r * 1.2}L${r * 1.2},0L0,${r * 1.2}L${-r * 1.2},0Z`} {...common} />;
      break;
    case 'half':
      body = (
        <>
          <circle r={r} fill="#ffffff" stroke="none" />
          <path d={`M0,${-r}A${r},${r} 0 0 0 0,${r}Z`} fill={fill} />
          <circle r={r} fill="none" stroke={STROKE} strokeWidth={1.25} />
        </>
      );
      break;
    case 'cross':
      body = (
        <>
          <circle r={r} fill="#ffffff" stroke={STROKE} strokeWidth={1} strokeDasharray="2 2" />
          <path
            d={`M${-r * 0.5},${-r * 0.5}L${r * 0.5},${r * 0.5}M${r * 0.5},${-r * 0.5}L${-r * 0.5},${r * 0.5}`}
            stroke={STROKE}
            strokeWidth={1.5}
          />
        </>
      );
      break;
  }
  return (
    <>
      {body}
      {glyph !== null && (
        <text
          className="map-glyph"
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={r * 1.35}
          fill={glyphColour(fill)}
        >
          {glyph}
        </text>
      )}
    </>
  );
}

/** White on the dark fills, near-black on the light ones. */
function glyphColour(fill: string): string {
  const dark = ['#0a6b2e', '#d93a2f', '#08519c', '#3182bd'];
  return dark.includes(fill.toLowerCase()) ? '#ffffff' : '#111111';
}

/** The marker as a small inline image for legends and tables. */
export function MarkerIcon({
  shape,
  fill,
  glyph = null,
  isLead = false,
}: {
  shape: MarkerShape;
  fill: string;
  glyph?: string | null;
  isLead?: boolean;
}): ReactNode {
  return (
    <svg className="map-icon" width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
      {isLead && <circle r={10} fill="none" stroke={STROKE} strokeWidth={1.5} />}
      <MarkerSymbol shape={shape} fill={fill} glyph={glyph} r={isLead ? 6 : 7} />
    </svg>
  );
}

/** The lead partner's ring, drawn around its marker. */
export function LeadRing({ r }: { r: number }): ReactNode {
  return <circle r={r} fill="none" stroke={STROKE} strokeWidth={2} className="map-lead-ring" />;
}
