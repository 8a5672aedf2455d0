import { hexCount, hexLattice } from '../../connectome/hex.ts';
import { check, vegaPanel } from '../panel.ts';

export interface StimulusFrame {
  label: string;
  /** One intensity per hexal in canonical order (721 for extent 15), 0 = black, 1 = white. */
  values: ArrayLike<number>;
}

export interface StimulusFramesData {
  frames: StimulusFrame[];
  /** Frames per row. @default 6 */
  columns?: number;
}

const NAME = 'flyaux:stimulus-frames';
/** A flat-topped regular hexagon of circumradius 1, in vega's [-1, 1] symbol box. */
const HEXAGON = 'M1,0L0.5,0.866L-0.5,0.866L-1,0L-0.5,-0.866L0.5,-0.866Z';
const FRAME_WIDTH_PX = 170;

/** Extent R of a lattice with `n` hexals (n = 1 + 3R(R+1)), or throws. */
function extentOf(n: number): number {
  const extent = Math.round((-3 + Math.sqrt(9 + 12 * (n - 1))) / 6);
  check(
    hexCount(extent) === n,
    NAME,
    () => `frame length must be a hexagonal count (7, 19, …, 721), but got ${n}`,
  );
  return extent;
}

/**
 * Stimulus frames on the hexagonal lattice, side by side: hexals at x = 1.5·v, y = −√3·(u + v/2)
 * (flyvis's plotting frame), drawn as hexagons on a grey scale from 0 to 1.
 */
export const stimulusFramesPanel = vegaPanel<StimulusFramesData>({
  name: NAME,
  title: 'Stimulus frames on the hexagonal lattice',
  spec: ({ frames, columns = 6 }) => {
    check(frames.length > 0, NAME, () => 'expected at least one frame, but got none');
    const n = frames[0].values.length;
    const extent = extentOf(n);
    const { u, v } = hexLattice(extent);
    const records: { frame: string; x: number; y: number; value: number }[] = [];
    for (const frame of frames) {
      check(
        frame.values.length === n,
        NAME,
        () => `frame '${frame.label}' has ${frame.values.length} values, but the first frame has ${n}`,
      );
      for (let i = 0; i < n; i++) {
        records.push({
          frame: frame.label,
          x: 1.5 * v[i],
          y: -Math.sqrt(3) * (u[i] + v[i] / 2),
          value: frame.values[i],
        });
      }
    }
    // Equal pixels per lattice unit on both axes, so the hexagons are regular and tile without gaps.
    const halfWidth = 1.5 * extent + 1;
    const halfHeight = Math.sqrt(3) * (extent + 0.5);
    const pxPerUnit = FRAME_WIDTH_PX / (2 * halfWidth);
    const frameScale = (half: number) => ({
      type: 'quantitative' as const,
      axis: null,
      scale: { domain: [-half, half], nice: false },
    });
    return {
      data: { values: records },
      columns,
      facet: {
        field: 'frame',
        type: 'nominal',
        sort: frames.map((f) => f.label),
        title: null,
        header: { labelFontSize: 10 },
      },
      spec: {
        width: FRAME_WIDTH_PX,
        height: Math.round(2 * halfHeight * pxPerUnit),
        mark: {
          type: 'point',
          shape: HEXAGON,
          filled: true,
          strokeWidth: 0,
          size: (2.04 * pxPerUnit) ** 2,
          opacity: 1,
        },
        encoding: {
          x: { field: 'x', ...frameScale(halfWidth) },
          y: { field: 'y', ...frameScale(halfHeight) },
          color: {
            field: 'value',
            type: 'quantitative',
            title: 'intensity',
            scale: { domain: [0, 1], range: ['black', 'white'], clamp: true },
            legend: { gradientLength: 120 },
          },
        },
      },
    };
  },
});
