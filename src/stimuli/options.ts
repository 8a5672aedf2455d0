/**
 * Fills an options object from declared defaults: undefined fields take the default and unknown
 * keys are rejected by name (so a typo never falls back silently to a default).
 */
export function resolveOptions<T extends object>(fn: string, defaults: T, options: Partial<T>): T {
  const accepted = Object.keys(defaults);
  for (const key of Object.keys(options)) {
    if (!accepted.includes(key)) {
      throw new Error(`Error in ${fn}: unknown option '${key}'. Accepted: ${accepted.join(', ')}`);
    }
  }
  const resolved = { ...defaults };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  return resolved;
}

/** Throws "Error in fn: expected …, got …" unless `ok`; the message is built only on failure. */
export function check(ok: boolean, fn: string, message: () => string): void {
  if (!ok) throw new Error(`Error in ${fn}: ${message()}`);
}
