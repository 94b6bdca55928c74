import * as z from 'zod';

// The contract of sightline.config.yaml (see DESIGN.md, "Configuration"). Scripts and docs
// rely on these names: add fields freely, do not rename them. Objects are strict so a typo
// such as `datasource:` is reported instead of silently ignored.

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'Invalid URL', abort: true })
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  }, 'credentials in the URL are not supported; use basicAuth or bearerToken')
  .refine((value) => new URL(value).search === '', 'query strings in the URL are not supported');

// Each origin lands verbatim in a CSP `frame-ancestors` directive: anything beyond
// scheme://host[:port] (spaces, semicolons, quotes) could rewrite the policy.
const frameAncestorOrigin = z
  .string()
  .regex(/^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, 'expected an origin like https://wiki.example.com');

// RFC 9110 token: what an HTTP header name may contain.
const httpToken = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const datasourceTypes = ['prometheus', 'loki', 'tempo', 'jaeger'] as const;

export const datasourceSchema = z.strictObject({
  // The uid is a path segment of /api/datasources/proxy/uid/<uid>/...
  uid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1-64 letters, digits, ".", "_" or "-"'),
  type: z.enum(datasourceTypes),
  url: httpUrl,
  name: z.string().min(1).optional(),
  /** Sent as X-Scope-OrgID (Loki, Tempo, Mimir multi-tenancy). */
  tenant: z.string().min(1).optional(),
  basicAuth: z.strictObject({ username: z.string(), password: z.string() }).optional(),
  bearerToken: z.string().min(1).optional(),
  headers: z
    .record(z.string(), z.string())
    .superRefine((headers, ctx) => {
      for (const name of Object.keys(headers)) {
        if (!httpToken.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'invalid header name' });
      }
    })
    .optional(),
  timeoutMs: z.number().int().positive().default(30_000),
  /** Which trace-context headers the proxy sends upstream. */
  propagation: z.enum(['w3c', 'jaeger', 'both']).default('w3c'),
});

export const healthCheckSchema = z.strictObject({
  name: z.string().min(1),
  url: httpUrl,
  deepUrl: httpUrl.optional(),
  liveUrl: httpUrl.optional(),
});

/** A derived field for log lines (shown by the logs view; safe to expose: no secrets). */
export const derivedFieldSchema = z
  .strictObject({
    name: z.string().min(1),
    field: z.string().min(1).optional(),
    matcherRegex: z
      .string()
      .min(1)
      .refine((re) => {
        try {
          new RegExp(re);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    url: z.string().regex(/^(\/(?!\/)|https?:\/\/)/, 'expected a path starting with "/" or an http(s) URL'),
  })
  .refine((rule) => Boolean(rule.field) !== Boolean(rule.matcherRegex), 'set exactly one of "field" or "matcherRegex"');

export const configFileSchema = z.strictObject({
  datasources: z
    .array(datasourceSchema)
    .default([])
    .superRefine((datasources, ctx) => {
      const seen = new Set<string>();
      datasources.forEach((ds, index) => {
        if (seen.has(ds.uid)) ctx.addIssue({ code: 'custom', path: [index, 'uid'], message: `duplicate uid "${ds.uid}"` });
        seen.add(ds.uid);
      });
    }),
  health: z.array(healthCheckSchema).default([]),
  telemetry: z
    .strictObject({
      otlpUrl: httpUrl.optional(),
      serviceName: z.string().min(1).default('sightline-web'),
      sampleRatio: z.number().min(0).max(1).default(1),
      environment: z.string().min(1).optional(),
    })
    .prefault({}),
  embedding: z.strictObject({ allowedOrigins: z.array(frameAncestorOrigin).default([]) }).prefault({}),
  dashboards: z.string().min(1).default('./dashboards'),
  logs: z.strictObject({ derivedFields: z.array(derivedFieldSchema).default([]) }).prefault({}),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(3900),
    })
    .prefault({}),
});

export type ConfigFile = z.output<typeof configFileSchema>;
export type DatasourceConfig = z.output<typeof datasourceSchema>;
export type HealthCheckConfig = z.output<typeof healthCheckSchema>;
