// Typed text keys: t('admin:units.title') is checked against the Vietnamese locale files, which
// define the keys (the English files must provide every one of them: `npm run check:i18n`).
import 'i18next';
import type { resources } from './lib/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['vi'];
    returnNull: false;
  }
}
