/**
 * JavaScript evaluated inside every fresh QuickJS context before the user's script. It builds the
 * Camunda-style `execution` API and the variable bindings entirely inside the sandbox, so no host
 * function is ever exposed: the host only passes one JSON string in and reads JSON strings out.
 *
 * It evaluates to `{ install, describe }`:
 * - `install(inputJson)` defines the globals `execution`, `variables`, a `console` that discards,
 *   and one global binding per variable, and returns `collect(result)`, which yields the JSON text
 *   `{"variables": {...set by the script}, "result": <last expression value>}`;
 * - `describe(thrown)` yields the JSON text `{"name", "message", "stack"}` of a thrown value.
 *
 * The built-ins it relies on are captured before the script runs. A script that patches
 * prototypes can at worst spoil its own output, which it controls anyway.
 */
export const SANDBOX_PRELUDE = String.raw`(function () {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const freeze = Object.freeze;
  const defineProperty = Object.defineProperty;
  const create = Object.create;
  const global = globalThis;

  function deepFreeze(value) {
    if (value !== null && typeof value === 'object') {
      freeze(value);
      for (const key in value) deepFreeze(value[key]);
    }
    return value;
  }

  // Values cross as JSON text: a function or symbol is refused, undefined becomes null.
  function toJson(value, what, lenient) {
    const type = typeof value;
    if (type === 'function' || type === 'symbol') {
      if (lenient) return 'null';
      throw new TypeError(what + ' is not JSON data (a ' + type + ')');
    }
    let json;
    try {
      json = stringify(value);
    } catch (error) {
      throw new TypeError(what + ' is not JSON data: ' + (error && error.message));
    }
    return json === undefined ? 'null' : json;
  }

  function install(inputJson) {
    const current = create(null); // name -> value the script reads
    const changed = create(null); // name -> JSON text of a value the script set
    const assigned = create(null); // name -> value of a plain assignment (local, never stored)
    const bound = create(null); // names given a global binding
    const initial = parse(inputJson);
    for (const name in initial) current[name] = initial[name];

    // Camunda binds variables as bare names; assigning one only changes the script's local view.
    function bind(name) {
      if (bound[name] || name in global) return;
      bound[name] = true;
      defineProperty(global, name, {
        configurable: true,
        enumerable: false,
        get() {
          return name in assigned ? assigned[name] : current[name];
        },
        set(value) {
          assigned[name] = value;
        },
      });
    }

    const execution = freeze({
      getVariable(name) {
        name = String(name);
        return name in current ? current[name] : null;
      },
      hasVariable(name) {
        return String(name) in current;
      },
      getVariables() {
        const copy = {};
        for (const name in current) copy[name] = current[name];
        return copy;
      },
      setVariable(name, value) {
        name = String(name);
        if (name === '__proto__') throw new TypeError("A variable cannot be named '__proto__'");
        const json = toJson(value, "execution.setVariable('" + name + "')", false);
        changed[name] = json;
        current[name] = parse(json);
        delete assigned[name];
        bind(name);
      },
    });

    defineProperty(global, 'execution', { value: execution, enumerable: false });
    defineProperty(global, 'variables', { value: deepFreeze(parse(inputJson)), enumerable: false });
    // Scripts written for other engines log; there is nowhere to log to, so it is discarded.
    const discard = function () {};
    const console = freeze({ log: discard, info: discard, warn: discard, error: discard, debug: discard });
    defineProperty(global, 'console', { value: console, writable: true, configurable: true });
    for (const name in current) bind(name);

    return function collect(result) {
      let out = '{"variables":{';
      let first = true;
      for (const name in changed) {
        out += (first ? '' : ',') + stringify(name) + ':' + changed[name];
        first = false;
      }
      return out + '},"result":' + toJson(result, 'The script result', true) + '}';
    };
  }

  function describe(thrown) {
    let name = 'Error';
    let message;
    let stack = '';
    try {
      if (thrown !== null && typeof thrown === 'object' && typeof thrown.message === 'string') {
        name = String(thrown.name);
        message = thrown.message;
        stack = typeof thrown.stack === 'string' ? thrown.stack : '';
      } else if (typeof thrown === 'string') {
        message = thrown;
      } else {
        message = 'The script threw ' + (toJson(thrown, 'The thrown value', true) || String(thrown));
      }
    } catch (error) {
      message = 'The script threw a value that cannot be described';
    }
    return stringify({ name: name, message: message, stack: stack });
  }

  return { install: install, describe: describe };
})()`;
