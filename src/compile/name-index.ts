/**
 * The species (or states) and reservoirs of a file by name: one StringTable of every name with
 * each entry's code, filled as the declarations are read. The compiler's fast path finds a
 * name on a line's characters without slicing a string out of it (`find`); the IR's speciesIndex
 * and reservoirIndex are read-only views of the same table (`species`, `reservoirs`), so a file of
 * 10^5–10^6 states hashes and stores each name once, not in two Maps and a table besides.
 *
 *   const names = new NameIndex();
 *   names.add("species", "A"); names.add("reservoir", "ATP");
 *   names.find("2 A + ATP", 2, 3);     // 1: species 0
 *   names.find("2 A + ATP", 6, 9);     // -1: reservoir 0
 *   names.species.get("A");            // 0
 */
import { PositionIndex } from "../network/position-index.js";
import { grown } from "../numeric/grown.js";
import { StringTable } from "./string-table.js";

/** i + 1 for species i, −(i + 1) for reservoir i, 0 for neither. */
export type NameCode = number;

export class NameIndex {
  /** Every name, species and reservoirs together, and per entry its NameCode. */
  readonly #table = new StringTable();
  /** The species names apart, once there is a reservoir (until then they are the table's strings, not a second list of 10^5–10^6). */
  #speciesNames: string[] | null = null;
  readonly reservoirNames: string[] = [];
  #codes = new Int32Array(1024);
  readonly species: ReadonlyMap<string, number> = new KindView(this, 1);
  readonly reservoirs: ReadonlyMap<string, number> = new KindView(this, -1);

  /** The species (state) names in declaration order. */
  get speciesNames(): readonly string[] {
    return this.#speciesNames ?? this.#table.strings;
  }

  /** Registers a name not registered before (the caller checks); its index among its kind. */
  add(kind: "species" | "reservoir", name: string): number {
    const index = this.#next(kind);
    this.#keep(kind, index, name, this.#table.add(name));
    return index;
  }

  /** Registers a name unless it is registered already (as either kind), hashing it once: its index among its kind, or −1. */
  addIfNew(kind: "species" | "reservoir", name: string): number {
    const index = this.#next(kind);
    const entry = this.#table.addIfNew(name);
    if (entry < 0) return -1;
    this.#keep(kind, index, name, entry);
    return index;
  }

  /** The index the next name of `kind` gets (the species names are copied apart when the first reservoir comes). */
  #next(kind: "species" | "reservoir"): number {
    if (kind === "reservoir" && this.#speciesNames === null) this.#speciesNames = this.#table.strings.slice();
    return kind === "species" ? this.speciesNames.length : this.reservoirNames.length;
  }

  /** Keeps `name`, table entry `entry`, as name `index` of its kind. */
  #keep(kind: "species" | "reservoir", index: number, name: string, entry: number): void {
    if (kind === "reservoir") this.reservoirNames.push(name);
    else this.#speciesNames?.push(name);
    if (entry >= this.#codes.length) this.#codes = grown(this.#codes, 2 * this.#codes.length);
    this.#codes[entry] = kind === "species" ? index + 1 : -(index + 1);
  }

  /** The code of the name `t[start, end)` (0 when it names neither a species nor a reservoir). */
  find(t: string, start: number, end: number): NameCode {
    const entry = this.#table.find(t, start, end);
    return entry < 0 ? 0 : this.#codes[entry]!;
  }

  /** The name a code stands for. */
  name(code: NameCode): string {
    return (code > 0 ? this.speciesNames[code - 1] : this.reservoirNames[-code - 1]) ?? "";
  }
}

/** The names of one kind (sign 1 species, −1 reservoirs) → index, in declaration order. */
class KindView extends PositionIndex {
  // private fields, so a view serialises as a Map does (to {}), not as the whole table
  readonly #index: NameIndex;
  readonly #sign: 1 | -1;

  constructor(index: NameIndex, sign: 1 | -1) {
    super();
    this.#index = index;
    this.#sign = sign;
  }

  get #names(): readonly string[] {
    return this.#sign > 0 ? this.#index.speciesNames : this.#index.reservoirNames;
  }

  get size(): number {
    return this.#names.length;
  }

  protected nameAt(i: number): string {
    return this.#names[i]!;
  }

  get(name: string): number | undefined {
    const code = this.#index.find(name, 0, name.length);
    return code * this.#sign > 0 ? code * this.#sign - 1 : undefined;
  }
}
