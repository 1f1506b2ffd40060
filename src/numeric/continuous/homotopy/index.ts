export * from "./solve.js";
export { evaluatePolynomialSystem, type Complex, type Polynomial, type PolynomialSystem } from "./system.js";
