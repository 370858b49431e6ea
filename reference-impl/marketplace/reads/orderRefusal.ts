/* Why an order was not created, as the coded error both variants answer: 404 buyer, 404 product, else 409. */
import type { HttpError } from '../../platform/errors/httpErrors.ts';
import { marketplaceErrors } from '../errors/marketplaceErrors.ts';
import type { OrderRequest } from './MarketplaceReads.ts';

export function orderRefusal(req: OrderRequest, buyerExists: boolean, productExists: boolean): HttpError {
  if (!buyerExists) return marketplaceErrors.buyerNotFound(req.buyerId);
  if (!productExists) return marketplaceErrors.productNotFound(req.productType, req.productId);
  return marketplaceErrors.productUnavailable(req.productType, req.productId);
}
