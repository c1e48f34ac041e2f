import { ExpressionError } from './expression-error.js';
import { assertNoForbiddenMembers } from './juel-forbidden-members.js';
import { parseTemplate } from './juel-template.js';

const check = (text: string): void => assertNoForbiddenMembers(parseTemplate(text));

describe('constructor, __proto__ and prototype in expressions', () => {
  it.each([
    '${a.constructor}',
    "${a['__proto__'].polluted}",
    '${prototype}',
    '${x.y.constructor.name == "Object"}',
    '${"".constructor("return 1")}',
    'Dear ${customer.name}, ${customer.__proto__}',
    '${empty a ? b.prototype : c}',
  ])('refuses %s', (text) => {
    expect(() => check(text)).toThrow(ExpressionError);
  });

  it.each([
    "${status == 'prototype'}",
    '${constructorName}',
    '${order.builder.name}',
    'constructor of the plain text is fine',
  ])('accepts %s', (text) => {
    expect(() => check(text)).not.toThrow();
  });

  it('names the forbidden member and where it is', () => {
    expect(() => check('${a.b.__proto__}')).toThrow(
      expect.objectContaining({
        message: "'__proto__' is not accessible in expressions",
        position: 5,
      }),
    );
  });
});
