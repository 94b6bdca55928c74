import { completionContextAt } from './completionContext';

describe('completionContextAt', () => {
  it('offers label names after { and ,', () => {
    expect(completionContextAt('{')).toEqual({ kind: 'labelName', prefix: '', from: 1 });
    expect(completionContextAt('{service_name="homebot", le')).toEqual({ kind: 'labelName', prefix: 'le', from: 25 });
  });
  it('offers values of the label being compared', () => {
    expect(completionContextAt('{service_name="ho')).toEqual({ kind: 'labelValue', label: 'service_name', prefix: 'ho', quoted: true, from: 15 });
    expect(completionContextAt('{level=~')).toEqual({ kind: 'labelValue', label: 'level', prefix: '', quoted: false, from: 8 });
  });
  it('offers nothing outside a selector or inside a line filter string', () => {
    expect(completionContextAt('{a="b"} |= "x')).toBeUndefined();
    expect(completionContextAt('{a="b"} | json')).toBeUndefined();
    expect(completionContextAt('{a="b, c')).toEqual({ kind: 'labelValue', label: 'a', prefix: 'b, c', quoted: true, from: 4 });
  });
});
