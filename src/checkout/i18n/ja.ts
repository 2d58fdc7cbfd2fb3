import type { Strings } from './en';

/** In Japan the issuer is the card company (カード会社) and 3-D Secure is 本人認証. */
export const ja = {
  dir: 'ltr',
  loading: '読み込み中…',
  payTo: (merchant: string) => `${merchant}へのお支払い`,
  cardNumber: 'カード番号',
  numberPlaceholder: '1234 1234 1234 1234',
  expiry: '有効期限',
  expiryPlaceholder: 'MM / YY',
  cvc: 'セキュリティコード',
  cvcPlaceholder: 'CVC',
  name: 'カード名義人',
  namePlaceholder: 'TARO YAMADA',
  pay: (amount: string) => `${amount}を支払う`,
  processing: 'お支払いを処理しています…',
  securedBy: 'Payframeで保護されています',
  invalid: {
    number_empty: 'カード番号を入力してください。',
    number_incomplete: 'カード番号の桁数が足りません。',
    number_invalid: 'カード番号が正しくありません。',
    expiry_empty: '有効期限を入力してください。',
    expiry_incomplete: '有効期限を最後まで入力してください。',
    expiry_invalid: '有効期限が正しくありません。',
    expiry_past: '有効期限が過ぎています。',
    cvc_empty: 'セキュリティコードを入力してください。',
    cvc_incomplete: 'セキュリティコードの桁数が足りません。',
    cvc_invalid: 'セキュリティコードが正しくありません。',
    name_empty: 'カード名義人を入力してください。',
  },
  challenge: {
    title: 'カード会社による本人認証',
    detail: (merchant: string, amount: string) => `${merchant} · ${amount}`,
    frame: 'カード会社の本人認証画面',
    connecting: 'カード会社に接続しています…',
    cancel: '本人認証をキャンセル',
  },
  saved: {
    payWith: 'お支払い方法',
    card: 'カード',
    ending: (brand: string, last4: string) => `${brand}（末尾 ${last4}）`,
    expires: (date: string) => `有効期限 ${date}`,
    newCard: '新しいカードを使う',
    cvcFor: (card: string) => `${card}のセキュリティコード`,
    save: '今後の支払いのためにこのカードを保存する',
    saveHint: (merchant: string) =>
      `今後のご注文で${merchant}がこのカードに請求することがあります。`,
  },
  succeeded: 'お支払いが完了しました',
  paidTo: (amount: string, merchant: string) => `${merchant}に${amount}を支払いました。`,
  alreadyPaid: 'この請求はお支払い済みです',
  alreadyPaidDetail: '追加のお支払いは不要です。このウィンドウを閉じてかまいません。',
  failedTitle: 'お支払いを完了できませんでした',
  notAllowed: 'このページではこの決済を表示できません',
  notAllowedDetail: 'ショップのアドレスが、この決済で許可されたオリジンに含まれていません。',
  loadFailedTitle: '決済画面を表示できません',
  backToShop: 'ショップに戻る',
  returningToShop: 'ショップに戻っています…',
  tryAgain: '再試行',
  networkError:
    '決済サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。',
  genericError: 'エラーが発生しました。しばらくしてからもう一度お試しください。',
  errors: {
    card_declined: 'カードが承認されませんでした。別のカードをお試しください。',
    insufficient_funds: 'カードの利用可能額が不足しています。別のカードをお試しください。',
    expired_card: 'カードの有効期限が切れています。別のカードをお試しください。',
    incorrect_cvc: 'セキュリティコードが正しくありません。ご確認のうえ、もう一度お試しください。',
    processing_error:
      'カードの処理中にエラーが発生しました。しばらくしてからもう一度お試しください。',
    invalid_card_number: 'カード番号が正しくありません。',
    invalid_expiry: 'カードの有効期限が正しくありません。',
    payment_method_not_found:
      'この保存済みカードは使用できなくなりました。別のカードをお試しください。',
    invalid_cvc: 'カードのセキュリティコードが正しくありません。',
    checkout_not_found: 'この決済リンクは無効です。ショップに戻って最初からやり直してください。',
    checkout_expired: 'この決済は期限切れです。ショップに戻って最初からやり直してください。',
    invoice_not_open: 'この請求はお支払いいただけなくなりました。',
    payment_in_progress:
      'このご注文のお支払いはすでに処理中です。少し待ってから、もう一度お試しください。',
    order_check_failed: 'ショップはこのご注文を受け付けられませんでした。請求は行われていません。',
    too_many_attempts:
      '試行回数が上限に達しました。ショップに戻り、時間をおいてからやり直してください。',
    authentication_failed:
      'カード会社でこのお支払いを確認できませんでした。もう一度お試しいただくか、別のカードをご利用ください。',
    authentication_canceled:
      '本人認証がキャンセルされました。もう一度お試しいただくか、別のカードをご利用ください。',
    authentication_timeout: '本人認証が時間切れになりました。もう一度お試しください。',
    authentication_rejected:
      'カード会社がこのお支払いを承認しませんでした。別のカードをお試しください。',
    authentication_unavailable:
      'カード会社に接続できず、本人認証を行えませんでした。もう一度お試しいただくか、別のカードをご利用ください。',
  },
} satisfies Strings;
