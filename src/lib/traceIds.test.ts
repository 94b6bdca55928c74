import { base64ToHex, otlpIdToHex, padSpanId, padTraceId } from './traceIds';

describe('trace ids', () => {
  it('decodes Tempo base64 ids to hex (trace A of the fixtures)', () => {
    expect(otlpIdToHex('AHSVbPNrB1YfwMwcb+L/rQ==', 32)).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
    expect(otlpIdToHex('a06OKmJW+/0=', 16)).toBe('6b4e8e2a6256fbfd');
  });

  it('accepts hex ids as OTLP/HTTP JSON sends them, lowercased', () => {
    expect(otlpIdToHex('0074956CF36B07561FC0CC1C6FE2FFAD', 32)).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
    expect(otlpIdToHex('6b4e8e2a6256fbfd', 16)).toBe('6b4e8e2a6256fbfd');
    // A 64-bit trace id (Jaeger-style) widened to 128 bits.
    expect(otlpIdToHex('6b4e8e2a6256fbfd', 32)).toBe('00000000000000006b4e8e2a6256fbfd');
  });

  it('accepts unpadded and URL-safe base64', () => {
    expect(base64ToHex('a06OKmJW-_0')).toBe('6b4e8e2a6256fbfd');
  });

  it('decodes every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const b64 = btoa(String.fromCharCode(...bytes));
    expect(base64ToHex(b64)).toBe(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
  });

  it('decodes ids of different lengths one after another (the hex buffer is reused)', () => {
    expect(base64ToHex('AHSVbPNrB1YfwMwcb+L/rQ==')).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
    expect(base64ToHex('a06OKmJW+/0=')).toBe('6b4e8e2a6256fbfd');
    expect(base64ToHex('')).toBe('');
    expect(base64ToHex('AHSVbPNrB1YfwMwcb+L/rQ==')).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
  });

  it('leaves input that is not base64 unchanged', () => {
    expect(base64ToHex('not base64!')).toBe('not base64!');
  });

  it('restores stripped leading zeros', () => {
    expect(padTraceId('74956cf36b07561fc0cc1c6fe2ffad')).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
    expect(padTraceId('ABCDEF0123456789')).toBe('0000000000000000abcdef0123456789');
    expect(padSpanId('1')).toBe('0000000000000001');
  });
});
