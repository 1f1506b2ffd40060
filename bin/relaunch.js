// Large inputs run in a child process whose glibc malloc asks for transparent huge pages.
//
// Why: on Linux every first-touched 4 KiB page costs a fault, and on the project's VM (as on
// virtual machines like it) a first-touched MB costs about 2.6 ms (docs/benchmarks.md, fifth
// session). A 250 000-state check touches ~300 MB, about half of it through malloc: typed
// arrays' and file buffers' backing stores. `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (glibc ≥
// 2.35) makes malloc madvise its large blocks as huge pages, which the kernel's default THP mode
// ("madvise") then honours: measured with the tunable set, `ness check` of that file 2.68 s →
// 2.32 s, the 40 000-state report 1.87 s → 1.75 s. Tunables are read only when a process starts,
// so ness relaunches itself, once, when a file argument is large enough for that to pay for the
// second start-up of Node (~0.1 s here): at 5–6 MB it did not (the 100 000-reaction compile was
// 0.07–0.28 s slower relaunched, the 40 000-state report the same), at 32 MB it gains ~0.25 s.
//
// What a fault costs depends on the machine, not only on its kind: on one boot of the project's VM
// ~10 µs (2.6 ms a first-touched MB), on another ~2 µs (0.4 ms a MB), where the second start-up
// cost more than the huge pages saved (`ness check` of the 32 MB torus: 1.06 s in one process,
// 1.22 s relaunched, medians of 6 in turn). So before relaunching ness touches 8 MiB of fresh
// memory (~3 ms on the fast boot; ~21 ms at 2.6 ms a MB) and relaunches only when a MB costs at least
// RELAUNCH_FAULT_MS_PER_MB: the break-even of ~0.1 s against half the faults of the ~300 MB such
// a file touches, with a margin of 2–3× from either machine measured.
//
// Not relaunched: other systems; a run whose environment already sets GLIBC_TUNABLES (the user's
// own tuning, or this child); NESS_NO_RELAUNCH=1; the language server; inputs under the threshold;
// machines whose faults are cheap. NESS_RELAUNCH=1 relaunches whatever the faults cost (tests).
import { spawn } from "node:child_process";
import { statSync } from "node:fs";

/** A file argument at least this large is worth a second start-up. */
export const RELAUNCH_BYTES = 16 << 20;

/** Milliseconds a first-touched MiB must cost for the relaunch to pay (see above). */
export const RELAUNCH_FAULT_MS_PER_MB = 1.2;

/** Milliseconds per MiB of touching `mb` MiB of fresh memory, one write a page (calloc's fresh, unfaulted pages). */
export function firstTouchMsPerMB(mb = 8) {
  const start = performance.now();
  const bytes = new Uint8Array(mb << 20);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
  return (performance.now() - start) / mb;
}

/** Whether this machine's faults make the relaunch pay: NESS_RELAUNCH=1 says yes without asking `probe`. */
export function faultsAreDear(env, probe = firstTouchMsPerMB) {
  return env.NESS_RELAUNCH === "1" || probe() >= RELAUNCH_FAULT_MS_PER_MB;
}

/**
 * V8 flags for the relaunched child: an initial old generation of 8 bytes a byte of the largest
 * file argument (at most 1 GiB). V8 starts with a small one and, as compiling 10^5–10^6 reactions
 * grows it to 100–300 MB, stops for full mark-compacts on the way; starting it larger defers them
 * (it is a threshold, not memory taken: pages are used only as objects fill them). Measured on the
 * 32 MB torus of bench/check.bench.ts, `ness check`, medians of runs taken in turn: in one process
 * with the tunable set 1.86 → 1.77 s (9 each), relaunched 1.93 → 1.90 s (13 each); peak memory the
 * same. A `--max-old-space-size` of the user's still caps it.
 */
export function relaunchFlags(argv) {
  const largest = largestFile(argv.slice(1));
  return [`--initial-old-space-size=${Math.min(1024, Math.max(64, Math.ceil((8 * largest) / (1 << 20))))}`];
}

/** The size in bytes of the largest file among a command's arguments (0 for none). */
function largestFile(args) {
  let largest = 0;
  for (const a of args) {
    const st = a.startsWith("-") ? undefined : statSync(a, { throwIfNoEntry: false });
    if (st !== undefined && st.isFile()) largest = Math.max(largest, st.size);
  }
  return largest;
}

/** The environment a relaunched ness runs with, or null to run in this process. */
export function relaunchEnv(argv, env, platform) {
  if (platform !== "linux" || env.GLIBC_TUNABLES !== undefined || env.NESS_NO_RELAUNCH) return null;
  const [command, ...rest] = argv;
  if (command === undefined || command === "lsp" || command.startsWith("-")) return null;
  return largestFile(rest) >= RELAUNCH_BYTES ? { ...env, GLIBC_TUNABLES: "glibc.malloc.hugetlb=1" } : null;
}

/**
 * Runs `script` again with `env`, V8 `flags` and the same arguments and streams; resolves with the status
 * this process should exit with, or null when the child could not be started (then the caller
 * runs in this process). A signal sent to this process is passed to the child, and a child ended
 * by a signal ends this process by the same signal.
 */
export function relaunch(script, env, flags = []) {
  return new Promise((resolve) => {
    // the handlers come first: once the child exists, a signal must not end this process alone
    // (a handler runs from the event loop, so after `child` is set below)
    const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
    const forward = (signal) => child.kill(signal);
    for (const s of signals) process.on(s, forward);
    const child = spawn(process.execPath, [...flags, ...process.execArgv, script, ...process.argv.slice(2)], { stdio: "inherit", env });
    child.on("error", () => {
      for (const s of signals) process.off(s, forward);
      resolve(null);
    });
    child.on("exit", (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (signal !== null) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
