/**
 * The sections of the report, in order: the one place a new section is added. Each is a pure
 * function `(analysis) => Section` in its own file; Markdown and HTML render the list (HTML
 * lifts `htmlFirst` sections to the top), and the JSON report is the header fields followed by
 * each section's `json` contribution in this order (Notes last, so it sees every null).
 */
import type { Analysis } from "../../analysis/types.js";
import type { Section } from "../model/section.js";
import { balanceSection } from "./balance.js";
import { cmeSection } from "./cme.js";
import { currentsSection } from "./currents.js";
import { diagramsSection } from "./diagrams.js";
import { fluctuationsSection } from "./fluctuations.js";
import { responseSection } from "./response.js";
import { networkSection } from "./network.js";
import { notesSection } from "./notes.js";
import { optionsSection } from "./options.js";
import { steadyStatesSection } from "./steady-states.js";
import { structureSection } from "./structure.js";

/** The section builders, in report order. */
export const SECTIONS: readonly ((analysis: Analysis) => Section)[] = [
  networkSection,
  structureSection,
  balanceSection,
  steadyStatesSection,
  currentsSection,
  fluctuationsSection,
  responseSection,
  cmeSection,
  diagramsSection,
  optionsSection,
  notesSection,
];

/** The report of an analysis as data: `reportSections(analysis).map((s) => s.id)` is `["network", "structure", …, "notes"]`. */
export function reportSections(analysis: Analysis): Section[] {
  return SECTIONS.map((build) => build(analysis));
}
