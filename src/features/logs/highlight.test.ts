import { splitHighlights } from './highlight';

describe('splitHighlights', () => {
  it('splits around literal and regex terms, merging overlaps', () => {
    expect(splitHighlights('timeout fetching SOL/USDT after timeout', ['timeout', /SOL.USDT/g])).toEqual([
      { text: 'timeout', match: true },
      { text: ' fetching ', match: false },
      { text: 'SOL/USDT', match: true },
      { text: ' after ', match: false },
      { text: 'timeout', match: true },
    ]);
    expect(splitHighlights('abcd', ['abc', 'bcd'])).toEqual([{ text: 'abcd', match: true }]);
  });
  it('keeps markup as text and is case-sensitive like |=', () => {
    expect(splitHighlights('<img src=x onerror=alert(1)>', ['IMG'])).toEqual([{ text: '<img src=x onerror=alert(1)>', match: false }]);
    expect(splitHighlights('', ['x'])).toEqual([{ text: '', match: false }]);
  });
});
