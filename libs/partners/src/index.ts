export * from './partners.module';
export * from './sponsors/sponsor.entity';
export * from './sponsors/sponsors.service';
export type { SponsorScope } from './sponsors/sponsors.policy';
export * from './sponsors/dto/sponsor.dto';
export * from './sponsorships/sponsorships.service';
export * from './internships/internships.service';
export * from './applications/applications.service';
