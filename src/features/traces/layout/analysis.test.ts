import { generateLargeTrace } from '../../../demo/largeTrace';
import { biggestContributors } from './contributors';
import { criticalPath } from './criticalPath';
import { selfTime } from './selfTime';
import { buildSpanTree } from './spanTree';
import { fixtureTrace, span } from './testTraces';

const ms = (us: number) => Math.round(us / 10) / 100;

describe('self time', () => {
  it('subtracts the union of children on trace A (parallel children count once)', () => {
    const tree = buildSpanTree(fixtureTrace('trace-a-reference.json').spans);
    const self = selfTime(tree);
    const byName = Object.fromEntries(tree.spans.map((s, i) => [s.name, ms(self[i])]));
    // create_goal 10-240 ms; children llm 15-195, embed 196-211, insert 208-238 cover 222 ms.
    expect(byName).toEqual({
      'POST /v1/goals/create': 15,
      'middleware.auth': 5,
      create_goal: 8,
      'llm.generate_smart_goal': 5,
      'http.post api.openai.com': 175,
      'vector_search.embed_goal': 15,
      'postgres.insert_goal': 30,
    });
  });

  it('clips a skewed child to its parent, so self time is never negative', () => {
    const tree = buildSpanTree([span('p', undefined, 10, 10), span('c', 'p', 5, 30)]);
    expect(Array.from(selfTime(tree))).toEqual([0, 30_000]);
  });

  it('is zero for zero-duration spans', () => {
    const tree = buildSpanTree([span('p', undefined, 0, 0), span('c', 'p', 0, 0)]);
    expect(Array.from(selfTime(tree))).toEqual([0, 0]);
  });
});

describe('critical path', () => {
  it('walks trace A back from its end (hand-checked sections)', () => {
    const tree = buildSpanTree(fixtureTrace('trace-a-reference.json').spans);
    const path = criticalPath(tree);
    expect(path.sections.map((s) => `${tree.spans[s.node].name} ${ms(s.startUs)}-${ms(s.endUs)}`)).toEqual([
      'POST /v1/goals/create 0-3',
      'middleware.auth 3-8',
      'POST /v1/goals/create 8-10',
      'create_goal 10-15',
      'llm.generate_smart_goal 15-17',
      'http.post api.openai.com 17-192',
      'llm.generate_smart_goal 192-195',
      'create_goal 195-208',
      'postgres.insert_goal 208-238',
      'create_goal 238-240',
      'POST /v1/goals/create 240-250',
    ]);
    // vector_search.embed_goal (196-211) overlaps the insert that ends later: not critical.
    expect(path.onPath[tree.spans.findIndex((s) => s.name === 'vector_search.embed_goal')]).toBe(0);
    expect(path.timeUs.reduce((a, b) => a + b, 0)).toBe(250_000);
  });

  it('clips a child that starts before its parent (trace D) and leaves the overlapping orphan off', () => {
    const tree = buildSpanTree(fixtureTrace('trace-d-orphan-skew.json').spans);
    const path = criticalPath(tree);
    expect(path.sections.map((s) => `${tree.spans[s.node].name} ${ms(s.startUs)}-${ms(s.endUs)}`)).toEqual([
      'reminders.dispatch_batch 0-20',
      'POST /v1/notify 20-67',
      'http.post notification-service 67-80',
      'reminders.dispatch_batch 80-120',
    ]);
  });

  it('crosses from one root to the next when the trace has several', () => {
    const tree = buildSpanTree([span('first', undefined, 0, 10), span('second', undefined, 20, 10)]);
    const path = criticalPath(tree);
    expect(path.sections.map((s) => [tree.spans[s.node].name, ms(s.startUs), ms(s.endUs)])).toEqual([
      ['first', 0, 10],
      ['second', 20, 30],
    ]);
  });

  it('makes progress past zero-duration children', () => {
    const tree = buildSpanTree([span('p', undefined, 0, 10), span('z1', 'p', 10, 0), span('z2', 'p', 5, 0), span('c', 'p', 2, 3)]);
    const path = criticalPath(tree);
    expect(path.sections.map((s) => tree.spans[s.node].name)).toEqual(['p', 'c', 'p']);
  });

  it('covers the whole of a 100,000-span trace once', () => {
    const tree = buildSpanTree(generateLargeTrace(100_000, 7).spans);
    const path = criticalPath(tree);
    const total = path.timeUs.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(tree.durationUs, 0);
    for (let i = 1; i < path.sections.length; i++) expect(path.sections[i].startUs).toBeGreaterThanOrEqual(path.sections[i - 1].endUs);
  });
});

describe('biggest contributors', () => {
  it('names the LLM step of trace A: 180 ms, 72%', () => {
    const tree = buildSpanTree(fixtureTrace('trace-a-reference.json').spans);
    const top = biggestContributors(tree, criticalPath(tree));
    expect(top.map((c) => `${c.name}: ${ms(c.timeUs)} ms, ${Math.round(c.share * 100)}%`)).toEqual([
      'llm.generate_smart_goal: 180 ms, 72%',
      'create_goal: 50 ms, 20%',
      'POST /v1/goals/create: 15 ms, 6%',
      'middleware.auth: 5 ms, 2%',
    ]);
    expect(top[0].serviceName).toBe('dyocense-api');
  });

  it('groups spans of one operation and keeps calls into another service apart', () => {
    const tree = buildSpanTree([
      span('root', undefined, 0, 100),
      span('q1', 'root', 0, 40, { name: 'SELECT', kind: 'client', serviceName: 'db' }),
      span('q2', 'root', 50, 40, { name: 'SELECT', kind: 'client', serviceName: 'db' }),
    ]);
    const [first] = biggestContributors(tree, criticalPath(tree));
    expect(first).toMatchObject({ name: 'SELECT', serviceName: 'db', timeUs: 80_000, spanCount: 2 });
  });
});
