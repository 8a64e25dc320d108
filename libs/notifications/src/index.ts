export * from './notifications.module';
export * from './notifications-http.module';
export * from './relay';
