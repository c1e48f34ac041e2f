import type { BinaryOperator, JuelNode, UnaryOperator } from './juel-ast.js';
import { syntaxError, tokenize, type Token } from './juel-lexer.js';

/**
 * Pratt parser for the body of one `${…}` part, with JUEL 2.2 precedence (lowest first):
 * `?:` · `|| or` · `&& and` · `== != eq ne` · `< > <= >= lt gt le ge` · `+ -` ·
 * `* / div % mod` · unary `- ! not empty` · `.` `[]` and calls.
 */

const TERNARY_POWER = 1;
const BINARY_OPERATORS = new Map<string, { operator: BinaryOperator; power: number }>([
  ['||', { operator: 'or', power: 2 }],
  ['or', { operator: 'or', power: 2 }],
  ['&&', { operator: 'and', power: 3 }],
  ['and', { operator: 'and', power: 3 }],
  ['==', { operator: 'eq', power: 4 }],
  ['eq', { operator: 'eq', power: 4 }],
  ['!=', { operator: 'ne', power: 4 }],
  ['ne', { operator: 'ne', power: 4 }],
  ['<', { operator: 'lt', power: 5 }],
  ['lt', { operator: 'lt', power: 5 }],
  ['>', { operator: 'gt', power: 5 }],
  ['gt', { operator: 'gt', power: 5 }],
  ['<=', { operator: 'le', power: 5 }],
  ['le', { operator: 'le', power: 5 }],
  ['>=', { operator: 'ge', power: 5 }],
  ['ge', { operator: 'ge', power: 5 }],
  ['+', { operator: 'add', power: 6 }],
  ['-', { operator: 'sub', power: 6 }],
  ['*', { operator: 'mul', power: 7 }],
  ['/', { operator: 'div', power: 7 }],
  ['div', { operator: 'div', power: 7 }],
  ['%', { operator: 'mod', power: 7 }],
  ['mod', { operator: 'mod', power: 7 }],
]);
const UNARY_OPERATORS = new Map<string, UnaryOperator>([
  ['-', 'negate'],
  ['!', 'not'],
  ['not', 'not'],
  ['empty', 'empty'],
]);
const LITERAL_KEYWORDS = new Map<string, boolean | null>([
  ['true', true],
  ['false', false],
  ['null', null],
]);

/** Parses `text.slice(start, end)` (the inside of `${…}`) into an AST. */
export function parseJuel(text: string, start: number, end: number): JuelNode {
  return new JuelParser(text, tokenize(text, start, end)).parseBody();
}

class JuelParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseBody(): JuelNode {
    const node = this.parseExpression(0);
    this.expect('eof', 'an operator or the end of the expression');
    return node;
  }

  private parseExpression(minPower: number): JuelNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const isOperatorToken = token.type === 'punctuator' || token.type === 'keyword';
      if (isOperatorToken && token.value === '?' && TERNARY_POWER > minPower) {
        this.index++;
        const whenTrue = this.parseExpression(0);
        this.expectPunctuator(':');
        const whenFalse = this.parseExpression(0);
        left = { kind: 'conditional', test: left, whenTrue, whenFalse, pos: token.pos };
        continue;
      }
      const binary = isOperatorToken ? BINARY_OPERATORS.get(token.value) : undefined;
      if (!binary || binary.power <= minPower) return left;
      this.index++;
      const right = this.parseExpression(binary.power);
      left = { kind: 'binary', operator: binary.operator, left, right, pos: token.pos };
    }
  }

  private parseUnary(): JuelNode {
    const token = this.peek();
    const isOperatorToken = token.type === 'punctuator' || token.type === 'keyword';
    const operator = isOperatorToken ? UNARY_OPERATORS.get(token.value) : undefined;
    if (operator) {
      this.index++;
      return { kind: 'unary', operator, operand: this.parseUnary(), pos: token.pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): JuelNode {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.value), pos: token.pos };
      case 'string':
        return { kind: 'literal', value: token.value, pos: token.pos };
      case 'identifier':
        if (this.isPunctuator('(')) {
          return {
            kind: 'functionCall',
            name: token.value,
            args: this.parseArguments(),
            pos: token.pos,
          };
        }
        return { kind: 'identifier', name: token.value, pos: token.pos };
      case 'keyword':
        if (LITERAL_KEYWORDS.has(token.value)) {
          return {
            kind: 'literal',
            value: LITERAL_KEYWORDS.get(token.value) ?? null,
            pos: token.pos,
          };
        }
        break;
      case 'punctuator':
        if (token.value === '(') {
          const inner = this.parseExpression(0);
          this.expectPunctuator(')');
          return inner;
        }
        break;
      case 'eof':
        break;
    }
    throw this.unexpected(token, 'an identifier, a literal, an operator or (');
  }

  /** `.name`, `[expr]`, and a call directly after one of those (a method call). */
  private parsePostfix(primary: JuelNode): JuelNode {
    let node = primary;
    for (;;) {
      const token = this.peek();
      let property: JuelNode;
      if (this.isPunctuator('.')) {
        this.index++;
        const name = this.expect('identifier', 'a property name');
        property = { kind: 'literal', value: name.value, pos: name.pos };
      } else if (this.isPunctuator('[')) {
        this.index++;
        property = this.parseExpression(0);
        this.expectPunctuator(']');
      } else {
        return node;
      }
      node = this.isPunctuator('(')
        ? {
            kind: 'methodCall',
            object: node,
            method: property,
            args: this.parseArguments(),
            pos: token.pos,
          }
        : { kind: 'member', object: node, property, pos: token.pos };
      if (node.kind === 'methodCall' && this.isPunctuator('(')) {
        // JUEL has no calls on call results: `a.b()()` is refused, as in Camunda.
        throw this.unexpected(this.peek(), 'an operator or the end of the expression');
      }
    }
  }

  private parseArguments(): JuelNode[] {
    this.expectPunctuator('(');
    const args: JuelNode[] = [];
    if (this.isPunctuator(')')) {
      this.index++;
      return args;
    }
    for (;;) {
      args.push(this.parseExpression(0));
      if (this.isPunctuator(')')) {
        this.index++;
        return args;
      }
      this.expectPunctuator(',');
    }
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'eof') this.index++;
    return token;
  }

  private isPunctuator(value: string): boolean {
    const token = this.peek();
    return token.type === 'punctuator' && token.value === value;
  }

  private expectPunctuator(value: string): void {
    if (!this.isPunctuator(value)) throw this.unexpected(this.peek(), `'${value}'`);
    this.index++;
  }

  private expect(type: Token['type'], description: string): Token {
    const token = this.peek();
    if (token.type !== type) throw this.unexpected(token, description);
    return this.next();
  }

  private unexpected(token: Token, expected: string) {
    const encountered = token.type === 'eof' ? '<EOF>' : `'${token.value}'`;
    return syntaxError(this.text, token.pos, encountered, expected);
  }
}
