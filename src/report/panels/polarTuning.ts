import { check, vegaPanel } from '../panel.ts';
import { COLORS } from '../theme.ts';

export interface TuningRow {
  type: string;
  edge: 'ON' | 'OFF';
  /** Motion direction in degrees, counter-clockwise from +x in the plotting frame (MODEL_SPEC §1.2). */
  directionDeg: number;
  /** Peak response to the edge moving in that direction. */
  peak: number;
}

export interface PolarTuningData {
  rows: TuningRow[];
  /** Facets per row. @default 4 */
  columns?: number;
}

const NAME = 'flyaux:polar-tuning';
const RINGS = [0.5, 1];
const RING_STEPS = 72;

/**
 * Tuning curves on a square polar frame, one facet per cell type: radius = peak / max |peak| of that type
 * (over ON and OFF), so shapes compare across types; negative peaks sit at the centre. vega-lite has no polar
 * line, so the curves are x/y lines computed here, closed by repeating the first direction.
 */
export const polarTuningPanel = vegaPanel<PolarTuningData>({
  name: NAME,
  title: 'Direction tuning (normalised peak response vs motion direction)',
  spec: ({ rows, columns = 4 }) => {
    check(rows.length > 0, NAME, () => 'expected at least one row, but got none');
    const types = [...new Set(rows.map((r) => r.type))];
    const records: { type: string; kind: string; line: string; step: number; x: number; y: number }[] = [];
    for (const type of types) {
      const ofType = rows.filter((r) => r.type === type);
      const scale = Math.max(...ofType.map((r) => Math.abs(r.peak)));
      // Crosshair through the centre along 0°/180° and 90°/270°.
      for (const [line, x, y] of [
        ['h', 1, 0],
        ['v', 0, 1],
      ] as const) {
        records.push(
          { type, kind: 'ring', line, step: 0, x: -x, y: -y },
          { type, kind: 'ring', line, step: 1, x, y },
        );
      }
      for (const ring of RINGS) {
        for (let s = 0; s <= RING_STEPS; s++) {
          const a = (2 * Math.PI * s) / RING_STEPS;
          records.push({
            type,
            kind: 'ring',
            line: `r${ring}`,
            step: s,
            x: ring * Math.cos(a),
            y: ring * Math.sin(a),
          });
        }
      }
      for (const edge of ['ON', 'OFF'] as const) {
        const curve = ofType.filter((r) => r.edge === edge).sort((a, b) => a.directionDeg - b.directionDeg);
        if (curve.length === 0) continue;
        check(curve.length >= 3, NAME, () => `${type} ${edge} needs ≥ 3 directions, but has ${curve.length}`);
        [...curve, curve[0]].forEach((r, step) => {
          const radius = scale > 0 ? Math.max(r.peak, 0) / scale : 0;
          const a = (r.directionDeg * Math.PI) / 180;
          records.push({
            type,
            kind: 'curve',
            line: edge,
            step,
            x: radius * Math.cos(a),
            y: radius * Math.sin(a),
          });
        });
      }
    }
    const frame = { type: 'quantitative' as const, axis: null, scale: { domain: [-1.08, 1.08] } };
    const x = { field: 'x', ...frame } as const;
    const y = { field: 'y', ...frame } as const;
    const order = { field: 'step', type: 'quantitative' } as const;
    return {
      data: { values: records },
      columns,
      facet: { field: 'type', type: 'nominal', sort: types, title: null, header: { labelFontSize: 11 } },
      spec: {
        width: 130,
        height: 130,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'ring'" }],
            mark: { type: 'line', color: COLORS.guide, strokeWidth: 0.8 },
            encoding: { x, y, order, detail: { field: 'line' } },
          },
          {
            transform: [{ filter: "datum.kind === 'curve'" }],
            mark: { type: 'line', strokeWidth: 1.6, point: { size: 12 } },
            encoding: {
              x,
              y,
              order,
              color: {
                field: 'line',
                type: 'nominal',
                title: 'edge',
                scale: { domain: ['ON', 'OFF'], range: [COLORS.on, COLORS.off] },
              },
            },
          },
        ],
      },
    };
  },
});
