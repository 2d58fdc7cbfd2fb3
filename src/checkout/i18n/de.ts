import type { Strings } from './en';

export const de = {
  dir: 'ltr',
  loading: 'Wird geladen…',
  payTo: (merchant: string) => `Zahlung an ${merchant}`,
  cardNumber: 'Kartennummer',
  numberPlaceholder: '1234 1234 1234 1234',
  expiry: 'Ablaufdatum',
  expiryPlaceholder: 'MM / JJ',
  cvc: 'Sicherheitscode',
  cvcPlaceholder: 'CVC',
  name: 'Name auf der Karte',
  namePlaceholder: 'Vor- und Nachname',
  pay: (amount: string) => `${amount} bezahlen`,
  processing: 'Zahlung wird verarbeitet…',
  securedBy: 'Gesichert durch Payframe',
  invalid: {
    number_empty: 'Geben Sie Ihre Kartennummer ein.',
    number_incomplete: 'Ihre Kartennummer ist unvollständig.',
    number_invalid: 'Ihre Kartennummer ist ungültig.',
    expiry_empty: 'Geben Sie das Ablaufdatum ein.',
    expiry_incomplete: 'Das Ablaufdatum ist unvollständig.',
    expiry_invalid: 'Das Ablaufdatum ist ungültig.',
    expiry_past: 'Das Ablaufdatum liegt in der Vergangenheit.',
    cvc_empty: 'Geben Sie den Sicherheitscode ein.',
    cvc_incomplete: 'Der Sicherheitscode ist unvollständig.',
    cvc_invalid: 'Der Sicherheitscode ist ungültig.',
    name_empty: 'Geben Sie den Namen auf Ihrer Karte ein.',
  },
  challenge: {
    title: 'Bei Ihrer Bank bestätigen',
    detail: (merchant: string, amount: string) => `${merchant} · ${amount}`,
    frame: 'Bestätigung durch Ihre Bank',
    connecting: 'Verbindung zu Ihrer Bank wird hergestellt…',
    cancel: 'Bestätigung abbrechen',
  },
  saved: {
    payWith: 'Bezahlen mit',
    card: 'Karte',
    ending: (brand: string, last4: string) => `${brand} mit Endziffern ${last4}`,
    expires: (date: string) => `Gültig bis ${date}`,
    newCard: 'Neue Karte verwenden',
    cvcFor: (card: string) => `Sicherheitscode für ${card}`,
    save: 'Karte für künftige Zahlungen speichern',
    saveHint: (merchant: string) =>
      `${merchant} kann sie für Ihre künftigen Bestellungen belasten.`,
  },
  succeeded: 'Zahlung erfolgreich',
  paidTo: (amount: string, merchant: string) => `Sie haben ${amount} an ${merchant} gezahlt.`,
  alreadyPaid: 'Diese Rechnung wurde bereits bezahlt',
  alreadyPaidDetail: 'Es ist keine weitere Zahlung nötig. Sie können dieses Fenster schließen.',
  failedTitle: 'Die Zahlung konnte nicht abgeschlossen werden',
  notAllowed: 'Diese Seite darf diesen Bezahlvorgang nicht anzeigen',
  notAllowedDetail:
    'Die Adresse des Shops steht nicht auf der Liste der erlaubten Ursprünge dieses Bezahlvorgangs.',
  loadFailedTitle: 'Bezahlseite nicht verfügbar',
  backToShop: 'Zurück zum Shop',
  returningToShop: 'Sie werden zum Shop zurückgeleitet…',
  tryAgain: 'Erneut versuchen',
  networkError:
    'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  genericError: 'Etwas ist schiefgelaufen. Versuchen Sie es gleich noch einmal.',
  errors: {
    card_declined: 'Ihre Karte wurde abgelehnt. Versuchen Sie es mit einer anderen Karte.',
    insufficient_funds:
      'Ihre Karte ist nicht ausreichend gedeckt. Versuchen Sie es mit einer anderen Karte.',
    expired_card: 'Ihre Karte ist abgelaufen. Versuchen Sie es mit einer anderen Karte.',
    incorrect_cvc:
      'Der Sicherheitscode Ihrer Karte ist falsch. Prüfen Sie ihn und versuchen Sie es erneut.',
    processing_error:
      'Beim Verarbeiten Ihrer Karte ist ein Fehler aufgetreten. Versuchen Sie es gleich noch einmal.',
    invalid_card_number: 'Ihre Kartennummer ist ungültig.',
    invalid_expiry: 'Das Ablaufdatum Ihrer Karte ist ungültig.',
    payment_method_not_found:
      'Diese gespeicherte Karte ist nicht mehr verfügbar. Versuchen Sie es mit einer anderen Karte.',
    invalid_cvc: 'Der Sicherheitscode Ihrer Karte ist ungültig.',
    checkout_not_found:
      'Dieser Bezahllink ist ungültig. Kehren Sie zum Shop zurück und beginnen Sie von vorn.',
    checkout_expired:
      'Dieser Bezahlvorgang ist abgelaufen. Kehren Sie zum Shop zurück und beginnen Sie von vorn.',
    invoice_not_open: 'Diese Rechnung kann nicht mehr bezahlt werden.',
    payment_in_progress:
      'Eine Zahlung für diese Bestellung läuft bereits. Warten Sie einen Moment und versuchen Sie es erneut.',
    order_check_failed:
      'Der Shop konnte diese Bestellung nicht annehmen. Es wurde nichts abgebucht.',
    too_many_attempts:
      'Zu viele Versuche. Kehren Sie zum Shop zurück und versuchen Sie es später erneut.',
    authentication_failed:
      'Ihre Bank konnte diese Zahlung nicht bestätigen. Versuchen Sie es erneut oder nutzen Sie eine andere Karte.',
    authentication_canceled:
      'Die Bestätigung bei Ihrer Bank wurde abgebrochen. Versuchen Sie es erneut oder nutzen Sie eine andere Karte.',
    authentication_timeout:
      'Die Bestätigung bei Ihrer Bank hat zu lange gedauert. Versuchen Sie es erneut.',
    authentication_rejected:
      'Ihre Bank hat diese Zahlung abgelehnt. Versuchen Sie es mit einer anderen Karte.',
    authentication_unavailable:
      'Ihre Bank war für die Bestätigung nicht erreichbar. Versuchen Sie es erneut oder nutzen Sie eine andere Karte.',
  },
} satisfies Strings;
