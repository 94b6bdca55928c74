// Loki's live tail (`/loki/api/v1/tail`, a WebSocket) for demo mode in the browser, through MSW's
// WebSocket interception: one `{"streams": [...]}` frame a second with the lines written since.

import { ws } from 'msw';
import { goJson } from './httpUtil.ts';
import type { DemoLoki } from './loki.ts';

/** `urlPattern` is an MSW path: a leading `*` matches any origin (ws:// or wss://, any host). */
export function demoTailHandler(urlPattern: string, loki: DemoLoki) {
  const link = ws.link(urlPattern);
  return link.addEventListener('connection', ({ client }) => {
    const p = client.url.searchParams;
    const tail = loki.tail(p.get('query') ?? '', p.get('start') ?? undefined, Number(p.get('limit') ?? '100') || 100);
    if ('status' in tail) {
      // Loki closes the socket with the query error as the reason.
      client.close(1000, String(tail.body).slice(0, 120));
      return;
    }
    const send = (): void => {
      const frame = tail.next();
      if (frame) client.send(goJson(frame));
    };
    send();
    const timer = setInterval(send, 1000);
    client.addEventListener('close', () => clearInterval(timer));
  });
}
