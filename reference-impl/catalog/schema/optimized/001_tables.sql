-- Seed 004 Phase 1.1 "Proper PostgreSQL Schema": clients, sites, catalogs, products, orders,
-- site_product_exclusions, analytics_events, with the plan's columns and constraints. Deviations: product
-- and catalog names sort with COLLATE "C" (a byte order both variants share, so naive's lists in JavaScript
-- and optimized's ORDER BY agree); no ON DELETE clauses matter here (nothing is deleted). Foreign keys live
-- in 002 so the seeder can drop and restore them around a bulk load.
CREATE TABLE IF NOT EXISTS clients (
  id            uuid        PRIMARY KEY,
  name          text        NOT NULL,
  slug          text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
  contact_email text,
  is_active     boolean     NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS catalogs (
  id         uuid        PRIMARY KEY,
  name       text        COLLATE "C" NOT NULL,
  type       text        NOT NULL CHECK (type IN ('erp', 'manual', 'vendor', 'dropship')),
  source     text,
  status     text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'inactive')),
  owner_id   uuid        NOT NULL,  -- the client that owns it (the plan's owner_id)
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sites (
  id         uuid        PRIMARY KEY,
  client_id  uuid        NOT NULL,
  name       text        NOT NULL,
  domain     text        UNIQUE,
  status     text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'inactive')),
  catalog_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS products (
  id              uuid          PRIMARY KEY,
  catalog_id      uuid          NOT NULL,
  sku             text          NOT NULL,
  name            text          COLLATE "C" NOT NULL,
  description     text,
  category        text,
  brand           text,
  price           numeric(10,2) NOT NULL CHECK (price >= 0),
  currency        text          NOT NULL DEFAULT 'USD',
  inventory_count integer       NOT NULL DEFAULT 0 CHECK (inventory_count >= 0),
  is_active       boolean       NOT NULL DEFAULT true,
  created_at      timestamptz   NOT NULL DEFAULT now(),
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT products_catalog_sku_unique UNIQUE (catalog_id, sku)
);

CREATE TABLE IF NOT EXISTS orders (
  id               uuid          PRIMARY KEY,
  client_id        uuid          NOT NULL,
  site_id          uuid          NOT NULL,
  order_number     text          NOT NULL UNIQUE,
  customer_name    text          NOT NULL,
  customer_email   text          NOT NULL,
  status           text          NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'cancelled')),
  total_amount     numeric(10,2) NOT NULL,
  currency         text          NOT NULL DEFAULT 'USD',
  shipping_address jsonb         NOT NULL DEFAULT '{}',
  items            jsonb         NOT NULL,
  created_at       timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS site_product_exclusions (
  site_id    uuid        NOT NULL,
  product_id uuid        NOT NULL,
  reason     text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The plan's surrogate id is dropped: (site_id, product_id) is the key and the index the product list uses.
  CONSTRAINT site_product_exclusions_pkey PRIMARY KEY (site_id, product_id)
);

-- The plan's event table for reports; this workload's API does not write it yet (no index beyond the key).
CREATE TABLE IF NOT EXISTS analytics_events (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id  uuid        NOT NULL,
  site_id    uuid,
  event_type text        NOT NULL,
  event_data jsonb       NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
