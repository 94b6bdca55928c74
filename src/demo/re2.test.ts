import { re2ToRegExp } from './re2';

describe('re2ToRegExp', () => {
  it('turns a leading (?i) into the i flag', () => {
    expect(re2ToRegExp('(?i)(error|fail)').test('Barcode lookup FAILED')).toBe(true);
    expect(re2ToRegExp('error').test('ERROR')).toBe(false);
  });

  it('anchors matcher patterns as PromQL and LogQL do', () => {
    expect(re2ToRegExp('5..', true).test('503')).toBe(true);
    expect(re2ToRegExp('5..', true).test('1503')).toBe(false);
  });

  it('accepts named groups in the (?P<name>) form', () => {
    expect(re2ToRegExp('(?P<code>\\d+)').exec('status 503')?.groups?.code).toBe('503');
  });
});
