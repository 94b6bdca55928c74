// The bench's loopback ports, below Linux's ephemeral range like the e2e ones (support/ports.ts).
export const BENCH_PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 29490);
