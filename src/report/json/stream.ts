/**
 * The JSON report written in pieces: the same text as `JSON.stringify(value, null, 2)`, handed to
 * `write` in chunks of about `chunkChars` characters, so a full listing of a big network (tens of
 * megabytes) never exists as one string and its first bytes leave while the rest is written.
 */

/** How the streamed text is cut. */
export interface StreamOptions {
  /** Characters per chunk handed to `write` (the last one may be shorter). */
  readonly chunkChars?: number;
}

/** The default of `StreamOptions.chunkChars`: 1 MiB of characters. */
export const JSON_CHUNK_CHARS = 1 << 20;

/**
 * Writes `JSON.stringify(value, null, 2)` through `write`, in chunks. Plain data only (what a
 * JSON report holds): objects (any prototype; own enumerable string keys in order), arrays,
 * strings, finite numbers, booleans, null; like JSON.stringify, a non-finite number is `null`,
 * an undefined property is left out and an undefined array entry is `null`.
 * Example: streamJson({ a: [1, 2] }, (s) => out.push(s)) pushes `{\n  "a": [\n    1,\n    2\n  ]\n}`.
 */
export function streamJson(value: unknown, write: (chunk: string) => void, options: StreamOptions = {}): void {
  const limit = options.chunkChars ?? JSON_CHUNK_CHARS;
  let buffer = "";
  const put = (s: string): void => {
    buffer += s;
    if (buffer.length >= limit) {
      write(buffer);
      buffer = "";
    }
  };
  const visit = (v: unknown, indent: string): void => {
    if (typeof v === "number") return put(Number.isFinite(v) ? String(v) : "null");
    if (v === null || typeof v !== "object") return put(JSON.stringify(v) ?? "null");
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return put("[]");
      put("[");
      for (let i = 0; i < v.length; i++) {
        put(i === 0 ? `\n${inner}` : `,\n${inner}`);
        const item: unknown = v[i];
        if (item === undefined || typeof item === "function") put("null");
        else visit(item, inner);
      }
      return put(`\n${indent}]`);
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined || typeof item === "function") continue;
      const head = `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(key)}: `;
      first = false;
      // a flat map's numbers go straight in with their key (the bulk of a big report)
      if (typeof item === "number") put(head + (Number.isFinite(item) ? String(item) : "null"));
      else {
        put(head);
        visit(item, inner);
      }
    }
    put(first ? "{}" : `\n${indent}}`);
  };
  visit(value, "");
  if (buffer.length > 0) write(buffer);
}
