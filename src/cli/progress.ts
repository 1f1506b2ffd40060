/**
 * Progress on stderr for analyses that take more than a second, and only when stderr is a
 * terminal: pipelines and CI logs get nothing. Analyses are synchronous (no timer can fire while
 * one runs), so the reporter is called as each stage starts and shows that stage's name until
 * the next; on a fast run the line is cleared before anyone sees it.
 */
import type { Io } from "./io.js";

export interface Progress {
  (stage: string): void;
  done(): void;
}

export function progressReporter(io: Io, label: string, delayMs = 0, now: () => number = Date.now): Progress {
  const start = now();
  let shown = false;
  const report = ((stage: string) => {
    if (!io.stderrIsTTY) return;
    const elapsed = now() - start;
    if (elapsed < delayMs) return;
    shown = true;
    io.stderr(`\r\x1b[2K${label}: ${stage}… (${(elapsed / 1000).toFixed(1)} s)`);
  }) as Progress;
  report.done = () => {
    if (shown) io.stderr("\r\x1b[2K");
  };
  return report;
}
