/**
 * Freezes an object and everything in it. Seed and demo data are shared between uses; freezing makes
 * an accidental edit fail loudly instead of leaking into the next use.
 */
export function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
