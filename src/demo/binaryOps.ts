// Arithmetic and comparison between two samples, shared by the demo's PromQL and LogQL
// evaluators (LogQL's metric queries take PromQL's binary operators).

export const COMPARISON_OPS: ReadonlySet<string> = new Set(['==', '!=', '>', '>=', '<', '<=']);

/** `a op b`; comparisons give 1 or 0 (the `bool` form). Undefined for an operator that is not arithmetic. */
export function applyBinaryOp(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    default:
      return undefined;
  }
}
