import { formatMoney } from '../../shared/format/money';
import { Dialog } from '../../shared/ui';
import type { Product } from '../catalog';
import { ProductConfigurator } from './product-configurator';

export function ProductDialog({ product, open, onOpenChange }: { product: Product; open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={product.name} description={`${formatMoney(product.price)} · ${product.description}`}>
      <ProductConfigurator product={product} onAdded={() => onOpenChange(false)} />
    </Dialog>
  );
}
