import { assertExpressionSyntax, evaluateExpression, ExpressionError } from './index.js';

function syntaxErrorOf(text: string): ExpressionError {
  try {
    assertExpressionSyntax(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('JUEL syntax errors', () => {
  it.each([
    ['${a +}', 5, '<EOF>'],
    ['${}', 2, "'}'"],
    ['${ }', 3, "'}'"],
    ['${a', 3, '<EOF>'],
    ["${'unterminated}", 16, '<EOF>'],
    ['${(a}', 4, '<EOF>'],
    ['${a b}', 4, "'b'"],
    ['${a ? b}', 7, '<EOF>'],
    ['${a.}', 4, '<EOF>'],
    ['${a.1}', 3, "'.1'"],
    ['${list[0}', 8, '<EOF>'],
    ['${f(1,}', 6, '<EOF>'],
    ['${a = 1}', 4, "'='"],
    ['${a & b}', 4, "'&'"],
    ['${x.b()()}', 7, "'('"],
    ['${(a)(1)}', 5, "'('"],
    ['${a.empty}', 4, "'empty'"],
    ['${instanceof}', 2, "'instanceof'"],
    ['Hello ${name', 12, '<EOF>'],
    ['${a} and ${b +}', 14, '<EOF>'],
  ])('%s fails at position %i, encountering %s', (text, position, encountered) => {
    const error = syntaxErrorOf(text);
    expect(error.position).toBe(position);
    expect(error.expression).toBe(text);
    expect(error.message).toContain(
      `Error parsing '${text}': syntax error at position ${position}`,
    );
    expect(error.message).toContain(`encountered ${encountered}`);
  });

  it('reports syntax errors on evaluation too, before resolving anything', () => {
    const resolved: string[] = [];
    const resolver = (name: string) => {
      resolved.push(name);
      return { found: false as const };
    };
    expect(() => evaluateExpression('${unknown +}', resolver)).toThrow('syntax error at position');
    expect(resolved).toEqual([]);
  });

  it.each([
    ['${a}'],
    ['#{a.b[c](d, e) ? -f : not empty g}'],
    ["${x == 'a}b'}"],
    ['${a.b(c)}${d}'],
    ['plain text without expressions'],
    ['costs \\${amount}'],
  ])('accepts %s', (text) => {
    expect(() => assertExpressionSyntax(text)).not.toThrow();
  });

  it('does not evaluate while checking syntax', () => {
    expect(() => assertExpressionSyntax('${unknownVariable > 1}')).not.toThrow();
  });
});
