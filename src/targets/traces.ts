import type { ProtocolData } from './types.ts';

/** Index helpers for central traces (sample, frame, type) in a tape whose inputs start at `first`. */
export function traceIndex(data: ProtocolData, first: number) {
  const { nFrames, nTypes } = data;
  return (sample: number, frame: number, type: number) => first + (sample * nFrames + frame) * nTypes + type;
}

/** Frames after the grey period, [onset, nFrames). */
export function stimulusFrames(data: ProtocolData): number[] {
  return Array.from({ length: data.nFrames - data.onsetFrame }, (_, k) => data.onsetFrame + k);
}

export function requireProtocol(
  data: ProtocolData | undefined,
  name: string,
  protocol: string,
): ProtocolData {
  if (!data || data.protocol !== protocol) {
    throw new Error(
      `Error in target ${name}: needs the '${protocol}' protocol, got '${data?.protocol ?? 'none'}'`,
    );
  }
  return data;
}
