/** Injection token of the inventory service's `InventoryConfig`. */
export const INVENTORY_CONFIG = Symbol('INVENTORY_CONFIG');
