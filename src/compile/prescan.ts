/**
 * Reaction lines scanned ahead by a second thread. Scanning a plain reaction line and reading its
 * rate literals is about half of compiling a large generated file (measured on the 500 000-line
 * torus of bench/check.bench.ts: ~290 ms to scan, ~230 ms to read 10^6 seventeen-digit literals,
 * of ~1.5 s), and it needs nothing the compiler has learnt from earlier lines. So a worker
 * (cli/prescan-worker.ts) runs `prescanLines` over the same text, writing each line's
 * ReactionShape and rate values into a ring of records in shared memory, and the compiler's
 * `forEachStatement` asks `PrescanReader.fill` for each line before scanning it itself.
 *
 * Nothing depends on the worker keeping up: a line whose record is not there yet, or was left out
 * (a longer side or more rates than a record holds, anything that is not a plain reaction), or
 * whose record is for other columns of the text, is scanned by the compiler as before. The
 * record is what the same functions (`lineKind`, `scanReaction`, `readDecimal`) give on the same
 * line, so the network and its diagnostics cannot differ (test/compile/prescan.test.ts compares).
 *
 * The ring: record i % RING_LINES holds line i. The worker writes line i only once the compiler
 * has passed line i − RING_LINES (the compiler's progress, published every 256 lines), so it never
 * writes a record the compiler may still read; it publishes each record by raising `produced`
 * (an atomic store after the record's plain writes, which the compiler's atomic load of
 * `produced` then sees whole).
 */
import { lineKind } from "../syntax/fast-path.js";
import { MAX_SIDE_TERMS, ReactionShape, scanReaction } from "../syntax/fast-reaction.js";
import { indexOrEnd, nextLineStart } from "../syntax/lines.js";
import { readDecimal, type DecimalRead } from "./decimal.js";

/** Lines the worker may run ahead of the compiler (records in the ring). */
export const RING_LINES = 1 << 14;
/** A record holds at most this many terms a side and this many rates; a longer line the compiler scans itself. */
const RECORD_TERMS = 4, RECORD_RATES = 2;

// a record's ints
const LINE_START = 0, LINE_END = 1, STATUS = 2, START = 3, END = 4, LABEL_START = 5, LABEL_END = 6, TWO_WAY = 7, ARROW = 8, AT = 9;
const SIDES = 10, RATE_COUNT = 18, RATES = 19, SIGNIFICANT = 19 + 3 * RECORD_RATES, TERMS = SIGNIFICANT + RECORD_RATES;
const INTS = TERMS + 2 * RECORD_TERMS * 4;
/** STATUS of a record that holds a plain reaction's scan, and of one that also holds its rate values (0: the compiler scans the line itself). */
const SCANNED = 1, WITH_VALUES = 2;

// the control words
const PRODUCED = 0, CONSUMED = 1, STOP = 2;
/** A worker behind the compiler starts again this many lines ahead of it. */
const LEAD = 2048;
/** A worker at least this many lines ahead of the compiler also reads the rate literals. */
const AHEAD = RING_LINES / 4;
/** The compiler publishes its progress every this many lines (a power of two). */
const PUBLISH_EVERY = 256;

/** The shared memory of one prescan: control words, the records' ints and their rate values. */
export interface PrescanBuffers {
  readonly control: SharedArrayBuffer;
  readonly ints: SharedArrayBuffer;
  readonly values: SharedArrayBuffer;
}

export function prescanBuffers(): PrescanBuffers {
  return {
    control: new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT),
    ints: new SharedArrayBuffer(RING_LINES * INTS * Int32Array.BYTES_PER_ELEMENT),
    values: new SharedArrayBuffer(RING_LINES * RECORD_RATES * Float64Array.BYTES_PER_ELEMENT),
  };
}

/**
 * The worker's text, read a stretch at a time: `chunkAt(from)` is the text from `from` to just
 * after the first LF at least CHUNK characters on (or to the end), so no line is split between
 * stretches and the worker never holds the whole text (nor spends ~0.1 s making it before its
 * first line).
 */
export interface PrescanText {
  readonly length: number;
  chunkAt(from: number): string;
}

/** About how many characters of text the worker decodes at a time. */
export const CHUNK = 1 << 16;

/**
 * The worker's side: scans `text` line by line (the line ends of forEachStatement: LF, CR LF, CR)
 * into the ring, skipping lines the compiler has already passed, until the text ends or the
 * compiler says stop. Rate literals are read too on lines at least `ahead` lines ahead of it.
 */
export function prescanLines(text: PrescanText, buffers: PrescanBuffers, ahead = AHEAD): void {
  const control = new Int32Array(buffers.control), ints = new Int32Array(buffers.ints), values = new Float64Array(buffers.values);
  const shape = new ReactionShape();
  const read: DecimalRead = { value: 0, significant: 0 };
  const length = text.length;
  let chunk = "", chunkStart = 0;
  let nextLF = -1, nextCR = -1, skipTo = 0;
  for (let index = 0, lineStart = 0; lineStart <= length; index++) {
    if (lineStart >= chunkStart + chunk.length && lineStart < length) {
      chunk = text.chunkAt(lineStart);
      chunkStart = lineStart;
      nextLF = nextCR = -1;
    }
    // the same line ends as forEachStatement finds, in the stretch's own columns
    const at = lineStart - chunkStart;
    if (nextLF < at) nextLF = indexOrEnd(chunk, "\n", at);
    if (nextCR < at) nextCR = indexOrEnd(chunk, "\r", at);
    const end = Math.min(nextLF, nextCR);
    const start = lineStart;
    lineStart = chunkStart + nextLineStart(end, nextLF, nextCR);
    if (Atomics.load(control, STOP) !== 0) return;
    if (index < skipTo) continue;
    const passed = Atomics.load(control, CONSUMED);
    if (index < passed) {
      skipTo = passed + LEAD;
      continue;
    }
    for (let p = passed; index - p >= RING_LINES; p = Atomics.load(control, CONSUMED)) {
      if (Atomics.load(control, STOP) !== 0) return;
      Atomics.wait(control, CONSUMED, p, 50);
    }
    const slot = index & (RING_LINES - 1), o = slot * INTS;
    ints[o + LINE_START] = start;
    ints[o + LINE_END] = chunkStart + end;
    // the rate literals too, while well ahead of the compiler; closer, they are left to it, so
    // this thread keeps ahead (reading them is ~40% of its time) and the two share the work
    const withValues = index - Atomics.load(control, CONSUMED) >= ahead;
    ints[o + STATUS] = record(chunk.slice(at, end), shape, withValues ? read : null, ints, values, o, slot * RECORD_RATES);
    Atomics.store(control, PRODUCED, index + 1);
  }
}

/**
 * Writes the scan of `line` into the record at `o` (rate values at `v`, read only when `read` is
 * given); its STATUS: 0 when the line is not a plain reaction a record holds.
 */
function record(line: string, shape: ReactionShape, read: DecimalRead | null, ints: Int32Array, values: Float64Array, o: number, v: number): number {
  if (lineKind(line) !== "reaction" || !scanReaction(line, shape)) return 0;
  const rates = shape.rateCount;
  if (rates > RECORD_RATES || shape.sides[3]! > RECORD_TERMS || shape.sides[7]! > RECORD_TERMS) return 0;
  ints[o + START] = shape.start;
  ints[o + END] = shape.end;
  ints[o + LABEL_START] = shape.labelStart;
  ints[o + LABEL_END] = shape.labelEnd;
  ints[o + TWO_WAY] = shape.twoWay ? 1 : 0;
  ints[o + ARROW] = shape.arrowStart;
  ints[o + AT] = shape.at;
  for (let k = 0; k < 8; k++) ints[o + SIDES + k] = shape.sides[k]!;
  for (let side = 0; side < 2; side++) {
    const n = shape.sides[4 * side + 3]!;
    for (let j = 0; j < n; j++) {
      const from = (side * MAX_SIDE_TERMS + j) * 4, to = o + TERMS + (side * RECORD_TERMS + j) * 4;
      for (let k = 0; k < 4; k++) ints[to + k] = shape.terms[from + k]!;
    }
  }
  ints[o + RATE_COUNT] = rates;
  for (let i = 0; i < rates; i++) {
    const start = shape.rates[3 * i]!, end = shape.rates[3 * i + 1]!, kind = shape.rates[3 * i + 2]!;
    ints[o + RATES + 3 * i] = start;
    ints[o + RATES + 3 * i + 1] = end;
    ints[o + RATES + 3 * i + 2] = kind;
    if (kind !== 1 || read === null) continue; // a name's value is the compiler's to look up
    readDecimal(line, start, end, read);
    values[v + i] = read.value;
    ints[o + SIGNIFICANT + i] = read.significant;
  }
  return read === null ? SCANNED : WITH_VALUES;
}

/**
 * The compiler's side: `fill` is forEachStatement's `scanned` (syntax/parse.ts), answering from
 * the ring when the worker has scanned the line already, and publishing the compiler's progress.
 */
export class PrescanReader {
  readonly #control: Int32Array;
  readonly #ints: Int32Array;
  readonly #values: Float64Array;
  /** What the worker had produced when last read (read again only when a line is past it). */
  #produced = 0;
  /** How many lines were taken from the ring (for tests and benchmarks). */
  served = 0;

  constructor(buffers: PrescanBuffers) {
    this.#control = new Int32Array(buffers.control);
    this.#ints = new Int32Array(buffers.ints);
    this.#values = new Float64Array(buffers.values);
  }

  /** Fills `shape` with the scan of line `index` (columns [start, end) of the text) when the ring has it; false when the compiler must scan the line. */
  readonly fill = (index: number, start: number, end: number, shape: ReactionShape): boolean => {
    const control = this.#control;
    if ((index & (PUBLISH_EVERY - 1)) === 0) {
      Atomics.store(control, CONSUMED, index);
      Atomics.notify(control, CONSUMED);
    }
    if (index >= this.#produced && index >= (this.#produced = Atomics.load(control, PRODUCED))) return false;
    const ints = this.#ints, o = (index & (RING_LINES - 1)) * INTS;
    const status = ints[o + STATUS]!;
    if (ints[o + LINE_START] !== start || ints[o + LINE_END] !== end || status === 0) return false;
    shape.start = ints[o + START]!;
    shape.end = ints[o + END]!;
    shape.labelStart = ints[o + LABEL_START]!;
    shape.labelEnd = ints[o + LABEL_END]!;
    shape.twoWay = ints[o + TWO_WAY] === 1;
    shape.arrowStart = ints[o + ARROW]!;
    shape.at = ints[o + AT]!;
    for (let k = 0; k < 8; k++) shape.sides[k] = ints[o + SIDES + k]!;
    for (let side = 0; side < 2; side++) {
      const n = shape.sides[4 * side + 3]!;
      for (let j = 0; j < n; j++) {
        const from = o + TERMS + (side * RECORD_TERMS + j) * 4, to = (side * MAX_SIDE_TERMS + j) * 4;
        for (let k = 0; k < 4; k++) shape.terms[to + k] = ints[from + k]!;
      }
    }
    const rates = ints[o + RATE_COUNT]!, v = (index & (RING_LINES - 1)) * RECORD_RATES, read = status === WITH_VALUES;
    shape.rateCount = rates;
    for (let i = 0; i < rates; i++) {
      for (let k = 0; k < 3; k++) shape.rates[3 * i + k] = ints[o + RATES + 3 * i + k]!;
      if (!read) continue;
      shape.values[i] = this.#values[v + i]!;
      shape.significant[i] = ints[o + SIGNIFICANT + i]!;
    }
    shape.read = read;
    this.served++;
    return true;
  };

  /** Tells the worker to stop (the compiler is done with the text). */
  close(): void {
    Atomics.store(this.#control, STOP, 1);
    Atomics.store(this.#control, CONSUMED, 0x7fffffff);
    Atomics.notify(this.#control, CONSUMED);
  }
}
