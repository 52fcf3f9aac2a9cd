import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { AllExceptionsFilter } from '@galley/platform';
import { IMAGE_MAX_BYTES } from '../domain/image-rules';

/** Messages of the multipart parser (multer, busboy) that are about the upload itself. */
const MULTIPART_PROBLEM = /^(Unexpected file field|Too many|Field name|Field value|Invalid field name|Multipart|Unexpected end|Malformed)/i;

/**
 * Rewords the multipart parser's refusals of an image upload so that they name the `image` field
 * and the limit; every other HTTP error passes through in the platform's shape.
 */
@Catch(HttpException)
export class ImageUploadFilter implements ExceptionFilter {
  private readonly shape = new AllExceptionsFilter();

  catch(exception: HttpException, host: ArgumentsHost): void {
    this.shape.catch(reworded(exception), host);
  }
}

export function reworded(exception: HttpException): HttpException {
  if (exception instanceof PayloadTooLargeException) {
    return new HttpException(`image must be at most ${IMAGE_MAX_BYTES / (1024 * 1024)} MiB (${IMAGE_MAX_BYTES} bytes)`, HttpStatus.PAYLOAD_TOO_LARGE);
  }
  const message = exception.message;
  if (exception instanceof BadRequestException && MULTIPART_PROBLEM.test(message)) {
    return new BadRequestException(`image must be sent as one file in the multipart/form-data field "image" (${message})`);
  }
  return exception;
}
