export * from './certificates.module';
export * from './certificates-http.module';
export * from './certificates.service';
export * from './dto/certificate.dto';
export * from './queries/issued-certificates';
