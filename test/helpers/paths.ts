/**
 * Where the tests find things, from this file's own location: the project root, and ../shared
 * beside it (as CI lays it out), so the suite runs from any checkout.
 */
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const SHARED = join(ROOT, "..", "shared");
export const REFERENCE_DIR = join(SHARED, "reference");
export const SBML_DIR = join(SHARED, "sbml");
export const NETWORKS = join(ROOT, "networks");
export const DOCS = join(ROOT, "docs");
export const SCHEMA_PATH = join(DOCS, "report.schema.json");
