// A LogQL parser for the subset the demo evaluates: stream selectors (= != =~ !~), line filters
// (|= != |~ !~, with `or`), `| json`, `| logfmt`, `| regexp`, `| line_format`, `| decolorize`,
// `| drop`, `| keep`, label filters (string, numeric and duration comparisons with and/or),
// `| unwrap`; metric queries: count_over_time, rate, bytes_over_time, bytes_rate and the unwrap
// range functions, vector aggregations with by/without, arithmetic and comparisons.
// Errors are Loki's plain-text ones: `parse error at line 1, col 24: syntax error: unexpected $end, expecting } or ,`.

export class LogQLError extends Error {}

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}
export type LineFilterOp = '|=' | '!=' | '|~' | '!~';
export type CmpOp = '=' | '!=' | '=~' | '!~' | '==' | '>' | '>=' | '<' | '<=';
export type LabelFilter =
  | { type: 'and' | 'or'; left: LabelFilter; right: LabelFilter }
  | { type: 'cmp'; label: string; op: CmpOp; value: { kind: 'string'; v: string } | { kind: 'number'; v: number } | { kind: 'duration'; ms: number } };

export type Stage =
  | { type: 'line'; op: LineFilterOp; values: string[] }
  | { type: 'json' }
  | { type: 'logfmt' }
  | { type: 'regexp'; pattern: string }
  | { type: 'line_format'; template: string }
  | { type: 'decolorize' }
  | { type: 'drop' | 'keep'; labels: string[] }
  | { type: 'labelFilter'; filter: LabelFilter }
  | { type: 'unwrap'; label: string; conversion?: 'duration' | 'duration_seconds' | 'bytes' };

export interface LogExpr {
  type: 'log';
  matchers: Matcher[];
  stages: Stage[];
}

export const RANGE_FUNCTIONS = new Set(['count_over_time', 'rate', 'bytes_over_time', 'bytes_rate', 'sum_over_time', 'avg_over_time', 'max_over_time', 'min_over_time', 'first_over_time', 'last_over_time', 'absent_over_time']);
export const VECTOR_AGGREGATIONS = new Set(['sum', 'avg', 'min', 'max', 'count', 'topk', 'bottomk', 'stddev', 'stdvar']);

export type MetricExpr =
  | { type: 'range'; fn: string; log: LogExpr; rangeMs: number; offsetMs: number }
  | { type: 'aggregate'; op: string; grouping: string[]; without: boolean; param?: number; expr: MetricExpr }
  | { type: 'number'; value: number }
  | { type: 'binary'; op: string; lhs: MetricExpr; rhs: MetricExpr; returnBool: boolean };

export type Query = LogExpr | MetricExpr;

interface Token {
  t: string; // '$end' | 'IDENTIFIER' | 'STRING' | 'NUMBER' | 'DURATION' | literal operator
  text: string;
  pos: number;
}

function unquote(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, -1);
  return JSON.parse(raw.replace(/\\([^"\\/bfnrtu])/g, '\\\\$1')) as string;
}

export function lexLogQL(q: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|("(?:[^"\\]|\\.)*"|`[^`]*`)|((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d|w|y))+)|(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\|=|\|~|!=|!~|=~|==|>=|<=|[{}()[\],|=<>+\-*/%^])/y;
  let pos = 0;
  while (pos < q.length) {
    re.lastIndex = pos;
    const m = re.exec(q);
    if (!m) {
      if (q[pos] === '"') throw new LogQLError(`parse error at line 1, col ${pos + 1}: literal not terminated`);
      throw new LogQLError(`parse error at line 1, col ${pos + 1}: syntax error: unexpected ${q[pos]}`);
    }
    if (m[1]) out.push({ t: 'STRING', text: m[1], pos });
    else if (m[2]) out.push({ t: 'DURATION', text: m[2], pos });
    else if (m[3]) out.push({ t: 'NUMBER', text: m[3], pos });
    else if (m[4]) out.push({ t: 'IDENTIFIER', text: m[4], pos });
    else if (m[5]) out.push({ t: m[5], text: m[5], pos });
    pos = re.lastIndex;
  }
  out.push({ t: '$end', text: '', pos: q.length });
  return out;
}

function durationMs(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w|y)/g)) total += parseFloat(m[1]!) * units[m[2]!]!;
  return total;
}

const BINARY_PRECEDENCE: Record<string, number> = { or: 1, and: 2, unless: 2, '==': 3, '!=': 3, '>': 3, '>=': 3, '<': 3, '<=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private fail(tok: Token, expecting?: string[]): never {
    const what = tok.t === '$end' ? '$end' : tok.t === 'IDENTIFIER' || tok.t === 'STRING' || tok.t === 'NUMBER' || tok.t === 'DURATION' ? tok.t : tok.text;
    const exp = expecting?.length ? `, expecting ${expecting.join(' or ')}` : '';
    throw new LogQLError(`parse error at line 1, col ${tok.pos + 1}: syntax error: unexpected ${what}${exp}`);
  }
  private expect(t: string, expecting: string[] = [t]): Token {
    const tok = this.next();
    if (tok.t !== t) this.fail(tok, expecting);
    return tok;
  }

  parse(): Query {
    const q = this.peek().t === '{' || (this.peek().t === '(' && this.looksLikeLog()) ? this.logExpr() : this.metricExpr(0);
    if (this.peek().t !== '$end') this.fail(this.peek());
    return q;
  }

  private looksLikeLog(): boolean {
    let k = 0;
    while (this.peek(k).t === '(') k++;
    return this.peek(k).t === '{';
  }

  private metricExpr(minPrec: number): MetricExpr {
    let lhs = this.metricPrimary();
    for (;;) {
      const tok = this.peek();
      const op = tok.t === 'IDENTIFIER' ? tok.text : tok.t;
      const prec = BINARY_PRECEDENCE[op];
      if (prec === undefined || prec < minPrec || (prec === minPrec && op !== '^')) return lhs;
      this.next();
      let returnBool = false;
      if (this.peek().t === 'IDENTIFIER' && this.peek().text === 'bool') {
        this.next();
        returnBool = true;
      }
      const rhs = this.metricExpr(op === '^' ? prec : prec + 1);
      lhs = { type: 'binary', op, lhs, rhs, returnBool };
    }
  }

  private metricPrimary(): MetricExpr {
    const tok = this.next();
    if (tok.t === 'NUMBER') return { type: 'number', value: parseFloat(tok.text) };
    if (tok.t === '-' && this.peek().t === 'NUMBER') return { type: 'number', value: -parseFloat(this.next().text) };
    if (tok.t === '(') {
      const e = this.metricExpr(0);
      this.expect(')');
      return e;
    }
    if (tok.t !== 'IDENTIFIER') this.fail(tok);
    if (RANGE_FUNCTIONS.has(tok.text)) return this.rangeAggregation(tok.text);
    if (VECTOR_AGGREGATIONS.has(tok.text)) return this.vectorAggregation(tok.text);
    this.fail(tok);
  }

  private rangeAggregation(fn: string): MetricExpr {
    this.expect('(');
    let log: LogExpr;
    let rangeMs: number;
    if (this.peek().t === '(') {
      this.next();
      log = this.logExpr();
      this.expect(')');
      rangeMs = this.range();
    } else {
      const matchers = this.selector();
      if (this.peek().t === '[') {
        rangeMs = this.range();
        log = { type: 'log', matchers, stages: this.pipeline() };
      } else {
        log = { type: 'log', matchers, stages: this.pipeline() };
        rangeMs = this.range();
      }
    }
    let offsetMs = 0;
    if (this.peek().t === 'IDENTIFIER' && this.peek().text === 'offset') {
      this.next();
      offsetMs = durationMs(this.expect('DURATION').text);
    }
    this.expect(')');
    return { type: 'range', fn, log, rangeMs, offsetMs };
  }

  private range(): number {
    this.expect('[', ['[']);
    const d = this.expect('DURATION', ['DURATION']);
    this.expect(']');
    return durationMs(d.text);
  }

  private vectorAggregation(op: string): MetricExpr {
    let grouping: string[] = [];
    let without = false;
    const groupingClause = (): boolean => {
      const t = this.peek();
      if (t.t !== 'IDENTIFIER' || (t.text !== 'by' && t.text !== 'without')) return false;
      without = this.next().text === 'without';
      grouping = this.labelList();
      return true;
    };
    const before = groupingClause();
    this.expect('(');
    let param: number | undefined;
    if (this.peek().t === 'NUMBER' && this.peek(1).t === ',') {
      param = parseFloat(this.next().text);
      this.next();
    }
    const expr = this.metricExpr(0);
    this.expect(')');
    if (!before) groupingClause();
    return { type: 'aggregate', op, grouping, without, param, expr };
  }

  private labelList(): string[] {
    this.expect('(');
    const labels: string[] = [];
    while (this.peek().t !== ')') {
      labels.push(this.expect('IDENTIFIER').text);
      if (this.peek().t === ',') this.next();
      else if (this.peek().t !== ')') this.fail(this.peek(), [')', ',']);
    }
    this.next();
    return labels;
  }

  logExpr(): LogExpr {
    if (this.peek().t === '(') {
      this.next();
      const e = this.logExpr();
      this.expect(')');
      return e;
    }
    return { type: 'log', matchers: this.selector(), stages: this.pipeline() };
  }

  private selector(): Matcher[] {
    this.expect('{', ['{']);
    const matchers: Matcher[] = [];
    for (;;) {
      const name = this.next();
      if (name.t !== 'IDENTIFIER') this.fail(name, ['IDENTIFIER']);
      const op = this.next();
      if (!['=', '!=', '=~', '!~'].includes(op.t)) this.fail(op, ['=', '!=', '=~', '!~']);
      const value = this.next();
      if (value.t !== 'STRING') this.fail(value, ['STRING']);
      matchers.push({ name: name.text, op: op.t as MatchOp, value: unquote(value.text) });
      const sep = this.next();
      if (sep.t === '}') break;
      if (sep.t !== ',') this.fail(sep, ['}', ',']);
    }
    return matchers;
  }

  private pipeline(): Stage[] {
    const stages: Stage[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === '|=' || tok.t === '!=' || tok.t === '|~' || tok.t === '!~') {
        this.next();
        const values = [unquote(this.expect('STRING').text)];
        while (this.peek().t === 'IDENTIFIER' && this.peek().text === 'or' && this.peek(1).t === 'STRING') {
          this.next();
          values.push(unquote(this.next().text));
        }
        stages.push({ type: 'line', op: tok.t, values });
        continue;
      }
      if (tok.t !== '|') return stages;
      this.next();
      stages.push(this.stage());
    }
  }

  private stage(): Stage {
    const tok = this.next();
    if (tok.t !== 'IDENTIFIER') this.fail(tok);
    const isFilter = ['=', '!=', '=~', '!~', '==', '>', '>=', '<', '<='].includes(this.peek().t);
    if (!isFilter) {
      switch (tok.text) {
        case 'json':
        case 'logfmt':
          if (this.peek().t === 'IDENTIFIER' && this.peek(1).t === '=') throw new LogQLError(`parse error : demo mode does not support ${tok.text} parameters`);
          return { type: tok.text };
        case 'decolorize':
          return { type: 'decolorize' };
        case 'regexp':
          return { type: 'regexp', pattern: unquote(this.expect('STRING').text) };
        case 'line_format':
          return { type: 'line_format', template: unquote(this.expect('STRING').text) };
        case 'drop':
        case 'keep': {
          const labels = [this.expect('IDENTIFIER').text];
          while (this.peek().t === ',') {
            this.next();
            labels.push(this.expect('IDENTIFIER').text);
          }
          return { type: tok.text, labels };
        }
        case 'unwrap': {
          const first = this.expect('IDENTIFIER').text;
          if ((first === 'duration' || first === 'duration_seconds' || first === 'bytes') && this.peek().t === '(') {
            this.next();
            const label = this.expect('IDENTIFIER').text;
            this.expect(')');
            return { type: 'unwrap', label, conversion: first };
          }
          return { type: 'unwrap', label: first };
        }
        case 'pattern':
        case 'label_format':
        case 'unpack':
          throw new LogQLError(`parse error : demo mode does not support the ${tok.text} stage`);
      }
      this.fail(this.peek());
    }
    this.i--;
    return { type: 'labelFilter', filter: this.labelFilterOr() };
  }

  private labelFilterOr(): LabelFilter {
    let left = this.labelFilterAnd();
    while (this.peek().t === 'IDENTIFIER' && this.peek().text === 'or' && this.peek(1).t !== 'STRING') {
      this.next();
      left = { type: 'or', left, right: this.labelFilterAnd() };
    }
    return left;
  }

  private labelFilterAnd(): LabelFilter {
    let left = this.labelFilterTerm();
    while ((this.peek().t === 'IDENTIFIER' && this.peek().text === 'and') || (this.peek().t === ',' && this.peek(1).t === 'IDENTIFIER')) {
      this.next();
      left = { type: 'and', left, right: this.labelFilterTerm() };
    }
    return left;
  }

  private labelFilterTerm(): LabelFilter {
    if (this.peek().t === '(') {
      this.next();
      const f = this.labelFilterOr();
      this.expect(')');
      return f;
    }
    const label = this.expect('IDENTIFIER').text;
    const opTok = this.next();
    if (!['=', '!=', '=~', '!~', '==', '>', '>=', '<', '<='].includes(opTok.t)) this.fail(opTok);
    const v = this.next();
    const op = opTok.t as CmpOp;
    if (v.t === 'STRING') return { type: 'cmp', label, op, value: { kind: 'string', v: unquote(v.text) } };
    if (v.t === 'NUMBER' && op !== '=~' && op !== '!~') return { type: 'cmp', label, op, value: { kind: 'number', v: parseFloat(v.text) } };
    if (v.t === 'DURATION' && op !== '=~' && op !== '!~') return { type: 'cmp', label, op, value: { kind: 'duration', ms: durationMs(v.text) } };
    this.fail(v, ['STRING']);
  }
}

function emptyCompatible(m: Matcher): boolean {
  if (m.op === '=') return m.value === '';
  if (m.op === '=~') return new RegExp(`^(?:${m.value})$`).test('');
  return true;
}

const EMPTY_SELECTOR_ERROR =
  'parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will';

function checkSelectors(q: Query): void {
  if (q.type === 'log') {
    if (q.matchers.every(emptyCompatible)) throw new LogQLError(EMPTY_SELECTOR_ERROR);
  } else if (q.type === 'range') checkSelectors(q.log);
  else if (q.type === 'aggregate') checkSelectors(q.expr);
  else if (q.type === 'binary') {
    checkSelectors(q.lhs);
    checkSelectors(q.rhs);
  }
}

export function parseLogQL(query: string): Query {
  const q = new Parser(lexLogQL(query)).parse();
  checkSelectors(q);
  return q;
}
