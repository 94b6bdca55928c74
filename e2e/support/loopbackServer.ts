import type { Server } from 'node:http';

export interface LoopbackServer {
  url: string;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1:`port` (failing loudly if it is taken) and closes with its open connections. */
export async function listenOnLoopback(server: Server, port: number): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
