// Camunda's REST dates (`2026-11-22T10:00:00.000+0000`), both ways. No imports: pure modules use it.

/** A date as Camunda's REST API writes and reads it. */
export function camundaDate(date: Date): string {
  return date.toISOString().replace(/Z$/, '+0000');
}

/** `+0000` → `+00:00`, which every Date.parse accepts. */
export function normalizeOffset(date: string): string {
  return date.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
