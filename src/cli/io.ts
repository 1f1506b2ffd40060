/**
 * The CLI's contact with the outside: where output goes, reading files, finding network files
 * below folders, and loading a network from `.crn` or SBML (`.xml`, `.sbml`).
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { compile, type CompileResult } from "../compile/index.js";
import type { Network, ParameterValue } from "../network/types.js";
import { CODES, formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { importSbml } from "../sbml/import.js";
import { decodeUtf8 } from "./decode.js";
import { PRESCAN_BYTES, startPrescan } from "./prescan.js";
import { EXIT, type Io, type Values } from "./streams.js";

export { EXIT, quietOnClosedPipe, type Io, type Values } from "./streams.js";

export const SBML_EXTENSIONS: ReadonlySet<string> = new Set([".xml", ".sbml"]);

/** A file's text; for a large Latin-1 one also its bytes in shared memory, which loadNetwork scans ahead on a second thread (cli/prescan.ts). */
export type ReadResult = { ok: true; text: string; shared?: Uint8Array } | { ok: false; message: string };

export function readText(path: string): ReadResult {
  try {
    // the bytes (a large network file's in shared memory), then decoded (decode.ts: an ASCII or
    // Latin-1 text becomes a string outside V8's heap, and its bytes can go to the prescan thread)
    const bytes = readBytes(path, (size) => size >= PRESCAN_BYTES && !SBML_EXTENSIONS.has(extname(path).toLowerCase()));
    const { text, latin1 } = decodeUtf8(bytes);
    return latin1 !== null && latin1.buffer instanceof SharedArrayBuffer ? { ok: true, text, shared: latin1 } : { ok: true, text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return { ok: false, message: `${path}: cannot read: ${why}` };
  }
}

/** A file's bytes; in shared memory when `share(size)` says so (read straight into it, no copy). */
function readBytes(path: string, share: (size: number) => boolean): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || !share(st.size)) return readFileSync(fd);
    const out = new Uint8Array(new SharedArrayBuffer(st.size));
    let n = 0;
    for (let k = 1; n < out.length && k > 0; n += k) k = readSync(fd, out, n, out.length - n, null);
    // a file that grew while it was read is read again, plainly
    return n < out.length ? out.subarray(0, n) : readSync(fd, new Uint8Array(1), 0, 1, null) > 0 ? readFileSync(path) : out;
  } finally {
    closeSync(fd);
  }
}

/**
 * Expands the paths of `ness check`: a file stands for itself, a folder for every `.crn` below it
 * (sorted, so output is stable). Unreadable paths are returned apart.
 */
export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return { files, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && extname(e.name) === ".crn") out.push(p);
  }
  return out;
}

export interface Loaded extends CompileResult {
  /** Every text a diagnostic may point into, by the file name its spans carry. */
  readonly texts: ReadonlyMap<string, string>;
  /** For SBML input: the network text it was converted to. */
  readonly converted?: string;
}

/** Compiles a `.crn` file, or imports an SBML file and compiles what it becomes. */
/**
 * Recompiles the text `path` was loaded from (for SBML, the network text it was converted to)
 * with some values replaced (the compiler's `overrides`); the first error's message when that does not compile.
 */
export function recompiler(path: string, text: string, converted?: string): (values: readonly ParameterValue[]) => Network | string {
  const source = SBML_EXTENSIONS.has(extname(path).toLowerCase()) && converted !== undefined ? { text: converted, file: `${path} (imported)` } : { text, file: path };
  return (values) => {
    const result = compile(source.text, source.file, { overrides: new Map(values.map((v) => [v.name, v.value])) });
    if (result.network !== null && !hasErrors(result.diagnostics)) return result.network;
    return result.diagnostics.find((d) => d.severity === "error")?.message ?? "it does not compile";
  };
}

/** `shared`: the text's Latin-1 bytes in shared memory (readText's), scanned ahead on a second thread while it compiles. */
export function loadNetwork(path: string, text: string, shared?: Uint8Array): Loaded {
  if (!SBML_EXTENSIONS.has(extname(path).toLowerCase())) {
    const prescan = shared === undefined ? null : startPrescan(shared);
    try {
      return { ...compile(text, path, prescan === null ? {} : { scanned: prescan.reader.fill }), texts: new Map([[path, text]]) };
    } finally {
      prescan?.close();
    }
  }
  const imported = importSbml(text, path);
  if (imported.text === null) return { network: null, diagnostics: imported.diagnostics, texts: new Map([[path, text]]) };
  const convertedName = `${path} (imported)`;
  const compiled = compile(imported.text, convertedName);
  const diagnostics: Diagnostic[] = [...imported.diagnostics, ...compiled.diagnostics.map((d) => (d.severity === "error" ? { ...d, code: CODES.sbmlInvalid } : d))];
  return { network: compiled.network, diagnostics, texts: new Map([[path, text], [convertedName, imported.text]]), converted: imported.text };
}

/** Diagnostics in file order, each with its source line and caret. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  return sortDiagnostics(diagnostics).map((d) => formatDiagnostic(d, d.span ? texts.get(d.span.file) : undefined)).join("");
}

/** Writes a command's text to -o OUT, or to standard output; an unwritable OUT is exit status 2. */
export function emitText(text: string, values: Values, command: string, io: Io): number {
  const out = values.output;
  if (typeof out !== "string") {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    writeFileSync(out, text);
    return EXIT.ok;
  } catch (e) {
    io.stderr(`ness ${command}: cannot write ${out}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
}
