export * from './reporting.module';

