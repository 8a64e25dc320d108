export * from './feedback.module';
export * from './feedback-http.module';
export * from './session-feedback.entity';
export * from './dto/feedback.dto';
export * from './queries/feedback-by-program';
export * from './queries/ratings-given';
