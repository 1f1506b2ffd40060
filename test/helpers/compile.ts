/** Test helpers: compile text and pick out diagnostics by code. */
import { expect } from "vitest";
import { compile } from "../../src/compile/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import type { Network } from "../../src/network/types.js";

/** Compiles `text`, failing the test with the diagnostics if it does not compile. */
export function compiles(text: string, file = "test.crn"): Network {
  const r = compile(text, file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(r.network).not.toBeNull();
  return r.network!;
}

/** Compiles text that must fail; returns the errors as `code@line:col`. */
export function errorsOf(text: string): string[] {
  const r = compile(text, "bad.crn");
  expect(r.network).toBeNull();
  return r.diagnostics.filter((d) => d.severity === "error").map(where);
}

export function warningsOf(text: string): string[] {
  return compile(text, "w.crn").diagnostics.filter((d) => d.severity === "warning").map(where);
}

export function where(d: Diagnostic): string {
  return d.span ? `${d.code}@${d.span.line}:${d.span.column}` : d.code;
}
