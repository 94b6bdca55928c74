import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from './loopbackServer';

export interface FramingPage {
  url: (embedUrl: string) => string;
  close: () => Promise<void>;
}

/** A stand-in for a team wiki on another origin: one page that frames the URL it is given. */
export async function startFramingPage(port: number): Promise<FramingPage> {
  const server: Server = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? 'about:blank';
    const escaped = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Team wiki</title></head><body style="background:#fff"><h1>Team wiki</h1><iframe src="${escaped}" width="800" height="360" title="Embedded Sightline panel"></iframe></body></html>`);
  });
  const { close } = await listenOnLoopback(server, port);
  return { url: (embedUrl) => `http://127.0.0.1:${port}/?src=${encodeURIComponent(embedUrl)}`, close };
}
