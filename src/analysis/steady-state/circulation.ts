/**
 * Net fluxes of a Markov steady state that keep their digits where forward and reverse nearly
 * cancel. A stationary flux J is a circulation (Σ out − Σ in = 0 at every state), so it is fixed by
 * its values on the chords of any spanning forest: each tree edge carries the sum of the chord
 * currents whose cycles run through it. J_e = v⁺_e − v⁻_e read off π has an absolute error of about
 * η (v⁺_e + v⁻_e), η the relative error of π (GTH: componentwise a few units in the last place),
 * so the forest here is a maximum spanning forest for the traffic t_e = v⁺_e + v⁻_e (Kruskal,
 * busiest first): the chords are the quietest edges, where J_e is read most accurately, and the
 * tree edges get theirs from the conservation law at each state, leaves first.
 *
 * On a ring the chord is the quietest edge and every edge gets its J, so all of them agree to the
 * last bit. Its relative error η t_min/|J| is at most that of the least-cancelling edge, and as
 * Σ_e ln(v⁺_e/v⁻_e) = A along the ring, some edge has |J|/t_e ≥ tanh(|A| / 2n).
 */

/** One direction pair of an edge u → v: v⁺ = rate along it, v⁻ = rate against it. */
export interface FluxEdges {
  readonly states: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly up: Float64Array;
  readonly down: Float64Array;
}

/**
 * The circulation J with J_e = v⁺_e − v⁻_e on the chords of the busiest forest and the
 * conservation law fixing the tree edges (see the module comment). Edges with v⁺ = v⁻ = 0 carry 0.
 * Assumes up/down come from a stationary distribution (else the roots absorb the imbalance).
 * O(m log m).
 *
 *   const e = { states: 3, from: Int32Array.of(0, 1, 2), to: Int32Array.of(1, 2, 0),
 *               up: Float64Array.of(2e12 + 0.5, 1, 3), down: Float64Array.of(2e12, 0.25, 2.25) };
 *   circulation(e);   // [0.75, 0.75, 0.75]: read off the quietest edge, 1 → 2
 */
export function circulation(e: FluxEdges): Float64Array {
  const m = e.from.length, n = e.states;
  const J = new Float64Array(m);
  const traffic = new Float64Array(m);
  const live: number[] = [];
  for (let k = 0; k < m; k++) {
    const up = e.up[k] ?? 0, down = e.down[k] ?? 0;
    J[k] = up - down;
    if (up + down > 0 && (e.from[k] ?? -1) !== (e.to[k] ?? -1)) {
      traffic[k] = up + down;
      live.push(k);
    }
  }
  // the comparator answers a small integer: a difference of traffics would be a double, boxed on
  // every one of the sort's ~m log m calls (19 MB of garbage for the 80 000 edges of a report's torus)
  live.sort((a, b) => {
    const ta = traffic[a] ?? 0, tb = traffic[b] ?? 0;
    return tb > ta ? 1 : tb < ta ? -1 : a - b;
  });
  // Kruskal: busiest edges first into the forest
  const root = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while ((root[r] ?? r) !== r) r = root[r] ?? r;
    for (let y = x; y !== r; ) { const next = root[y] ?? r; root[y] = r; y = next; }
    return r;
  };
  const isTree = new Uint8Array(m);
  const degree = new Int32Array(n + 1);
  for (let q = 0; q < live.length; q++) {
    const k = live[q] ?? 0, a = find(e.from[k] ?? 0), b = find(e.to[k] ?? 0);
    if (a === b) continue;
    root[a] = b;
    isTree[k] = 1;
    bump(degree, (e.from[k] ?? 0) + 1, 1);
    bump(degree, (e.to[k] ?? 0) + 1, 1);
  }
  // tree adjacency (CSR) and a breadth-first order from each component's first state
  for (let v = 0; v < n; v++) degree[v + 1] = (degree[v + 1] ?? 0) + (degree[v] ?? 0);
  const adj = new Int32Array(degree[n] ?? 0), fill = degree.slice(0, n);
  for (let k = 0; k < m; k++) {
    if (!isTree[k]) continue;
    const u = e.from[k] ?? 0, v = e.to[k] ?? 0;
    adj[bump(fill, u, 1) - 1] = k;
    adj[bump(fill, v, 1) - 1] = k;
  }
  // net[v] = Σ out − Σ in of the fluxes known so far (chords first)
  const net = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    if (isTree[k]) continue;
    const j = J[k] ?? 0;
    bump(net, e.from[k] ?? 0, j);
    bump(net, e.to[k] ?? 0, -j);
  }
  const parentEdge = new Int32Array(n).fill(-1), seen = new Uint8Array(n), order = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let head = tail;
    order[tail++] = s;
    while (head < tail) {
      const u = order[head++] ?? 0;
      for (let q = degree[u] ?? 0, end = degree[u + 1] ?? 0; q < end; q++) {
        const k = adj[q] ?? 0;
        const w = (e.from[k] ?? 0) === u ? e.to[k] ?? 0 : e.from[k] ?? 0;
        if (seen[w]) continue;
        seen[w] = 1;
        parentEdge[w] = k;
        order[tail++] = w;
      }
    }
  }
  for (let q = n - 1; q >= 0; q--) {
    const v = order[q] ?? 0, k = parentEdge[v] ?? -1;
    if (k < 0) continue;
    // the flux on v's parent edge closes the conservation law at v
    const out = (e.from[k] ?? 0) === v;
    const j = out ? -(net[v] ?? 0) : net[v] ?? 0;
    J[k] = j;
    const p = out ? e.to[k] ?? 0 : e.from[k] ?? 0;
    net[v] = 0;
    bump(net, p, out ? -j : j);
  }
  return J;
}

/** a[i] += d for an index in range by construction; returns the new value. */
function bump(a: Int32Array | Float64Array, i: number, d: number): number {
  const v = (a[i] ?? 0) + d;
  a[i] = v;
  return v;
}
