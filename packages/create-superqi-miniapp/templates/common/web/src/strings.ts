/** Every text the page shows, in English and Arabic. */
export const STRINGS = {
  en: {
    title: 'My Super Qi shop',
    signingIn: 'Signing you in…',
    hello: (name: string) => `Hello, ${name}`,
    item: 'Coffee',
    price: (iqd: number) => `${iqd.toLocaleString('en')} IQD`,
    order: 'Order and pay',
    paying: 'Paying…',
    paid: 'Paid. Thank you!',
    cancelled: 'Payment cancelled.',
    failed: 'The payment did not go through.',
    refund: 'Refund',
    refunded: 'Refunded.',
    error: (message: string) => `Something went wrong: ${message}`,
  },
  ar: {
    title: 'متجري على سوبر كي',
    signingIn: 'جارٍ تسجيل الدخول…',
    hello: (name: string) => `مرحباً، ${name}`,
    item: 'قهوة',
    price: (iqd: number) => `${iqd.toLocaleString('ar-IQ')} د.ع`,
    order: 'اطلب وادفع',
    paying: 'جارٍ الدفع…',
    paid: 'تم الدفع. شكراً لك!',
    cancelled: 'أُلغي الدفع.',
    failed: 'لم يتم الدفع.',
    refund: 'استرداد',
    refunded: 'تم الاسترداد.',
    error: (message: string) => `حدث خطأ: ${message}`,
  },
} as const;

/** One language's texts. */
export type Strings = (typeof STRINGS)[keyof typeof STRINGS];
