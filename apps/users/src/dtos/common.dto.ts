import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The JSON error shape every route answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 401 }) statusCode: number;
  @ApiProperty({ example: 'Unauthorized' }) error: string;
  @ApiProperty({ example: 'Email or password is incorrect' }) message: string;
  @ApiPropertyOptional({ type: [String] }) details?: string[];
  @ApiProperty({ example: '3f2a7c1e-9d4b-4c61-8f0a-2b6e5d7c9a10' }) requestId: string;
}

export class JwkResponse {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty() x: string;
  @ApiProperty() kid: string;
  @ApiProperty({ example: 'EdDSA' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
}

export class JwksResponse {
  @ApiProperty({ type: [JwkResponse] }) keys: JwkResponse[];
}
