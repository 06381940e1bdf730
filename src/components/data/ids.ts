const counters = new Map<string, number>();

/**
 * A page-unique id for elements a component renders more than once (the same sheet can appear
 * in two figures). Deterministic: the nth call with a prefix gives `prefix-n`.
 */
export function uniqueId(prefix: string): string {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  return `${prefix}-${n}`;
}
