import { JsonArrayCutter, type PathStep } from './jsonArrayCutter';

/** Cuts the object elements of every array under the key "items", writing `text` in pieces of `size`. */
function cut(text: string, size = Infinity) {
  const elements: object[] = [];
  const cutter = new JsonArrayCutter(
    (path: readonly PathStep[]) => path[path.length - 1].key === 'items',
    (json, ordinal) => {
      expect(ordinal).toBe(elements.length);
      elements.push(json);
    },
  );
  for (let i = 0; i < text.length; i += size) cutter.write(text.slice(i, i + size));
  return { elements, skeleton: cutter.end() };
}

/** Every way of splitting `text` in two and in pieces of 1, 2, 3 and 7 chars. */
function splits(text: string): ((cutter: (t: string, size?: number) => ReturnType<typeof cut>) => ReturnType<typeof cut>)[] {
  const out: ((c: typeof cut) => ReturnType<typeof cut>)[] = [1, 2, 3, 7].map((size) => (c) => c(text, size));
  for (let at = 0; at <= text.length; at++) {
    out.push(() => {
      const elements: object[] = [];
      const cutter = new JsonArrayCutter(
        (path) => path[path.length - 1].key === 'items',
        (json) => elements.push(json),
      );
      cutter.write(text.slice(0, at));
      cutter.write(text.slice(at));
      return { elements, skeleton: cutter.end() };
    });
  }
  return out;
}

describe('JsonArrayCutter', () => {
  it('replaces each object element by its ordinal and keeps the rest', () => {
    const { elements, skeleton } = cut('{"a": 1, "items": [ {"x": 1}, {"y": [2, {"z": 3}]} ], "b": {"items": [{"w": 4}]}}');
    expect(elements).toEqual([{ x: 1 }, { y: [2, { z: 3 }] }, { w: 4 }]);
    expect(skeleton).toBe('{"a": 1, "items": [ 0, 1 ], "b": {"items": [2]}}');
  });

  it('ignores braces, brackets, quotes and key names inside strings', () => {
    const text = '{"k\\"items": [{"a": 1}], "items": [{"s": "}]\\\\"}, {"t": "\\"{[", "items": [{"in": 1}]}], "v": "items"}';
    const { elements, skeleton } = cut(text);
    expect(elements).toEqual([{ s: '}]\\' }, { t: '"{[', items: [{ in: 1 }] }]);
    expect(skeleton).toBe('{"k\\"items": [{"a": 1}], "items": [0, 1], "v": "items"}');
  });

  it('reads escaped key names as JSON does', () => {
    expect(cut('{"it\\u0065ms": [{"a": 1}]}').skeleton).toBe('{"it\\u0065ms": [0]}');
  });

  it('leaves elements that are not objects in the skeleton', () => {
    expect(cut('{"items": [1, "x", null, [{"a": 1}], {"b": 2}]}').skeleton).toBe('{"items": [1, "x", null, [{"a": 1}], 0]}');
  });

  it('parses runs of elements at once, and scans where a guessed run end falls inside a string', () => {
    const items = [{ k: '},{"k":' }, { k: 1 }, { k: '},{"k":x' }, { k: [{}, { k: 2 }] }, { k: 3, o: { k: '},{"k":' } }, { k: 4 }];
    const text = JSON.stringify({ items }) + ' ';
    for (let size = 1; size <= text.length; size++) {
      const { elements, skeleton } = cut(text, size);
      expect(elements).toEqual(items);
      expect(skeleton).toBe('{"items":[0,1,2,3,4,5]} ');
    }
  });

  it('parses a run in one JSON.parse, not one per element', () => {
    const items = Array.from({ length: 50 }, (_, k) => ({ k, s: `},{"k":${k}` }));
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(cut(JSON.stringify({ items })).elements).toEqual(items);
      expect(parse.mock.calls.length).toBeLessThan(5);
    } finally {
      parse.mockRestore();
    }
  });

  it('leaves non-object elements between objects in the skeleton', () => {
    expect(cut('{"items": [{"a": 1}, {"b": 1}, 5, {"c": 2}, {"d": 3}, [], {"e": 4}]}').skeleton).toBe('{"items": [0, 1, 5, 2, 3, [], 4]}');
  });

  it('gives the same elements and skeleton wherever the pieces are split', () => {
    const text = '{ "pre" : [ {"items": []} ] ,\n "items" : [\n {"s": "a\\\\\\"b}", "n": [1, {"o": "\\\\"}]},\t{"e": "\\u00e9\\n"} ],"post":"\\\\\\\\" }';
    const whole = cut(text);
    expect(whole.elements).toHaveLength(2);
    expect(JSON.parse(whole.skeleton)).toEqual({ ...JSON.parse(text), items: [0, 1] });
    for (const run of splits(text)) expect(run(cut)).toEqual(whole);
  });

  it('throws a SyntaxError for an invalid element, and leaves a missing comma to the skeleton', () => {
    expect(() => cut('{"items": [{"a": 1}, {"b": }, {"c": 2}]}')).toThrow(SyntaxError);
    const { skeleton } = cut('{"items": [{"a": 1} {"b": 2}, {"c": 2}]}');
    expect(() => JSON.parse(skeleton)).toThrow(SyntaxError);
  });

  it('hands an unterminated element back in the skeleton, so parsing it fails', () => {
    const { elements, skeleton } = cut('{"items": [{"a": "b');
    expect(elements).toEqual([]);
    expect(() => JSON.parse(skeleton)).toThrow(SyntaxError);
  });
});
