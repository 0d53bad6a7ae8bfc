/** A copy of `set` with `value` added, or removed when it was there: what a click on a fold or a filter does. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(value)) next.add(value);
  return next;
}
