-- Galley database layout: one database, one schema per service, owned by that service's login
-- role, which has no rights on any other schema (libs/config/src/services.ts: databaseRoleFor).
-- The same layout as `npm start` provisions locally (scripts/lib/postgres.mjs).
--
-- Idempotent; run it as a superuser with psql. docker-compose.yml mounts it into the official
-- postgres image's /docker-entrypoint-initdb.d (first start of an empty volume only). For another
-- server, pass real passwords as psql variables:
--
--   psql -h <host> -U postgres -v ON_ERROR_STOP=1 \
--     -v users_password=... -v inventory_password=... -v orders_password=... \
--     -v payments_password=... -v reviews_password=... -f deploy/postgres/init.sql
--
-- A variable left unset falls back to the DEVELOPMENT-ONLY password galley_<service>_dev, which
-- docker-compose.yml uses. Running the script again resets the passwords to the given values.

\set ON_ERROR_STOP on

\if :{?users_password}
\else
  \set users_password 'galley_users_dev'
\endif
\if :{?inventory_password}
\else
  \set inventory_password 'galley_inventory_dev'
\endif
\if :{?orders_password}
\else
  \set orders_password 'galley_orders_dev'
\endif
\if :{?payments_password}
\else
  \set payments_password 'galley_payments_dev'
\endif
\if :{?reviews_password}
\else
  \set reviews_password 'galley_reviews_dev'
\endif

SELECT 'CREATE DATABASE galley'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'galley')\gexec

-- Roles are cluster-wide: create the missing ones, then (re)set every password.
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', role)
FROM unnest(ARRAY['galley_users', 'galley_inventory', 'galley_orders', 'galley_payments', 'galley_reviews']) AS role
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role)\gexec

ALTER ROLE galley_users PASSWORD :'users_password';
ALTER ROLE galley_inventory PASSWORD :'inventory_password';
ALTER ROLE galley_orders PASSWORD :'orders_password';
ALTER ROLE galley_payments PASSWORD :'payments_password';
ALTER ROLE galley_reviews PASSWORD :'reviews_password';

REVOKE ALL ON DATABASE galley FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE galley
  TO galley_users, galley_inventory, galley_orders, galley_payments, galley_reviews;

\connect galley

-- Nobody but the superuser may create objects in `public`. It holds only the extensions, which
-- need a superuser to install; the service roles may call their functions (USAGE below).
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
GRANT USAGE ON SCHEMA public
  TO galley_users, galley_inventory, galley_orders, galley_payments, galley_reviews;

CREATE SCHEMA IF NOT EXISTS users AUTHORIZATION galley_users;
CREATE SCHEMA IF NOT EXISTS inventory AUTHORIZATION galley_inventory;
CREATE SCHEMA IF NOT EXISTS orders AUTHORIZATION galley_orders;
CREATE SCHEMA IF NOT EXISTS payments AUTHORIZATION galley_payments;
CREATE SCHEMA IF NOT EXISTS reviews AUTHORIZATION galley_reviews;

-- A schema that already existed keeps its owner otherwise.
ALTER SCHEMA users OWNER TO galley_users;
ALTER SCHEMA inventory OWNER TO galley_inventory;
ALTER SCHEMA orders OWNER TO galley_orders;
ALTER SCHEMA payments OWNER TO galley_payments;
ALTER SCHEMA reviews OWNER TO galley_reviews;

REVOKE ALL ON SCHEMA users, inventory, orders, payments, reviews FROM PUBLIC;

-- Unqualified names resolve to the role's own schema, then to the extensions in public.
ALTER ROLE galley_users IN DATABASE galley SET search_path = users, public;
ALTER ROLE galley_inventory IN DATABASE galley SET search_path = inventory, public;
ALTER ROLE galley_orders IN DATABASE galley SET search_path = orders, public;
ALTER ROLE galley_payments IN DATABASE galley SET search_path = payments, public;
ALTER ROLE galley_reviews IN DATABASE galley SET search_path = reviews, public;
