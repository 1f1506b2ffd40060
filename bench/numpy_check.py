#!/usr/bin/env python3
"""The numpy script a user would write for the detailed-balance verdict of a Markov .crn file
(issue 14's baseline for `ness check` on the 250 000-state torus): parse, a breadth-first
spanning tree, potentials phi along it (phi_v = phi_u + ln(k_uv / k_vu)), and every chord's
residual ln(k_uv / k_vu) + phi_u - phi_v (the cycle affinity it closes); balanced when every
residual is within rounding. Prints one JSON line: the verdict, the largest |residual|, timings.

usage: python3 bench/numpy_check.py FILE.crn
"""
import json
import sys
import time

t0 = time.perf_counter()
import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order

sys.path.insert(0, __import__("os").path.dirname(__file__))
from scipy_markov import parse  # noqa: E402


def main():
    n, src, dst, rate = parse(sys.argv[1])
    t_parse = time.perf_counter()
    u, v = src[0::2], dst[0::2]
    a = np.log(rate[0::2] / rate[1::2])
    m = len(u)
    graph = sp.csr_matrix((np.ones(m), (u, v)), shape=(n, n))
    # the edge of each (x, y) pair, to read a tree edge's log ratio and orientation
    key = {}
    for e in range(m):
        key[(int(u[e]), int(v[e]))] = e
    phi = np.full(n, np.nan)
    tree = np.zeros(m, dtype=bool)
    for root in range(n):
        if not np.isnan(phi[root]):
            continue
        order, pred = breadth_first_order(graph, root, directed=False, return_predecessors=True)
        phi[root] = 0.0
        for y in order[1:]:
            x = pred[y]
            e = key.get((x, y))
            if e is not None:
                phi[y] = phi[x] + a[e]
            else:
                e = key[(y, x)]
                phi[y] = phi[x] - a[e]
            tree[e] = True
    residual = a + phi[u] - phi[v]
    residual[tree] = 0.0
    worst = float(np.max(np.abs(residual)))
    scale = float(np.max(np.abs(a))) if m else 0.0
    balanced = worst <= 1e-9 * max(1.0, scale) * np.sqrt(n)
    t_end = time.perf_counter()
    print(json.dumps({"n": n, "transitions": 2 * m, "balanced": bool(balanced), "worst": worst, "parse": t_parse - t0, "verdict": t_end - t_parse}))


if __name__ == "__main__":
    main()
