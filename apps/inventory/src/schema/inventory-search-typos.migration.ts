import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that forgives (issue 12). Replaces the english-only `search_vector` and the trigram index
 * on names with:
 * - `search_fold(text)`: lower(unaccent(text)), IMMUTABLE so generated columns can use it
 *   (unaccent is created in `public` by provisioning; the dictionary is named, so the result does
 *   not depend on the search_path);
 * - `search_name`: the folded name (highlights, "name starts with" ranking);
 * - `search_doc`: name (A), tags (B) and description (C), each both as folded words ('simple':
 *   exact words and prefixes) and as english stems (plurals), with a GIN index;
 * - `search_words`: the vocabulary, every folded word of a live product with how many live
 *   products hold it (and in their names), kept by statement-level triggers in the same
 *   transaction as the product write; typo corrections, splits and joins are looked up in it, so
 *   a correction is always a word of this store;
 * - `search_synonyms`: store-level synonym sets staff edit;
 * - `units_sold`: the sales tie-breaker, kept from sale and return movements by a trigger.
 */
export class InventorySearchTypos1796100000000 implements MigrationInterface {
  readonly name = 'InventorySearchTypos1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "inventory".search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$`);
    await queryRunner.query(`DROP INDEX "inventory".products_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX "inventory".products_search_idx`);
    await queryRunner.query(`ALTER TABLE "inventory".products DROP COLUMN search_vector`);
    await queryRunner.query(`ALTER TABLE "inventory".products
      ADD COLUMN units_sold integer NOT NULL DEFAULT 0,
      ADD COLUMN search_name text GENERATED ALWAYS AS ("inventory".search_fold(name)) STORED,
      ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, "inventory".search_fold(name)), 'A') ||
        setweight(to_tsvector('english'::regconfig, "inventory".search_fold(name)), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "inventory".search_fold("inventory".product_tags_text(tags))), 'B') ||
        setweight(to_tsvector('english'::regconfig, "inventory".search_fold("inventory".product_tags_text(tags))), 'B') ||
        setweight(to_tsvector('simple'::regconfig, "inventory".search_fold(description)), 'C') ||
        setweight(to_tsvector('english'::regconfig, "inventory".search_fold(description)), 'C')
      ) STORED`);
    await queryRunner.query(`CREATE INDEX products_search_doc_idx ON "inventory".products USING gin (search_doc) WHERE archived_at IS NULL`);

    // The words of one product as the 'simple' parser splits its folded text, and whether each is in the name.
    await queryRunner.query(`CREATE FUNCTION "inventory".search_words_of(name text, tags text[], description text, OUT word text, OUT in_name boolean)
      RETURNS SETOF record LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT w, bool_or(n) FROM (
          SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig, "inventory".search_fold(name)))) AS w, true AS n
          UNION ALL
          SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
            "inventory".search_fold("inventory".product_tags_text(tags) || ' ' || description)))), false
        ) words GROUP BY w
      $$`);
    await queryRunner.query(`CREATE TABLE "inventory".search_words (
      word text COLLATE "C" PRIMARY KEY,
      products integer NOT NULL,
      in_names integer NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX search_words_trgm_idx ON "inventory".search_words USING gist (word public.gist_trgm_ops)`);
    // One function for the three statement triggers; plpgsql plans each branch only when it runs,
    // so a branch may name a transition table the other events do not have. Words are upserted in
    // word order, so two writers touching the same words lock them in the same order.
    await queryRunner.query(`CREATE FUNCTION "inventory".search_words_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed_words text[];
        product_deltas int[];
        name_deltas int[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(word ORDER BY word), array_agg(n ORDER BY word), array_agg(nn ORDER BY word)
            INTO changed_words, product_deltas, name_deltas
            FROM (SELECT w.word, count(*)::int AS n, (count(*) FILTER (WHERE w.in_name))::int AS nn
                    FROM new_rows r CROSS JOIN LATERAL "inventory".search_words_of(r.name, r.tags, r.description) w
                   WHERE r.archived_at IS NULL GROUP BY w.word) d;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(word ORDER BY word), array_agg(n ORDER BY word), array_agg(nn ORDER BY word)
            INTO changed_words, product_deltas, name_deltas
            FROM (SELECT w.word, sum(w.sign)::int AS n, (sum(w.sign) FILTER (WHERE w.in_name))::int AS nn
                    FROM new_rows r JOIN old_rows o ON o.id = r.id
                    CROSS JOIN LATERAL (
                      SELECT x.word, x.in_name, 1 AS sign FROM "inventory".search_words_of(r.name, r.tags, r.description) x WHERE r.archived_at IS NULL
                      UNION ALL
                      SELECT x.word, x.in_name, -1 FROM "inventory".search_words_of(o.name, o.tags, o.description) x WHERE o.archived_at IS NULL
                    ) w
                   WHERE (r.name, r.tags, r.description, r.archived_at IS NULL) IS DISTINCT FROM (o.name, o.tags, o.description, o.archived_at IS NULL)
                   GROUP BY w.word) d
           WHERE n <> 0 OR coalesce(nn, 0) <> 0;
        ELSE
          SELECT array_agg(word ORDER BY word), array_agg(n ORDER BY word), array_agg(nn ORDER BY word)
            INTO changed_words, product_deltas, name_deltas
            FROM (SELECT w.word, -count(*)::int AS n, -(count(*) FILTER (WHERE w.in_name))::int AS nn
                    FROM old_rows r CROSS JOIN LATERAL "inventory".search_words_of(r.name, r.tags, r.description) w
                   WHERE r.archived_at IS NULL GROUP BY w.word) d;
        END IF;
        IF changed_words IS NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO "inventory".search_words AS v (word, products, in_names)
          SELECT word, n, coalesce(nn, 0) FROM unnest(changed_words, product_deltas, name_deltas) AS d(word, n, nn) ORDER BY word
          ON CONFLICT (word) DO UPDATE SET products = v.products + excluded.products, in_names = v.in_names + excluded.in_names;
        DELETE FROM "inventory".search_words WHERE word = ANY(changed_words) AND products <= 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER products_search_words_insert AFTER INSERT ON "inventory".products
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inventory".search_words_maintain()`);
    await queryRunner.query(`CREATE TRIGGER products_search_words_update AFTER UPDATE ON "inventory".products
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inventory".search_words_maintain()`);
    await queryRunner.query(`CREATE TRIGGER products_search_words_delete AFTER DELETE ON "inventory".products
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "inventory".search_words_maintain()`);
    await queryRunner.query(`INSERT INTO "inventory".search_words (word, products, in_names)
      SELECT w.word, count(*), count(*) FILTER (WHERE w.in_name)
        FROM "inventory".products p CROSS JOIN LATERAL "inventory".search_words_of(p.name, p.tags, p.description) w
       WHERE p.archived_at IS NULL GROUP BY w.word`);

    await queryRunner.query(`CREATE TABLE "inventory".search_synonyms (
      id uuid PRIMARY KEY,
      terms text[] NOT NULL CHECK (cardinality(terms) BETWEEN 2 AND 20),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX search_synonyms_terms_idx ON "inventory".search_synonyms USING gin (terms)`);

    // Sales are negative deltas and returns positive ones, so units sold is minus their sum.
    await queryRunner.query(`CREATE FUNCTION "inventory".units_sold_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "inventory".products p SET units_sold = p.units_sold + s.n
          FROM (SELECT product_id, -sum(delta)::int AS n FROM new_rows WHERE kind IN ('sale', 'return') GROUP BY product_id) s
         WHERE p.id = s.product_id AND s.n <> 0;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER stock_movements_units_sold AFTER INSERT ON "inventory".stock_movements
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inventory".units_sold_maintain()`);
    await queryRunner.query(`UPDATE "inventory".products p SET units_sold = s.n
      FROM (SELECT product_id, -sum(delta)::int AS n FROM "inventory".stock_movements WHERE kind IN ('sale', 'return') GROUP BY product_id) s
     WHERE p.id = s.product_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER stock_movements_units_sold ON "inventory".stock_movements`);
    await queryRunner.query(`DROP FUNCTION "inventory".units_sold_maintain()`);
    await queryRunner.query(`DROP TABLE "inventory".search_synonyms`);
    await queryRunner.query(`DROP TRIGGER products_search_words_delete ON "inventory".products`);
    await queryRunner.query(`DROP TRIGGER products_search_words_update ON "inventory".products`);
    await queryRunner.query(`DROP TRIGGER products_search_words_insert ON "inventory".products`);
    await queryRunner.query(`DROP FUNCTION "inventory".search_words_maintain()`);
    await queryRunner.query(`DROP TABLE "inventory".search_words`);
    await queryRunner.query(`DROP FUNCTION "inventory".search_words_of(text, text[], text)`);
    await queryRunner.query(`DROP INDEX "inventory".products_search_doc_idx`);
    await queryRunner.query(`ALTER TABLE "inventory".products DROP COLUMN search_doc, DROP COLUMN search_name, DROP COLUMN units_sold`);
    await queryRunner.query(`ALTER TABLE "inventory".products ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, name), 'A') ||
        setweight(to_tsvector('english'::regconfig, "inventory".product_tags_text(tags)), 'B') ||
        setweight(to_tsvector('english'::regconfig, description), 'C')
      ) STORED`);
    await queryRunner.query(`CREATE INDEX products_search_idx ON "inventory".products USING gin (search_vector) WHERE archived_at IS NULL`);
    await queryRunner.query(`CREATE INDEX products_name_trgm_idx ON "inventory".products USING gin (lower(name) public.gin_trgm_ops) WHERE archived_at IS NULL`);
    await queryRunner.query(`DROP FUNCTION "inventory".search_fold(text)`);
  }
}
