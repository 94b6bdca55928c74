import { lokiStreamsToLines } from '../../datasources/loki';
import { createLineFilter } from './lineFilter';

const lines = lokiStreamsToLines([
  { stream: { a: 'b' }, values: [['3', 'Barcode lookup TIMEOUT'], ['2', 'scan completed'], ['1', 'barcode lookup ok']] },
]);

describe('createLineFilter', () => {
  it('matches case-insensitively, keeps order, and narrows as the term grows', () => {
    const f = createLineFilter(lines);
    expect(f.filter('bar').map((l) => l.line)).toEqual(['Barcode lookup TIMEOUT', 'barcode lookup ok']);
    expect(f.filter('barcode lookup t').map((l) => l.line)).toEqual(['Barcode lookup TIMEOUT']);
    // A shorter or different term searches everything again.
    expect(f.filter('o').length).toBe(3);
    expect(f.filter('scan').map((l) => l.line)).toEqual(['scan completed']);
    expect(f.filter('  ')).toBe(lines);
  });
});
