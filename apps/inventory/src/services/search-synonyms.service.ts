import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { synonymTermsOf } from '../domain/search-synonyms';
import { InventoryStore } from '../repositories/inventory-store';
import { SynonymSet } from '../repositories/search-vocabulary.repository';

/** The store's synonym sets, which search applies from the next request on. */
@Injectable()
export class SearchSynonymsService {
  constructor(private readonly store: InventoryStore) {}

  list(): Promise<SynonymSet[]> {
    return this.store.read.search.listSynonyms();
  }

  create(terms: readonly string[]): Promise<SynonymSet> {
    return this.store.read.search.insertSynonyms(randomUUID(), storedTerms(terms));
  }

  async replace(id: string, terms: readonly string[]): Promise<SynonymSet> {
    const updated = await this.store.read.search.updateSynonyms(id, storedTerms(terms));
    if (!updated) throw notFound();
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.read.search.deleteSynonyms(id))) throw notFound();
  }
}

function storedTerms(terms: readonly string[]): string[] {
  const result = synonymTermsOf(terms);
  if ('problems' in result) throw new InventoryError(InventoryErrorCode.InvalidInput, result.problems.join('; '));
  return result.terms;
}

function notFound(): InventoryError {
  return new InventoryError(InventoryErrorCode.SynonymSetNotFound, 'no synonym set has this id');
}
