/** The AST produced by the JUEL parser; `pos` is the 0-based offset in the whole expression text. */

export type BinaryOperator =
  'or' | 'and' | 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'add' | 'sub' | 'mul' | 'div' | 'mod';

export type UnaryOperator = 'negate' | 'not' | 'empty';

export type JuelNode =
  | { kind: 'literal'; value: string | number | boolean | null; pos: number }
  | { kind: 'identifier'; name: string; pos: number }
  | { kind: 'member'; object: JuelNode; property: JuelNode; pos: number }
  | { kind: 'methodCall'; object: JuelNode; method: JuelNode; args: JuelNode[]; pos: number }
  | { kind: 'functionCall'; name: string; args: JuelNode[]; pos: number }
  | { kind: 'unary'; operator: UnaryOperator; operand: JuelNode; pos: number }
  | { kind: 'binary'; operator: BinaryOperator; left: JuelNode; right: JuelNode; pos: number }
  | { kind: 'conditional'; test: JuelNode; whenTrue: JuelNode; whenFalse: JuelNode; pos: number };

/** A text mixing literal parts and `${…}` / `#{…}` parts. */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'expression'; node: JuelNode };

export interface ParsedTemplate {
  readonly text: string;
  readonly parts: readonly TemplatePart[];
}
