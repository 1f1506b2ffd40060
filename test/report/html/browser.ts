/**
 * Where the real-browser tests find Chromium. `.ci/run` installs it (Debian's package); a test
 * never installs anything. Outside CI a missing browser skips those tests with a warning; in CI
 * (CI=true) it is a failure, so a broken set-up cannot pass as green.
 */
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
  "--no-first-run", "--disable-component-update", "--disable-sync"];

/** Null when Chromium is there; otherwise why the browser tests cannot run. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (bash .ci/run installs it: apt-get install chromium)`;
}
