import type { BpmnProblem } from './bpmn-validation-error.js';

/**
 * Checks on the raw upload that run before any XML parser sees it, so hostile input costs a scan
 * and nothing more: size, DTDs (XXE, billion laughs), nesting depth, giant attributes.
 */

/** Deeper nesting than this is never a real diagram (sub-processes nest a handful of levels). */
export const MAX_NESTING_DEPTH = 200;

/** No attribute of a real diagram comes near this; scripts and conditions are element text. */
export const MAX_ATTRIBUTE_LENGTH = 64 * 1024;

const DTD_DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;

/** Decodes the upload as UTF-8 after checking its size; returns the text or the problem. */
export function decodeWithinLimit(xml: string | Buffer, maxBytes: number): string | BpmnProblem {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (size > maxBytes) {
    return { message: `The BPMN document is ${size} bytes; the limit is ${maxBytes} bytes` };
  }
  if (typeof xml === 'string') return xml.replace(/^\uFEFF/, '');
  try {
    // TextDecoder drops a byte order mark and, being fatal, refuses broken UTF-8.
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    return { message: 'The BPMN document is not valid UTF-8' };
  }
}

/** Refuses DOCTYPE and ENTITY declarations anywhere: BPMN needs neither, attacks need both. */
export function findDtdProblem(text: string): BpmnProblem | undefined {
  return DTD_DECLARATION.test(text)
    ? { message: 'DOCTYPE and ENTITY declarations are not allowed in BPMN documents' }
    : undefined;
}

/**
 * One linear pass over the markup counting open elements and measuring quoted attribute values.
 * It does not validate XML (the parser does); it only stops documents built to exhaust it.
 */
export function findStructureProblem(text: string): BpmnProblem | undefined {
  let depth = 0;
  let tagStart = text.indexOf('<');
  while (tagStart !== -1) {
    const tagEnd = endOfMarkup(text, tagStart);
    if (tagEnd === -1) return undefined; // unterminated: the parser reports it
    if (typeof tagEnd !== 'number') return tagEnd;
    const second = text[tagStart + 1];
    if (second === '/') depth -= 1;
    else if (second !== '?' && second !== '!' && text[tagEnd - 1] !== '/') depth += 1;
    if (depth > MAX_NESTING_DEPTH) {
      return { message: `Elements are nested more than ${MAX_NESTING_DEPTH} levels deep` };
    }
    tagStart = text.indexOf('<', tagEnd + 1);
  }
  return undefined;
}

/** Index of the `>` closing the markup at `start`, -1 if none, or a problem (giant attribute). */
function endOfMarkup(text: string, start: number): number | BpmnProblem {
  if (text.startsWith('<!--', start)) return endIndex(text, '-->', start);
  if (text.startsWith('<![CDATA[', start)) return endIndex(text, ']]>', start);
  if (text.startsWith('<?', start)) return endIndex(text, '?>', start);
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === '>') return i;
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, i + 1);
      if (close === -1) return -1;
      if (close - i - 1 > MAX_ATTRIBUTE_LENGTH) {
        return { message: `An attribute value is longer than ${MAX_ATTRIBUTE_LENGTH} characters` };
      }
      i = close;
    }
  }
  return -1;
}

function endIndex(text: string, terminator: string, start: number): number {
  const found = text.indexOf(terminator, start);
  return found === -1 ? -1 : found + terminator.length - 1;
}
