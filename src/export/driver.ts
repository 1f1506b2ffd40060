/**
 * The petsc4py (and slepc4py) driver written beside a generator in PETSc binary: it loads Qᵀ
 * distributed by rows over the MPI ranks and computes the stationary law π (Qᵀ π = 0, Σ π = 1).
 *
 * Default method, `ksp`: the reduced system. With π_0 = 1 fixed, the equations of the other
 * states are A x = b, A = Qᵀ without row and column 0, b = −(column 0 of Qᵀ without row 0),
 * non-singular when the chain is irreducible; solved by GMRES with block Jacobi/ILU (`lu`: a
 * parallel direct factorisation, MUMPS, when PETSc has it); then π = [1, x]/Σ.
 * `eps`: SLEPc's eigensolver for the eigenvalue of Qᵀ nearest 0 (shift-and-invert, MUMPS).
 * Either way the script prints the relative residual ‖Qᵀπ‖₁/Σ|q_ii|π_i and writes π as a PETSc
 * binary vector that `ness report FILE --stationary SOLUTION` reads back and certifies.
 */

/** The driver script; `matrix` is the generator file's name as the script will find it. */
export function petscDriver(matrix: string, states: number, title: string): string {
  return `#!/usr/bin/env python3
"""Stationary distribution of a Markov generator under MPI (written by ness export).

Generator: ${title.replace(/["\\]/g, "")}
States: ${states}
Matrix: the transposed generator Q^T in PETSc binary (row j: rates into state j, diagonal -exit rate).

Run:   mpirun -n 4 python3 THIS.py [--method ksp|lu|eps] [--matrix FILE] [--out FILE] [PETSc options]
       ksp: GMRES with block Jacobi/ILU (default); lu: a parallel direct solve (MUMPS);
       eps: SLEPc's eigensolver (shift-and-invert at 0). PETSc options such as -ksp_type,
       -pc_type or -log_view pass through.
Then:  ness report NETWORK --stationary OUT   (certifies the residual and completes the report)
"""
import argparse
import glob
import os
import sys
import time

try:
    import petsc4py
except ImportError:
    # Debian's python3-petsc4py finds PETSc through /usr/lib/petsc, which only petsc-dev links:
    # look in the versioned trees instead (real scalars)
    for tree in ("petscdir/*/*-real", "slepcdir/*/*-real"):
        sys.path.extend(sorted(glob.glob("/usr/lib/%s/lib/python3/dist-packages" % tree)))
    import petsc4py

petsc4py.init(sys.argv)  # PETSc options (-ksp_type, -pc_type, -log_view) pass through
from petsc4py import PETSc  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--matrix", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ${JSON.stringify(matrix)}))
parser.add_argument("--out", default=None, help="solution file (PETSc binary vector); default MATRIX.solution")
parser.add_argument("--method", choices=["ksp", "lu", "eps"], default="ksp")
parser.add_argument("--rtol", type=float, default=1e-13)
args, _ = parser.parse_known_args()
out = args.out or (args.matrix.rsplit(".", 1)[0] + ".solution")
comm = PETSc.COMM_WORLD
start = time.perf_counter()

viewer = PETSc.Viewer().createBinary(args.matrix, "r", comm=comm)
Qt = PETSc.Mat().create(comm=comm)
Qt.setType(PETSc.Mat.Type.AIJ)
Qt.load(viewer)
viewer.destroy()
n = Qt.getSize()[0]
loaded = time.perf_counter()


def has_mumps():
    try:
        return PETSc.Sys.hasExternalPackage("mumps")
    except Exception:  # older petsc4py
        return False


def stationary_ksp():
    lo, hi = Qt.getOwnershipRange()
    rest = PETSc.IS().createStride(hi - max(lo, 1), first=max(lo, 1), step=1, comm=comm)
    A = Qt.createSubMatrix(rest, rest)
    col0 = Qt.createVecLeft()
    Qt.getColumnVector(0, col0)
    b = col0.getSubVector(rest).copy()
    b.scale(-1.0)
    x = b.duplicate()
    ksp = PETSc.KSP().create(comm=comm)
    ksp.setOperators(A)
    pc = ksp.getPC()
    if args.method == "lu":
        ksp.setType("preonly")
        pc.setType("lu")
        if has_mumps():
            pc.setFactorSolverType("mumps")
    else:
        ksp.setType("gmres")
        ksp.setGMRESRestart(200)
        pc.setType("bjacobi")
    ksp.setTolerances(rtol=args.rtol, max_it=100000)
    ksp.setFromOptions()
    ksp.solve(b, x)
    pi = Qt.createVecRight()
    # pi = [1, x]: state 0 lives on rank 0
    if lo == 0 and hi > 0:
        pi.setValue(0, 1.0)
    xa = x.getArray(readonly=True)
    idx = list(range(max(lo, 1), hi))
    if idx:
        pi.setValues(idx, xa)
    pi.assemble()
    return pi, "KSP %s/%s, %d iterations, reason %d" % (ksp.getType(), pc.getType(), ksp.getIterationNumber(), ksp.getConvergedReason())


def stationary_eps():
    from slepc4py import SLEPc

    eps = SLEPc.EPS().create(comm=comm)
    eps.setOperators(Qt)
    eps.setProblemType(SLEPc.EPS.ProblemType.NHEP)
    eps.setDimensions(1)
    eps.setTarget(0.0)
    eps.setWhichEigenpairs(SLEPc.EPS.Which.TARGET_MAGNITUDE)
    st = eps.getST()
    st.setType("sinvert")
    ksp = st.getKSP()
    ksp.setType("preonly")
    pc = ksp.getPC()
    pc.setType("lu")
    if has_mumps():
        pc.setFactorSolverType("mumps")
    eps.setTolerances(tol=args.rtol, max_it=1000)
    eps.setFromOptions()
    eps.solve()
    if eps.getConverged() < 1:
        raise SystemExit("SLEPc found no eigenpair near 0")
    vr = Qt.createVecRight()
    eps.getEigenvector(0, vr)
    return vr, "SLEPc EPS %s, eigenvalue %.3e" % (eps.getType(), eps.getEigenvalue(0).real)


pi, how = stationary_eps() if args.method == "eps" else stationary_ksp()
total = pi.sum()
pi.scale(1.0 / total)
solved = time.perf_counter()

# relative residual ||Q^T pi||_1 / sum_i |q_ii| pi_i
r = Qt.createVecLeft()
Qt.mult(pi, r)
d = Qt.createVecLeft()
Qt.getDiagonal(d)
d.abs()
dp = d.duplicate()
dp.pointwiseMult(d, pi)
residual = r.norm(PETSc.NormType.NORM_1) / dp.norm(PETSc.NormType.NORM_1)

viewer = PETSc.Viewer().createBinary(out, "w", comm=comm)
pi.view(viewer)
viewer.destroy()
PETSc.Sys.Print("states %d, ranks %d, %s" % (n, comm.getSize(), how))
PETSc.Sys.Print("load %.3f s, solve %.3f s, relative residual %.3e" % (loaded - start, solved - loaded, residual))
PETSc.Sys.Print("wrote %s" % out)
`;
}
