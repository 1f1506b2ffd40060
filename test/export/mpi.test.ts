/**
 * The distributed path end to end: the CME of a two-state gene (2 × 500 001 ≈ 10⁶ states) is
 * exported in PETSc binary with its driver, solved by petsc4py under `mpirun -n 2`, read back and
 * certified; its σ must equal σ of ness's own solve of the same generator. Then the small Schlögl
 * CME goes through the whole CLI: export, mpirun, `ness report --stationary`.
 * Skipped when mpirun or petsc4py is missing outside CI; in CI (CI=true) their absence fails.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { certifyGenerator, jumps, projectCme } from "../../src/analysis/cme/index.js";
import { main } from "../../src/cli/main.js";
import { exportGenerator, readVector } from "../../src/export/index.js";
import { compiles } from "../helpers/compile.js";

const PYTHON = "/usr/bin/python3";
const ENV = { ...process.env, OMPI_ALLOW_RUN_AS_ROOT: "1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: "1", OMPI_MCA_rmaps_base_oversubscribe: "1" };

/** Why the distributed test cannot run here, or null. */
function mpiMissing(): string | null {
  if (spawnSync("mpirun", ["--version"], { env: ENV }).status !== 0) return "mpirun is missing (bash .ci/run installs openmpi-bin)";
  const probe = "import glob,sys\ntry:\n import petsc4py\nexcept ImportError:\n sys.path.extend(glob.glob('/usr/lib/petscdir/*/*-real/lib/python3/dist-packages'))\n import petsc4py\n";
  if (spawnSync(PYTHON, ["-c", probe]).status !== 0) return "petsc4py is missing (bash .ci/run installs python3-petsc4py)";
  return null;
}

const missing = mpiMissing();
const skip = missing !== null && !process.env.CI ? missing : null;
if (skip !== null) console.warn(`skipping the MPI driver tests: ${skip}`);

it.runIf(missing !== null && process.env.CI)("mpirun and petsc4py are installed for CI", () => {
  expect(missing).toBeNull();
});

const GENE = `species G = 1, Gs, P = 250000
switch: G <-> Gs @ 1, 1
make: G <-> G + P @ 4e5, 0.5
makes: Gs <-> Gs + P @ 1e5, 0.5
decay: P <-> 0 @ 1, 1
`;

function mpirun(script: string, ...args: string[]): string {
  return execFileSync("mpirun", ["-n", "2", "--oversubscribe", PYTHON, script, ...args], { env: ENV, encoding: "utf8", timeout: 550_000 });
}

describe.skipIf(skip !== null)("the PETSc driver under mpirun -n 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "ness-mpi-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("solves a 10⁶-state CME to the σ of ness's own solve", () => {
    const p = projectCme(compiles(GENE, "gene.crn"), { volume: 1 });
    expect(p.generator.states).toBe(2 * 500_001);
    for (const f of exportGenerator({ states: p.generator.states, ...jumps(p.generator) }, "petsc", "gene", "two-state gene")) writeFileSync(join(dir, `gene${f.suffix}`), f.contents);
    const log = mpirun(join(dir, "gene.py"));
    expect(log).toMatch(/states 1000002, ranks 2/);
    const read = readVector(readFileSync(join(dir, "gene.solution")));
    if (!read.ok) throw new Error(read.message);
    expect(read.values.length).toBe(p.generator.states);
    const theirs = certifyGenerator(p.generator, read.values), ours = certifyGenerator(p.generator, p.pi);
    // a stationary law to rounding: residual near the unit round-off, normalised, non-negative
    expect(theirs.residual).toBeLessThan(1e-12);
    expect(theirs.normalisation).toBeLessThan(1e-12);
    expect(ours.residual).toBeLessThan(1e-12);
    expect(theirs.sigma).not.toBeNull();
    // both solves are backward stable on a well-conditioned chain: σ agrees to 1e-8 relative
    expect(Math.abs(theirs.sigma! - ours.sigma!) / Math.abs(ours.sigma!)).toBeLessThan(1e-8);
  }, 600_000);

  it("ness export, mpirun and ness report --stationary complete the Schlögl report", async () => {
    const out: string[] = [], err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), stderrIsTTY: false };
    const prefix = join(dir, "schlogl");
    expect(await main(["export", "networks/schlogl.crn", "--format", "petsc", "--volume", "50", "-o", prefix], io)).toBe(0);
    mpirun(`${prefix}.py`, "--method", "lu");
    expect(await main(["report", "networks/schlogl.crn", "--volume", "50", "--stationary", `${prefix}.solution`, "--format", "json"], io)).toBe(0);
    const report = JSON.parse(out.join("")) as { notes: string[]; cme: { sigmaPerVolume: number } };
    const sigma = report.notes.find((n) => n.startsWith("σ from the read-back"));
    const m = /read-back distribution ([\d.e+-]+); from ness's own solve ([\d.e+-]+)/.exec(sigma ?? "");
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m![1]) - Number(m![2])) / Number(m![2])).toBeLessThan(1e-8);
    expect(report.notes.some((n) => /relative residual ‖πQ‖₁\/Σπ\|q_ii\| = \d\.\d+e-1[5-7]/.test(n))).toBe(true);
    expect(report.cme.sigmaPerVolume).toBeCloseTo(Number(m![1]) / 50, 6);
  }, 600_000);
});
