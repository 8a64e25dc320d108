import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { ApiKeysService } from '../api-keys/api-keys.service';
import type { Principal } from '../principal';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super({ header: 'X-API-Key', prefix: '' }, false);
  }

  validate(key: string): Promise<Principal | null> {
    return this.keys.authenticate(key);
  }
}
