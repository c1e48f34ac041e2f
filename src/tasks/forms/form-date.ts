import { daysInMonth } from '../../common/variables/camunda-date.js';

type DatePart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millis';

/** The subset of java.text.SimpleDateFormat letters form date patterns use in practice. */
const PARTS: Record<string, { part: DatePart; fixed?: number }> = {
  y: { part: 'year', fixed: 4 },
  M: { part: 'month' },
  d: { part: 'day' },
  H: { part: 'hour' },
  m: { part: 'minute' },
  s: { part: 'second' },
  S: { part: 'millis', fixed: 3 },
};

/**
 * Parses form input such as `22/11/2026` with a SimpleDateFormat-style pattern (`dd/MM/yyyy`,
 * `yyyy-MM-dd HH:mm`, quoted literals like `'T'`). Supports yyyy, M/MM, d/dd, H/HH, m/mm, s/ss and SSS;
 * `null` for other letters or text that is no real date. Camunda uses the server zone, Conveyor UTC.
 */
export function parseFormDate(text: string, pattern: string): Date | null {
  const compiled = compile(pattern);
  if (!compiled) return null;
  const match = compiled.regex.exec(text);
  if (!match) return null;
  const values: Record<DatePart, number> = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millis: 0,
  };
  compiled.parts.forEach((part, index) => (values[part] = Number(match[index + 1])));
  const { year, month, day, hour, minute, second, millis } = values;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year);
  return date;
}

function compile(pattern: string): { regex: RegExp; parts: DatePart[] } | null {
  let source = '';
  const parts: DatePart[] = [];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "'") {
      const end = pattern.indexOf("'", index + 1);
      if (end < 0) return null;
      source += end === index + 1 ? "'" : escape(pattern.slice(index + 1, end)); // '' is a quote
      index = end + 1;
      continue;
    }
    let run = 1;
    while (pattern[index + run] === char) run++;
    if (/[a-zA-Z]/.test(char)) {
      const spec = PARTS[char];
      if (!spec || parts.includes(spec.part)) return null;
      // yyyy and SSS only; one or two letters for the rest (MMM would be a month name).
      if (spec.fixed ? run !== spec.fixed : run > 2) return null;
      source += run === 1 ? '(\\d{1,2})' : `(\\d{${run}})`;
      parts.push(spec.part);
    } else {
      source += escape(char.repeat(run));
    }
    index += run;
  }
  return { regex: new RegExp(`^${source}$`), parts };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
