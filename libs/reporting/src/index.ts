export * from './reporting.module';
export * from './suppression';
