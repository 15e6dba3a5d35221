import type { Product } from './types.js';

// Both product-service and recommendations-service serve this one catalog, so a
// recommendation always names a product the product service knows.
const CATEGORIES: Record<string, [string, number, string][]> = {
  audio: [
    ['Wireless Headphones', 129.99, 'Over-ear, noise cancelling, 30 h battery'],
    ['Bluetooth Speaker', 59.99, 'Waterproof pocket speaker with deep bass'],
    ['Studio Monitors', 249.0, 'A pair of 5-inch active near-field monitors'],
    ['USB Microphone', 89.5, 'Cardioid condenser microphone for podcasts'],
    ['Turntable', 199.0, 'Belt-drive record player with built-in preamp'],
  ],
  computing: [
    ['Mechanical Keyboard', 109.0, 'Tenkeyless, hot-swappable switches'],
    ['Ergonomic Mouse', 49.99, 'Vertical mouse that spares your wrist'],
    ['27" Monitor', 299.0, '1440p IPS panel, 144 Hz'],
    ['USB-C Dock', 139.0, 'Two displays, Ethernet and 100 W charging'],
    ['Laptop Stand', 39.0, 'Aluminium stand with adjustable height'],
  ],
  kitchen: [
    ['Chef Knife', 79.0, '20 cm forged steel knife'],
    ['Cast Iron Skillet', 45.0, 'Pre-seasoned 26 cm pan'],
    ['Espresso Machine', 349.0, '15-bar pump with steam wand'],
    ['Burr Grinder', 119.0, 'Conical burrs, 40 grind settings'],
    ['Digital Scale', 24.99, 'Weighs to 0.1 g, with a timer'],
  ],
  outdoor: [
    ['Hiking Backpack', 149.0, '40 l pack with rain cover'],
    ['Trekking Poles', 69.0, 'Carbon, collapsible, cork grips'],
    ['Camping Stove', 54.0, 'Compact gas stove with piezo ignition'],
    ['Headlamp', 34.99, '400 lumens, rechargeable'],
    ['Sleeping Bag', 189.0, 'Down fill, comfort rating -2 °C'],
  ],
  books: [
    ['Release It!', 42.0, 'Design and deploy production-ready software'],
    ['Building Microservices', 49.0, 'Designing fine-grained systems'],
    ['Site Reliability Engineering', 45.0, 'How Google runs production systems'],
    ['Designing Data-Intensive Applications', 52.0, 'Reliable, scalable, maintainable systems'],
    ['The Phoenix Project', 24.0, 'A novel about IT, DevOps and helping your business win'],
  ],
  fitness: [
    ['Yoga Mat', 29.0, '6 mm non-slip mat'],
    ['Adjustable Dumbbells', 229.0, '2.5 to 24 kg per hand'],
    ['Jump Rope', 15.0, 'Ball-bearing speed rope'],
    ['Foam Roller', 22.0, 'High-density roller for recovery'],
    ['Heart Rate Monitor', 79.0, 'Chest strap with Bluetooth and ANT+'],
  ],
};

export const CATALOG: readonly Product[] = Object.entries(CATEGORIES)
  .flatMap(([category, items]) =>
    items.map(([name, price, description]) => ({ name, price, description, category })),
  )
  .map((item, index) => ({ id: index + 1, ...item }));

const byId = new Map(CATALOG.map((p) => [p.id, p]));

export function findProduct(id: number): Product | undefined {
  return byId.get(id);
}

/** Other products of the same category, in catalog order. */
export function relatedProducts(id: number, limit = 4): Product[] {
  const product = byId.get(id);
  if (!product) return [];
  return CATALOG.filter((p) => p.category === product.category && p.id !== id).slice(0, limit);
}
