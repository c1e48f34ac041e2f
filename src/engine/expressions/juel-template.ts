import { BoundedCache } from './bounded-cache.js';
import type { ParsedTemplate, TemplatePart } from './juel-ast.js';
import { syntaxError } from './juel-lexer.js';
import { parseJuel } from './juel-parser.js';

/**
 * Splits a text into literal parts and `${…}` / `#{…}` parts and parses each expression part.
 * As in JUEL, `\${` and `\#{` stand for the literal characters. Parsed templates are cached by text,
 * since the same diagram expressions are evaluated again and again.
 */

const PARSE_CACHE_CAPACITY = 1000;
const parseCache = new BoundedCache<string, ParsedTemplate>(PARSE_CACHE_CAPACITY);

export function parseTemplate(text: string): ParsedTemplate {
  const cached = parseCache.get(text);
  if (cached) return cached;
  const parsed: ParsedTemplate = { text, parts: splitTemplate(text) };
  parseCache.set(text, parsed);
  return parsed;
}

function isExpressionStart(text: string, i: number): boolean {
  return (text[i] === '$' || text[i] === '#') && text[i + 1] === '{';
}

function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\' && isExpressionStart(text, i + 1)) {
      literal += text.slice(i + 1, i + 3);
      i += 3;
    } else if (isExpressionStart(text, i)) {
      if (literal) parts.push({ kind: 'text', text: literal });
      literal = '';
      const bodyStart = i + 2;
      const bodyEnd = findClosingBrace(text, bodyStart);
      if (text.slice(bodyStart, bodyEnd).trim() === '') {
        throw syntaxError(text, bodyEnd, "'}'", 'an expression');
      }
      parts.push({ kind: 'expression', node: parseJuel(text, bodyStart, bodyEnd) });
      i = bodyEnd + 1;
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  return parts;
}

/** Offset of the `}` closing the expression body that starts at `start`; skips quoted strings. */
function findClosingBrace(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw syntaxError(text, text.length, '<EOF>', "'}'");
}
