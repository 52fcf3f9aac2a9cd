import { ApiProperty } from '@nestjs/swagger';

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
