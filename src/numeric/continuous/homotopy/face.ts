/**
 * Boundary roots: certifying that some coordinates of a root are exactly 0 (a species absent
 * at steady state). See certify.ts for the argument; this file builds the restricted system.
 */
import type { ComplexInterval } from "../../interval/complex.js";
import { boxInside, certifyRoot } from "./certify.js";
import type { CompiledSystem } from "./system.js";

/**
 * The system on the face x_Z = 0 with, for each j in Z, one equation dropped that vanishes
 * identically there; null when no such matching of coordinates to equations exists.
 */
export function restrictToFace(sys: CompiledSystem, zero: readonly number[]): { system: CompiledSystem; keep: number[] } | null {
  const { n, eqStart, termStart, factorVar } = sys;
  const contains = (k: number, v: number): boolean => {
    for (let f = termStart[k] as number; f < (termStart[k + 1] as number); f++) if (factorVar[f] === v) return true;
    return false;
  };
  const vanishes = (i: number, v: number): boolean => {
    for (let k = eqStart[i] as number; k < (eqStart[i + 1] as number); k++) if (!contains(k, v)) return false;
    return true;
  };
  // A matching of zero coordinates to distinct vanishing equations, by augmenting paths.
  const owner = new Int32Array(n).fill(-1);
  const tryAssign = (z: number, seen: Uint8Array): boolean => {
    for (let i = 0; i < n; i++) {
      if (seen[i] || !vanishes(i, zero[z] as number)) continue;
      seen[i] = 1;
      if (owner[i] === -1 || tryAssign(owner[i] as number, seen)) { owner[i] = z; return true; }
    }
    return false;
  };
  for (let z = 0; z < zero.length; z++) if (!tryAssign(z, new Uint8Array(n))) return null;
  const zset = new Set(zero);
  const keep = Array.from({ length: n }, (_, v) => v).filter((v) => !zset.has(v));
  const index = new Int32Array(n).fill(-1);
  keep.forEach((v, j) => (index[v] = j));
  const eqs = Array.from({ length: n }, (_, i) => i).filter((i) => owner[i] === -1);
  const eqStartR = [0], coef: number[] = [], tStart = [0], fVar: number[] = [], fExp: number[] = [], degrees: number[] = [];
  for (const i of eqs) {
    let deg = 0;
    for (let k = eqStart[i] as number; k < (eqStart[i + 1] as number); k++) {
      if (zero.some((v) => contains(k, v))) continue;
      let d = 0;
      for (let f = termStart[k] as number; f < (termStart[k + 1] as number); f++) {
        fVar.push(index[factorVar[f] as number] as number);
        fExp.push(sys.factorExp[f] as number);
        d += sys.factorExp[f] as number;
      }
      deg = Math.max(deg, d);
      coef.push(sys.coefficients[k] as number);
      tStart.push(fVar.length);
    }
    degrees.push(deg);
    eqStartR.push(coef.length);
  }
  return {
    keep,
    system: {
      n: keep.length, variables: keep.length, degrees: Int32Array.from(degrees), maxDegree: Math.max(0, ...degrees),
      eqStart: Int32Array.from(eqStartR), coefficients: Float64Array.from(coef), termStart: Int32Array.from(tStart),
      factorVar: Int32Array.from(fVar), factorExp: Int32Array.from(fExp),
    },
  };
}

/**
 * Given a certified real box X of the full system, the coordinates whose box holds 0 are tried
 * on the face; returns those coordinates (proved exactly 0) and the face box, or null.
 */
export function certifyOnFace(sys: CompiledSystem, center: readonly number[], outer: readonly ComplexInterval[], maxRadius: number): { zero: number[]; box: ComplexInterval[] } | null {
  const zero = outer.map((x, j) => (x.re.lo <= 0 && x.re.hi >= 0 ? j : -1)).filter((j) => j >= 0);
  if (zero.length === 0) return null;
  const face = restrictToFace(sys, zero);
  if (!face) return null;
  const zeroBox: ComplexInterval = { re: { lo: 0, hi: 0 }, im: { lo: 0, hi: 0 } };
  if (face.keep.length === 0) {
    // Every coordinate is 0 and every equation vanishes there: the origin is the root.
    return { zero, box: center.map(() => zeroBox) };
  }
  const c = face.keep.map((v) => center[v] as number);
  const cert = certifyRoot(face.system, c, c.map(() => 0), maxRadius);
  if (!cert || !cert.real) return null;
  const outerKeep = face.keep.map((v) => outer[v] as ComplexInterval);
  if (!boxInside(cert.box, outerKeep)) return null;
  const box: ComplexInterval[] = center.map(() => zeroBox);
  face.keep.forEach((v, j) => (box[v] = cert.box[j] as ComplexInterval));
  return { zero, box };
}
