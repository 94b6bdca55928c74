// dyocense-api: `POST /v1/goals/create` with the exact shape and timings of the fixtures'
// reference trace A (250 ms: auth 5, create_goal 230 -> llm.generate_smart_goal 180 ->
// http.post api.openai.com 175, vector embed 15, postgres.insert_goal 30), and `GET /v1/goals`,
// which slows down and sometimes fails during incidents.

import { between, incident, mulberry32, pick } from './random.ts';
import { SCOPES, SERVICES, TraceBuilder } from './traceModel.ts';

const ms = 1000;
const API = SERVICES.dyocense;
const GOALS = { name: 'dyocense.goals' };
const TENANTS = ['tenant-acme', 'tenant-globex', 'tenant-initech', 'tenant-umbrella'];
const GOAL_TYPES = ['revenue_growth', 'cost_reduction', 'customer_retention', 'hiring_plan'];

/** Goal traces start exactly this long after their bucket starts. */
export const GOAL_OFFSET_MS = 7000;

/** The goal-creation trace of a goals bucket; `linkTo` is the create_goal span of the previous one. */
export function buildGoalTrace(seed: number, bucket: number, traceId: string, bucketStartUs: number, linkTo?: { traceId: string; spanId: string }): TraceBuilder {
  const rnd = mulberry32(seed ^ Math.imul(bucket, 0xc2b2ae35) ^ 0x60a1);
  const tenant = pick(TENANTS, rnd());
  const goalType = pick(GOAL_TYPES, rnd());
  const user = `user-${1000 + Math.floor(rnd() * 9000)}`;
  const tokens = 600 + Math.floor(rnd() * 500);
  const b = new TraceBuilder(traceId, bucketStartUs + GOAL_OFFSET_MS * ms, [seed, bucket, 'goal']);

  const root = b.span({
    name: 'POST /v1/goals/create',
    service: API,
    kind: 'server',
    scope: SCOPES.fastapi,
    atUs: 0,
    durationUs: 250 * ms,
    attributes: {
      'http.route': '/v1/goals/create',
      'http.target': '/v1/goals/create',
      'http.scheme': 'https',
      'net.host.name': 'api.dyocense.example',
      'user_agent.original': 'dyocense-web/1.4.2',
      'http.method': 'POST',
      'http.status_code': 200,
    },
    status: { code: 'ok' },
  });
  b.span({
    parent: root,
    name: 'middleware.auth',
    service: API,
    kind: 'internal',
    scope: SCOPES.fastapi,
    atUs: 3 * ms,
    durationUs: 5 * ms,
    attributes: { 'enduser.id': user, tenant_id: tenant },
  });
  const create = b.span({
    parent: root,
    name: 'create_goal',
    service: API,
    kind: 'internal',
    scope: GOALS,
    atUs: 10 * ms,
    durationUs: 230 * ms,
    attributes: { tenant_id: tenant, goal_type: goalType },
    events: [{ name: 'cache miss', atUs: 12 * ms, attributes: { 'cache.key': `goal_templates:${goalType}`, 'cache.backend': 'redis' } }],
    links: linkTo ? [{ traceId: linkTo.traceId, spanId: linkTo.spanId, attributes: { 'link.reason': 'previous_goal' } }] : [],
  });
  const llm = b.span({
    parent: create,
    name: 'llm.generate_smart_goal',
    service: API,
    kind: 'internal',
    scope: GOALS,
    atUs: 15 * ms,
    durationUs: 180 * ms,
    attributes: { 'llm.model': 'gpt-4o', 'llm.tokens': tokens, 'llm.cost': Math.round(tokens * 15) / 1e6, 'llm.provider': 'openai' },
  });
  b.span({
    parent: llm,
    name: 'http.post api.openai.com',
    service: API,
    kind: 'client',
    scope: SCOPES.httpx,
    atUs: 17 * ms,
    durationUs: 175 * ms,
    attributes: { 'net.peer.name': 'api.openai.com', 'http.method': 'POST', 'http.url': 'https://api.openai.com/v1/chat/completions', 'http.status_code': 200 },
  });
  b.log(llm, 194 * ms, 'info', 'app.services.llm', 'llm_call_completed', { model: 'gpt-4o', tokens, cost_usd: Math.round(tokens * 15) / 1e6, duration_ms: 180 });
  b.span({
    parent: create,
    name: 'vector_search.embed_goal',
    service: API,
    kind: 'internal',
    scope: GOALS,
    atUs: 196 * ms,
    durationUs: 15 * ms,
    attributes: { 'vector.index': 'goals', 'vector.dimensions': 1536 },
  });
  const insert = b.span({
    parent: create,
    name: 'postgres.insert_goal',
    service: API,
    kind: 'client',
    scope: SCOPES.asyncpg,
    atUs: 208 * ms,
    durationUs: 30 * ms,
    attributes: {
      'db.system': 'postgresql',
      'db.name': 'dyocense',
      'db.user': 'dyocense_app',
      'db.statement': 'INSERT INTO goals (tenant_id, goal_type, title, target_value, due_date) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      'net.peer.name': 'postgres-primary',
      'net.peer.port': 5432,
    },
  });
  b.log(insert, 239 * ms, 'info', 'app.goals', 'goal_created', { tenant_id: tenant, goal_type: goalType, goal_id: 40000 + (bucket % 50000) });
  b.log(root, 249 * ms + 900, 'info', 'app.middleware.logging', 'request_completed', { status_code: 200, duration_ms: 250, path: '/v1/goals/create' });
  return b;
}

/** `GET /v1/goals`: fast normally, slow and sometimes failing while an incident runs. */
export function buildGoalListTrace(seed: number, bucket: number, traceId: string, bucketStartUs: number): TraceBuilder {
  const rnd = mulberry32(seed ^ Math.imul(bucket, 0x27d4eb2f) ^ 0x7157);
  const trouble = incident(seed, bucketStartUs / 1e6);
  const tenant = pick(TENANTS, rnd());
  const startUs = bucketStartUs + Math.round(between(rnd(), 2000, 9000)) * ms;
  const b = new TraceBuilder(traceId, startUs, [seed, bucket, 'goal-list']);
  const queryUs = Math.round(between(rnd(), 8, 60) * (1 + 30 * trouble * rnd())) * ms;
  const failed = rnd() < 0.03 + 0.3 * trouble;
  const totalUs = queryUs + 14 * ms;

  const root = b.span({
    name: 'GET /v1/goals',
    service: API,
    kind: 'server',
    scope: SCOPES.fastapi,
    atUs: 0,
    durationUs: totalUs,
    attributes: { 'http.route': '/v1/goals', 'http.target': '/v1/goals', 'http.scheme': 'https', 'http.method': 'GET', 'http.status_code': failed ? 500 : 200 },
    status: failed ? { code: 'error', message: 'TooManyConnectionsError: sorry, too many clients already' } : { code: 'ok' },
  });
  b.span({ parent: root, name: 'middleware.auth', service: API, kind: 'internal', scope: SCOPES.fastapi, atUs: 2 * ms, durationUs: 4 * ms, attributes: { tenant_id: tenant } });
  const select = b.span({
    parent: root,
    name: 'postgres.select_goals',
    service: API,
    kind: 'client',
    scope: SCOPES.asyncpg,
    atUs: 8 * ms,
    durationUs: queryUs,
    attributes: {
      'db.system': 'postgresql',
      'db.name': 'dyocense',
      'db.statement': 'SELECT id, title, target_value, due_date FROM goals WHERE tenant_id = $1 ORDER BY due_date LIMIT 50',
      'net.peer.name': 'postgres-primary',
    },
    status: failed ? { code: 'error', message: 'sorry, too many clients already' } : { code: 'unset' },
    events: failed
      ? [
          {
            name: 'exception',
            atUs: 8 * ms + queryUs - 200,
            attributes: {
              'exception.type': 'asyncpg.exceptions.TooManyConnectionsError',
              'exception.message': 'sorry, too many clients already',
              'exception.escaped': false,
            },
          },
        ]
      : [],
  });
  if (failed) {
    b.log(select, 8 * ms + queryUs - 100, 'error', 'app.db', 'db_query_failed', { error: 'TooManyConnectionsError: sorry, too many clients already', pool_size: 20 });
  }
  b.log(root, totalUs - 100, failed ? 'error' : 'info', 'app.middleware.logging', failed ? 'request_failed' : 'request_completed', {
    status_code: failed ? 500 : 200,
    duration_ms: Math.round(totalUs / ms),
    path: '/v1/goals',
  });
  return b;
}
