// Summaries of latency samples (milliseconds) and the plain-text tables the benchmarks print.
import os from 'node:os';
import { readFileSync } from 'node:fs';

/** Nearest-rank percentile of an ascending array; p in [0, 100]. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** count, median, p99, mean, min and max of a list of durations. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sum / sorted.length : NaN,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** A number with a fixed count of decimals, or "-" when there is none. */
export function fixed(value, decimals = 2) {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}

/** Renders rows (arrays of cells) under a header as an aligned Markdown table. */
export function table(header, rows) {
  const widths = header.map((title, i) =>
    Math.max(String(title).length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The machine facts worth printing beside any figure: cores, CPU, Node, load, date. */
export function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    cores: os.availableParallelism(),
    cpu,
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
    date: new Date().toISOString(),
  };
}

/** Cumulative busy and total CPU ticks of the whole machine (Linux /proc/stat), or null. */
export function machineTicks() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
    const ticks = cpu.map(Number);
    const idle = ticks[3] + (ticks[4] ?? 0); // idle + iowait
    const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Share of all cores busy (any process, ours or not) between two machineTicks() readings. */
export function busyShare(before, after) {
  if (!before || !after || after.total === before.total) return NaN;
  return (after.busy - before.busy) / (after.total - before.total);
}
