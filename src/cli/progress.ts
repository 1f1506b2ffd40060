/**
 * Progress on stderr. On a terminal, one line rewritten in place from the first stage on (a
 * `delayMs` can hold it back), so long analyses are never silent. Elsewhere (pipes, CI logs) a
 * plain line now and then: none for a run shorter than PLAIN_FIRST_MS, then at most one every
 * PLAIN_EVERY_MS, so a long CI step shows it is alive without flooding the log. Analyses are synchronous (no timer can fire while
 * one runs), so the reporter is called as each stage starts and, by the steady-state search, as
 * it goes (`steady states: Newton from start 3 of 9`); updates within a stage are shown at most
 * ten times a second. On a fast run the line is cleared before anyone sees it.
 */
import type { Io } from "./io.js";

export interface Progress {
  (stage: string): void;
  done(): void;
}

/** Off a terminal: the first plain progress line after this long, then at most one per PLAIN_EVERY_MS. */
export const PLAIN_FIRST_MS = 5000;
export const PLAIN_EVERY_MS = 15000;

export function progressReporter(io: Io, label: string, delayMs = 0, now: () => number = Date.now): Progress {
  const start = now();
  let shown = false;
  let last = -Infinity;
  let lastStage = "";
  let lastPlain = -Infinity;
  const report = ((stage: string) => {
    if (!io.stderrIsTTY) {
      const elapsed = now() - start;
      if (elapsed < Math.max(delayMs, PLAIN_FIRST_MS) || elapsed - lastPlain < PLAIN_EVERY_MS) return;
      lastPlain = elapsed;
      io.stderr(`${label}: ${stage} (${(elapsed / 1000).toFixed(0)} s)\n`);
      return;
    }
    const elapsed = now() - start;
    if (elapsed < delayMs) return;
    // a stage's own updates (start 3 of 9, step 1500) at most ten times a second
    const sameStage = stage.split(":")[0] === lastStage.split(":")[0];
    if (sameStage && elapsed - last < 100) return;
    last = elapsed;
    lastStage = stage;
    shown = true;
    io.stderr(`\r\x1b[2K${label}: ${stage}… (${(elapsed / 1000).toFixed(1)} s)`);
  }) as Progress;
  report.done = () => {
    if (shown) io.stderr("\r\x1b[2K");
  };
  return report;
}
