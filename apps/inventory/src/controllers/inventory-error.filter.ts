import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { AllExceptionsFilter } from '@galley/platform';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';

/** The HTTP status of each inventory error: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: InventoryErrorCode): HttpStatus {
  switch (code) {
    case InventoryErrorCode.InvalidInput:
    case InventoryErrorCode.UnknownCategory:
    case InventoryErrorCode.UnknownParentCategory:
    case InventoryErrorCode.InvalidCursor:
    case InventoryErrorCode.InvalidImage:
      return HttpStatus.BAD_REQUEST;
    case InventoryErrorCode.ImageTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case InventoryErrorCode.ProductNotFound:
    case InventoryErrorCode.ImageNotFound:
    case InventoryErrorCode.SynonymSetNotFound:
      return HttpStatus.NOT_FOUND;
    case InventoryErrorCode.SlugTaken:
    case InventoryErrorCode.SkuTaken:
    case InventoryErrorCode.InsufficientStock:
      return HttpStatus.CONFLICT;
    default:
      return unmapped(code);
  }
}

function unmapped(code: never): never {
  throw new Error(`InventoryErrorCode ${String(code)} has no HTTP status`);
}

/** Answers an InventoryError in the platform's JSON error shape. */
@Catch(InventoryError)
export class InventoryErrorFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(error: InventoryError, host: ArgumentsHost): void {
    this.shape.catch(new HttpException(error.message, httpStatusOf(error.code)), host);
  }
}
