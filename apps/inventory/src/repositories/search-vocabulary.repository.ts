import { EntityManager } from 'typeorm';
import { queryRow, queryRows } from '@galley/platform';
import { VocabularyFacts } from '../domain/search-text';

export interface SynonymSet {
  id: string;
  terms: string[];
  createdAt: Date;
}

/**
 * Queries on the search vocabulary (`inventory.search_words`, kept by triggers on products) and
 * the store's synonym sets; no rules.
 */
export class SearchVocabularyRepository {
  constructor(private readonly manager: EntityManager) {}

  /**
   * In one statement: which words occur, whether catalog words continue the last word, english
   * stems, trigram neighbours (GiST KNN over the vocabulary, a small table) and synonym sets.
   */
  async facts(question: { words: string[]; lookAlike: string[]; terms: string[]; prefixOf: string | null }): Promise<VocabularyFacts> {
    const rows = await queryRows<{
      known: string[];
      longer: boolean;
      stems: { word: string; stems: string[] }[];
      neighbours: { of: string; word: string; inNames: number; products: number }[];
      synonyms: string[][];
    }>(
      this.manager,
      `SELECT
         (SELECT coalesce(array_agg(word), '{}') FROM inventory.search_words WHERE word = ANY($1::text[])) AS known,
         ($2::text IS NOT NULL AND EXISTS (SELECT 1 FROM inventory.search_words WHERE word LIKE $2::text || '%' AND word <> $2::text)) AS longer,
         (SELECT coalesce(json_agg(json_build_object('word', w, 'stems', tsvector_to_array(to_tsvector('english'::regconfig, w)))), '[]')
            FROM unnest($3::text[]) w) AS stems,
         (SELECT coalesce(json_agg(json_build_object('of', t, 'word', n.word, 'inNames', n.in_names, 'products', n.products)), '[]')
            FROM unnest($4::text[]) t
            CROSS JOIN LATERAL (SELECT word, in_names, products FROM inventory.search_words ORDER BY word <-> t LIMIT 30) n) AS neighbours,
         (SELECT coalesce(json_agg(terms), '[]') FROM inventory.search_synonyms WHERE terms && $5::text[]) AS synonyms`,
      [question.words, question.prefixOf, [...new Set(question.terms.filter((t) => !t.includes(' ')))], question.lookAlike, question.terms],
    );
    const [row] = rows;
    const neighbours = new Map<string, { word: string; inNames: number; products: number }[]>();
    for (const n of row.neighbours) neighbours.set(n.of, [...(neighbours.get(n.of) ?? []), { word: n.word, inNames: n.inNames, products: n.products }]);
    return {
      known: new Set(row.known),
      lastHasLongerWords: row.longer,
      stems: new Map(row.stems.map((s) => [s.word, s.stems])),
      neighbours,
      synonyms: row.synonyms,
    };
  }

  listSynonyms(): Promise<SynonymSet[]> {
    return queryRows<SynonymSet>(this.manager, `SELECT id, terms, created_at FROM inventory.search_synonyms ORDER BY created_at, id`);
  }

  async insertSynonyms(id: string, terms: string[]): Promise<SynonymSet> {
    const rows = await queryRows<SynonymSet>(this.manager, `INSERT INTO inventory.search_synonyms (id, terms) VALUES ($1, $2) RETURNING id, terms, created_at`, [id, terms]);
    return rows[0];
  }

  /** Replaces the terms of a set; null when no set has the id. */
  async updateSynonyms(id: string, terms: string[]): Promise<SynonymSet | null> {
    return queryRow<SynonymSet>(
      this.manager,
      // In a CTE so the driver answers rows (a bare UPDATE … RETURNING comes back as [rows, count]).
      `WITH changed AS (UPDATE inventory.search_synonyms SET terms = $2 WHERE id = $1 RETURNING id, terms, created_at) SELECT * FROM changed`,
      [id, terms],
    );
  }

  async deleteSynonyms(id: string): Promise<boolean> {
    const rows = await queryRows(this.manager, `WITH gone AS (DELETE FROM inventory.search_synonyms WHERE id = $1 RETURNING id) SELECT id FROM gone`, [id]);
    return rows.length > 0;
  }
}
