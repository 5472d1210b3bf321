// The demo organisation: an online grocer's engineering department, its people and its services.
// Plain data; lib/server/demo/steps/*.ts write it through the app's own mutations.

/** The people who own services, answer pages and run the weekly review. None of them has an account. */
export const PEOPLE = {
  priya: "Priya Raman",
  tomas: "Tomás Ferreira",
  ingrid: "Ingrid Halvorsen",
  kwame: "Kwame Mensah",
  mei: "Mei Lin",
  jonas: "Jonas Weber",
  aisha: "Aisha Okafor",
  luca: "Luca Bianchi",
  sofia: "Sofia Petrov",
} as const;

export type Person = keyof typeof PEOPLE;

export interface DemoService {
  slug: string;
  name: string;
  /** Rank of one of the default tiers (1 Critical, 2 Important, 3 Standard). */
  tier: 1 | 2 | 3;
  owner: string;
  description: string;
  /** Overrides of the tier's SLO; absent = inherited. */
  sloTarget?: number;
  sloWindow?: string;
  maintenance?: "count" | "exclude";
  /** Slugs of services listed before this one. */
  dependsOn?: string[];
}

/** In dependency order: a service comes after the services it depends on. */
export const SERVICES: readonly DemoService[] = [
  {
    slug: "identity",
    name: "Sign-in and accounts",
    tier: 1,
    owner: "Identity team",
    sloTarget: 0.9995,
    description: "Sign-in, sessions and customer accounts. Every signed-in page and the partner API depend on it.",
  },
  {
    slug: "payments",
    name: "Payments",
    tier: 1,
    owner: "Payments team",
    sloTarget: 0.9995,
    description: "Authorises and captures card payments through our payment provider, and issues refunds.",
  },
  {
    slug: "catalog",
    name: "Product catalogue",
    tier: 2,
    owner: "Catalog team",
    description: "Products, prices and product pages: about 40,000 lines, refreshed from suppliers every night.",
  },
  {
    slug: "inventory",
    name: "Stock and inventory",
    tier: 2,
    owner: "Fulfilment team",
    description: "Stock per warehouse and reservations for baskets being checked out. Upgraded in planned windows at night.",
  },
  {
    slug: "cart",
    name: "Basket",
    tier: 2,
    owner: "Checkout team",
    dependsOn: ["catalog", "inventory"],
    description: "The customer's basket: items, quantities and the reserved delivery slot.",
  },
  {
    slug: "checkout",
    name: "Checkout",
    tier: 1,
    owner: "Checkout team",
    sloTarget: 0.9995,
    dependsOn: ["cart", "payments", "inventory", "identity"],
    description: "Turns a basket into an order: delivery slot, payment, confirmation. Where an outage costs the most.",
  },
  {
    slug: "api-gateway",
    name: "Partner API gateway",
    tier: 1,
    owner: "Platform team",
    dependsOn: ["identity"],
    description: "The public API our delivery partners and the mobile apps call; authentication and rate limits.",
  },
  {
    slug: "search",
    name: "Search",
    tier: 2,
    owner: "Search team",
    sloWindow: "rolling:28d",
    dependsOn: ["catalog"],
    description: "Product search and filters, fed by an indexer that follows catalogue changes.",
  },
  {
    slug: "notifications",
    name: "Order e-mails and push",
    tier: 2,
    owner: "Messaging team",
    sloTarget: 0.995,
    description: "Order confirmations, delivery updates and password resets, by e-mail and push notification.",
  },
  {
    slug: "reviews",
    name: "Product reviews",
    tier: 3,
    owner: "Catalog team",
    dependsOn: ["catalog", "identity"],
    description: "Customers' ratings and reviews on product pages, with moderation.",
  },
  {
    slug: "recommendations",
    name: "Recommendations",
    tier: 3,
    owner: "Data team",
    dependsOn: ["catalog"],
    description: "“Often bought with” and “Your usuals” on product pages and in the basket.",
  },
  {
    slug: "merchant-reports",
    name: "Merchant reports",
    tier: 3,
    owner: "Data team",
    sloWindow: "month",
    maintenance: "exclude",
    description: "Daily sales and stock reports for our suppliers. Its warehouse is reloaded in a planned window each month, which its SLO leaves out.",
  },
];
