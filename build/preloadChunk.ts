// A chunk that every page imports dynamically right after start-up, fetched alongside the main
// chunk instead: the telemetry chunk is imported by main.tsx once the main chunk has been fetched
// and evaluated (100-200 ms into a cold load), and every view's queries wait for telemetry to
// start (src/app/router.tsx, `ready`). A modulepreload link in index.html starts its download at
// once; the import then finds it in the module map.
import type { Plugin } from 'vite';

export function preloadChunk(moduleSuffix: string): Plugin {
  let base = '/';
  return {
    name: 'sightline:preload-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {});
        const chunk = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith(moduleSuffix));
        // Loud: a renamed module must not quietly lose its preload.
        if (!chunk || chunk.type !== 'chunk') throw new Error(`preloadChunk: no chunk built from ${moduleSuffix}`);
        const files = [chunk.fileName, ...chunk.imports].filter((file) => !html.includes(file));
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
