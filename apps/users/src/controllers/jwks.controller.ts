import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessTokenIssuer, Public } from '@galley/auth';
import { JwksResponse } from '../dtos/common.dto';

/** The public keys that verify access tokens (RFC 7517), for the gateway and every service. */
@ApiTags('auth')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly issuer: AccessTokenIssuer) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'JSON Web Key Set of the access-token signing keys' })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): JwksResponse {
    return this.issuer.jwks() as JwksResponse;
  }
}
