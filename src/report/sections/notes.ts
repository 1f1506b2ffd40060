/**
 * The Notes section: what ness inferred, why a number is missing, which verdicts are
 * approximate. In JSON: `notes`, the analysis's notes and then one per null number of the JSON
 * report, so it must come last in the list.
 */
import type { Analysis } from "../../analysis/types.js";
import type { Section } from "../model/section.js";

/** The analysis's notes as a list: `notesSection(analysis).blocks` is one list, or none when there are no notes. */
export function notesSection(analysis: Analysis): Section {
  const notes = analysis.notes;
  return {
    id: "notes",
    title: "Notes",
    blocks: notes.length === 0 ? [] : [{ kind: "list", intro: null, empty: null, items: notes.map((n) => [n]) }],
    json: (nulls) => ({ notes: [...notes, ...nulls.notes] }),
  };
}
