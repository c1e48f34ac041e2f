import { ExpressionError } from './expression-error.js';

/** Lexer for the body of one `${…}` part (JUEL 2.2 tokens). */

export type TokenType = 'number' | 'string' | 'identifier' | 'keyword' | 'punctuator' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Source text of the token (for strings: the decoded value). */
  readonly value: string;
  /** 0-based offset in the whole expression text. */
  readonly pos: number;
}

const KEYWORDS = new Set([
  'true',
  'false',
  'null',
  'empty',
  'not',
  'and',
  'or',
  'div',
  'mod',
  'lt',
  'gt',
  'le',
  'ge',
  'eq',
  'ne',
  'instanceof',
]);

// Longest first, so `==` wins over a lone `=` (which is not a JUEL 2.2 operator).
const PUNCTUATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '.',
  '[',
  ']',
  '(',
  ')',
  ',',
  '?',
  ':',
];

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const NUMBER = /^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;
const ESCAPES = new Map([
  ['n', '\n'],
  ['t', '\t'],
  ['r', '\r'],
  ['\\', '\\'],
  ["'", "'"],
  ['"', '"'],
]);

/** Camunda/JUEL-style syntax error message, e.g. for `${a +}` at the end. */
export function syntaxError(
  text: string,
  pos: number,
  encountered: string,
  expected: string,
): ExpressionError {
  return new ExpressionError(
    `Error parsing '${text}': syntax error at position ${pos}, encountered ${encountered}, expected ${expected}`,
    text,
    pos,
  );
}

/** Tokenizes `text.slice(start, end)`; positions stay relative to the whole `text`. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      const { value, next } = readString(text, i, end);
      tokens.push({ type: 'string', value, pos: i });
      i = next;
    } else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      const match = NUMBER.exec(text.slice(i, end));
      const value = match ? match[0] : ch;
      tokens.push({ type: 'number', value, pos: i });
      i += value.length;
    } else if (IDENTIFIER_START.test(ch)) {
      let j = i + 1;
      while (j < end && IDENTIFIER_PART.test(text[j])) j++;
      const word = text.slice(i, j);
      tokens.push({ type: KEYWORDS.has(word) ? 'keyword' : 'identifier', value: word, pos: i });
      i = j;
    } else {
      const punctuator = PUNCTUATORS.find((p) => text.startsWith(p, i) && i + p.length <= end);
      if (!punctuator) throw syntaxError(text, i, `'${ch}'`, 'an operator or operand');
      tokens.push({ type: 'punctuator', value: punctuator, pos: i });
      i += punctuator.length;
    }
  }
  tokens.push({ type: 'eof', value: '', pos: end });
  return tokens;
}

/** Reads a quoted string starting at `start`; `\n \t \r \\ \' \"` are escapes, others stay as written. */
function readString(text: string, start: number, end: number): { value: string; next: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < end) {
    const ch = text[i];
    if (ch === quote) return { value, next: i + 1 };
    if (ch === '\\' && i + 1 < end) {
      const escaped = text[i + 1];
      value += ESCAPES.get(escaped) ?? `\\${escaped}`;
      i += 2;
    } else {
      value += ch;
      i++;
    }
  }
  throw syntaxError(text, start, 'an unterminated string', `a closing ${quote}`);
}
