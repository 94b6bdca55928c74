import type { Labels } from '../../datasources/types';
import { lokiStreamsToLines } from '../../datasources/loki';
import { contextLines, selectorForLabels, streamLabelsOf } from './context';

describe('context', () => {
  it('finds the stream of a line whose labels include extracted fields', () => {
    const streams: Labels[] = [{ service_name: 'homebot' }, { service_name: 'homebot', level: 'error' }, { service_name: 'dyocense-api', level: 'error' }];
    expect(streamLabelsOf({ service_name: 'homebot', level: 'error', event: 'scan_failed' }, streams)).toEqual({ service_name: 'homebot', level: 'error' });
    expect(selectorForLabels({ service_name: 'homebot', level: 'error' })).toBe('{level="error", service_name="homebot"}');
  });
  it('puts older lines before and newer after, without the line twice', () => {
    const at = (ns: string, text: string) => lokiStreamsToLines([{ stream: { a: 'b' }, values: [[ns, text]] }])[0];
    const line = at('5', 'me');
    expect(contextLines(line, [at('5', 'me'), at('4', 'b'), at('3', 'a')], [at('5', 'me'), at('6', 'c')]).map((l) => l.line)).toEqual(['a', 'b', 'me', 'c']);
  });
});
