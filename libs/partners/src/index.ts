export * from './partners.module';
export * from './sponsors/sponsor.entity';
export * from './sponsors/sponsors.service';
export type { SponsorScope } from './sponsors/sponsors.policy';
export * from './sponsors/dto/sponsor.dto';
