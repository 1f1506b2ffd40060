#!/usr/bin/env python3
"""SciPy reference for bench/markov.bench.ts: the stationary distribution of a Markov .crn file.

Reads the subset of the core profile the bench generates (`state a = 1, b, ...` statements and
`a <-> b @ kf, kr` / `a -> b @ k` lines), builds the generator with scipy.sparse and solves
Q^T pi = 0 with the normalisation sum(pi) = 1 replacing the first equation, by
scipy.sparse.linalg.spsolve (SuperLU, COLAMD ordering). Writes pi as float64 little-endian to
OUT (when given) and prints one JSON line with the timings of the phases.

usage: python3 bench/scipy_markov.py FILE.crn [OUT.f64]
"""
import json
import re
import sys
import time

t0 = time.perf_counter()
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import spsolve

t_import = time.perf_counter()


def parse(path):
    index = {}
    src, dst, rate = [], [], []
    with open(path) as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("state "):
                for item in line[6:].split(","):
                    name = item.split("=", 1)[0].strip()
                    index[name] = len(index)
                continue
            if line.startswith(("network", "param", "assert")):
                continue
            m = re.match(r"^(?:\w+:)?\s*(\w+)\s*(<->|->)\s*(\w+)\s*@\s*(.*)$", line)
            if not m:
                raise SystemExit("cannot read line: " + line)
            a, arrow, b, rates = m.groups()
            ks = [float(x) for x in rates.split(",")]
            src.append(index[a]); dst.append(index[b]); rate.append(ks[0])
            if arrow == "<->":
                src.append(index[b]); dst.append(index[a]); rate.append(ks[1])
    return len(index), np.array(src), np.array(dst), np.array(rate)


def main():
    path = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else None
    n, src, dst, rate = parse(path)
    t_parse = time.perf_counter()
    # A = Q^T: A[j, i] = rate i -> j off the diagonal, A[i, i] = -(total rate out of i).
    out_rate = np.bincount(src, weights=rate, minlength=n)
    rows = np.concatenate([dst, np.arange(n)])
    cols = np.concatenate([src, np.arange(n)])
    vals = np.concatenate([rate, -out_rate])
    a = sp.coo_matrix((vals, (rows, cols)), shape=(n, n)).tolil()
    a[0, :] = np.ones(n)  # normalisation replaces the first balance equation
    a = a.tocsc()
    b = np.zeros(n)
    b[0] = 1.0
    t_build = time.perf_counter()
    pi = spsolve(a, b)
    t_solve = time.perf_counter()
    if out:
        pi.astype("<f8").tofile(out)
    print(json.dumps({
        "n": n, "edges": int(len(src)),
        "import": t_import - t0, "parse": t_parse - t_import,
        "build": t_build - t_parse, "solve": t_solve - t_build,
        "min": float(pi.min()), "sum": float(pi.sum()),
    }))


if __name__ == "__main__":
    main()
