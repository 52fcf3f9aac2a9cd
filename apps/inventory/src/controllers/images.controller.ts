import { Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Public, Roles } from '@galley/auth';
import { ErrorResponse } from '@galley/platform';
import { IMAGE_MAX_BYTES } from '../domain/image-rules';
import { InventoryError, InventoryErrorCode } from '../domain/inventory-error';
import { mapProductImage, ProductImageResponse } from '../dtos/product.dto';
import { ProductImagesService } from '../services/product-images.service';
import { ImageUploadFilter } from './image-upload.filter';
import { InventoryErrorFilter } from './inventory-error.filter';

/** The part of multer's file object an upload handler reads (multer's own types are not installed). */
interface UploadedImageFile {
  fieldname: string;
  size: number;
  buffer: Buffer;
}

/** Renditions are named by their content hash: a URL never changes meaning, so caches keep it forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Product pictures: admin uploads and deletes, public reads of the WebP renditions. */
@ApiTags('catalog')
@UseFilters(InventoryErrorFilter)
@Controller('api')
export class ImagesController {
  constructor(private readonly images: ProductImagesService) {}

  @Post('admin/products/:id/images')
  @Roles('admin')
  @UseFilters(ImageUploadFilter)
  @UseInterceptors(FileInterceptor('image', { limits: { fileSize: IMAGE_MAX_BYTES, files: 1, fields: 5, parts: 6 } }))
  @ApiOperation({ summary: 'Add a picture (JPEG, PNG or WebP up to 5 MiB, 16 to 8000 px a side); served as WebP thumb (320 px) and large (1280 px)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['image'], properties: { image: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ProductImageResponse })
  @ApiBadRequestResponse({ description: 'No image, or not a whole JPEG/PNG/WebP of sane size (the message says which)', type: ErrorResponse })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MiB', type: ErrorResponse })
  @ApiNotFoundResponse({ description: 'Unknown or archived product', type: ErrorResponse })
  async upload(@Param('id', new ParseUUIDPipe()) id: string, @UploadedFile() file: UploadedImageFile | undefined): Promise<ProductImageResponse> {
    if (!file) throw new InventoryError(InventoryErrorCode.InvalidImage, 'image is required: send the picture as the multipart/form-data file field "image"');
    return mapProductImage(await this.images.upload(id, file.buffer));
  }

  @Delete('admin/products/:id/images/:imageId')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a picture from a product' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such image on this product', type: ErrorResponse })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @Param('imageId', new ParseUUIDPipe()) imageId: string): Promise<void> {
    await this.images.remove(id, imageId);
  }

  @Get('images/:key')
  @Public()
  @ApiOperation({ summary: 'A picture rendition (WebP), cacheable forever' })
  // The bytes are WebP, the errors JSON: per response, not @ApiProduces (which would make the 404 WebP too).
  @ApiOkResponse({ description: 'The WebP bytes', content: { 'image/webp': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: HttpStatus.NOT_MODIFIED, description: 'If-None-Match names this rendition: the cached copy is current' })
  @ApiNotFoundResponse({ description: 'No such rendition', type: ErrorResponse })
  async read(@Param('key') key: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() res: Response): Promise<void> {
    const bytes = await this.images.read(key);
    const etag = `"${key.slice(0, 64)}"`;
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('ETag', etag);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }
    res.setHeader('Content-Type', 'image/webp');
    res.setHeader('Content-Length', String(bytes.length));
    res.status(HttpStatus.OK).end(bytes);
  }
}
