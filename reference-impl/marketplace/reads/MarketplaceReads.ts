/* What the routes ask of a variant: one implementation per variant, the same documents from both. */
import type { ProductType } from '../../../scenarios/marketplace/layout.ts';
import type { HomeDocument, OrderDocument, ProductDocument, SearchDocument, StoreDocument } from '../documents/documents.ts';

export interface SearchRequest {
  /** Normalised: trimmed, lowercased, inner whitespace collapsed. */
  query: string;
  page: number;
  userId: number | null;
}

export interface OrderRequest {
  buyerId: number;
  productType: ProductType;
  productId: number;
}

export interface MarketplaceReads {
  home(): Promise<HomeDocument>;
  store(sellerId: number): Promise<StoreDocument | null>;
  product(type: ProductType, id: number): Promise<ProductDocument | null>;
  /** Answers the page and records the search in search_history and popular_searches. */
  search(req: SearchRequest): Promise<SearchDocument>;
  /** 201's document, or throws the coded 404/409. */
  createOrder(req: OrderRequest): Promise<OrderDocument>;
}
