/**
 * The playground page's script (bundled for the browser at `ness site` time): a textarea over a
 * highlighted copy of its text, and, 250 ms after the last keystroke, the verdict, located
 * diagnostics, diagram and report of what was typed.
 *
 * The compiler runs in a Web Worker made from the page's own copy of its bundle (a Blob URL, which
 * works from file:// where a worker file would not); a newer text terminates a worker still busy
 * with an older one, so a slow analysis never holds up the answer to the text on screen. Where no
 * worker can be made, the same bundle runs on the page. mermaid comes from the site's one copy
 * (mermaid.min.js beside the page); nothing is fetched from anywhere else.
 */
import { highlight } from "./highlight.js";
import type { PlaygroundDiagnostic, PlaygroundResult } from "./evaluate.js";
import type { PlaygroundAnswer, PlaygroundRequest } from "./worker.js";

interface Mermaid {
  initialize(config: unknown): void;
  render(id: string, text: string): Promise<{ svg: string }>;
  run(options: { nodes: ArrayLike<HTMLElement> }): Promise<void>;
}

/** How long typing must pause before the text is analysed. */
const DEBOUNCE_MS = 250;

function element<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`the playground page has no #${id}`);
  return e as T;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The text with each diagnostic's span wrapped in a squiggle (invisible text: only the underline shows). */
function squiggles(text: string, diagnostics: readonly PlaygroundDiagnostic[]): string {
  const spans = [...diagnostics].filter((d) => d.offset <= text.length).sort((a, b) => a.offset - b.offset);
  let out = "", at = 0;
  for (const d of spans) {
    if (d.offset < at) continue;
    const end = Math.min(text.length, d.offset + d.length);
    out += escape(text.slice(at, d.offset));
    const covered = text.slice(d.offset, end);
    // a span at a line's end (a missing token) underlines one blank before the line break
    const shown = covered === "" || /^[\r\n]/.test(covered) ? " " : covered;
    out += `<span class="squiggle ${d.severity}" title="${escape(d.message)}">${escape(shown)}</span>`;
    at = shown === " " && covered !== " " ? d.offset : end;
  }
  return out + escape(text.slice(at));
}

/** Where the compiler runs: a worker when one can be made, else this page. */
interface Runner {
  run(request: PlaygroundRequest): void;
  /** Drops a request still running (a worker is terminated and made anew). */
  cancel(): void;
}

function makeRunner(source: string, onAnswer: (a: PlaygroundAnswer) => void): Runner {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  let worker: Worker | null = null;
  let busy = false;
  const spawn = (): Worker | null => {
    try {
      const w = new Worker(url);
      w.onmessage = (e: MessageEvent<PlaygroundAnswer>) => { busy = false; onAnswer(e.data); };
      return w;
    } catch {
      return null;
    }
  };
  worker = spawn();
  if (worker === null) {
    // no worker here: run the same bundle on the page
    const script = document.createElement("script");
    script.textContent = source;
    document.head.appendChild(script);
    const api = (globalThis as unknown as { nessPlayground?: { answer(r: PlaygroundRequest): PlaygroundAnswer } }).nessPlayground;
    return { run: (r) => { if (api) onAnswer(api.answer(r)); }, cancel: () => undefined };
  }
  return {
    run(request) {
      if (worker === null) return;
      busy = true;
      worker.postMessage(request);
    },
    cancel() {
      if (!busy || worker === null) return;
      worker.terminate();
      worker = spawn();
      busy = false;
    },
  };
}

function start(): void {
  const body = document.body;
  const source = element<HTMLTextAreaElement>("source");
  const shade = element<HTMLElement>("highlight");
  const marks = element<HTMLElement>("marks");
  const status = element<HTMLElement>("status");
  const problems = element<HTMLElement>("diagnostics");
  const diagram = element<HTMLElement>("diagram");
  const report = element<HTMLElement>("report");
  const workerSource = element<HTMLScriptElement>("ness-worker").textContent ?? "";
  const mermaid = (globalThis as unknown as { mermaid?: Mermaid }).mermaid;
  const config = JSON.parse(element<HTMLScriptElement>("ness-mermaid-config").textContent ?? "{}") as unknown;
  mermaid?.initialize(config);

  let revision = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDiagnostics: readonly PlaygroundDiagnostic[] = [];

  const paint = (): void => {
    // a final newline needs a character after it, or the copy is one line short of the textarea
    shade.innerHTML = `${highlight(source.value)}\n`;
    marks.innerHTML = `${squiggles(source.value, lastDiagnostics)}\n`;
  };
  const scroll = (): void => {
    for (const layer of [shade, marks]) {
      layer.scrollTop = source.scrollTop;
      layer.scrollLeft = source.scrollLeft;
    }
  };

  const show = async (answer: PlaygroundAnswer): Promise<void> => {
    if (answer.id !== revision) return; // an answer to a text no longer on screen
    if ("error" in answer) {
      status.className = "status failed";
      status.textContent = `internal error: ${answer.error}`;
      body.dataset.revision = String(answer.id);
      return;
    }
    const r: PlaygroundResult = answer.result;
    lastDiagnostics = r.diagnostics;
    paint();
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    problems.innerHTML = r.diagnostics.length === 0
      ? `<p class="none">No problems.</p>`
      : `<ul>${r.diagnostics.map((d, i) => `<li class="${d.severity}"><a href="#" data-at="${i}">line ${d.line}, column ${d.column}</a>: <strong>${escape(d.severity)}</strong> <code>${escape(d.code)}</code>: ${escape(d.message)}${d.hint === null ? "" : `<div class="hint">hint: ${escape(d.hint)}</div>`}</li>`).join("")}</ul>`;
    for (const a of Array.from(problems.querySelectorAll<HTMLAnchorElement>("a[data-at]"))) {
      a.addEventListener("click", (e) => {
        e.preventDefault();
        const d = r.diagnostics[Number(a.dataset.at)];
        if (d === undefined) return;
        source.focus();
        source.setSelectionRange(d.offset, d.offset + d.length);
      });
    }
    if (r.verdict === null) {
      status.className = "status error";
      const first = errors[0];
      status.textContent = first === undefined ? "does not compile" : `does not compile: line ${first.line}, column ${first.column}: ${first.message}`;
    } else {
      status.className = `status ${r.verdict.kind}`;
      status.textContent = r.verdict.summary + (errors.length > 0 ? ` (${errors.length} failed assert${errors.length === 1 ? "" : "s"})` : "");
    }
    if (r.diagram !== null) {
      if (mermaid) {
        try {
          diagram.innerHTML = (await mermaid.render(`ness-diagram-${answer.id}`, r.diagram)).svg;
        } catch (e) {
          diagram.innerHTML = `<p class="warning">The diagram could not be drawn (${escape(String(e))}); its mermaid source:</p><pre>${escape(r.diagram)}</pre>`;
        }
      } else {
        diagram.innerHTML = `<p class="warning">mermaid.min.js did not load; the diagram's mermaid source:</p><pre>${escape(r.diagram)}</pre>`;
      }
    }
    if (r.report !== null) {
      report.innerHTML = r.report;
      const figures = Array.from(report.querySelectorAll<HTMLElement>("pre.mermaid"));
      if (mermaid && figures.length > 0) {
        try {
          await mermaid.run({ nodes: figures });
        } catch {
          // each figure keeps its source text; the diagram above is the one that must draw
        }
      }
    }
    if (answer.id === revision) body.dataset.revision = String(answer.id);
  };

  const runner = makeRunner(workerSource, (a) => void show(a));
  const analyse = (): void => {
    revision += 1;
    body.dataset.pending = String(revision);
    runner.cancel();
    runner.run({ id: revision, text: source.value });
  };
  source.addEventListener("input", () => {
    paint();
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(analyse, DEBOUNCE_MS);
  });
  source.addEventListener("scroll", scroll);
  source.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    e.preventDefault();
    source.setRangeText("  ", source.selectionStart, source.selectionEnd, "end");
    source.dispatchEvent(new Event("input"));
  });
  paint();
  analyse();
}

start();
