/**
 * The architecture of docs/design.md, enforced by test/architecture.test.ts (`npm test`) and by
 * `npx depcruise src`:
 * - no import circles, anywhere in src/;
 * - the stages are layered: a stage imports only stages below it in LAYERS (network/ is the IR
 *   every stage shares, so it sits under the front-ends that produce it); numeric/ imports nothing
 *   of ours;
 * - an analysis concept (analysis/<concept>/) is entered only through its index.ts (and its
 *   result types through its types.ts), from another concept and from every other stage alike.
 */
const LAYERS = [
  ["numeric"],
  ["network"],
  ["syntax"],
  ["compile"],
  ["format"],
  ["sbml"],
  ["analysis"],
  ["stochastic"],
  ["report", "export"],
  ["cli", "lsp", "playground"],
];

const above = (i) => LAYERS.slice(i + 1).flat();

const layerRules = LAYERS.slice(0, -1).flatMap((stages, i) =>
  stages.map((stage) => ({
    name: `layer-${stage}`,
    comment: `${stage}/ may not import a stage above it (${above(i).join(", ")})`,
    severity: "error",
    from: { path: `^src/${stage}/` },
    to: { path: `^src/(${above(i).join("|")})/` },
  })),
);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "import circles make the order of evaluation and of reading undefined",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "numeric-is-a-leaf",
      comment: "numeric/ knows nothing about networks: it imports nothing of ours outside itself",
      severity: "error",
      from: { path: "^src/numeric/" },
      to: { path: "^src/", pathNot: "^src/numeric/" },
    },
    {
      name: "syntax-knows-no-chemistry",
      comment: "syntax/ imports only diagnostics.ts of ours",
      severity: "error",
      from: { path: "^src/syntax/" },
      to: { path: "^src/", pathNot: ["^src/syntax/", "^src/diagnostics\\.ts$"] },
    },
    ...layerRules,
    {
      name: "concept-entry-point",
      comment: "an analysis concept is entered only through its index.ts",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/analysis/" },
      to: { path: "^src/analysis/([^/]+)/(?!(index|types)\\.ts$)" },
    },
    {
      name: "concept-entry-point-between-concepts",
      comment: "one analysis concept enters another only through its index.ts",
      severity: "error",
      from: { path: "^src/analysis/([^/]+)/" },
      to: { path: "^src/analysis/([^/]+)/(?!(index|types)\\.ts$)", pathNot: "^src/analysis/$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
