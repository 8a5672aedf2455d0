import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** Where the MPI-Sintel images are expected, for error messages. */
export const SINTEL_LAYOUT =
  '<dir>/training/final/<scene>/frame_0001.png, frame_0002.png, … (MPI-Sintel training set)';

export interface SintelScene {
  name: string;
  /** Image files in sorted order. */
  framePaths: string[];
}

/** The scenes under <dir>/training/final in sorted name order, each with its sorted PNG files. */
export function listSintelScenes(dir: string): SintelScene[] {
  const finalDir = join(dir, 'training', 'final');
  if (!existsSync(finalDir) || !statSync(finalDir).isDirectory()) {
    throw new Error(`Error in listSintelScenes: no folder ${finalDir}; expected the layout ${SINTEL_LAYOUT}`);
  }
  const scenes = readdirSync(finalDir)
    .filter((name) => statSync(join(finalDir, name)).isDirectory())
    .sort()
    .map((name) => ({
      name,
      framePaths: readdirSync(join(finalDir, name))
        .filter((file) => file.toLowerCase().endsWith('.png'))
        .sort()
        .map((file) => join(finalDir, name, file)),
    }))
    .filter((scene) => scene.framePaths.length > 0);
  if (scenes.length === 0) {
    throw new Error(
      `Error in listSintelScenes: no scene folders with PNG images in ${finalDir}; expected ${SINTEL_LAYOUT}`,
    );
  }
  return scenes;
}

export interface LuminanceImage {
  height: number;
  width: number;
  /** height × width luminance in [0, 1], row-major. */
  data: Float32Array;
}

/**
 * Reads a PNG as PIL's "L" mode does, divided by 255: ITU-R 601 luma in 8-bit integers,
 * L = (19595·R + 38470·G + 7471·B + 32768) >> 16 (Pillow's fixed-point 0.299/0.587/0.114 with
 * rounding). Alpha is ignored; grey and palette images go through pngjs's RGBA expansion.
 */
export function readLuminancePng(path: string): LuminanceImage {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(path));
  } catch (e) {
    throw new Error(`Error in readLuminancePng: cannot read ${path} as PNG: ${(e as Error).message}`);
  }
  const { width, height, data: rgba } = png;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const luma = (19595 * rgba[4 * i] + 38470 * rgba[4 * i + 1] + 7471 * rgba[4 * i + 2] + 32768) >> 16;
    data[i] = luma / 255;
  }
  return { height, width, data };
}
