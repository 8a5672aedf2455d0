/** Reading parameter vectors from JSON text, including files written by Python's `json` module. */

const NON_FINITE = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity } as const;
const MARK = '@flyaux-non-finite:';

/**
 * JSON.parse that also accepts the bare `NaN`, `Infinity` and `-Infinity` values Python writes,
 * so that validation can name the offending parameter instead of failing on the syntax.
 */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const marked = text.replace(
      /([[,:]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g,
      (_, before, word) => `${before}"${MARK}${word}"`,
    );
    if (marked !== text) {
      try {
        return JSON.parse(marked, (_key, value) =>
          typeof value === 'string' && value.startsWith(MARK)
            ? NON_FINITE[value.slice(MARK.length) as keyof typeof NON_FINITE]
            : value,
        );
      } catch {
        // Report the original error below.
      }
    }
    throw new Error(
      `Error in parseJsonText: ${source} is not valid JSON (truncated or corrupted?): ${(first as Error).message}`,
    );
  }
}

/** Converts a JSON array of numbers to float32; `null` (how JSON.stringify writes NaN) becomes NaN. */
export function toFloat32Vector(value: unknown, field: string, source: string): Float32Array {
  if (!Array.isArray(value)) {
    throw new Error(`Error in ${source}: '${field}' must be an array of numbers, but is ${describe(value)}`);
  }
  return Float32Array.from(value, (x: unknown, i) => {
    if (x === null) return NaN;
    if (typeof x !== 'number')
      throw new Error(`Error in ${source}: ${field}[${i}] must be a number, but is ${describe(x)}`);
    return x;
  });
}

function describe(x: unknown): string {
  return x === undefined ? 'missing' : JSON.stringify(x).slice(0, 40);
}
