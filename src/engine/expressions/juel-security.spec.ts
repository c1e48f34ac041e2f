import { evaluateExpression, ExpressionError, type Resolver } from './index.js';

/** Diagram text is untrusted: none of these may reach code or prototypes outside the scope. */
describe('JUEL member access and calls are confined to the scope', () => {
  const scope = {
    x: { name: 'Ada', greet: (who: unknown) => `hello ${String(who)}` },
    list: [{ name: 'first' }],
    text: 'abc',
  };
  const evaluate = (text: string) => evaluateExpression(text, scope);

  it.each([
    ['${constructor}'],
    ['${__proto__}'],
    ['${x.constructor}'],
    ["${x.constructor.constructor('return process')}"],
    ["${x.constructor.constructor('return process')()}"],
    ['${x.__proto__}'],
    ["${x['__proto__']}"],
    ["${x['con' + 'structor']}"],
    ['${x.prototype}'],
    ["${'a'.constructor}"],
    ['${text.constructor}'],
    ['${list.constructor}'],
    ['${list.__proto__}'],
    ['${x.greet.constructor}'],
    ['${x.constructor()}'],
  ])('refuses %s', (text) => {
    expect(() => evaluate(text)).toThrow(ExpressionError);
  });

  it('names the refused property', () => {
    expect(() => evaluate('${x.__proto__}')).toThrow("Property '__proto__' is not accessible");
  });

  it('refuses the forbidden names even when a resolver would answer them', () => {
    const resolver: Resolver = () => ({ found: true, value: Object });
    expect(() => evaluateExpression('${constructor}', resolver)).toThrow('is not accessible');
  });

  it.each([
    ['${x.toString()}'],
    ['${x.hasOwnProperty("name")}'],
    ['${x.valueOf()}'],
    ['${x.greet.call(null, 1)}'],
    ['${x.greet.apply(null)}'],
    ['${x.greet.bind(null)}'],
    ["${text.concat('d')}"],
    ["${text.replace('a', 'b')}"],
    ['${list.map(x)}'],
    ['${list.push(1)}'],
  ])('refuses inherited or unlisted methods: %s', (text) => {
    expect(() => evaluate(text)).toThrow(ExpressionError);
  });

  it('reads inherited properties as null, never their value', () => {
    expect(evaluate('${x.toString}')).toBeNull();
    expect(evaluate('${x.hasOwnProperty}')).toBeNull();
  });

  it('does not read properties of functions, class instances or dates', () => {
    class Secretive {
      secret = 'hidden';
    }
    const opaque = { fn: () => 1, instance: new Secretive(), date: new Date() };
    expect(() => evaluateExpression('${fn.name}', opaque)).toThrow(ExpressionError);
    expect(() => evaluateExpression('${instance.secret}', opaque)).toThrow(ExpressionError);
    expect(() => evaluateExpression('${date.time}', opaque)).toThrow(ExpressionError);
  });

  it('does not call methods of class instances, even own ones', () => {
    class Service {
      run = () => 'ran';
    }
    expect(() => evaluateExpression('${service.run()}', { service: new Service() })).toThrow(
      ExpressionError,
    );
  });

  it('refuses dangerous functions even when the scope exposes them', () => {
    const unsafe = { fn: Function, ev: eval, holder: { call: Function.prototype.call } };
    expect(() => evaluateExpression("${fn('return process')}", unsafe)).toThrow('is not allowed');
    expect(() => evaluateExpression("${ev('1')}", unsafe)).toThrow('is not allowed');
    expect(() => evaluateExpression('${holder.call()}', unsafe)).toThrow('is not allowed');
  });

  it('calls only functions the scope provides at the top level', () => {
    expect(() => evaluate("${parseInt('1')}")).toThrow("Cannot resolve identifier 'parseInt'");
    expect(() => evaluate("${text('1')}")).toThrow("'text' is not a function");
  });

  it('still allows own function properties and whitelisted methods', () => {
    expect(evaluate("${x.greet('you')}")).toBe('hello you');
    expect(evaluate('${text.toUpperCase()}')).toBe('ABC');
  });
});
