import type { Strings } from './en';

export const fr = {
  dir: 'ltr',
  loading: 'Chargement…',
  payTo: (merchant: string) => `Payer ${merchant}`,
  cardNumber: 'Numéro de carte',
  numberPlaceholder: '1234 1234 1234 1234',
  expiry: 'Date d’expiration',
  expiryPlaceholder: 'MM / AA',
  cvc: 'Code de sécurité',
  cvcPlaceholder: 'CVC',
  name: 'Nom sur la carte',
  namePlaceholder: 'Nom complet',
  pay: (amount: string) => `Payer ${amount}`,
  processing: 'Paiement en cours…',
  securedBy: 'Sécurisé par Payframe',
  invalid: {
    number_empty: 'Saisissez votre numéro de carte.',
    number_incomplete: 'Votre numéro de carte est incomplet.',
    number_invalid: 'Votre numéro de carte n’est pas valide.',
    expiry_empty: 'Saisissez la date d’expiration.',
    expiry_incomplete: 'La date d’expiration est incomplète.',
    expiry_invalid: 'La date d’expiration n’est pas valide.',
    expiry_past: 'La date d’expiration est dépassée.',
    cvc_empty: 'Saisissez le code de sécurité.',
    cvc_incomplete: 'Le code de sécurité est incomplet.',
    cvc_invalid: 'Le code de sécurité n’est pas valide.',
    name_empty: 'Saisissez le nom qui figure sur votre carte.',
  },
  challenge: {
    title: 'Confirmez auprès de votre banque',
    detail: (merchant: string, amount: string) => `${merchant} · ${amount}`,
    frame: 'Vérification par votre banque',
    connecting: 'Connexion à votre banque…',
    cancel: 'Annuler la vérification',
  },
  saved: {
    payWith: 'Payer avec',
    card: 'Carte',
    ending: (brand: string, last4: string) => `${brand} se terminant par ${last4}`,
    expires: (date: string) => `Expire fin ${date}`,
    newCard: 'Utiliser une nouvelle carte',
    cvcFor: (card: string) => `Code de sécurité de la ${card}`,
    save: 'Enregistrer cette carte pour de futurs paiements',
    saveHint: (merchant: string) => `${merchant} pourra la débiter pour vos prochaines commandes.`,
  },
  succeeded: 'Paiement réussi',
  paidTo: (amount: string, merchant: string) => `Vous avez payé ${amount} à ${merchant}.`,
  alreadyPaid: 'Cette facture a déjà été payée',
  alreadyPaidDetail: 'Aucun autre paiement n’est nécessaire. Vous pouvez fermer cette fenêtre.',
  failedTitle: 'Le paiement n’a pas pu aboutir',
  notAllowed: 'Cette page n’est pas autorisée à afficher ce paiement',
  notAllowedDetail:
    'L’adresse de la boutique ne figure pas parmi les origines autorisées pour ce paiement.',
  loadFailedTitle: 'Paiement indisponible',
  backToShop: 'Retour à la boutique',
  returningToShop: 'Retour à la boutique en cours…',
  tryAgain: 'Réessayer',
  networkError:
    'Impossible de joindre le service de paiement. Vérifiez votre connexion, puis réessayez.',
  genericError: 'Une erreur s’est produite. Réessayez dans un instant.',
  errors: {
    card_declined: 'Votre carte a été refusée. Essayez avec une autre carte.',
    insufficient_funds: 'Le solde de votre carte est insuffisant. Essayez avec une autre carte.',
    expired_card: 'Votre carte a expiré. Essayez avec une autre carte.',
    incorrect_cvc: 'Le code de sécurité de votre carte est incorrect. Vérifiez-le, puis réessayez.',
    processing_error:
      'Une erreur s’est produite lors du traitement de votre carte. Réessayez dans un instant.',
    invalid_card_number: 'Votre numéro de carte n’est pas valide.',
    invalid_expiry: 'La date d’expiration de votre carte n’est pas valide.',
    payment_method_not_found:
      'Cette carte enregistrée n’est plus disponible. Essayez avec une autre carte.',
    invalid_cvc: 'Le code de sécurité de votre carte n’est pas valide.',
    checkout_not_found:
      'Ce lien de paiement n’est pas valide. Retournez sur la boutique et recommencez.',
    checkout_expired: 'Ce paiement a expiré. Retournez sur la boutique et recommencez.',
    invoice_not_open: 'Cette facture ne peut plus être payée.',
    payment_in_progress:
      'Un paiement est déjà en cours pour cette commande. Patientez un instant, puis réessayez.',
    order_check_failed: 'La boutique n’a pas pu accepter cette commande. Rien n’a été débité.',
    too_many_attempts: 'Trop de tentatives. Retournez sur la boutique et réessayez plus tard.',
    authentication_failed:
      'Votre banque n’a pas pu vérifier ce paiement. Réessayez ou utilisez une autre carte.',
    authentication_canceled:
      'La vérification auprès de votre banque a été annulée. Réessayez ou utilisez une autre carte.',
    authentication_timeout:
      'La vérification auprès de votre banque a pris trop de temps. Réessayez.',
    authentication_rejected: 'Votre banque a refusé ce paiement. Essayez avec une autre carte.',
    authentication_unavailable:
      'Impossible de joindre votre banque pour la vérification. Réessayez ou utilisez une autre carte.',
  },
} satisfies Strings;
