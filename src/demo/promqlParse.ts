// A PromQL parser for the subset the demo evaluates. Two kinds of failure:
// - PromQLSyntaxError: the query is malformed; the message reads like Prometheus's
//   (`1:12: parse error: unclosed left parenthesis`) and the API answers 400 bad_data.
// - PromQLUnsupported: valid PromQL the demo does not evaluate (subqueries, `@`, some functions);
//   the caller falls back to "the series of the metric the query mentions".

export class PromQLSyntaxError extends Error {}
export class PromQLUnsupported extends Error {}

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '^' | '==' | '!=' | '>' | '<' | '>=' | '<=' | 'and' | 'or' | 'unless';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'selector'; name?: string; matchers: Matcher[]; rangeMs?: number; offsetMs: number }
  | { type: 'call'; func: string; args: Expr[]; argPos?: number[] }
  | { type: 'aggregate'; op: string; param?: Expr; expr: Expr; grouping: string[]; without: boolean }
  | {
      type: 'binary';
      op: BinaryOp;
      lhs: Expr;
      rhs: Expr;
      returnBool: boolean;
      matching?: { on: boolean; labels: string[]; group?: 'left' | 'right'; include: string[] };
    }
  | { type: 'unary'; expr: Expr };

/** Every PromQL function Prometheus 2.42 knows (unknown names are a parse error there too). */
export const KNOWN_FUNCTIONS = new Set(
  (
    'abs absent absent_over_time acos acosh asin asinh atan atanh avg_over_time ceil changes clamp clamp_max clamp_min cos cosh ' +
    'count_over_time days_in_month day_of_month day_of_week day_of_year deg delta deriv exp floor histogram_count histogram_fraction ' +
    'histogram_quantile histogram_sum holt_winters hour idelta increase irate label_join label_replace last_over_time ln log10 log2 ' +
    'max_over_time min_over_time minute month pi predict_linear present_over_time quantile_over_time rad rate resets round scalar sgn ' +
    'sin sinh sort sort_desc sqrt stddev_over_time stdvar_over_time sum_over_time tan tanh time timestamp vector year'
  ).split(' '),
);
export const AGGREGATIONS = new Set(['sum', 'avg', 'min', 'max', 'count', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values']);
const COMPARISON_OPS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'atan2']);

interface Token {
  t: 'num' | 'str' | 'dur' | 'id' | 'op' | 'eof';
  text: string;
  pos: number;
}

function position(query: string, pos: number): string {
  const before = query.slice(0, pos).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

function syntaxError(query: string, pos: number, message: string): PromQLSyntaxError {
  return new PromQLSyntaxError(`${position(query, pos)}: parse error: ${message}`);
}

export function lexPromQL(query: string): Token[] {
  const tokens: Token[] = [];
  const stack: Array<{ ch: string; pos: number }> = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < query.length && query[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      let value = '';
      while (j < query.length && query[j] !== ch) {
        if (query[j] === '\\' && ch !== '`' && j + 1 < query.length) {
          const esc = query[j + 1]!;
          value += esc === 'n' ? '\n' : esc === 't' ? '\t' : esc;
          j += 2;
        } else value += query[j++];
      }
      if (j >= query.length) throw syntaxError(query, i, 'unterminated quoted string');
      tokens.push({ t: 'str', text: value, pos: i });
      i = j + 1;
      continue;
    }
    const inBrackets = stack.length > 0 && stack[stack.length - 1]!.ch === '[';
    const dur = /^(\d+(ms|s|m|h|d|w|y))+/.exec(query.slice(i));
    if (dur && (inBrackets || tokens[tokens.length - 1]?.text === 'offset')) {
      tokens.push({ t: 'dur', text: dur[0], pos: i });
      i += dur[0].length;
      continue;
    }
    const rest = query.slice(i);
    const num = /^(?:0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?![a-zA-Z_:])/.exec(rest) ?? /^(?:Inf|NaN)(?![a-zA-Z0-9_:])/i.exec(rest);
    if (num) {
      const text = num[0];
      tokens.push({ t: 'num', text, pos: i });
      i += text.length;
      continue;
    }
    const id = inBrackets ? null : /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(rest);
    if (id) {
      tokens.push({ t: 'id', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|=~|!~|[-+*/%^<>=,(){}[\]:@])/.exec(query.slice(i));
    if (!op) throw syntaxError(query, i, `unexpected character: '${ch}'`);
    const o = op[0];
    if (o === '(' || o === '{' || o === '[') stack.push({ ch: o, pos: i });
    if (o === ')' || o === '}' || o === ']') {
      const open = stack.pop();
      const want = o === ')' ? '(' : o === '}' ? '{' : '[';
      if (!open || open.ch !== want) {
        const name = o === ')' ? "right parenthesis ')'" : o === '}' ? "character: '}'" : "right bracket ']'";
        throw syntaxError(query, i, `unexpected ${name}`);
      }
    }
    tokens.push({ t: 'op', text: o, pos: i });
    i += o.length;
  }
  const open = stack.pop();
  if (open) {
    const msg = open.ch === '(' ? 'unclosed left parenthesis' : open.ch === '{' ? 'unexpected end of input inside braces' : 'unclosed left bracket';
    throw syntaxError(query, query.length, msg);
  }
  tokens.push({ t: 'eof', text: '', pos: query.length });
  return tokens;
}

function parseDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
  let total = 0;
  for (const m of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += parseInt(m[1]!, 10) * units[m[2]!]!;
  return total;
}

type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';
const TYPE_NAMES: Record<ValueType, string> = { scalar: 'scalar', vector: 'instant vector', matrix: 'range vector', string: 'string' };
const RANGE_ARG = ['rate', 'irate', 'increase', 'delta', 'idelta', 'deriv', 'changes', 'resets', 'absent_over_time', 'present_over_time'];
const OVER_TIME = ['avg_over_time', 'min_over_time', 'max_over_time', 'sum_over_time', 'count_over_time', 'last_over_time', 'stddev_over_time', 'stdvar_over_time'];
const INSTANT_ARG = ['abs', 'ceil', 'floor', 'exp', 'sqrt', 'ln', 'log2', 'log10', 'sgn', 'scalar', 'absent', 'sort', 'sort_desc', 'timestamp'];
/** Argument types of the functions whose signature is fixed (others are not checked). */
const SIGNATURES: Record<string, ValueType[]> = {
  ...Object.fromEntries([...RANGE_ARG, ...OVER_TIME].map((f) => [f, ['matrix'] as ValueType[]])),
  ...Object.fromEntries(INSTANT_ARG.map((f) => [f, ['vector'] as ValueType[]])),
  histogram_quantile: ['scalar', 'vector'],
  vector: ['scalar'],
  time: [],
  clamp_min: ['vector', 'scalar'],
  clamp_max: ['vector', 'scalar'],
  clamp: ['vector', 'scalar', 'scalar'],
};
const SCALAR_FUNCTIONS = new Set(['scalar', 'time', 'pi']);

export function typeOf(e: Expr): ValueType {
  switch (e.type) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'selector':
      return e.rangeMs === undefined ? 'vector' : 'matrix';
    case 'call':
      return SCALAR_FUNCTIONS.has(e.func) ? 'scalar' : 'vector';
    case 'aggregate':
      return 'vector';
    case 'unary':
      return typeOf(e.expr);
    case 'binary':
      return typeOf(e.lhs) === 'scalar' && typeOf(e.rhs) === 'scalar' ? 'scalar' : 'vector';
  }
}

const PRECEDENCE: Record<string, number> = { or: 1, and: 2, unless: 2, '==': 3, '!=': 3, '<=': 3, '<': 3, '>=': 3, '>': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };

class Parser {
  private i = 0;
  constructor(
    private readonly query: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private unexpected(tok: Token): never {
    if (tok.t === 'eof') throw syntaxError(this.query, tok.pos, 'unexpected end of input');
    throw syntaxError(this.query, tok.pos, `unexpected ${tok.t === 'id' ? `identifier "${tok.text}"` : `"${tok.text}"`}`);
  }
  private expectOp(text: string): void {
    const tok = this.next();
    if (tok.t !== 'op' || tok.text !== text) this.unexpected(tok);
  }
  private isOp(text: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.text === text;
  }

  parse(): Expr {
    if (this.peek().t === 'eof') throw new PromQLSyntaxError('1:1: parse error: no expression found in input');
    const e = this.expr(0);
    if (this.peek().t !== 'eof') this.unexpected(this.peek());
    return e;
  }

  private binaryOp(): BinaryOp | undefined {
    const tok = this.peek();
    if (tok.t === 'op' && tok.text in PRECEDENCE) return tok.text as BinaryOp;
    if (tok.t === 'id' && (tok.text === 'and' || tok.text === 'or' || tok.text === 'unless')) return tok.text;
    if (tok.t === 'id' && tok.text === 'atan2') throw new PromQLUnsupported('atan2');
    return undefined;
  }

  private expr(minPrec: number): Expr {
    let lhs = this.unary();
    for (;;) {
      const op = this.binaryOp();
      if (!op) return lhs;
      const prec = PRECEDENCE[op]!;
      if (prec < minPrec || (prec === minPrec && op !== '^')) return lhs;
      const opTok = this.next();
      let returnBool = false;
      if (this.peek().t === 'id' && this.peek().text === 'bool') {
        this.next();
        returnBool = true;
      }
      let matching: Extract<Expr, { type: 'binary' }>['matching'];
      if (this.peek().t === 'id' && (this.peek().text === 'on' || this.peek().text === 'ignoring')) {
        const on = this.next().text === 'on';
        matching = { on, labels: this.labelList(), include: [] };
        if (this.peek().t === 'id' && (this.peek().text === 'group_left' || this.peek().text === 'group_right')) {
          matching.group = this.next().text === 'group_left' ? 'left' : 'right';
          if (this.isOp('(')) matching.include = this.labelList();
        }
      }
      const rhsPos = this.peek().pos;
      const rhs = this.expr(op === '^' ? prec : prec + 1);
      for (const [side, at] of [[lhs, opTok.pos], [rhs, rhsPos]] as const) {
        const t = typeOf(side);
        if (t === 'matrix' || t === 'string') throw syntaxError(this.query, at, 'binary expression must contain only scalar and instant vector types');
      }
      if (COMPARISON_OPS.has(op) && !returnBool && typeOf(lhs) === 'scalar' && typeOf(rhs) === 'scalar') {
        throw syntaxError(this.query, opTok.pos, 'comparisons between scalars must use BOOL modifier');
      }
      lhs = { type: 'binary', op, lhs, rhs, returnBool, matching };
    }
  }

  private unary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const neg = this.next().text === '-';
      const e = this.expr(PRECEDENCE['*']!);
      return neg ? { type: 'unary', expr: e } : e;
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      if (this.isOp('[')) {
        const open = this.next();
        const dur = this.next();
        if (dur.t !== 'dur') this.unexpected(dur);
        if (this.isOp(':')) throw new PromQLUnsupported('subquery');
        this.expectOp(']');
        if (e.type !== 'selector' || e.rangeMs !== undefined) throw syntaxError(this.query, open.pos, 'ranges only allowed for vector selectors');
        e = { ...e, rangeMs: parseDuration(dur.text) };
        continue;
      }
      if (this.peek().t === 'id' && this.peek().text === 'offset') {
        this.next();
        const neg = this.isOp('-') ? (this.next(), true) : false;
        const dur = this.next();
        if (dur.t !== 'dur') this.unexpected(dur);
        if (e.type !== 'selector') throw new PromQLUnsupported('offset on a non-selector');
        e = { ...e, offsetMs: (neg ? -1 : 1) * parseDuration(dur.text) };
        continue;
      }
      if (this.isOp('@')) throw new PromQLUnsupported('@ modifier');
      return e;
    }
  }

  private primary(): Expr {
    const tok = this.next();
    if (tok.t === 'num') {
      const lower = tok.text.toLowerCase();
      const value = lower === 'inf' ? Infinity : lower === 'nan' ? NaN : Number(tok.text);
      return { type: 'number', value };
    }
    if (tok.t === 'str') return { type: 'string', value: tok.text };
    if (tok.t === 'op' && tok.text === '(') {
      const e = this.expr(0);
      this.expectOp(')');
      return e;
    }
    if (tok.t === 'op' && tok.text === '{') return { type: 'selector', matchers: this.matchers(), offsetMs: 0 };
    if (tok.t !== 'id') this.unexpected(tok);
    const name = tok.text;
    if (AGGREGATIONS.has(name) && (this.isOp('(') || (this.peek().t === 'id' && (this.peek().text === 'by' || this.peek().text === 'without')))) {
      return this.aggregate(name);
    }
    if (this.isOp('(')) {
      if (!KNOWN_FUNCTIONS.has(name)) throw syntaxError(this.query, tok.pos, `unknown function with name "${name}"`);
      this.next();
      const args: Expr[] = [];
      const argPos: number[] = [];
      if (!this.isOp(')')) {
        argPos.push(this.peek().pos);
        args.push(this.expr(0));
        while (this.isOp(',')) {
          this.next();
          argPos.push(this.peek().pos);
          args.push(this.expr(0));
        }
      }
      this.expectOp(')');
      const call: Expr = { type: 'call', func: name, args, argPos };
      this.checkCall(call, tok.pos);
      return call;
    }
    if (KEYWORDS.has(name)) this.unexpected(tok);
    const matchers = this.isOp('{') ? (this.next(), this.matchers()) : [];
    return { type: 'selector', name, matchers, offsetMs: 0 };
  }

  /** Prometheus rejects argument type mismatches at parse time (`scalar(1)`, `rate(up)`): so do we. */
  private checkCall(call: Extract<Expr, { type: 'call' }>, pos: number): void {
    const signature = SIGNATURES[call.func];
    if (!signature) return;
    if (call.args.length !== signature.length) {
      throw syntaxError(this.query, pos, `expected ${signature.length} argument(s) in call to "${call.func}", got ${call.args.length}`);
    }
    call.args.forEach((arg, i) => {
      const got = typeOf(arg);
      if (got !== signature[i]) {
        throw syntaxError(this.query, call.argPos![i]!, `expected type ${TYPE_NAMES[signature[i]!]} in call to function "${call.func}", got ${TYPE_NAMES[got]}`);
      }
    });
  }

  private aggregate(op: string): Expr {
    let grouping: string[] = [];
    let without = false;
    let sawGrouping = false;
    if (this.peek().t === 'id' && (this.peek().text === 'by' || this.peek().text === 'without')) {
      without = this.next().text === 'without';
      grouping = this.labelList();
      sawGrouping = true;
    }
    this.expectOp('(');
    let param: Expr | undefined;
    let expr = this.expr(0);
    if (this.isOp(',')) {
      this.next();
      param = expr;
      expr = this.expr(0);
    }
    this.expectOp(')');
    if (!sawGrouping && this.peek().t === 'id' && (this.peek().text === 'by' || this.peek().text === 'without')) {
      without = this.next().text === 'without';
      grouping = this.labelList();
    }
    return { type: 'aggregate', op, param, expr, grouping, without };
  }

  private labelList(): string[] {
    this.expectOp('(');
    const labels: string[] = [];
    while (!this.isOp(')')) {
      const tok = this.next();
      if (tok.t !== 'id') this.unexpected(tok);
      labels.push(tok.text);
      if (this.isOp(',')) this.next();
    }
    this.next();
    return labels;
  }

  private matchers(): Matcher[] {
    const out: Matcher[] = [];
    while (!this.isOp('}')) {
      const name = this.next();
      if (name.t !== 'id') this.unexpected(name);
      const op = this.next();
      if (op.t !== 'op' || !['=', '!=', '=~', '!~'].includes(op.text)) this.unexpected(op);
      const value = this.next();
      if (value.t !== 'str') this.unexpected(value);
      out.push({ name: name.text, op: op.text as MatchOp, value: value.text });
      if (this.isOp(',')) this.next();
      else if (!this.isOp('}')) this.unexpected(this.peek());
    }
    this.next();
    return out;
  }
}

export function parsePromQL(query: string): Expr {
  return new Parser(query, lexPromQL(query)).parse();
}
