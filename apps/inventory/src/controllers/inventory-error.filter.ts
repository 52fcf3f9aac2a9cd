import { domainErrorFilter } from '@galley/platform';
import { InventoryError } from '../domain/inventory-error';

/** Answers an InventoryError in the platform's JSON error shape. */
export const InventoryErrorFilter = domainErrorFilter(InventoryError);
