/**
 * The grammar of one statement, as a chevrotain CstParser (grammar/ness.ebnf is the same in EBNF).
 * The file is split into statements at newlines and `;` by `parse.ts`, and each statement is
 * parsed on its own: a mistake in one never hides a mistake in the next.
 */
import { CstParser, EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./lexer.js";

/** How tokens are named in messages: "expected a name, found '='". */
const TOKEN_WORDS: ReadonlyMap<string, string> = new Map([
  ["Name", "a name"],
  ["NumberLiteral", "a number"],
  ["StringLiteral", "a quoted title"],
  ["AnyArrow", "an arrow (-> or <->)"],
  ["Compare", "a comparison (<, <=, >, >=, =, !=)"],
  ["Equals", "'='"],
  ["PlusMinus", "'+-'"],
  ["Plus", "'+'"],
  ["Minus", "'-'"],
  ["Star", "'*'"],
  ["Slash", "'/'"],
  ["Caret", "'^'"],
  ["LParen", "'('"],
  ["RParen", "')'"],
  ["Comma", "','"],
  ["Colon", "':'"],
  ["At", "'@' and the rate constants"],
  ["EOF", "the end of the statement"],
]);

export function describeTokenType(t: TokenType): string {
  return TOKEN_WORDS.get(t.name) ?? (T.KEYWORD_WORDS.has(t.name.toLowerCase()) ? `'${t.name.toLowerCase()}'` : t.name);
}

export function describeToken(tok: IToken): string {
  if (tok.tokenType === EOF) return "the end of the statement";
  if (T.KEYWORD_WORDS.has(tok.image)) return `the keyword '${tok.image}' (keywords cannot be names)`;
  const image = tok.image.length > 20 ? tok.image.slice(0, 20) + "…" : tok.image;
  return `'${image}'`;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => `expected ${describeTokenType(expected)}, found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `unexpected ${describeToken(firstRedundant)} after a complete statement; separate list items with ',' and statements with a new line or ';'`,
  buildNoViableAltMessage: ({ actual, ruleName }) => `${ruleWords(ruleName)}; found ${describeToken(actual.flat()[0]!)}`,
  buildEarlyExitMessage: ({ actual, ruleName }) => `${ruleWords(ruleName)}; found ${describeToken(actual[0]!)}`,
};

function ruleWords(rule: string): string {
  switch (rule) {
    case "statement": return "expected a statement (network, param, species, state, reservoir, energy, assert or a reaction)";
    case "declareStatement": return "expected a name to declare";
    case "reactionStatement": return "expected a rate constant after '@'";
    case "side": return "expected a side of a reaction: species terms such as 'A + 2 B', or '0'";
    case "term": return "expected a species term such as 'A' or '2 A', or '0'";
    case "networkStatement": return "expected a quoted title: network \"Title\"";
    default: return "expected an expression (a number, a name, a function call or '(')";
  }
}

/** Words that are words only in their place (a species may still be called `energy`). */
const THERMO_WORDS: ReadonlySet<string> = new Set(["barrier", "prefactor"]);
/** Tokens that can begin an expression: after `barrier`, they make it the word, not a param. */
const EXPRESSION_START: ReadonlySet<TokenType> = new Set([T.NumberLiteral, T.Name, T.LParen, T.Minus, T.Plus]);

export class NessParser extends CstParser {
  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: "onlyOffset", errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.networkStatement) },
      { ALT: () => this.SUBRULE(this.declareStatement) },
      { ALT: () => this.SUBRULE(this.assertStatement) },
      { ALT: () => this.SUBRULE(this.reactionStatement) },
    ]);
  });

  networkStatement = this.RULE("networkStatement", () => {
    this.CONSUME(T.Network);
    this.CONSUME(T.StringLiteral); // an unterminated one is reported before parsing (parse.ts)
  });

  declareStatement = this.RULE("declareStatement", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Param) },
      { ALT: () => this.CONSUME(T.Species) },
      { ALT: () => this.CONSUME(T.State) },
      { ALT: () => this.CONSUME(T.Reservoir) },
      { ALT: () => this.CONSUME(T.Chemostat) },
    ]);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.declarator) });
  });

  /**
   * `energy NAME = EXPR, ...`: `energy` is a word only at the start of a statement followed by a
   * name (no reaction starts NAME NAME), so parse.ts enters this rule directly for such a statement
   * and a species may still be called energy.
   */
  energyStatement = this.RULE("energyStatement", () => {
    this.CONSUME(T.Name, { LABEL: "energy" });
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.declarator) });
  });

  /** `volume EXPR`: entered directly by parse.ts (a contextual word, like `energy`). */
  volumeStatement = this.RULE("volumeStatement", () => {
    this.CONSUME(T.Name, { LABEL: "keyword" });
    this.SUBRULE(this.expression, { LABEL: "value" });
  });

  /**
   * `current NAME = [-] TERM ((+|-) TERM)* [step EXPR [UNIT]]`, TERM := [NUMBER [*]] LABEL: a
   * weighted count of reaction events. Entered directly by parse.ts (`current NAME =`).
   */
  currentStatement = this.RULE("currentStatement", () => {
    this.CONSUME(T.Name, { LABEL: "keyword" });
    this.CONSUME2(T.Name, { LABEL: "name" });
    this.CONSUME(T.Equals);
    this.OPTION(() => this.CONSUME(T.Minus, { LABEL: "firstSign" }));
    this.SUBRULE(this.currentTerm, { LABEL: "terms" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: "signs" }) }, { ALT: () => this.CONSUME2(T.Minus, { LABEL: "signs" }) }]);
      this.SUBRULE2(this.currentTerm, { LABEL: "terms" });
    });
    this.OPTION2({
      GATE: () => this.LA(1).image === "step",
      DEF: () => {
        this.CONSUME3(T.Name, { LABEL: "step" });
        this.SUBRULE(this.expression, { LABEL: "stepValue" });
        this.OPTION3(() => this.CONSUME4(T.Name, { LABEL: "unit" }));
      },
    });
  });

  currentTerm = this.RULE("currentTerm", () => {
    this.OPTION(() => {
      this.CONSUME(T.NumberLiteral);
      this.OPTION2(() => this.CONSUME(T.Star));
    });
    this.CONSUME(T.Name);
  });

  /** `force PARAM on CURRENT [kT EXPR]`: entered directly by parse.ts (`force NAME on`). */
  forceStatement = this.RULE("forceStatement", () => {
    this.CONSUME(T.Name, { LABEL: "keyword" });
    this.CONSUME2(T.Name, { LABEL: "param" });
    this.CONSUME3(T.Name, { LABEL: "on" });
    this.CONSUME4(T.Name, { LABEL: "current" });
    this.OPTION({
      GATE: () => this.LA(1).image === "kT",
      DEF: () => {
        this.CONSUME5(T.Name, { LABEL: "kT" });
        this.SUBRULE(this.expression, { LABEL: "kTValue" });
      },
    });
  });

  declarator = this.RULE("declarator", () => {
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.expression);
    });
  });

  reactionStatement = this.RULE("reactionStatement", () => {
    this.OPTION(() => {
      this.CONSUME(T.Name, { LABEL: "label" });
      this.CONSUME(T.Colon);
    });
    this.SUBRULE(this.side, { LABEL: "lhs" });
    this.CONSUME(T.AnyArrow);
    this.SUBRULE2(this.side, { LABEL: "rhs" });
    this.CONSUME(T.At);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.rate, { LABEL: "rates" }) });
  });

  /** A rate constant, or `barrier EXPR [prefactor EXPR]` (either order): constants from energies. */
  rate = this.RULE("rate", () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.thermoAhead(),
          ALT: () => {
            this.AT_LEAST_ONE({
              GATE: () => this.thermoAhead(),
              DEF: () => {
                this.CONSUME(T.Name, { LABEL: "word" });
                this.SUBRULE(this.expression, { LABEL: "value" });
              },
            });
          },
        },
        { ALT: () => this.SUBRULE2(this.expression, { LABEL: "plain" }) },
      ],
    });
  });

  private thermoAhead(): boolean {
    return THERMO_WORDS.has(this.LA(1).image) && this.LA(1).tokenType === T.Name && EXPRESSION_START.has(this.LA(2).tokenType);
  }

  side = this.RULE("side", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Plus, DEF: () => this.SUBRULE(this.term) });
  });

  term = this.RULE("term", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral);
          this.OPTION(() => this.CONSUME(T.Name));
        },
      },
      { ALT: () => this.CONSUME2(T.Name) },
    ]);
  });

  assertStatement = this.RULE("assertStatement", () => {
    this.CONSUME(T.Assert);
    this.OPTION(() => this.CONSUME(T.Not));
    this.SUBRULE(this.expression, { LABEL: "subject" });
    // `bistable s from 1 to 2`: a param's range (`from` and `to` are words only here)
    // one token of lookahead and the gate decide each word clause: the clauses all start with a
    // name, and deeper lookahead would skip `within` at the end of a line instead of saying what is missing
    this.OPTION7({
      MAX_LOOKAHEAD: 1,
      GATE: () => this.LA(1).tokenType === T.Name && this.LA(2).image === "from",
      DEF: () => {
        this.CONSUME4(T.Name, { LABEL: "rangeParam" });
        this.CONSUME5(T.Name, { LABEL: "from" });
        this.SUBRULE5(this.expression, { LABEL: "rangeFrom" });
        this.CONSUME6(T.Name, { LABEL: "to" });
        this.SUBRULE6(this.expression, { LABEL: "rangeTo" });
      },
    });
    // `within` is a word only here (a species may still be called within): VALUE [UNIT] [%]
    this.OPTION4({
      MAX_LOOKAHEAD: 1,
      GATE: () => this.LA(1).image === "within",
      DEF: () => {
        this.CONSUME2(T.Name, { LABEL: "within" });
        this.SUBRULE4(this.expression, { LABEL: "withinValue" });
        this.OPTION5(() => this.CONSUME3(T.Name, { LABEL: "withinUnit" }));
        this.OPTION6(() => this.CONSUME(T.Percent));
      },
    });
    this.OPTION2(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Compare) }, { ALT: () => this.CONSUME(T.Equals) }]);
      this.SUBRULE2(this.expression, { LABEL: "value" });
      this.OPTION3(() => {
        this.CONSUME(T.PlusMinus);
        this.SUBRULE3(this.expression, { LABEL: "tolerance" });
      });
    });
    // `at s = 1.2, ATP = 1e-3`: evaluated with these values (`at` is a word only here)
    this.OPTION8({
      MAX_LOOKAHEAD: 1,
      GATE: () => this.LA(1).image === "at" && this.LA(2).tokenType === T.Name,
      DEF: () => {
        this.CONSUME7(T.Name, { LABEL: "at" });
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.declarator, { LABEL: "atValues" }) });
      },
    });
  });

  expression = this.RULE("expression", () => {
    this.SUBRULE(this.product, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: "ops" }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: "ops" }) }]);
      this.SUBRULE2(this.product, { LABEL: "operands" });
    });
  });

  product = this.RULE("product", () => {
    this.SUBRULE(this.unary, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star, { LABEL: "ops" }) }, { ALT: () => this.CONSUME(T.Slash, { LABEL: "ops" }) }]);
      this.SUBRULE2(this.unary, { LABEL: "operands" });
    });
  });

  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: "sign" }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: "sign" }) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  /** `^` binds tighter than unary minus and associates to the right: -2^2 = -4, 2^3^2 = 2^9. */
  power = this.RULE("power", () => {
    this.SUBRULE(this.atom);
    this.OPTION(() => {
      this.CONSUME(T.Caret);
      this.SUBRULE(this.unary, { LABEL: "exponent" });
    });
  });

  atom = this.RULE("atom", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.Name);
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "args" }) });
            this.CONSUME(T.RParen);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen, { LABEL: "open" });
          this.SUBRULE2(this.expression, { LABEL: "inner" });
          this.CONSUME2(T.RParen, { LABEL: "close" });
        },
      },
    ]);
  });
}

let shared: NessParser | undefined;

/**
 * The one parser instance that serves every file (chevrotain parsers are reusable after
 * `input = …`), built on first use: building it (its grammar's self-analysis) takes ~30 ms, which
 * a file whose every line the fast path reads never needs.
 */
export function parser(): NessParser {
  return (shared ??= new NessParser());
}
