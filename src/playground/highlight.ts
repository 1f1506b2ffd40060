/**
 * Syntax highlighting for the playground's editor: the text as HTML, every token in a
 * `<span class="t-…">`, every character kept (escaped) so the highlighted copy lies exactly under
 * the textarea the user types in. The token classes follow grammar/ness.tmLanguage.json (the
 * editors' grammar), rule for rule, in its order of precedence: comments, strings, arrows (the
 * malformed ones marked invalid, as the lexer names them), numbers, keywords, the functions and
 * constants of asserts, units, labels, names, operators.
 *
 *   highlight('r1: A <-> B @ 2, 1 # hop')
 *   // '<span class="t-label">r1</span>: <span class="t-name">A</span> <span class="t-arrow">&lt;-&gt;</span> …'
 */

/** The TextMate scopes' short names, as CSS classes. */
export type TokenClass = "comment" | "string" | "arrow" | "bad-arrow" | "number" | "keyword" | "function" | "constant" | "unit" | "label" | "name" | "operator";

const KEYWORDS = new Set(["network", "param", "species", "state", "reservoir", "chemostat", "assert", "not", "energy", "volume", "current", "force", "within", "at", "from", "to", "on", "step", "barrier", "prefactor"]);
const FUNCTIONS = new Set(["exp", "log", "sqrt", "flux", "conc", "prob", "diffusion", "mean", "fano", "velocity", "randomness", "uncertainty_ratio"]);
const CONSTANTS = new Set(["detailed_balance", "entropy_production", "steady_states", "tur", "onsager", "bistable", "steady_state_dimension"]);
const UNITS = new Set(["k_BT", "kT"]);

/** One rule: a sticky pattern and the class of what it matches (null: plain text). */
const RULES: readonly (readonly [RegExp, TokenClass | null])[] = [
  [/#.*/y, "comment"],
  [/"[^"\r\n]*"?/y, "string"],
  [/<->|->/y, "arrow"],
  [/<=>|<-->|<==>|-->|==>|=>|<--|<-|→|⟶|⇌|↔|⇄|⟷|←/y, "bad-arrow"],
  [/(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y, "number"],
  [/[A-Za-z_][A-Za-z0-9_]*/y, "name"],
  [/<=|>=|!=|==|\+-|±|[<>=@%*/^+\-:,;()]/y, "operator"],
  [/[ \t]+/y, null],
];

/** The class of a word: keyword, function (before `(`), assert constant, unit, label (before `:` at the line's start), or name. */
function wordClass(word: string, line: string, start: number, end: number): TokenClass {
  const rest = line.slice(end);
  if (/^\s*:/.test(rest) && /^\s*$/.test(line.slice(0, start))) return "label";
  if (FUNCTIONS.has(word) && /^\s*\(/.test(rest)) return "function";
  if (KEYWORDS.has(word)) return "keyword";
  if (CONSTANTS.has(word)) return "constant";
  if (UNITS.has(word)) return "unit";
  return "name";
}

/** The tokens of one line (no line break in it), covering it exactly. */
export function tokenizeLine(line: string): { text: string; cls: TokenClass | null }[] {
  const out: { text: string; cls: TokenClass | null }[] = [];
  let i = 0;
  while (i < line.length) {
    let matched = false;
    for (const [pattern, cls] of RULES) {
      pattern.lastIndex = i;
      const m = pattern.exec(line);
      if (m === null || m[0] === "") continue;
      const text = m[0];
      out.push({ text, cls: cls === "name" ? wordClass(text, line, i, i + text.length) : cls });
      i += text.length;
      matched = true;
      break;
    }
    if (!matched) {
      // any other character (a stray symbol, a letter of another script): plain, one code point
      const ch = String.fromCodePoint(line.codePointAt(i) ?? 0);
      out.push({ text: ch, cls: null });
      i += ch.length;
    }
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The whole text as HTML; line breaks (\n, \r\n, \r) are kept as they are. */
export function highlight(text: string): string {
  return text.split(/(\r\n|\r|\n)/).map((part, i) => {
    if (i % 2 === 1) return part;
    return tokenizeLine(part).map((t) => (t.cls === null ? escape(t.text) : `<span class="t-${t.cls}">${escape(t.text)}</span>`)).join("");
  }).join("");
}
