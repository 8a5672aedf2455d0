import { boxEyeGeometry, renderBoxEye } from './boxEye.ts';
import { listSintelScenes, readLuminancePng, type LuminanceImage, type SintelScene } from './sintelFiles.ts';

/**
 * MPI-Sintel luminance rendered as flyvis's RenderedSintel does (MODEL_SPEC §4.6 steps 1–4):
 * images 2…N of each scene, centre crop to int(0.7·W), vertical splits of width
 * 391 + 2·13 = 417, BoxEye "mean" per split.
 */
export interface SintelRenderOptions {
  /** @default 15 */
  extent: number;
  /** @default 3 */
  nSplits: number;
  /** @default 0.7 */
  centerCropFraction: number;
}

export const SINTEL_RENDER_DEFAULTS: SintelRenderOptions = {
  extent: 15,
  nSplits: 3,
  centerCropFraction: 0.7,
};

export interface SintelSequence {
  /** flyvis name, e.g. sequence_00_alley_1_split_00. */
  name: string;
  scene: string;
  sceneIndex: number;
  split: number;
  nFrames: number;
  /** nFrames × nHexals luminance. */
  frames: Float32Array;
}

/** Column ranges [start, start + width) of the splits inside an image of the given width. */
export function sintelSplitColumns(imageWidth: number, options: SintelRenderOptions) {
  const geometry = boxEyeGeometry(options.extent);
  const width = geometry.minFrameSize + 2 * geometry.kernelSize;
  const cropWidth = Math.trunc(options.centerCropFraction * imageWidth);
  // torchvision center_crop: left = round((W − w)/2), Python rounding (half to even).
  const cropLeft = roundHalfEven((imageWidth - cropWidth) / 2);
  if (cropWidth < width) {
    throw new Error(
      `Error in sintelSplitColumns: the centre crop (${cropWidth} px of ${imageWidth}) must be at least one split wide (${width} px)`,
    );
  }
  const n = options.nSplits;
  const overlap = n > 1 ? Math.ceil((n * width - cropWidth) / (n - 1)) : 0;
  return Array.from({ length: n }, (_, j) => ({ start: cropLeft + j * (width - overlap), width }));
}

/** The scenes with at least minFrames frames (images − 1), in sorted order with their index. */
export function usableSintelScenes(
  dir: string,
  minFrames: number,
): { scene: SintelScene; sceneIndex: number }[] {
  return listSintelScenes(dir)
    .map((scene, sceneIndex) => ({ scene, sceneIndex }))
    .filter(({ scene }) => scene.framePaths.length - 1 >= minFrames);
}

/** Renders one scene into its nSplits sequences; images are decoded one at a time. */
export function renderSintelScene(
  scene: SintelScene,
  sceneIndex: number,
  options: SintelRenderOptions = SINTEL_RENDER_DEFAULTS,
): SintelSequence[] {
  const paths = scene.framePaths.slice(1);
  const nHexals = boxEyeGeometry(options.extent).nHexals;
  const frames = Array.from({ length: options.nSplits }, () => new Float32Array(paths.length * nHexals));
  let size: [number, number] | undefined;
  paths.forEach((path, f) => {
    const image = readLuminancePng(path);
    size ??= [image.height, image.width];
    if (image.height !== size[0] || image.width !== size[1]) {
      throw new Error(
        `Error in renderSintelScene: ${path} is ${image.height} × ${image.width}, but the scene's first image is ${size[0]} × ${size[1]}`,
      );
    }
    sintelSplitColumns(image.width, options).forEach((columns, split) => {
      const crop = cropColumns(image, columns.start, columns.width);
      frames[split].set(
        renderBoxEye(crop, 1, image.height, columns.width, { extent: options.extent }),
        f * nHexals,
      );
    });
  });
  return frames.map((data, split) => ({
    name: `sequence_${String(sceneIndex).padStart(2, '0')}_${scene.name}_split_${String(split).padStart(2, '0')}`,
    scene: scene.name,
    sceneIndex,
    split,
    nFrames: paths.length,
    frames: data,
  }));
}

function cropColumns(image: LuminanceImage, start: number, width: number): Float32Array {
  const out = new Float32Array(image.height * width);
  for (let r = 0; r < image.height; r++) {
    out.set(image.data.subarray(r * image.width + start, r * image.width + start + width), r * width);
  }
  return out;
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
