/** The shop's own price table: the server prices every cart from here, never from the page. */
export interface Product {
  sku: string;
  name: string;
  description: string;
  /** Minor units of CURRENCY. */
  price: number;
}

export const CURRENCY = 'EUR';

export const CATALOG: readonly Product[] = [
  {
    sku: 'espresso-beans',
    name: 'Espresso beans, 1 kg',
    description: 'Dark roast, chocolate and hazelnut.',
    price: 2490,
  },
  {
    sku: 'filter-beans',
    name: 'Filter beans, 500 g',
    description: 'Light roast, citrus and jasmine.',
    price: 1450,
  },
  {
    sku: 'ceramic-dripper',
    name: 'Ceramic dripper',
    description: 'Hand-glazed, fits standard filters.',
    price: 3200,
  },
];

export function findProduct(sku: string): Product | undefined {
  return CATALOG.find((p) => p.sku === sku);
}
