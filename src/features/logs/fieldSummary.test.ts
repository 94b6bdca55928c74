import { summarizeFields } from './fieldSummary';

describe('summarizeFields', () => {
  it('ranks fields by presence and values by frequency', () => {
    const lines = [
      [{ key: 'level', value: 'info' }, { key: 'event', value: 'scan' }],
      [{ key: 'level', value: 'error' }],
      [{ key: 'level', value: 'info' }],
    ];
    expect(summarizeFields(lines, 10, 1)).toEqual([
      { key: 'level', count: 3, distinct: 2, values: [{ value: 'info', count: 2 }] },
      { key: 'event', count: 1, distinct: 1, values: [{ value: 'scan', count: 1 }] },
    ]);
  });
});
