import { BoundedCache } from './bounded-cache.js';
import { evaluateExpression } from './index.js';
import { parseTemplate } from './juel-template.js';

describe('templates', () => {
  const scope = {
    clientName: 'ACME',
    invoiceNo: 4711,
    amount: 12.5,
    approved: true,
    customer: { name: 'Ada', tags: ['a', 'b'] },
    due: new Date('2024-05-01T08:00:00Z'),
    nothing: null,
  };

  it('keeps the type of a text that is exactly one expression', () => {
    expect(evaluateExpression('${invoiceNo}', scope)).toBe(4711);
    expect(evaluateExpression('${approved}', scope)).toBe(true);
    expect(evaluateExpression('${customer}', scope)).toBe(scope.customer);
    expect(evaluateExpression('${due}', scope)).toBe(scope.due);
    expect(evaluateExpression('#{amount * 2}', scope)).toBe(25);
    expect(evaluateExpression('${nothing}', scope)).toBeNull();
  });

  it('joins literal text and several expressions into a string', () => {
    expect(evaluateExpression('Call ${clientName} about invoice ${invoiceNo}', scope)).toBe(
      'Call ACME about invoice 4711',
    );
    expect(evaluateExpression('${clientName}${invoiceNo}', scope)).toBe('ACME4711');
    expect(evaluateExpression(' ${invoiceNo}', scope)).toBe(' 4711');
    expect(evaluateExpression('${approved ? "yes" : "no"}!', scope)).toBe('yes!');
  });

  it('writes null as nothing, dates as ISO 8601 and objects as JSON', () => {
    expect(evaluateExpression('[${nothing}]', scope)).toBe('[]');
    expect(evaluateExpression('due ${due}', scope)).toBe('due 2024-05-01T08:00:00.000Z');
    expect(evaluateExpression('tags ${customer.tags}', scope)).toBe('tags ["a","b"]');
  });

  it('finds the closing brace after braces inside strings', () => {
    expect(evaluateExpression("${'}' + clientName}", scope)).toBe('}ACME');
    expect(evaluateExpression('${"{"} ${clientName}', scope)).toBe('{ ACME');
  });

  it('treats \\${ and \\#{ as literal text, as JUEL does', () => {
    expect(evaluateExpression('price \\${amount} is ${amount}', scope)).toBe(
      'price ${amount} is 12.5',
    );
    expect(evaluateExpression('\\#{x}', scope)).toBe('#{x}');
  });

  it('returns plain text unchanged', () => {
    expect(evaluateExpression('Just text, 100% {plain} $ #', scope)).toBe(
      'Just text, 100% {plain} $ #',
    );
  });

  it('caches parse results by text', () => {
    const first = parseTemplate('${cached + 1}');
    expect(parseTemplate('${cached + 1}')).toBe(first);
  });
});

describe('BoundedCache', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    // given
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    // when
    cache.set('c', 3);
    // then
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });
});
