/** The ArrayBuffers of every typed array in a message (nested in objects), to transfer instead of copy. */
export function transferables(message: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
      return;
    }
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  visit(message, 0);
  return [...found];
}
