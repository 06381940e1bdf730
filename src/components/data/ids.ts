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

/**
 * Like `uniqueId`, but the first call with a prefix gives the prefix itself, so that a link to
 * `#prefix` finds the first element; later calls give `prefix-2`, `prefix-3`, ….
 */
export function firstPlainId(prefix: string): string {
  const id = uniqueId(prefix);
  return id === `${prefix}-1` ? prefix : id;
}
