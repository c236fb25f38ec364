// A small typed i18n layer: bokmål by default, English on request (kept in localStorage), `<html lang>`
// following the choice. Keys are checked by the compiler; `{name}` placeholders are filled by `t`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { formatDate, formatDateTime, formatKroner, type Language } from './format';
import { nb, type MessageKey, type Messages } from './nb';

const MESSAGES: Record<Language, Messages> = { nb, en };
const STORAGE_KEY = 'language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  kroner: (ore: number) => string;
  date: (instant: string) => string;
  dateTime: (instant: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}) {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
      kroner: (ore) => formatKroner(ore, language),
      date: (instant) => formatDate(instant, language),
      dateTime: (instant) => formatDateTime(instant, language),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
