/**
 * Reading an observed jump trajectory (docs/trajectories.md, "Formats") into the counts
 * inference needs: jumps per ordered pair of states, the time spent in each state, and the
 * consecutive triples of states (for the Kullback–Leibler bound with memory). Three formats:
 *
 *   CSV with a header naming a `state` column and a `time` (or `dwell`) column, and optionally
 *     `run` (what `ness simulate -o x.csv` writes; other columns are ignored);
 *   `time state` per line, whitespace-separated;
 *   `state` per line: a state sequence without times.
 *
 * A row repeating the previous state is no jump: it extends the dwell (a closing row at the end
 * of observation). Lines that are empty or start with `#` are skipped. The file is scanned as
 * bytes, fields are cut without splitting lines into strings, and a run of 10^7 rows keeps
 * nothing per row, so reading is linear and allocation-free apart from state names.
 */

export interface JumpData {
  readonly names: string[];
  /** False for a state sequence without times: dwell is then all zero and time 0. */
  readonly hasTimes: boolean;
  readonly dwell: number[];
  /** Total observed time, summed over runs. */
  time: number;
  jumps: number;
  /** Jumps i → j, keyed i·2^16 + j. */
  readonly pairs: Map<number, number>;
  /** Consecutive jumps i → j → k, keyed (i·2^16 + j)·2^16 + k. */
  readonly triples: Map<number, number>;
  runs: number;
  /** Rows without times that repeated the previous state (not jumps). */
  repeats: number;
  /** The reaction label a jump i → j carried in the file (CSV `reaction` column), keyed like pairs. */
  readonly labels: Map<number, string>;
}

export const KEY = 65536;

export function emptyJumpData(names: readonly string[], hasTimes: boolean): JumpData {
  return { names: [...names], hasTimes, dwell: names.map(() => 0), time: 0, jumps: 0, pairs: new Map(), triples: new Map(), runs: 0, repeats: 0, labels: new Map() };
}

export interface TrajectoryError {
  readonly line: number;
  readonly column: number | null;
  readonly message: string;
}

export type ReadTrajectory = { readonly ok: true; readonly data: JumpData; readonly format: string } | { readonly ok: false; readonly error: TrajectoryError };

export interface ReadOptions {
  /** When given, every state must be one of these (a model's states); else states are as met. */
  readonly states?: readonly string[];
  /** Lumping by the observer: a state's name → the name of the lump it is seen as. */
  readonly lump?: ReadonlyMap<string, string>;
}

type Format = { kind: "csv"; time: number; dwell: number; state: number; run: number; reaction: number; columns: number } | { kind: "time-state" } | { kind: "sequence" };

const NL = 10, CR = 13, HASH = 35, COMMA = 44, SPACE = 32, TAB = 9;

/** Reads a trajectory from its bytes (or text). */
export function readTrajectory(input: Uint8Array | string, options: ReadOptions = {}): ReadTrajectory {
  const buf = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const decoder = new TextDecoder();
  const text = (a: number, b: number) => decoder.decode(buf.subarray(a, b));
  const known = options.states ? new Set(options.states) : null;
  const names: string[] = [];
  const index = new Map<string, number>();
  let format: Format | null = null;
  let data: JumpData | null = null;
  const starts = new Int32Array(64), ends = new Int32Array(64);
  let lineNo = 0;
  let prevState = -1, prevPrev = -1, prevTime = 0, prevRun = 0;
  const error = (line: number, column: number | null, message: string): ReadTrajectory => ({ ok: false, error: { line, column, message } });

  const densePairs = new Float64Array(DENSE * DENSE), denseTriples = new Float64Array(DENSE * DENSE * DENSE);
  const byHash = new Map<number, { bytes: Uint8Array; state: number }>();
  let runBytes: Uint8Array | null = null;
  let runCounter = 0;
  /** The index of a state met by name (−1: not one of the model's), added when new. */
  const lookUp = (raw: string, h: number, bytes: Uint8Array): number => {
    if (known && !known.has(raw)) return -1;
    const name = options.lump?.get(raw) ?? raw;
    let s = index.get(name);
    if (s === undefined) {
      if (names.length >= KEY - 1) return TOO_MANY;
      s = names.length;
      names.push(name);
      index.set(name, s);
      data?.names.push(name);
      data?.dwell.push(0);
    }
    byHash.set(h, { bytes, state: s });
    return s;
  };
  let pos = 0, lineStart = 0;
  const n = buf.length;
  // made once, not per line: closures per line cost more than the line
  const field = (i: number) => text(starts[i] ?? 0, ends[i] ?? 0);
  const col = (i: number) => (starts[i] ?? 0) - lineStart + 1;
  while (pos < n) {
    lineNo++;
    let end = pos;
    while (end < n && buf[end] !== NL) end++;
    const next = end + 1;
    let stop = end;
    if (stop > pos && buf[stop - 1] === CR) stop--;
    let a = pos;
    while (a < stop && (buf[a] === SPACE || buf[a] === TAB)) a++;
    lineStart = pos;
    pos = next;
    if (a === stop || buf[a] === HASH) continue;
    // cut the fields
    let count = 0;
    const csv = format === null ? buf.subarray(a, stop).includes(COMMA) : format.kind === "csv";
    if (csv) {
      let s = a;
      for (let k = a; k <= stop; k++) {
        if (k === stop || buf[k] === COMMA) {
          if (count < 64) {
            let x = s, y = k;
            while (x < y && (buf[x] === SPACE || buf[x] === TAB)) x++;
            while (y > x && (buf[y - 1] === SPACE || buf[y - 1] === TAB)) y--;
            starts[count] = x;
            ends[count] = y;
          }
          count++;
          s = k + 1;
        }
      }
    } else {
      let k = a;
      while (k < stop) {
        while (k < stop && (buf[k] === SPACE || buf[k] === TAB)) k++;
        if (k >= stop) break;
        const s = k;
        while (k < stop && buf[k] !== SPACE && buf[k] !== TAB) k++;
        if (count < 64) {
          starts[count] = s;
          ends[count] = k;
        }
        count++;
      }
    }
    if (format === null) {
      if (csv) {
        const header = Array.from({ length: Math.min(count, 64) }, (_, i) => field(i).toLowerCase());
        const at = (name: string) => header.indexOf(name);
        if (at("state") < 0) {
          const why = at("time") >= 0 ? "it has no 'state' column (counts of a mass-action run are not a jump trajectory of states)" : "its header names no 'state' column";
          return error(lineNo, 1, `not a jump trajectory: ${why}`);
        }
        if (at("time") < 0 && at("dwell") < 0) return error(lineNo, 1, "the header names neither a 'time' nor a 'dwell' column");
        format = { kind: "csv", time: at("time"), dwell: at("dwell"), state: at("state"), run: at("run"), reaction: at("reaction"), columns: count };
        data = emptyJumpData(names, true);
        continue;
      }
      if (count === 2) format = { kind: "time-state" };
      else if (count === 1) format = { kind: "sequence" };
      else return error(lineNo, 1, `expected 'time state' or one state per line, found ${count} fields`);
      data = emptyJumpData(names, format.kind !== "sequence");
    }
    if (data === null) break;
    let stateField: number, timeValue = NaN, dwellValue = NaN;
    if (format.kind === "csv") {
      if (count !== format.columns) return error(lineNo, null, `${count} fields where the header has ${format.columns}`);
      stateField = format.state;
      if (format.time >= 0) {
        timeValue = parseNumber(buf, starts[format.time] ?? 0, ends[format.time] ?? 0);
        if (Number.isNaN(timeValue)) return error(lineNo, col(format.time), `'${field(format.time)}' is not a time`);
      } else {
        dwellValue = parseNumber(buf, starts[format.dwell] ?? 0, ends[format.dwell] ?? 0);
        if (Number.isNaN(dwellValue)) return error(lineNo, col(format.dwell), `'${field(format.dwell)}' is not a dwell time`);
        if (dwellValue < 0) return error(lineNo, col(format.dwell), `negative dwell ${field(format.dwell)}: a state is held for a time ≥ 0`);
      }
    } else if (format.kind === "time-state") {
      if (count !== 2) return error(lineNo, null, `expected 'time state', found ${count} fields`);
      timeValue = parseNumber(buf, starts[0] ?? 0, ends[0] ?? 0);
      if (Number.isNaN(timeValue)) return error(lineNo, col(0), `'${field(0)}' is not a time`);
      stateField = 1;
    } else {
      if (count !== 1) return error(lineNo, null, `expected one state per line (a sequence without times), found ${count} fields`);
      stateField = 0;
    }
    if (!Number.isFinite(timeValue) && !Number.isNaN(timeValue)) return error(lineNo, col(0), "the time is not finite");
    // a state's bytes are hashed and compared with the bytes of the state last met with that
    // hash, so a known state costs no string; only a new (or colliding) one is decoded
    const fa = starts[stateField] ?? 0, fb = ends[stateField] ?? 0;
    let h = 0x811c9dc5;
    for (let k = fa; k < fb; k++) h = Math.imul(h ^ (buf[k] ?? 0), 16777619);
    h = (h ^ (fb - fa)) >>> 0;
    let s = -1;
    const hit = byHash.get(h);
    if (hit !== undefined && sameBytes(buf, fa, fb, hit.bytes)) s = hit.state;
    if (s < 0) s = lookUp(field(stateField), h, buf.slice(fa, fb));
    if (s === TOO_MANY) return error(lineNo, col(stateField), `more than ${KEY - 1} distinct states`);
    if (s < 0) {
      const raw = field(stateField);
      return error(lineNo, col(stateField), `unknown state '${raw}' (the model's states: ${preview(options.states ?? [])})`);
    }
    if (format.kind === "csv" && format.run >= 0) {
      const ra = starts[format.run] ?? 0, rb = ends[format.run] ?? 0;
      if (!sameBytes(buf, ra, rb, runBytes)) {
        runBytes = buf.slice(ra, rb);
        runCounter++;
      }
    }
    const newRun = prevState < 0 || (format.kind === "csv" && format.run >= 0 && runCounter !== prevRun);
    if (newRun) {
      data.runs++;
      prevRun = runCounter;
      prevState = s;
      prevPrev = -1;
      if (!Number.isNaN(timeValue)) prevTime = timeValue;
      if (!Number.isNaN(dwellValue)) {
        data.dwell[s] = (data.dwell[s] ?? 0) + dwellValue;
        data.time += dwellValue;
      }
      continue;
    }
    if (!Number.isNaN(timeValue)) {
      if (timeValue < prevTime) return error(lineNo, col(format.kind === "csv" ? format.time : 0), `time ${field(format.kind === "csv" ? format.time : 0)} is before the previous row's ${prevTime}: times must not decrease within a run`);
      const dt = timeValue - prevTime;
      data.dwell[prevState] = (data.dwell[prevState] ?? 0) + dt;
      data.time += dt;
      prevTime = timeValue;
    }
    if (!Number.isNaN(dwellValue)) {
      data.dwell[s] = (data.dwell[s] ?? 0) + dwellValue;
      data.time += dwellValue;
    }
    if (s === prevState) {
      if (!data.hasTimes) data.repeats++;
      continue;
    }
    const key = prevState * KEY + s;
    // few states: counted in dense arrays (a Map update per row costs more than the rest of it)
    if (s < DENSE && prevState < DENSE) {
      const d = prevState * DENSE + s;
      densePairs[d] = (densePairs[d] ?? 0) + 1;
      if (prevPrev >= 0 && prevPrev < DENSE) {
        const t = prevPrev * DENSE * DENSE + d;
        denseTriples[t] = (denseTriples[t] ?? 0) + 1;
      } else if (prevPrev >= 0) bump(data.triples, key + prevPrev * KEY * KEY);
    } else {
      bump(data.pairs, key);
      if (prevPrev >= 0) bump(data.triples, key + prevPrev * KEY * KEY);
    }
    if (format.kind === "csv" && format.reaction >= 0 && !data.labels.has(key)) {
      const label = field(format.reaction);
      if (label !== "") data.labels.set(key, label);
    }
    data.jumps++;
    prevPrev = prevState;
    prevState = s;
  }
  if (data !== null) {
    for (let d = 0; d < densePairs.length; d++) {
      const v = densePairs[d] ?? 0;
      if (v > 0) data.pairs.set(Math.floor(d / DENSE) * KEY + (d % DENSE), (data.pairs.get(Math.floor(d / DENSE) * KEY + (d % DENSE)) ?? 0) + v);
    }
    for (let t = 0; t < denseTriples.length; t++) {
      const v = denseTriples[t] ?? 0;
      if (v === 0) continue;
      const i = Math.floor(t / (DENSE * DENSE)), j = Math.floor(t / DENSE) % DENSE, k = t % DENSE;
      bump(data.triples, (i * KEY + j) * KEY + k, v);
    }
  }
  if (data === null || data.runs === 0) return error(Math.max(1, lineNo), null, "empty: no rows of a trajectory");
  if (data.jumps === 0) return error(lineNo, null, `no jumps: the trajectory stays in '${data.names[prevState] ?? "?"}'`);
  const kind = format?.kind === "csv" ? "CSV" : format?.kind === "time-state" ? "time state" : "state sequence";
  return { ok: true, data, format: kind };
}

const TOO_MANY = -3;
/** States below this index are counted in dense arrays while reading. */
const DENSE = 48;

function bump(m: Map<number, number>, key: number, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

function sameBytes(buf: Uint8Array, a: number, b: number, bytes: Uint8Array | null): boolean {
  if (bytes === null || bytes.length !== b - a) return false;
  for (let k = 0; k < bytes.length; k++) if (buf[a + k] !== bytes[k]) return false;
  return true;
}

function preview(names: readonly string[]): string {
  return names.length <= 8 ? names.join(", ") : `${names.slice(0, 8).join(", ")}, …`;
}

/**
 * A decimal number from bytes [a, b): digits, an optional sign, point and exponent, as the
 * nearest double when the mantissa has at most 15 significant digits and the power of ten is
 * exact (|e| ≤ 22); anything else (more digits, `Infinity`, hex) goes through Number(). NaN when
 * it is not a number.
 */
export function parseNumber(buf: Uint8Array, a: number, b: number): number {
  let k = a, neg = false;
  if (k < b && (buf[k] === 45 || buf[k] === 43)) neg = buf[k++] === 45;
  const acc = { mant: 0, digits: 0, scale: 0, any: false, exact: true };
  k = digitRun(buf, k, b, acc, false);
  if (k < b && buf[k] === 46) k = digitRun(buf, k + 1, b, acc, true);
  const { mant, any } = acc;
  let scale = acc.scale;
  if (!acc.exact) return slow(buf, a, b);
  if (!any) return slow(buf, a, b);
  if (k < b && (buf[k] === 101 || buf[k] === 69)) {
    k++;
    let eneg = false, e = 0, edigits = 0;
    if (k < b && (buf[k] === 45 || buf[k] === 43)) eneg = buf[k++] === 45;
    while (k < b && (buf[k] ?? 0) >= 48 && (buf[k] ?? 0) <= 57 && edigits < 5) {
      e = e * 10 + ((buf[k] ?? 0) - 48);
      k++;
      edigits++;
    }
    if (edigits === 0) return NaN;
    scale += eneg ? -e : e;
  }
  if (k !== b) return slow(buf, a, b);
  let v: number;
  if (scale === 0) v = mant;
  else if (scale > 0 && scale <= 22) v = mant * (POW10[scale] ?? 1);
  else if (scale < 0 && scale >= -22) v = mant / (POW10[-scale] ?? 1);
  else return slow(buf, a, b);
  return neg ? -v : v;
}

/** Reads digits from k into acc (after the point: each one lowers the scale); returns where they stop. */
function digitRun(buf: Uint8Array, k: number, b: number, acc: { mant: number; digits: number; scale: number; any: boolean; exact: boolean }, fraction: boolean): number {
  for (; k < b; k++) {
    const c = buf[k] ?? 0;
    if (c < 48 || c > 57) break;
    acc.any = true;
    if (acc.digits < 15) {
      acc.mant = acc.mant * 10 + (c - 48);
      if (acc.mant > 0) acc.digits++;
      if (fraction) acc.scale--;
    } else {
      // past 15 digits only zeros keep the fast path exact
      if (c !== 48) acc.exact = false;
      if (!fraction) acc.scale++;
    }
  }
  return k;
}

const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

function slow(buf: Uint8Array, a: number, b: number): number {
  const s = new TextDecoder().decode(buf.subarray(a, b));
  return s.trim() === "" ? NaN : Number(s);
}
