// Bokmål, the master: every key exists here first; en.ts must have the same keys (the type says so).
export const nb = {
  'app.name': 'Søknadsportalen',
  'app.owner': 'Tilskudd til kompetanse fra fylkeskommunen',
  'app.skipToMain': 'Hopp til hovedinnhold',
  'app.language': 'Språk',
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Change language to English',
  'app.loading': 'Henter …',
  'app.error': 'Noe gikk galt. Prøv igjen om litt.',
  'app.notFound.title': 'Fant ikke siden',
  'app.notFound.body': 'Siden finnes ikke, eller den er flyttet.',
  'app.notFound.home': 'Til utlysningene',

  'calls.title': 'Åpne utlysninger',
  'calls.intro':
    'Her er tilskuddsordningene du kan søke på nå, fylke for fylke. Du trenger ikke logge inn for å lese dem.',
  'calls.none': 'Det er ingen åpne utlysninger akkurat nå.',
  'calls.count': '{count} åpne utlysninger',
  'calls.countOne': '1 åpen utlysning',
  'calls.purpose': 'Formål',
  'calls.applicants': 'Hvem kan søke',
  'calls.window': 'Søknadsperiode',
  'calls.windowFromTo': '{from} til {to}',
  'calls.windowRolling': 'Fra {from}, løpende så lenge det er midler igjen',
  'calls.frame': 'Ramme',
  'calls.frameNone': 'Rammen er ikke fastsatt ennå',
  'calls.open': 'Åpen for søknader',
  'calls.upcoming': 'Åpner {from}',
  'calls.county': 'Fylke',
  'calls.allCounties': 'Alle fylker',
  'calls.allSchemes': 'Alle ordninger',
  'calls.scheme': 'Ordning',
} as const;

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;
