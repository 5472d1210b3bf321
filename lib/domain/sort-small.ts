/**
 * Sorts in place, stably, like Array.prototype.sort. Short arrays use insertion sort because V8's
 * sort allocates about a kilobyte of work space per call whatever the length, and the engine sorts
 * a handful of impacts, incidents and durations per service, for every service of an
 * organisation, on every request.
 */
const INSERTION_SORT_MAX = 16;

export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_SORT_MAX) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
