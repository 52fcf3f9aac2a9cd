/**
 * The demo restaurant menu loaded into an empty catalog on first start (DEMO_CATALOG). Prices are
 * minor units of the store currency; each dish says how its generated picture looks.
 */
export type DishArt = 'pizza' | 'pasta' | 'salad' | 'burger' | 'bread' | 'fish' | 'dessert' | 'drink' | 'soup';

export interface DemoOption {
  name: string;
  priceDelta: number;
}

export interface DemoModifierGroup {
  name: string;
  minSelect: number;
  maxSelect: number;
  options: DemoOption[];
}

export interface DemoDish {
  sku: string;
  name: string;
  description: string;
  price: number;
  tags: string[];
  stock: number;
  modifierGroups: DemoModifierGroup[];
  art: DishArt;
  /** Main food colour, then an accent (sauce, garnish), as #rrggbb. */
  colours: [string, string];
}

export interface DemoCategory {
  name: string;
  slug: string;
  dishes: DemoDish[];
}

const PIZZA_SIZE: DemoModifierGroup = {
  name: 'Size',
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Regular 10"', priceDelta: 0 },
    { name: 'Large 12"', priceDelta: 300 },
    { name: 'Family 14"', priceDelta: 550 },
  ],
};

const PIZZA_EXTRAS: DemoModifierGroup = {
  name: 'Extras',
  minSelect: 0,
  maxSelect: 4,
  options: [
    { name: 'Extra mozzarella', priceDelta: 150 },
    { name: 'Black olives', priceDelta: 120 },
    { name: 'Chili oil', priceDelta: 80 },
    { name: 'Fresh basil', priceDelta: 50 },
  ],
};

const PASTA_EXTRAS: DemoModifierGroup = {
  name: 'Extras',
  minSelect: 0,
  maxSelect: 2,
  options: [
    { name: 'Extra parmesan', priceDelta: 100 },
    { name: 'Gluten-free pasta', priceDelta: 200 },
  ],
};

export const DEMO_MENU: readonly DemoCategory[] = [
  {
    name: 'Starters',
    slug: 'starters',
    dishes: [
      {
        sku: 'DEMO-GARLIC-BREAD',
        name: 'Garlic Bread',
        description: 'Toasted sourdough with garlic butter, parsley and flaky sea salt.',
        price: 550,
        tags: ['vegetarian', 'sharing'],
        stock: 60,
        modifierGroups: [{ name: 'Add', minSelect: 0, maxSelect: 1, options: [{ name: 'Melted mozzarella', priceDelta: 150 }] }],
        art: 'bread',
        colours: ['#d9a25f', '#5d8a3a'],
      },
      {
        sku: 'DEMO-TOMATO-SOUP',
        name: 'Roasted Tomato Soup',
        description: 'Slow-roasted tomatoes and red peppers blended with basil, served with a swirl of cream.',
        price: 700,
        tags: ['vegetarian', 'gluten-free'],
        stock: 40,
        modifierGroups: [],
        art: 'soup',
        colours: ['#c8401e', '#f3eadb'],
      },
    ],
  },
  {
    name: 'Pizza',
    slug: 'pizza',
    dishes: [
      {
        sku: 'DEMO-PIZZA-MARGHERITA',
        name: 'Pizza Margherita',
        description: 'San Marzano tomato, fior di latte mozzarella, basil and extra-virgin olive oil on a wood-fired crust.',
        price: 1250,
        tags: ['vegetarian', 'classic'],
        stock: 50,
        modifierGroups: [PIZZA_SIZE, PIZZA_EXTRAS],
        art: 'pizza',
        colours: ['#d2452b', '#f6f0dc'],
      },
      {
        sku: 'DEMO-PIZZA-DIAVOLA',
        name: 'Pizza Diavola',
        description: 'Tomato, mozzarella, spicy salami, Calabrian chili and a drizzle of honey.',
        price: 1450,
        tags: ['spicy'],
        stock: 40,
        modifierGroups: [PIZZA_SIZE, PIZZA_EXTRAS],
        art: 'pizza',
        colours: ['#b8321f', '#7a1a12'],
      },
      {
        sku: 'DEMO-PIZZA-FUNGHI',
        name: 'Pizza Funghi',
        description: 'Mozzarella, roasted mushrooms, thyme, garlic and shaved parmesan on a white base.',
        price: 1400,
        tags: ['vegetarian'],
        stock: 35,
        modifierGroups: [PIZZA_SIZE, PIZZA_EXTRAS],
        art: 'pizza',
        colours: ['#efe3c2', '#8b6b4a'],
      },
    ],
  },
  {
    name: 'Pasta',
    slug: 'pasta',
    dishes: [
      {
        sku: 'DEMO-CARBONARA',
        name: 'Spaghetti Carbonara',
        description: 'Guanciale, egg yolk, pecorino romano and black pepper; no cream, as in Rome.',
        price: 1350,
        tags: ['classic'],
        stock: 45,
        modifierGroups: [PASTA_EXTRAS],
        art: 'pasta',
        colours: ['#eccb72', '#7d4a2a'],
      },
      {
        sku: 'DEMO-ARRABBIATA',
        name: "Penne all'Arrabbiata",
        description: 'Penne in a fiery tomato sauce with garlic, chili and flat-leaf parsley.',
        price: 1150,
        tags: ['vegan', 'spicy'],
        stock: 45,
        modifierGroups: [PASTA_EXTRAS],
        art: 'pasta',
        colours: ['#d9572f', '#3f7d2c'],
      },
    ],
  },
  {
    name: 'Mains',
    slug: 'mains',
    dishes: [
      {
        sku: 'DEMO-CHEESEBURGER',
        name: 'Classic Cheeseburger',
        description: 'Dry-aged beef patty, aged cheddar, pickles, onion and house sauce in a brioche bun. Served with fries.',
        price: 1450,
        tags: ['bestseller'],
        stock: 50,
        modifierGroups: [
          {
            name: 'Cooked',
            minSelect: 1,
            maxSelect: 1,
            options: [
              { name: 'Medium', priceDelta: 0 },
              { name: 'Well done', priceDelta: 0 },
            ],
          },
          {
            name: 'Extras',
            minSelect: 0,
            maxSelect: 3,
            options: [
              { name: 'Smoked bacon', priceDelta: 200 },
              { name: 'Fried egg', priceDelta: 150 },
              { name: 'Sweet potato fries instead', priceDelta: 250 },
            ],
          },
        ],
        art: 'burger',
        colours: ['#c98a3c', '#6b3a1e'],
      },
      {
        sku: 'DEMO-SALMON',
        name: 'Grilled Salmon',
        description: 'Salmon fillet with lemon-dill butter, crushed new potatoes and green beans.',
        price: 1950,
        tags: ['gluten-free', 'high-protein'],
        stock: 25,
        modifierGroups: [
          {
            name: 'Side',
            minSelect: 1,
            maxSelect: 1,
            options: [
              { name: 'Crushed potatoes', priceDelta: 0 },
              { name: 'Green salad', priceDelta: 0 },
              { name: 'Sweet potato fries', priceDelta: 150 },
            ],
          },
        ],
        art: 'fish',
        colours: ['#f08a5d', '#4f8a3b'],
      },
    ],
  },
  {
    name: 'Salads',
    slug: 'salads',
    dishes: [
      {
        sku: 'DEMO-CAESAR',
        name: 'Caesar Salad',
        description: 'Romaine hearts, parmesan, sourdough croutons and anchovy dressing.',
        price: 1050,
        tags: ['classic'],
        stock: 30,
        modifierGroups: [
          {
            name: 'Add protein',
            minSelect: 0,
            maxSelect: 1,
            options: [
              { name: 'Grilled chicken', priceDelta: 300 },
              { name: 'Prawns', priceDelta: 450 },
            ],
          },
        ],
        art: 'salad',
        colours: ['#6fae3f', '#f1e4b3'],
      },
    ],
  },
  {
    name: 'Desserts',
    slug: 'desserts',
    dishes: [
      {
        sku: 'DEMO-TIRAMISU',
        name: 'Tiramisu',
        description: 'Espresso-soaked savoiardi, mascarpone cream and cocoa, made every morning.',
        price: 750,
        tags: ['vegetarian'],
        stock: 20,
        modifierGroups: [],
        art: 'dessert',
        colours: ['#e9d8b9', '#5a3620'],
      },
      {
        sku: 'DEMO-LAVA-CAKE',
        name: 'Chocolate Lava Cake',
        description: 'Warm dark-chocolate cake with a molten centre and vanilla ice cream.',
        price: 800,
        tags: ['vegetarian'],
        stock: 20,
        modifierGroups: [],
        art: 'dessert',
        colours: ['#4a2616', '#f5ecd9'],
      },
    ],
  },
  {
    name: 'Drinks',
    slug: 'drinks',
    dishes: [
      {
        sku: 'DEMO-LEMONADE',
        name: 'Fresh Lemonade',
        description: 'Squeezed to order with a little cane sugar and mint.',
        price: 450,
        tags: ['vegan', 'cold'],
        stock: 80,
        modifierGroups: [
          {
            name: 'Size',
            minSelect: 1,
            maxSelect: 1,
            options: [
              { name: 'Regular', priceDelta: 0 },
              { name: 'Large', priceDelta: 150 },
            ],
          },
        ],
        art: 'drink',
        colours: ['#f7e36b', '#5fae5a'],
      },
      {
        sku: 'DEMO-ESPRESSO',
        name: 'Espresso',
        description: 'A double shot of our house blend, chocolatey and bright.',
        price: 300,
        tags: ['vegan', 'hot'],
        stock: 100,
        modifierGroups: [{ name: 'Extra shot', minSelect: 0, maxSelect: 1, options: [{ name: 'Extra shot', priceDelta: 80 }] }],
        art: 'drink',
        colours: ['#3b2416', '#c68b59'],
      },
    ],
  },
];
