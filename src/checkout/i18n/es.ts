import type { Strings } from './en';

export const es = {
  dir: 'ltr',
  loading: 'Cargando…',
  payTo: (merchant: string) => `Pagar a ${merchant}`,
  cardNumber: 'Número de tarjeta',
  numberPlaceholder: '1234 1234 1234 1234',
  expiry: 'Fecha de caducidad',
  expiryPlaceholder: 'MM / AA',
  cvc: 'Código de seguridad',
  cvcPlaceholder: 'CVC',
  name: 'Nombre del titular',
  namePlaceholder: 'Nombre completo',
  pay: (amount: string) => `Pagar ${amount}`,
  processing: 'Procesando el pago…',
  securedBy: 'Protegido por Payframe',
  invalid: {
    number_empty: 'Introduce el número de tu tarjeta.',
    number_incomplete: 'El número de tu tarjeta está incompleto.',
    number_invalid: 'El número de tu tarjeta no es válido.',
    expiry_empty: 'Introduce la fecha de caducidad.',
    expiry_incomplete: 'La fecha de caducidad está incompleta.',
    expiry_invalid: 'La fecha de caducidad no es válida.',
    expiry_past: 'La fecha de caducidad ya ha pasado.',
    cvc_empty: 'Introduce el código de seguridad.',
    cvc_incomplete: 'El código de seguridad está incompleto.',
    cvc_invalid: 'El código de seguridad no es válido.',
    name_empty: 'Introduce el nombre que aparece en la tarjeta.',
  },
  challenge: {
    title: 'Confirma el pago con tu banco',
    detail: (merchant: string, amount: string) => `${merchant} · ${amount}`,
    frame: 'Verificación con tu banco',
    connecting: 'Conectando con tu banco…',
    cancel: 'Cancelar verificación',
  },
  saved: {
    payWith: 'Pagar con',
    card: 'Tarjeta',
    ending: (brand: string, last4: string) => `${brand} terminada en ${last4}`,
    expires: (date: string) => `Caduca ${date}`,
    newCard: 'Usar una tarjeta nueva',
    cvcFor: (card: string) => `Código de seguridad de la ${card}`,
    save: 'Guardar esta tarjeta para futuros pagos',
    saveHint: (merchant: string) => `${merchant} podrá cargarla en tus próximos pedidos.`,
  },
  succeeded: 'Pago realizado',
  paidTo: (amount: string, merchant: string) => `Has pagado ${amount} a ${merchant}.`,
  alreadyPaid: 'Esta factura ya está pagada',
  alreadyPaidDetail: 'No hace falta ningún otro pago. Puedes cerrar esta ventana.',
  failedTitle: 'No se ha podido completar el pago',
  notAllowed: 'Esta página no tiene permiso para mostrar este pago',
  notAllowedDetail:
    'La dirección de la tienda no figura entre los orígenes permitidos para este pago.',
  loadFailedTitle: 'Pago no disponible',
  backToShop: 'Volver a la tienda',
  returningToShop: 'Te llevamos de vuelta a la tienda…',
  tryAgain: 'Volver a intentarlo',
  networkError:
    'No hemos podido conectar con el servicio de pago. Comprueba tu conexión y vuelve a intentarlo.',
  genericError: 'Algo ha fallado. Vuelve a intentarlo en unos instantes.',
  errors: {
    card_declined: 'Tu tarjeta ha sido rechazada. Prueba con otra tarjeta.',
    insufficient_funds: 'Tu tarjeta no tiene fondos suficientes. Prueba con otra tarjeta.',
    expired_card: 'Tu tarjeta ha caducado. Prueba con otra tarjeta.',
    incorrect_cvc:
      'El código de seguridad de tu tarjeta es incorrecto. Compruébalo y vuelve a intentarlo.',
    processing_error:
      'Se ha producido un error al procesar tu tarjeta. Vuelve a intentarlo en unos instantes.',
    invalid_card_number: 'El número de tu tarjeta no es válido.',
    invalid_expiry: 'La fecha de caducidad de tu tarjeta no es válida.',
    payment_method_not_found:
      'Esta tarjeta guardada ya no está disponible. Prueba con otra tarjeta.',
    invalid_cvc: 'El código de seguridad de tu tarjeta no es válido.',
    checkout_not_found: 'Este enlace de pago no es válido. Vuelve a la tienda y empieza de nuevo.',
    checkout_expired: 'Este pago ha caducado. Vuelve a la tienda y empieza de nuevo.',
    invoice_not_open: 'Esta factura ya no se puede pagar.',
    payment_in_progress:
      'Ya hay un pago en curso para este pedido. Espera un momento y vuelve a intentarlo.',
    order_check_failed: 'La tienda no ha podido aceptar este pedido. No se ha cobrado nada.',
    too_many_attempts: 'Demasiados intentos. Vuelve a la tienda e inténtalo más tarde.',
    authentication_failed:
      'Tu banco no ha podido verificar este pago. Vuelve a intentarlo o usa otra tarjeta.',
    authentication_canceled:
      'Se ha cancelado la verificación con tu banco. Vuelve a intentarlo o usa otra tarjeta.',
    authentication_timeout:
      'La verificación con tu banco ha tardado demasiado. Vuelve a intentarlo.',
    authentication_rejected: 'Tu banco ha rechazado este pago. Prueba con otra tarjeta.',
    authentication_unavailable:
      'No hemos podido contactar con tu banco para la verificación. Vuelve a intentarlo o usa otra tarjeta.',
  },
} satisfies Strings;
