/**
 * Finds (or installs) Chromium for the real-browser tests. As root on Debian, a missing
 * /usr/bin/chromium is installed with apt-get; anything else returns a reason to skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
  "--no-first-run", "--disable-component-update", "--disable-sync"];

/** Null when Chromium is ready; otherwise why the browser tests must be skipped. */
export function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (typeof process.getuid === "function" && process.getuid() !== 0) return `${CHROMIUM} is missing and installing it needs root`;
  try {
    execFileSync("apt-get", ["update"], { stdio: "ignore", timeout: 300_000 });
    execFileSync("apt-get", ["install", "-y", "chromium"], { stdio: "ignore", timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } catch (e) {
    return `could not install chromium with apt-get: ${(e as Error).message.split("\n")[0]}`;
  }
  return existsSync(CHROMIUM) ? null : `apt-get ran but ${CHROMIUM} is still missing`;
}
