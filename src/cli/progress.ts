/**
 * Progress on stderr, only when stderr is a terminal: pipelines and CI logs get nothing. It is
 * written from the first stage on (a `delayMs` can hold it back), so long analyses are never silent. Analyses are synchronous (no timer can fire while
 * one runs), so the reporter is called as each stage starts and, by the steady-state search, as
 * it goes (`steady states: Newton from start 3 of 9`); updates within a stage are shown at most
 * ten times a second. On a fast run the line is cleared before anyone sees it.
 */
import type { Io } from "./io.js";

export interface Progress {
  (stage: string): void;
  done(): void;
}

export function progressReporter(io: Io, label: string, delayMs = 0, now: () => number = Date.now): Progress {
  const start = now();
  let shown = false;
  let last = -Infinity;
  let lastStage = "";
  const report = ((stage: string) => {
    if (!io.stderrIsTTY) return;
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
