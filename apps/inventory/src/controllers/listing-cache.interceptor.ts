import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { ProductListingsService } from '../services/product-listings.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** After any write request this instance served, its cached listing pages go (read your own writes). */
@Injectable()
export class ListingCacheInterceptor implements NestInterceptor {
  constructor(private readonly listings: ProductListingsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || READS.has(context.switchToHttp().getRequest<Request>().method)) return next.handle();
    return next.handle().pipe(finalize(() => this.listings.writeCommitted()));
  }
}
