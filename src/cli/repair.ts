/**
 * `ness repair FILE [-o OUT] [--fix LABEL,...] [--weight LABEL=W,...]`: the network with the
 * nearest thermodynamically consistent rate constants (docs/balance.md, "Repair"): least squares
 * in ln k, Σ_r w_r (Δ ln k_r)², subject to zero affinity on every cycle, fixed reactions kept.
 *
 * The output is the input text with only the changed constants replaced, where they were written
 * (a param's name or an expression is replaced by the new literal at that use: the param itself
 * is left as it is, for its other uses), each changed line ending in `# repaired: kf OLD → NEW
 * (×FACTOR)`. SBML input is imported first and the imported text is repaired. The output is
 * compiled and judged again before it is written: it must check as balanced.
 */
import { analyzeBalance, nearestConsistentConstants, type Repair, type RepairOptions } from "../analysis/balance/index.js";
import { analyzeStructure } from "../analysis/structure/index.js";
import type { Structure } from "../analysis/structure/types.js";
import { compile } from "../compile/index.js";
import { formatDouble, spliceConstants, type ConstantEdit } from "../compile/rewrite.js";
import { suggest } from "../compile/suggest.js";
import { hasErrors } from "../diagnostics.js";
import type { Network, RateConstant, Reaction } from "../network/types.js";
import { usage } from "./help.js";
import { EXIT, emitText, formatDiagnostics, loadNetwork, readText, type Io, type Values } from "./io.js";

export function runRepair(paths: readonly string[], values: Values, io: Io): number {
  const [path] = paths;
  if (paths.length !== 1 || path === undefined) return usage(io, "repair", paths.length === 0 ? "name one network file" : "name only one network file");
  const read = readText(path);
  if (!read.ok) {
    io.stderr(`ness repair: ${read.message}\n`);
    return EXIT.usage;
  }
  const loaded = loadNetwork(path, read.text, read.shared);
  io.stderr(formatDiagnostics(loaded.diagnostics, loaded.texts));
  const network = loaded.network;
  if (!network || hasErrors(loaded.diagnostics)) return EXIT.failed;
  const source = loaded.converted ?? read.text;
  const options = repairOptions(values, network, io);
  if ("status" in options) return options.status;

  const structure = analyzeStructure(network);
  if (analyzeBalance(network, structure).verdict === "holds") {
    io.stderr(`ness repair: ${path}: detailed balance already holds; written unchanged\n`);
    return emitText(source, values, "repair", io);
  }
  const repair = nearestConsistentConstants(network, structure, options);
  const stuck = oneWayOnCycles(network, structure, repair);
  if (stuck.length > 0) {
    io.stderr(
      `ness repair: ${path}: cannot repair: the one-way reaction${stuck.length > 1 ? "s" : ""} ${list(stuck)} lie${stuck.length > 1 ? "" : "s"} on cycles, ` +
        "which no choice of rate constants balances (a one-way reaction has no reverse to balance it); give each a reverse constant (<->) first\n",
    );
    return EXIT.failed;
  }
  if (!repair.feasible) {
    const built = network.thermodynamics?.constructed.some((b) => b) === true;
    const why = [values.fix !== undefined ? `--fix ${String(values.fix)}` : "", built ? "reactions built from energies keep their constants; a drive by the reservoirs is changed through their energies or concentrations" : ""].filter((x) => x !== "").join("; ");
    io.stderr(`ness repair: ${path}: cannot repair: a driven cycle runs through fixed reactions only (${why})\n`);
    return EXIT.failed;
  }
  if (repair.reactions.length === 0) {
    io.stderr(`ness repair: ${path}: every cycle is already balanced; nothing to repair, written unchanged\n${oneWayNote(network, repair)}`);
    return emitText(source, values, "repair", io);
  }
  const output = spliceConstants(source, edits(network, source, repair));
  const verified = verify(output, network.source);
  if (verified !== null) {
    io.stderr(`ness repair: internal error: the repaired network ${verified}\nplease report this with the input file\n`);
    return EXIT.failed;
  }
  io.stderr(summary(network, repair));
  return emitText(output, values, "repair", io);
}

/** `--fix r1,r2` (repeatable) and `--weight r1=10,r2=0.5` (repeatable) as reaction indices. */
function repairOptions(values: Values, network: Network, io: Io): RepairOptions | { status: number } {
  const labels = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []).flatMap((s: string) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  const index = (label: string): number | string => {
    const r = network.reactionIndex.get(label);
    if (r !== undefined) return r;
    const guess = suggest(label, network.reactionIndex.keys());
    return `no reaction is labelled '${label}'${guess ? `; did you mean '${guess}'?` : ""}`;
  };
  const fixed: number[] = [];
  for (const label of labels(values.fix)) {
    const r = index(label);
    if (typeof r === "string") return { status: usage(io, "repair", `--fix: ${r}`) };
    fixed.push(r);
  }
  const weights: number[] = network.reactions.map(() => 1);
  for (const item of labels(values.weight)) {
    const m = /^(.+?)=(.+)$/.exec(item);
    const w = m ? Number(m[2]) : NaN;
    if (!m || !(w > 0) || !Number.isFinite(w)) return { status: usage(io, "repair", `--weight: '${item}' is not LABEL=W with W a number > 0`) };
    const r = index((m[1] ?? "").trim());
    if (typeof r === "string") return { status: usage(io, "repair", `--weight: ${r}`) };
    weights[r] = w;
  }
  // a reaction built from energies keeps its constants: they follow from the energies (change those)
  network.thermodynamics?.constructed.forEach((built, r) => built && fixed.push(r));
  return { fixed, weights };
}

/** Labels of the one-way reactions (not paired) that lie on some basis cycle. */
function oneWayOnCycles(network: Network, structure: Structure, repair: Repair): string[] {
  const oneWay = new Set(repair.oneWay);
  const on = new Set<number>();
  for (const c of structure.cycles) c.forEach((x, r) => x !== 0 && oneWay.has(r) && on.add(r));
  return network.reactions.filter((r) => on.has(r.index)).map((r) => r.id);
}

/** One edit per changed constant, with the note its line's comment carries. */
function edits(network: Network, source: string, repair: Repair): ConstantEdit[] {
  const out: ConstantEdit[] = [];
  for (const changed of repair.reactions) {
    const reaction = network.reactions[changed.index];
    if (reaction === undefined) continue;
    const sides: [RateConstant, typeof changed.forward, string][] = [[reaction.forward, changed.forward, reaction.reverse ? "kf" : "k"]];
    if (reaction.reverse && changed.reverse) sides.push([reaction.reverse, changed.reverse, "kr"]);
    for (const [constant, value, word] of sides) {
      if (value.new === value.old) continue;
      const text = formatDouble(value.new);
      const who = reaction.labelGiven ? word : `${reaction.id} ${word}`;
      const { old, remark } = written(network, source, reaction, constant);
      out.push({ span: constant.span, text, note: `${who} ${old} → ${text} (×${factor(value.new / value.old)}${remark})` });
    }
  }
  return out;
}

/**
 * The old constant as the user wrote it (a literal; `k1 = 2` for a param, `2*k0 = 4` for an
 * expression), and for a param what happens to it: replaced at this use only, the param stays.
 */
function written(network: Network, source: string, reaction: Reaction, constant: RateConstant): { old: string; remark: string } {
  const text = source.slice(constant.span.offset, constant.span.offset + constant.span.length);
  if (/^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return { old: text, remark: "" };
  const old = `${short(text)} = ${formatDouble(constant.value)}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return { old, remark: "" };
  const uses = (r: Reaction): boolean => [r.forward, r.reverse].some((k) => k !== null && source.slice(k.span.offset, k.span.offset + k.span.length) === text);
  const others = network.reactions.filter((r) => r !== reaction && uses(r)).map((r) => r.id);
  const also = others.length > 0 ? `, also used by ${list(others.length > 3 ? [...others.slice(0, 3), "…"] : others)}` : "";
  return { old, remark: `; replaced at this use, param ${text} unchanged${also}` };
}

/** A factor to 6 significant digits; one within 5e-6 of 1 as 1 ± its distance, so it never reads ×1. */
function factor(f: number): string {
  if (Math.abs(f - 1) < 5e-6) return `(1 ${f < 1 ? "−" : "+"} ${Math.abs(f - 1).toPrecision(2)})`;
  return String(Number(f.toPrecision(6)));
}

function short(text: string): string {
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Null when the output compiles and every cycle is balanced; else what is wrong with it. */
function verify(output: string, file: string): string | null {
  const { network, diagnostics } = compile(output, file);
  if (!network) return `does not compile (${diagnostics.find((d) => d.severity === "error")?.message ?? "no network"})`;
  const db = analyzeBalance(network);
  if (db.violations.length > 0 || db.undecided > 0) return `still has ${db.violations.length} driven and ${db.undecided} undecided cycles`;
  return null;
}

function summary(network: Network, repair: Repair): string {
  const constants = repair.reactions.reduce((n, r) => n + (r.forward.new !== r.forward.old ? 1 : 0) + (r.reverse && r.reverse.new !== r.reverse.old ? 1 : 0), 0);
  const lines = [`ness repair: changed ${constants} rate constant${constants === 1 ? "" : "s"} of ${repair.reactions.length} reaction${repair.reactions.length === 1 ? "" : "s"}, each by at most ×${factor(repair.maxFactor)} (or its inverse); every cycle is now balanced`];
  return lines.map((l) => `${l}\n`).join("") + oneWayNote(network, repair);
}

/** Detailed balance needs every reaction two-way: the one-way ones (on no cycle) are named. */
function oneWayNote(network: Network, repair: Repair): string {
  const oneWay = repair.oneWay.map((r) => network.reactions[r]?.id ?? `#${r}`);
  if (oneWay.length === 0) return "";
  return `ness repair: note: ${list(oneWay)} ${oneWay.length > 1 ? "are" : "is"} one-way (on no cycle), so detailed balance still fails: it needs a reverse for ${oneWay.length > 1 ? "each" : "it"}\n`;
}
