// Calendar dates in forms: the API takes `YYYY-MM-DD`; people type `2.3.2026` or `02.03.2026`.

const pad = (n: number) => String(n).padStart(2, '0');

/** A typed date (`d.m.åååå`, `dd.mm.åååå` or `åååå-mm-dd`) as `YYYY-MM-DD`; null when it is no real day. */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = norwegian
    ? [Number(norwegian[3]), Number(norwegian[2]), Number(norwegian[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `YYYY-MM-DD` as `dd.mm.åååå` to edit; anything else as it is. */
export function dateInputText(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : value;
}
