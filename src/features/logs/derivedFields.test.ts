import { applyDerivedFields, DEFAULT_DERIVED_FIELDS, safeLinkUrl, type DerivedFieldRule } from './derivedFields';

describe('derived fields', () => {
  it('links a trace_id in JSON or logfmt text to the trace view', () => {
    const id = 'df2c6e1ec2da684689500eaad0046eb9';
    expect(applyDerivedFields(DEFAULT_DERIVED_FIELDS, `{"event":"x","trace_id": "${id}"}`, [], {})).toEqual([{ name: 'Trace', value: id, url: `/traces/${id}`, internal: true }]);
    expect(applyDerivedFields(DEFAULT_DERIVED_FIELDS, `ts=1 traceID=${id} msg=x`, [], {})[0].value).toBe(id);
    expect(applyDerivedFields(DEFAULT_DERIVED_FIELDS, 'no ids here', [], {})).toEqual([]);
  });

  it('takes a field or label by name and encodes it into an external URL', () => {
    const rules: DerivedFieldRule[] = [{ name: 'Order', field: 'order_id', url: 'https://shop.example.com/orders/${__value.raw}' }];
    const fields = [{ key: 'order_id', value: 'A 1/2', source: 'json' as const, depth: 0 }];
    expect(applyDerivedFields(rules, '', fields, {})[0].url).toBe('https://shop.example.com/orders/A%201%2F2');
    expect(applyDerivedFields(rules, '', [], { order_id: '7' })[0].url).toBe('https://shop.example.com/orders/7');
  });

  it('never produces script URLs, and skips broken regexes', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('//evil.example.com/x')).toBeUndefined();
    expect(applyDerivedFields([{ name: 'x', matcherRegex: '(', url: '/x/${__value.raw}' }], '(', [], {})).toEqual([]);
    expect(applyDerivedFields([{ name: 'x', field: 'a', url: 'javascript:${__value.raw}' }], '', [], { a: 'alert(1)' })).toEqual([]);
  });
});
