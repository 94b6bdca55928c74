// A small TraceQL subset for demo search: spansets `{ ... }` joined by `&&` / `||`, conditions on
// intrinsics (name, status, statusMessage, duration, kind, rootName, rootServiceName,
// traceDuration) and on resource./span./unscoped attributes, with = != > >= < <= =~ !~.
// Errors read like Tempo 2.3's: `parse error at line 1, col 40: syntax error: unexpected }`.

import type { AttributeValue } from '../datasources/types.ts';
import { parseDurationMs } from './timefmt.ts';
import { rootSpan, traceBoundsUs, type DemoSpan, type DemoTrace } from './traceModel.ts';

export class TraceQLError extends Error {}

type Value = { type: 'string'; v: string } | { type: 'number'; v: number } | { type: 'duration'; ns: number } | { type: 'enum'; v: string } | { type: 'bool'; v: boolean };
type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | '=~' | '!~';
/** An attribute reference: intrinsic, or scope + key. */
export type Attr = { intrinsic: string } | { scope: 'resource' | 'span' | 'any'; key: string };

type FieldExpr = { op: '&&' | '||'; left: FieldExpr; right: FieldExpr } | { attr: Attr; cmp: Op; value: Value } | { all: true };
type SpansetExpr = { op: '&&' | '||'; left: SpansetExpr; right: SpansetExpr } | { spanset: FieldExpr };

const INTRINSICS = new Set(['name', 'status', 'statusMessage', 'duration', 'kind', 'rootName', 'rootServiceName', 'traceDuration']);
const STATUS = new Set(['error', 'ok', 'unset']);
const KINDS = new Set(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer']);

interface Token {
  t: string;
  text: string;
  pos: number;
}

function lex(q: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|("(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h)?)|(&&|\|\||=~|!~|!=|>=|<=|[{}()=<>|])|([A-Za-z_.][A-Za-z0-9_.\-:/]*)/y;
  let pos = 0;
  while (pos < q.length) {
    re.lastIndex = pos;
    const m = re.exec(q);
    if (!m) throw new TraceQLError(`parse error at line 1, col ${pos + 1}: syntax error: unexpected ${q[pos]}`);
    if (m[1]) tokens.push({ t: 'string', text: m[1], pos });
    else if (m[2]) tokens.push({ t: 'number', text: m[2], pos });
    else if (m[3]) tokens.push({ t: m[3], text: m[3], pos });
    else if (m[4]) tokens.push({ t: 'ident', text: m[4], pos });
    pos = re.lastIndex;
  }
  tokens.push({ t: '$end', text: '$end', pos: q.length });
  return tokens;
}

class Parser {
  private i = 0;
  readonly attrs: Attr[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private fail(tok: Token): never {
    throw new TraceQLError(`parse error at line 1, col ${tok.pos + 1}: syntax error: unexpected ${tok.text}`);
  }
  private expect(t: string): Token {
    const tok = this.next();
    if (tok.t !== t) this.fail(tok);
    return tok;
  }

  query(): SpansetExpr {
    const e = this.spansetExpr();
    if (this.peek().t !== '$end') this.fail(this.peek());
    return e;
  }

  private spansetExpr(): SpansetExpr {
    let left = this.spansetTerm();
    while (this.peek().t === '&&' || this.peek().t === '||') {
      const op = this.next().t as '&&' | '||';
      left = { op, left, right: this.spansetTerm() };
    }
    return left;
  }

  private spansetTerm(): SpansetExpr {
    const tok = this.next();
    if (tok.t === '(') {
      const e = this.spansetExpr();
      this.expect(')');
      return e;
    }
    if (tok.t !== '{') this.fail(tok);
    if (this.peek().t === '}') {
      this.next();
      return { spanset: { all: true } };
    }
    const f = this.fieldOr();
    this.expect('}');
    return { spanset: f };
  }

  private fieldOr(): FieldExpr {
    let left = this.fieldAnd();
    while (this.peek().t === '||') {
      this.next();
      left = { op: '||', left, right: this.fieldAnd() };
    }
    return left;
  }

  private fieldAnd(): FieldExpr {
    let left = this.fieldTerm();
    while (this.peek().t === '&&') {
      this.next();
      left = { op: '&&', left, right: this.fieldTerm() };
    }
    return left;
  }

  private fieldTerm(): FieldExpr {
    if (this.peek().t === '(') {
      this.next();
      const e = this.fieldOr();
      this.expect(')');
      return e;
    }
    const tok = this.next();
    if (tok.t !== 'ident') this.fail(tok);
    const attr = toAttr(tok.text);
    if (!attr) this.fail(tok);
    this.attrs.push(attr);
    const opTok = this.next();
    if (!['=', '!=', '>', '>=', '<', '<=', '=~', '!~'].includes(opTok.t)) this.fail(opTok);
    return { attr, cmp: opTok.t as Op, value: this.value() };
  }

  private value(): Value {
    const tok = this.next();
    if (tok.t === 'string') return { type: 'string', v: JSON.parse(tok.text) as string };
    if (tok.t === 'number') {
      if (/[a-zµ]$/.test(tok.text)) return { type: 'duration', ns: parseDurationMs(tok.text)! * 1e6 };
      return { type: 'number', v: parseFloat(tok.text) };
    }
    if (tok.t === 'ident') {
      if (tok.text === 'true' || tok.text === 'false') return { type: 'bool', v: tok.text === 'true' };
      if (STATUS.has(tok.text) || KINDS.has(tok.text)) return { type: 'enum', v: tok.text };
    }
    this.fail(tok);
  }
}

function toAttr(text: string): Attr | undefined {
  if (INTRINSICS.has(text)) return { intrinsic: text };
  if (text.startsWith('resource.') && text.length > 9) return { scope: 'resource', key: text.slice(9) };
  if (text.startsWith('span.') && text.length > 5) return { scope: 'span', key: text.slice(5) };
  if (text.startsWith('.') && text.length > 1) return { scope: 'any', key: text.slice(1) };
  return undefined;
}

type Scalar = string | number | boolean | undefined;

function attrValue(attr: Attr, span: DemoSpan, trace: DemoTrace): Scalar {
  if ('intrinsic' in attr) {
    switch (attr.intrinsic) {
      case 'name':
        return span.name;
      case 'status':
        return span.status.code;
      case 'statusMessage':
        return span.status.message ?? '';
      case 'duration':
        return span.durationUs * 1000;
      case 'kind':
        return span.kind;
      case 'rootName':
        return rootSpan(trace.spans)?.name;
      case 'rootServiceName':
        return rootSpan(trace.spans)?.serviceName;
      case 'traceDuration': {
        const { startUs, endUs } = traceBoundsUs(trace);
        return (endUs - startUs) * 1000;
      }
    }
    return undefined;
  }
  const pickScalar = (v: AttributeValue | undefined): Scalar => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined);
  if (attr.scope === 'resource') return pickScalar(span.resource[attr.key]);
  if (attr.scope === 'span') return pickScalar(span.attributes[attr.key]);
  return pickScalar(span.attributes[attr.key] ?? span.resource[attr.key]);
}

function compare(actual: Scalar, cmp: Op, value: Value): boolean {
  if (actual === undefined) return false;
  const expected = value.type === 'duration' ? value.ns : value.v;
  if (cmp === '=~' || cmp === '!~') {
    if (typeof actual !== 'string' || typeof expected !== 'string') return false;
    const hit = new RegExp(expected).test(actual);
    return cmp === '=~' ? hit : !hit;
  }
  if (typeof actual !== typeof expected) return false;
  switch (cmp) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
  }
}

function matchSpan(f: FieldExpr, span: DemoSpan, trace: DemoTrace): boolean {
  if ('all' in f) return true;
  if ('op' in f) return f.op === '&&' ? matchSpan(f.left, span, trace) && matchSpan(f.right, span, trace) : matchSpan(f.left, span, trace) || matchSpan(f.right, span, trace);
  return compare(attrValue(f.attr, span, trace), f.cmp, f.value);
}

function evalSpansets(e: SpansetExpr, trace: DemoTrace): DemoSpan[] {
  if ('spanset' in e) return trace.spans.filter((s) => matchSpan(e.spanset, s, trace));
  const left = evalSpansets(e.left, trace);
  const right = evalSpansets(e.right, trace);
  if (e.op === '&&') return left.length && right.length ? [...new Set([...left, ...right])] : [];
  return [...new Set([...left, ...right])];
}

export interface TraceQLQuery {
  /** The spans of `trace` that match, in trace order; empty when the trace does not match. */
  match(trace: DemoTrace): DemoSpan[];
  /** The attributes the query names (search hits echo these on matching spans). */
  attributes: Attr[];
}

export function parseTraceQL(query: string): TraceQLQuery {
  const trimmed = query.trim();
  const parser = new Parser(lex(trimmed === '' ? '{}' : trimmed));
  const ast = parser.query();
  return {
    match: (trace) => {
      const matched = new Set(evalSpansets(ast, trace));
      return trace.spans.filter((s) => matched.has(s));
    },
    attributes: parser.attrs,
  };
}
