/**
 * The Options section: every numerical threshold the analyses used, with its value and meaning,
 * marking the ones the user set (the others are defaults), so a report can be reproduced and
 * no verdict rests on a tolerance the reader cannot see. In JSON: `options`, `{name: value}`.
 */
import type { Analysis } from "../../analysis/types.js";
import type { UsedOption } from "../../analysis/index.js";
import { formatNumber } from "../model/format.js";
import { code, rowsOf, text, wholeTable, type Section } from "../model/section.js";

/**
 * An option's value as a reader checks it against what was asked: every digit kept (shortest
 * round trip), exponent notation outside [1e-4, 1e6) as `formatNumber` writes it; `unset` for null.
 * Example: `optionValue(2e6)` is `"2e6"`, `optionValue(0.125)` is `"0.125"`.
 */
export function optionValue(value: UsedOption["value"]): string {
  if (value === null) return "unset";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value) || value === 0) return formatNumber(value);
  const a = Math.abs(value);
  return a >= 1e-4 && a < 1e6 ? String(value) : value.toExponential().replace("e+", "e");
}

/** The thresholds used, one row each: `optionsSection(analysis).blocks[1]` is the table (none when the list is empty). */
export function optionsSection(analysis: Analysis): Section {
  const options = analysis.options;
  return {
    id: "options",
    title: "Options",
    blocks: options.length === 0 ? [] : [
      text("The numerical thresholds the analyses used; a value marked (set) was given by the user, the others are defaults."),
      wholeTable(["option", "value", "meaning"], rowsOf(options, (o) => [code(o.name), `${optionValue(o.value)}${o.isDefault ? "" : " (set)"}`, o.meaning]), "lrl"),
    ],
    json: (nulls) => {
      const out: { [name: string]: number | string | boolean | null } = Object.create(null) as { [name: string]: number | string | boolean | null };
      for (const o of options) out[o.name] = typeof o.value === "number" ? nulls.num(o.value, `options.${o.name}`) : o.value;
      return { options: out };
    },
  };
}
