export * from './notifications.module';
export * from './relay';
