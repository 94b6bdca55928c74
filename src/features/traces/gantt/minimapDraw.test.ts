import { computeTraceLayout } from '../layout/traceLayout';
import { span } from '../layout/testTraces';
import { generateLargeTrace } from '../../../demo/largeTrace';
import { hexToPixel, rasterizeMinimap } from './minimapDraw';

describe('minimap raster', () => {
  it('packs #rrggbb as opaque RGBA bytes in little-endian order', () => {
    expect(hexToPixel('#7eb26d').toString(16)).toBe('ff6db27e');
    expect(hexToPixel('rgb(1,2,3)', '#000001').toString(16)).toBe('ff010000');
  });

  it('draws each span on its own row across its share of the trace, errors in the error colour', () => {
    const layout = computeTraceLayout({
      traceId: 't',
      spans: [span('root', undefined, 0, 100), span('late', 'root', 50, 50, { status: { code: 'error' } })],
    });
    const px = rasterizeMinimap(layout, 10, 2, '#ff0000');
    const row = (y: number) => Array.from(px.slice(y * 10, y * 10 + 10), (v) => (v === 0 ? '.' : v === hexToPixel('#ff0000') ? 'E' : '#')).join('');
    expect(row(0)).toBe('##########');
    expect(row(1)).toBe('.....EEEEE');
  });

  it('keeps a 100,000-span trace within the buffer', () => {
    const layout = computeTraceLayout(generateLargeTrace(100_000, 2));
    const px = rasterizeMinimap(layout, 800, 56, '#ff0000');
    expect(px.length).toBe(800 * 56);
    expect(px.some((v) => v !== 0)).toBe(true);
  });
});
