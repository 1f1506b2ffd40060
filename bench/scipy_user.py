#!/usr/bin/env python3
"""The plain SciPy script a user would write for a Markov .crn file's steady state (issue 14's
baseline for `ness report --format json` on the 40 000-state torus): parse the file, build the
generator, solve the REDUCED system (state 0's balance equation and unknown dropped, pi_0 = 1,
then normalised: no dense normalisation row in the LU) with SuperLU and its COLAMD fill-reducing
ordering, then every edge's net current J = pi_i k_ij - pi_j k_ji and the entropy production
sigma = sum J ln(pi_i k_ij / (pi_j k_ji)). Prints one JSON line with the timings and sigma.

usage: python3 bench/scipy_user.py FILE.crn
"""
import json
import sys
import time

t0 = time.perf_counter()
import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import splu

sys.path.insert(0, __import__("os").path.dirname(__file__))
from scipy_markov import parse  # noqa: E402  (the same reader of the bench's .crn subset)


def main():
    n, src, dst, rate = parse(sys.argv[1])
    t_parse = time.perf_counter()
    out_rate = np.bincount(src, weights=rate, minlength=n)
    # A = Q^T: A[j, i] = rate i -> j, A[i, i] = -(total rate out of i)
    a = sp.csc_matrix((np.concatenate([rate, -out_rate]), (np.concatenate([dst, np.arange(n)]), np.concatenate([src, np.arange(n)]))), shape=(n, n))
    reduced = a[1:, 1:].tocsc()
    rhs = -a[1:, 0].toarray().ravel()
    lu = splu(reduced, permc_spec="COLAMD")
    pi = np.concatenate([[1.0], lu.solve(rhs)])
    pi /= pi.sum()
    t_solve = time.perf_counter()
    # the edges come in forward/backward pairs (a <-> b lines); currents and sigma per pair
    f, b = src[0::2], dst[0::2]
    kf, kr = rate[0::2], rate[1::2]
    flow_f, flow_r = pi[f] * kf, pi[b] * kr
    current = flow_f - flow_r
    sigma = float(np.sum(current * np.log(flow_f / flow_r)))
    t_end = time.perf_counter()
    print(json.dumps({"n": n, "edges": int(len(src)), "parse": t_parse - t0, "solve": t_solve - t_parse, "currents": t_end - t_solve, "sigma": sigma, "min": float(pi.min())}))


if __name__ == "__main__":
    main()
