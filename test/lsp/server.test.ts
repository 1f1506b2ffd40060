/**
 * The language server driven headless over stdio by a real JSON-RPC client (vscode-jsonrpc), as
 * an editor drives it: `node bin/ness.js lsp --stdio` (the built dist/, which `npm test` builds
 * first). Initialize, open a file with a typo, receive the located diagnostic, apply the quick
 * fix, rename, hover, and see the verdict on the `network` line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths.js";

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
interface TextEdit { range: Range; newText: string }
interface Diag { range: Range; code: string; message: string; severity: number; data?: unknown }

let child: ChildProcess;
let rpc: MessageConnection;
const diagnostics = new Map<string, { version?: number; diagnostics: Diag[] }[]>();
const analyses: { uri: string; version: number; verdict: string | null }[] = [];
const compiled: { uri: string; version: number; milliseconds: number; relexedLines: number }[] = [];

/** Resolves when `test` holds for something the server sent, polling what has arrived. */
async function until<T>(test: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = test();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out waiting for the server");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const lastDiagnostics = (uri: string, version: number): Diag[] | undefined => diagnostics.get(uri)?.find((d) => d.version === version)?.diagnostics;

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split("\n");
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
    expect(e.range.start.line).toBe(e.range.end.line);
    const l = lines[e.range.start.line]!;
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join("\n");
}

beforeAll(async () => {
  child = spawn(process.execPath, [join(ROOT, "bin/ness.js"), "lsp", "--stdio"], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  rpc.onNotification("textDocument/publishDiagnostics", (p: { uri: string; version?: number; diagnostics: Diag[] }) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
  });
  rpc.onNotification("ness/analysis", (p: (typeof analyses)[number]) => analyses.push(p));
  rpc.onNotification("ness/compiled", (p: (typeof compiled)[number]) => compiled.push(p));
  rpc.onRequest("workspace/codeLens/refresh", () => null);
  rpc.listen();
  const init = await rpc.sendRequest<{ capabilities: Record<string, unknown> }>("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.renameProvider).toEqual({ prepareProvider: true });
  await rpc.sendNotification("initialized", {});
});

afterAll(async () => {
  await rpc.sendRequest("shutdown");
  await rpc.sendNotification("exit");
  await new Promise((r) => child.once("exit", r));
  rpc.dispose();
});

// futile cycle of LANGUAGE.md, with a typo: 'Bx' for 'B'
const TYPO = [
  'network "Futile cycle"',
  "param kf = 2.0, kr = 0.5",
  "species A = 1.0, B",
  "reservoir ATP = 5e-3, ADP = 5e-4, Pi = 1e-3",
  "kinase: A + ATP <-> Bx + ADP @ kf, kr",
  "phosphatase: B <-> A + Pi @ 0.1, 1e-3",
  "",
].join("\n");

describe("ness lsp over stdio", () => {
  const uri = "file:///tmp/ness-lsp-test/futile.crn";
  let text = TYPO;
  let version = 1;

  const change = async (next: string): Promise<void> => {
    text = next;
    version++;
    await rpc.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  };

  it("publishes the typo as a located diagnostic with the code and hint of ness check", async () => {
    await rpc.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "ness", version, text } });
    const ds = await until(() => lastDiagnostics(uri, 1));
    expect(ds).toHaveLength(1);
    const [d] = ds;
    expect(d!.code).toBe("unknown-species");
    expect(d!.severity).toBe(1);
    // line 5, column 21 (1-based) in `ness check`: 'Bx' is characters 20..22 of line 4 (0-based)
    expect(d!.range).toEqual({ start: { line: 4, character: 20 }, end: { line: 4, character: 22 } });
    expect(text.split("\n")[4]!.slice(20, 22)).toBe("Bx");
  });

  it("offers the 'did you mean' quick fix, and applying it clears the diagnostic", async () => {
    const ds = lastDiagnostics(uri, 1)!;
    const actions = await rpc.sendRequest<{ title: string; edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", { textDocument: { uri }, range: ds[0]!.range, context: { diagnostics: ds } });
    expect(actions).toHaveLength(1);
    expect(actions[0]!.title).toBe("Change to 'B'");
    await change(applyEdits(text, actions[0]!.edit.changes[uri]!));
    expect(text.split("\n")[4]).toBe("kinase: A + ATP <-> B + ADP @ kf, kr");
    expect(await until(() => lastDiagnostics(uri, version))).toEqual([]);
  });

  it("shows the verdict on the network line once the analysis has run", async () => {
    const a = await until(() => analyses.find((x) => x.uri === uri && x.version === version));
    // the cycle kinase + phosphatase: A = ln(kf·k_phos⁺ / (kr·k_phos⁻)) + ln([ATP] / ([ADP]·[Pi]))  (LANGUAGE.md)
    const affinity = Math.log((2 * 0.1) / (0.5 * 1e-3)) + Math.log(5e-3 / (5e-4 * 1e-3));
    expect(a.verdict).toMatch(/^driven: cycle .+, -?\d+\.\d k_BT$/);
    expect(Math.abs(Number(/, (-?[\d.]+) k_BT/.exec(a.verdict!)![1]))).toBeCloseTo(affinity, 1);
    const lenses = await rpc.sendRequest<{ range: Range; command: { title: string } }[]>("textDocument/codeLens", { textDocument: { uri } });
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start.line).toBe(0);
    expect(lenses[0]!.command.title).toBe(a.verdict);
  });

  it("hovers a reaction: its rate constants, equilibrium constant, flux and share of σ", async () => {
    const h = await rpc.sendRequest<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: 2 } });
    const v = h.contents.value;
    expect(v).toContain("reaction kinase");
    expect(v).toContain("k+ = 2, k- = 0.5");
    expect(v).toContain("equilibrium constant K = k+/k- = 4");
    expect(v).toMatch(/steady-state flux J = [\d.e-]+/);
    // two reactions in one cycle carry the same flux; their shares of σ sum to 100 %
    const other = await rpc.sendRequest<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 5, character: 2 } });
    const share = (s: string): number => Number(/: ([\d.]+)%/.exec(s)![1]);
    expect(share(v) + share(other.contents.value)).toBeCloseTo(100, 0);
    expect(/J = ([\d.e-]+)/.exec(v)![1]).toBe(/J = ([\d.e-]+)/.exec(other.contents.value)![1]);
  });

  it("hovers a species (initial amount, reactions) and a param (value)", async () => {
    const h = await rpc.sendRequest<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 8 } });
    expect(h.contents.value).toContain("species A**: initial amount 1");
    expect(h.contents.value).toContain("in 2 reactions");
    const p = await rpc.sendRequest<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: 31 } });
    expect(p.contents.value).toBe("**param kf** = 2");
  });

  it("goes to the definition and finds every reference", async () => {
    const def = await rpc.sendRequest<{ range: Range }>("textDocument/definition", { textDocument: { uri }, position: { line: 5, character: 13 } });
    expect(def.range).toEqual({ start: { line: 2, character: 17 }, end: { line: 2, character: 18 } });
    const refs = await rpc.sendRequest<{ range: Range }[]>("textDocument/references", { textDocument: { uri }, position: { line: 2, character: 17 }, context: { includeDeclaration: true } });
    expect(refs.map((r) => r.range.start.line)).toEqual([2, 4, 5]);
  });

  it("renames a species everywhere, and refuses keywords and names already declared", async () => {
    const at = { line: 2, character: 8 }; // A
    const refused = async (newName: string): Promise<string> => {
      try {
        await rpc.sendRequest("textDocument/rename", { textDocument: { uri }, position: at, newName });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error(`rename to ${newName} was not refused`);
    };
    expect(await refused("species")).toContain("keyword");
    expect(await refused("B")).toContain("already declared on line 3");
    expect(await refused("2x")).toContain("not a name");
    const ws = await rpc.sendRequest<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri }, position: at, newName: "Aplain" });
    const edits = ws.changes[uri]!;
    expect(edits).toHaveLength(3);
    await change(applyEdits(text, edits));
    expect(text).toContain("species Aplain = 1.0, B");
    expect(text).toContain("kinase: Aplain + ATP <-> B + ADP");
    expect(text).toContain("phosphatase: B <-> Aplain + Pi");
    expect(await until(() => lastDiagnostics(uri, version))).toEqual([]);
  });

  it("renames a label and a param, and refuses a rename after which the file would not compile", async () => {
    const other = "file:///tmp/ness-lsp-test/labels.crn";
    // the unlabelled second reaction is named R2 (LANGUAGE.md): calling the first one R2 would clash
    const src = "param k = 2\nspecies A = 1, B\nfwd: A <-> B @ k, 1\nB -> A @ 3\nassert flux(fwd) > 0\n";
    await rpc.sendNotification("textDocument/didOpen", { textDocument: { uri: other, languageId: "ness", version: 1, text: src } });
    const renameTo = (line: number, character: number, newName: string): Promise<{ changes: Record<string, TextEdit[]> }> =>
      rpc.sendRequest("textDocument/rename", { textDocument: { uri: other }, position: { line, character }, newName });
    await expect(renameTo(2, 1, "R2")).rejects.toThrow(/would break the file.*R2/);
    const label = await renameTo(4, 13, "forward");
    expect(applyEdits(src, label.changes[other]!)).toBe("param k = 2\nspecies A = 1, B\nforward: A <-> B @ k, 1\nB -> A @ 3\nassert flux(forward) > 0\n");
    const param = await renameTo(0, 6, "k_on");
    expect(applyEdits(src, param.changes[other]!)).toBe("param k_on = 2\nspecies A = 1, B\nfwd: A <-> B @ k_on, 1\nB -> A @ 3\nassert flux(fwd) > 0\n");
  });

  it("says 'balanced' on a balanced network, and hovers each species' free energy", async () => {
    const eq = "file:///tmp/ness-lsp-test/equilibrium.crn";
    await rpc.sendNotification("textDocument/didOpen", { textDocument: { uri: eq, languageId: "ness", version: 1, text: 'network "A-B"\nspecies A = 1, B\nr1: A <-> B @ 2, 1\n' } });
    const a = await until(() => analyses.find((x) => x.uri === eq));
    expect(a.verdict).toBe("balanced");
    const lens = await rpc.sendRequest<{ command: { title: string } }[]>("textDocument/codeLens", { textDocument: { uri: eq } });
    expect(lens[0]!.command.title).toBe("balanced");
    const g = async (character: number): Promise<number> => {
      const h = await rpc.sendRequest<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: eq }, position: { line: 1, character } });
      return Number(/free energy G = (-?[\d.e-]+) k_BT/.exec(h.contents.value)![1]);
    };
    // k⁺/k⁻ = e^(G_A − G_B) = 2: B lies ln 2 below A
    expect((await g(8)) - (await g(15))).toBeCloseTo(Math.log(2), 5);
  });

  it("formats the document and highlights its tokens", async () => {
    const edits = await rpc.sendRequest<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0]!.newText).toContain("kinase:      Aplain + ATP <-> B + ADP  @ kf, kr\nphosphatase: B <-> Aplain + Pi         @ 0.1, 1e-3\n");
    const tokens = await rpc.sendRequest<{ data: number[] }>("semanticTokens/full".replace(/^/, "textDocument/"), { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(5 * 20);
    const symbols = await rpc.sendRequest<{ name: string; detail: string }[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => `${s.detail} ${s.name}`)).toEqual(["param kf", "param kr", "species Aplain", "species B", "reservoir ATP", "reservoir ADP", "reservoir Pi", "label kinase", "label phosphatase"]);
    const items = await rpc.sendRequest<{ label: string }[]>("textDocument/completion", { textDocument: { uri }, position: { line: 6, character: 0 } });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["Aplain", "kf", "kinase", "species", "reservoir", "assert", "exp"]));
  });

  it("keeps up with typing in a 10 000-line file: one changed line is re-lexed, and diagnostics follow it", async () => {
    const big = "file:///tmp/ness-lsp-test/big.crn";
    const n = 5000;
    const lines = [`species ${Array.from({ length: n + 1 }, (_, i) => `X${i}`).join(", ")}`, "X0 = 1".replace(/.*/, ""), ...Array.from({ length: 2 * n - 2 }, (_, i) => i < n ? `r${i}: X${i} <-> X${i + 1} @ 1, 2` : `# comment ${i}`)];
    let bigText = lines.join("\n") + "\n";
    expect(bigText.split("\n").length).toBeGreaterThanOrEqual(10_000);
    await rpc.sendNotification("textDocument/didOpen", { textDocument: { uri: big, languageId: "ness", version: 1, text: bigText } });
    expect(await until(() => lastDiagnostics(big, 1))).toEqual([]);
    // a typo on one line: only that line is lexed again, and the diagnostic points at it
    bigText = bigText.replace("r2500: X2500 <-> X2501", "r2500: X2500 <-> Y2501");
    const started = Date.now();
    await rpc.sendNotification("textDocument/didChange", { textDocument: { uri: big, version: 2 }, contentChanges: [{ text: bigText }] });
    const ds = await until(() => lastDiagnostics(big, 2));
    const elapsed = Date.now() - started;
    expect(ds.map((d) => [d.code, d.range.start.line])).toEqual([["unknown-species", 2502]]);
    // the server sends the diagnostics, then ness/compiled: the client may run the first handler alone
    const c = await until(() => compiled.find((x) => x.uri === big && x.version === 2));
    expect(c.relexedLines).toBe(1);
    console.log(`10 000-line file: compile ${c.milliseconds.toFixed(1)} ms, edit to diagnostics ${elapsed} ms (incl. the debounce: 40 ms, or as long as the last compile took)`);
    // a burst of keystrokes costs one compile, of the last version (wall-clock figures depend on
    // the machine's load, so the test holds the work done, not the time)
    // as an editor sends them: one-character edits of the range typed (the 'Y' of line 2502, then digits)
    const line = 2502;
    const col = bigText.split("\n")[line]!.indexOf("Y2501");
    const edits = [{ at: col, old: 1, text: "X" }, { at: col + 4, old: 1, text: "" }, { at: col + 4, old: 0, text: "2" }, { at: col + 4, old: 1, text: "1" }, { at: col + 1, old: 1, text: "2" }];
    edits.forEach((e, k) => {
      void rpc.sendNotification("textDocument/didChange", {
        textDocument: { uri: big, version: 3 + k },
        contentChanges: [{ range: { start: { line, character: e.at }, end: { line, character: e.at + e.old } }, text: e.text }],
      });
    });
    expect(await until(() => lastDiagnostics(big, 7))).toEqual([]);
    await until(() => compiled.find((x) => x.uri === big && x.version === 7));
    expect(compiled.filter((x) => x.uri === big && x.version > 2).map((x) => x.version)).toEqual([7]);
  }, 120_000);
});
