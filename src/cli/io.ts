/**
 * The CLI's contact with the outside: where output goes, reading files, finding network files
 * below folders, and loading a network from `.crn` or SBML (`.xml`, `.sbml`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
    // the bytes, then decoded (decode.ts: an ASCII or Latin-1 text becomes a string outside V8's heap)
    const bytes = readFileSync(path);
    const { text, shared } = decodeUtf8(bytes, bytes.length >= PRESCAN_BYTES && !SBML_EXTENSIONS.has(extname(path).toLowerCase()));
    return shared === null ? { ok: true, text } : { ok: true, text, shared };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return { ok: false, message: `${path}: cannot read: ${why}` };
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
